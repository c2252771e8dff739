"""Front-desk assistant: check-in and housekeeping helpers."""
from .prompts import GUEST_MATCH_PROMPT, ROOM_PHOTO_PROMPT

__all__ = ["GUEST_MATCH_PROMPT", "ROOM_PHOTO_PROMPT"]
