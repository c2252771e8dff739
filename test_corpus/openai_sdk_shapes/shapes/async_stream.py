"""Streams the answer while recognising the contractor in a site photo (async client)."""
import os

from openai import AsyncAzureOpenAI

aclient = AsyncAzureOpenAI(
    azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"],
    api_version="2025-04-01-preview",
    azure_deployment="gpt4o-vision",
)


async def recognise(photo_url: str) -> str:
    messages = [{"role": "user", "content": [
        {"type": "text", "text": "Recognise the person in this site photo and give their name."},
        {"type": "image_url", "image_url": {"url": photo_url}},
    ]}]
    chunks = []
    # ruleid: AFP201
    async with aclient.chat.completions.stream(model="gpt4o-vision", messages=messages) as stream:
        async for event in stream:
            if event.type == "content.delta":
                chunks.append(event.delta)
    return "".join(chunks)
