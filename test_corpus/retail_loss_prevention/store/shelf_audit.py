"""Shelf audit: describes gaps and misplaced products from aisle photos."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def audit(aisle_photo_url: str) -> str:
    # ok: AFP103, AFP201
    reply = client.chat.completions.create(
        model="shelves",
        messages=[{"role": "user", "content": [
            {"type": "text", "text": "Describe empty facings and misplaced products on this shelf."},
            {"type": "image_url", "image_url": {"url": aisle_photo_url}},
        ]}],
    )
    return reply.choices[0].message.content
