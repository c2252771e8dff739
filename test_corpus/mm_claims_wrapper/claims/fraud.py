"""Fraud desk: checks who filed a claim."""
from claims.vision_client import VisionClient, vision


def claimant_name(selfie: bytes) -> str:
    # ruleid: AFP201
    return vision.ask("Who is the person in this selfie? Tell me their full name.", selfie)


def repeat_claimant(selfie: bytes, history: list[dict]) -> str:
    client = VisionClient()
    # ruleid: AFP201
    return client.ask_with_history(history, "Is this the same person as in the earlier claims? Identify them by their face.", selfie)


def plate_number(photo: bytes) -> str:
    # ok: AFP201
    return vision.ask("Read the licence plate of the car.", photo)
