"""Anonymous mood survey at the cafeteria exit: estimates the overall mood of the crowd.

Nobody is identified; images are discarded right after the call.
"""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://acme-facilities.openai.azure.com", api_version="2024-10-21")


def crowd_mood(snapshot_url: str) -> str:
    # ok: AFP201
    reply = client.chat.completions.create(
        model="survey",
        messages=[{"role": "user", "content": [
            {"type": "text", "text": "Estimate the emotions on the faces in aggregate (happy, neutral, tired). Do not identify anyone."},
            {"type": "image_url", "image_url": {"url": snapshot_url}},
        ]}],
    )
    return reply.choices[0].message.content
