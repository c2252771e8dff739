"""Site photos go to the client portal; faces are anonymised first."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def boxes_to_blur(photo_url: str) -> str:
    # ok: AFP201
    reply = client.chat.completions.create(model="safety", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Identify all faces and return boxes so we can blur them."},
        {"type": "image_url", "image_url": {"url": photo_url}}]}])
    return reply.choices[0].message.content
