"""Greets visitors at the lobby kiosk. Its prompt lives in wording.py, which imports STYLE back."""
import os

from openai import AzureOpenAI

from kiosk.wording import GREETING_PROMPT

STYLE = "Keep the answer to one sentence."

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def greet(photo_url: str) -> str:
    # ruleid: AFP201
    reply = client.chat.completions.create(
        model="kiosk-gpt4o",
        messages=[
            {"role": "system", "content": GREETING_PROMPT},
            {"role": "user", "content": [{"type": "image_url", "image_url": {"url": photo_url}}]},
        ],
    )
    return reply.choices[0].message.content
