"""Door kiosk: checks that the person badging in is the badge holder."""
from __future__ import annotations

import asyncio
import os

from azure.identity.aio import DefaultAzureCredential, get_bearer_token_provider
from openai import AsyncAzureOpenAI

token_provider = get_bearer_token_provider(DefaultAzureCredential(), "https://cognitiveservices.azure.com/.default")
client = AsyncAzureOpenAI(
    azure_endpoint="https://acme-facilities.openai.azure.com",
    azure_ad_token_provider=token_provider,
    api_version="2025-04-01-preview",
)


async def badge_holder_matches(door_snapshot_url: str, badge_photo_url: str) -> bool:
    """Verify the employee's face against the photo on file for their badge."""
    # ok: AFP201
    reply = await client.chat.completions.create(
        model="door-kiosk",
        messages=[{"role": "user", "content": [
            {"type": "text", "text": "Answer MATCH or NO MATCH."},
            {"type": "image_url", "image_url": {"url": door_snapshot_url}},
            {"type": "image_url", "image_url": {"url": badge_photo_url}},
        ]}],
    )
    return reply.choices[0].message.content.strip() == "MATCH"


if __name__ == "__main__":
    # the images come from this call, so the purpose the wrapper states is decided here, once
    # ruleid: AFP201
    print(asyncio.run(badge_holder_matches("https://example/door.jpg", "https://example/badge.jpg")))
