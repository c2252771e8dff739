"""Housekeeping: damage reports from room photos."""
from __future__ import annotations

from azure.core.exceptions import ClientAuthenticationError

from .photos import DEPLOYMENT, client, photo_part

ROOM_PHOTOS = "https://concierge.blob.core.windows.net/rooms"


def damage_report(path: str) -> str:
    # ok: AFP201
    reply = client.chat.completions.create(
        model=DEPLOYMENT,
        messages=[{"role": "user", "content": [
            {"type": "text", "text": "Describe any damage to the furniture, walls or minibar in this room."},
            photo_part(path),
        ]}],
    )
    return reply.choices[0].message.content


def room_ready_photo(room: str) -> str:
    try:
        # ok: AFP201
        reply = client.chat.completions.create(
            model=DEPLOYMENT,
            messages=[{"role": "user", "content": [
                {"type": "image_url", "image_url": {"url": f"{ROOM_PHOTOS}/{room}/latest.jpg"}},
            ]}],
        )
    except ClientAuthenticationError:
        return "photo storage credentials expired"
    return reply.choices[0].message.content
