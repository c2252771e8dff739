"""Visitor badges: the prompt comes from an installed package, which is not read."""
import os

from face_toolkit import identify_prompt
from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def badge_text(photo_url: str) -> str:
    # ok: AFP201
    reply = client.chat.completions.create(
        model="kiosk-gpt4o",
        messages=[
            {"role": "system", "content": identify_prompt()},
            {"role": "user", "content": [{"type": "image_url", "image_url": {"url": photo_url}}]},
        ],
    )
    return reply.choices[0].message.content
