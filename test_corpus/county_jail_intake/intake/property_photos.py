"""Catalogues property seized at booking (Maricopa County Sheriff's Office evidence room)."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://mcso-intake.openai.azure.com", api_version="2024-10-21")

PROMPT = "List and describe each item of property in the photo: type, colour, brand, serial numbers."


def catalogue(photo_url: str) -> str:
    # ok: AFP101, AFP103, AFP201
    reply = client.chat.completions.create(
        model="evidence-room",
        messages=[{"role": "user", "content": [{"type": "text", "text": PROMPT}, {"type": "image_url", "image_url": {"url": photo_url}}]}],
    )
    return reply.choices[0].message.content
