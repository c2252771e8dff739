"""Scene notes for accident reports."""
from ..clients import make_client
from ..prompts import SCENE_NOTES


def notes(photo_url: str) -> str:
    # ok: AFP101, AFP201
    reply = make_client().chat.completions.create(
        model="field-gpt4o",
        messages=[{"role": "user", "content": [
            {"type": "text", "text": SCENE_NOTES},
            {"type": "image_url", "image_url": {"url": photo_url}},
        ]}],
    )
    return reply.choices[0].message.content
