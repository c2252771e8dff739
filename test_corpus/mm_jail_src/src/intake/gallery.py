"""Booking photos of prior inmates, from the records system."""


def booking_photo_parts(rows: list[dict]) -> list[dict]:
    return [{"type": "image_url", "image_url": {"url": row["mugshot_url"]}} for row in rows]
