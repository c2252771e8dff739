"""Politie Rotterdam: achteraf opgenomen bodycam-beelden doorzoeken (archief, geen live beelden)."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def zoek(still_url: str) -> str:
    # ruleid: AFP201
    # ok: AFP102
    antwoord = client.chat.completions.create(
        model="vision-nl",
        messages=[{"role": "user", "content": [
            {"type": "text", "text": "Wie is deze man op de opgenomen bodycam-beelden?"},
            {"type": "image_url", "image_url": {"url": still_url}},
        ]}],
    )
    return antwoord.choices[0].message.content
