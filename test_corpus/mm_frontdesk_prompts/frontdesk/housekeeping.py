"""Housekeeping: checks the photo the attendant takes when a room is ready."""
import os

from openai import AzureOpenAI

from frontdesk.prompts import ROOM_PHOTO_PROMPT

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def room_ready(photo_url: str) -> str:
    # ok: AFP201
    reply = client.chat.completions.create(
        model="frontdesk-gpt4o",
        messages=[{"role": "user", "content": [
            {"type": "text", "text": ROOM_PHOTO_PROMPT},
            {"type": "image_url", "image_url": {"url": photo_url}},
        ]}],
    )
    return reply.choices[0].message.content
