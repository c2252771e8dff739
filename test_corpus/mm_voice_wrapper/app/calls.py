"""After-call processing."""
import app.speech as speech


def caller_identity(clip: str) -> str:
    # ruleid: AFP202
    return speech.ask_about_clip("Which of our enrolled customers is speaking? Identify them by their voice.", clip)


def call_summary(clip: str) -> str:
    # ok: AFP202
    return speech.ask_about_clip("Transcribe the call and summarise the customer's request.", clip)
