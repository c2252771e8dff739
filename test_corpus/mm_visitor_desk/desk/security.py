"""Evening security round: the guard's tablet sends its photos through the desk's requests."""
from __future__ import annotations

from desk.vision import describe_parcel, identify_visitor


def after_hours_visitor(tablet_photo_url: str) -> str:
    # ruleid: AFP201
    return identify_visitor(tablet_photo_url)


def unattended_bag(tablet_photo_url: str) -> str:
    # ok: AFP201
    return describe_parcel(tablet_photo_url, "Is this bag unattended? Describe it for the lost-property log.")


def badge_holder(tablet_photo_url: str) -> str:
    # ruleid: AFP201
    return describe_parcel(tablet_photo_url, "Is the person in this photo the holder of badge 4411? Identify them by their face.")
