"""Photo desk: identifies people in agency photos (see names.py); this module only writes alt text."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def alt_text(photo_url: str) -> str:
    # ok: AFP201
    reply = client.chat.completions.create(model="desk", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Write alt text describing the scene for screen readers."},
        {"type": "image_url", "image_url": {"url": photo_url}}]}])
    return reply.choices[0].message.content
