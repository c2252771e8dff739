"""Live coverage of police operations: the desk receives body camera stills released in real time."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def live_caption(still_url: str) -> str:
    # ok: AFP101, AFP102, AFP201
    reply = client.chat.completions.create(model="desk", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Describe what is happening in this still for a live blog caption."},
        {"type": "image_url", "image_url": {"url": still_url}}]}])
    return reply.choices[0].message.content
