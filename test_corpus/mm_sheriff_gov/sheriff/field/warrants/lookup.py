"""Warrant lookup from a deputy's photo."""
import sheriff.prompts as prompts

from ...clients import make_client
from .. import scene

client = make_client()


def warrant_for(photo_url: str) -> str:
    # ruleid: AFP101
    reply = client.chat.completions.create(
        model="field-gpt4o",
        messages=[{"role": "user", "content": [
            {"type": "text", "text": prompts.WARRANT_MATCH},
            {"type": "image_url", "image_url": {"url": photo_url}},
        ]}],
    )
    return reply.choices[0].message.content


def scene_report(photo_url: str) -> str:
    # a call of a wrapper in another module: a vision call here too, with this module's context
    # ok: AFP101, AFP201
    return scene.notes(photo_url)
