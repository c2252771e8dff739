"""The demo pointed at OpenAI's own platform, not Azure."""
import os

from openai import OpenAI

client = OpenAI(api_key=os.environ["OPENAI_API_KEY"], base_url="https://api.openai.com/v1")


def identify(photo_url: str) -> str:
    # ok: no-vision-call
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Identify the person in the photo."},
        {"type": "image_url", "image_url": {"url": photo_url}},
    ]}])
    return reply.choices[0].message.content
