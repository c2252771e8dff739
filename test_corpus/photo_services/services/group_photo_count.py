"""Event photos: how many people attended, counted from the group photo."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def headcount(group_photo_url: str) -> int:
    # ok: AFP201
    reply = client.chat.completions.create(model="events", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Count the faces in this group photo and reply with a number."},
        {"type": "image_url", "image_url": {"url": group_photo_url}}]}])
    return int(reply.choices[0].message.content)


def crop_faces(group_photo_url: str) -> str:
    # ok: AFP201
    reply = client.chat.completions.create(model="events", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Locate the faces and return crop boxes for the thumbnail strip."},
        {"type": "image_url", "image_url": {"url": group_photo_url}}]}])
    return reply.choices[0].message.content
