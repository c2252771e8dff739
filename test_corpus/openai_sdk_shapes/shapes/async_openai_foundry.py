"""AsyncOpenAI on an Azure AI Foundry resource's v1 endpoint."""
import os

from openai import AsyncOpenAI

client = AsyncOpenAI(
    base_url=f"https://{os.environ['FOUNDRY_RESOURCE']}.services.ai.azure.com/openai/v1/",
    api_key=os.environ["FOUNDRY_KEY"],
)


async def recognise(photo_url: str) -> str:
    # ruleid: AFP201
    reply = await client.chat.completions.parse(model="staff", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Recognise the person in the photo."},
        {"type": "image_url", "image_url": {"url": photo_url}}]}])
    return reply.choices[0].message.content
