"""Flags safety violations on site from the crane camera every five minutes."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def violations(snapshot_url: str) -> str:
    # ok: AFP201
    reply = client.chat.completions.create(model="safety", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Identify any workers not wearing hard hats or high-visibility vests and give their positions."},
        {"type": "image_url", "image_url": {"url": snapshot_url}}]}])
    return reply.choices[0].message.content
