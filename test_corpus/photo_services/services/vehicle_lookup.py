"""Insurance claims: what vehicle is in the photo, and what is damaged."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def identify_vehicle(photo_url: str) -> str:
    # ok: AFP201
    reply = client.chat.completions.create(model="claims", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Identify the make, model and colour of the vehicle."},
        {"type": "image_url", "image_url": {"url": photo_url}}]}])
    return reply.choices[0].message.content


def same_vehicle(before_url: str, after_url: str) -> str:
    # ok: AFP201
    reply = client.chat.completions.create(model="claims", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Is the same car shown in both photos? Compare the damaged bumper."},
        {"type": "image_url", "image_url": {"url": before_url}},
        {"type": "image_url", "image_url": {"url": after_url}}]}])
    return reply.choices[0].message.content
