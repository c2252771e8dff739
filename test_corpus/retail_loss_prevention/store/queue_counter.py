"""Checkout queue length from the ceiling camera, to open more tills."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def queue_length(ceiling_snapshot: str) -> int:
    # ok: AFP201
    reply = client.chat.completions.create(
        model="queues",
        messages=[{"role": "user", "content": [
            {"type": "text", "text": "How many people are queuing at the tills?"},
            {"type": "image_url", "image_url": {"url": ceiling_snapshot}},
        ]}],
    )
    return int(reply.choices[0].message.content)
