import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def identify_suspect_from_tip(tip_text: str) -> str:
    """Identify the suspect named in a reader's tip (text only, for the crime desk)."""
    # ok: no-vision-call
    reply = client.chat.completions.create(model="desk", messages=[{"role": "user", "content": f"Identify the suspect: {tip_text}"}])
    return reply.choices[0].message.content


def archive_photo(photo_url: str) -> str:
    # ok: AFP201
    reply = client.chat.completions.create(model="desk", messages=[{"role": "user", "content": [
        {"type": "image_url", "image_url": {"url": photo_url}}]}])
    return reply.choices[0].message.content
