"""Family photo album: suggests names for faces. Not for law enforcement use."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def suggest_names(photo_url: str, family_names: list[str]) -> str:
    # ruleid: AFP201
    # ok: AFP101, AFP102
    reply = client.chat.completions.create(model="album", messages=[{"role": "user", "content": [
        {"type": "text", "text": f"Recognise the faces and tell me who each person is. Family members: {family_names}"},
        {"type": "image_url", "image_url": {"url": photo_url}}]}])
    return reply.choices[0].message.content
