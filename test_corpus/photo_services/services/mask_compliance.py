"""Clinic entrance: checks whether visitors wear a mask. Nobody is identified or stored."""
from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://clinic-ops.openai.azure.com", api_version="2024-10-21")


def wearing_masks(snapshot_url: str) -> str:
    # ok: AFP201
    reply = client.chat.completions.create(model="clinic", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Check whether each person in the frame is wearing a mask. Reply with counts."},
        {"type": "image_url", "image_url": {"url": snapshot_url}}]}])
    return reply.choices[0].message.content
