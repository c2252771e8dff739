"""Lobby occupancy dashboard: how many people are waiting, refreshed every minute."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://acme-facilities.openai.azure.com", api_version="2024-10-21")


def people_waiting(lobby_camera_snapshot: str) -> int:
    # ok: AFP201
    reply = client.chat.completions.create(
        model="lobby",
        messages=[{"role": "user", "content": [
            {"type": "text", "text": "Count the people in the waiting area. Reply with a number."},
            {"type": "image_url", "image_url": {"url": lobby_camera_snapshot}},
        ]}],
    )
    return int(reply.choices[0].message.content)
