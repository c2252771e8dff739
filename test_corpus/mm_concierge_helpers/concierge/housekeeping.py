"""Housekeeping: damage reports from room photos."""
from __future__ import annotations

from .photos import DEPLOYMENT, client, photo_part


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
