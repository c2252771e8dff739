"""Monthly report texts: uses the model for text only."""
from claims.vision_client import vision


def summary_line(total: int) -> str:
    # a call of something that is not a wrapper
    return f"{total} claims this month; vision deployment {vision._deployment}"
