"""Tattoo studio portfolio: describes the design and style of a finished tattoo."""
from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://ink-studio.openai.azure.com", api_version="2024-10-21")


def describe_tattoo(photo_url: str) -> str:
    # ok: AFP202
    reply = client.chat.completions.create(model="studio", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Describe the tattoo's design, style and colour palette for the portfolio caption."},
        {"type": "image_url", "image_url": {"url": photo_url}}]}])
    return reply.choices[0].message.content
