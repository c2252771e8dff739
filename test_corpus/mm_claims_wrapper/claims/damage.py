"""Damage assessment for motor claims."""
from .vision_client import get_client, vision


def assess(photo: bytes) -> str:
    # ok: AFP201
    return vision.ask("Describe the damage to the vehicle and estimate the repair cost.", photo)


def second_opinion(photo: bytes) -> str:
    # ok: AFP201
    return get_client("claims-vision-large").ask("List every damaged panel and whether it can be repaired.", photo)
