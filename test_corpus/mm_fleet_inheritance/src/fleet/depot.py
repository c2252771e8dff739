"""Depot jobs run by the scheduler."""
from __future__ import annotations

from fleet.clients.inspection import InspectionClient

inspector = InspectionClient()


def yard_photo(photo_url: str) -> str:
    # ok: AFP201
    return inspector.damage(photo_url)


def returning_driver(photo_url: str) -> str:
    # ruleid: AFP201
    return inspector.ask("Which of our drivers is this? Reply with the employee number.", photo_url)


def tyre_check(photo_url: str) -> str:
    # ok: AFP201
    return inspector.ask("Is the tread of the front tyres above the legal minimum?", photo_url)


def by_name(check: str, photo_url: str) -> str:
    # a check looked up by name at run time is not followed
    # todoruleid: AFP201
    return getattr(inspector, check)("Who is this? Give their name.", photo_url)
