"""Room and lost-and-found photo descriptions for the front desk."""
from __future__ import annotations

import base64
import os

from openai import AzureOpenAI

client = AzureOpenAI(
    azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"],
    api_key=os.environ["AZURE_OPENAI_API_KEY"],
    api_version="2024-10-21",
)
DEPLOYMENT = os.environ.get("CONCIERGE_DEPLOYMENT", "gpt-4o")


def photo_part(path: str) -> dict:
    """Encodes a guest's photo for the request.

    Guests sometimes upload a picture and ask who is in it; what the model is asked to do is up
    to the prompt of each call, never to this helper.
    """
    # identify the person from their face: the old kiosk did that here, it was removed in 2024
    with open(path, "rb") as handle:
        encoded = base64.b64encode(handle.read()).decode()
    return {"type": "image_url", "image_url": {"url": f"data:image/jpeg;base64,{encoded}"}}


def describe_room(path: str) -> str:
    # ok: AFP201
    reply = client.chat.completions.create(
        model=DEPLOYMENT,
        messages=[{"role": "user", "content": [
            {"type": "text", "text": "Describe the room layout and where the furniture stands, for a guest with low vision."},
            photo_part(path),
        ]}],
    )
    return reply.choices[0].message.content


def lost_item_note(path: str) -> str:
    # ok: AFP201
    reply = client.chat.completions.create(
        model=DEPLOYMENT,
        messages=[{"role": "user", "content": [
            {"type": "text", "text": "List the objects in this lost-and-found photo with their colours."},
            photo_part(path),
        ]}],
    )
    return reply.choices[0].message.content


def guest_match_prompt(guests: list[str]) -> str:
    return (
        "Which of these registered guests is the person in the photo? Reply with their name only: "
        + ", ".join(guests)
    )


def match_guest(path: str, guests: list[str]) -> str:
    # ruleid: AFP201
    reply = client.chat.completions.create(
        model=DEPLOYMENT,
        messages=[
            {"role": "system", "content": guest_match_prompt(guests)},
            {"role": "user", "content": [photo_part(path)]},
        ],
    )
    return reply.choices[0].message.content
