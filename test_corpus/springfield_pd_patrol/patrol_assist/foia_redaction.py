"""Prepares body camera footage for public records (FOIA) release.

Faces of bystanders must be blurred before release. The model only returns bounding boxes;
it must never identify anyone.
"""
import json
import os

from openai import AzureOpenAI

from patrol_assist.camera import to_data_url

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def face_boxes(frame) -> list:
    # ok: AFP101, AFP201
    reply = client.chat.completions.create(
        model="redaction",
        response_format={"type": "json_object"},
        messages=[
            {"role": "system", "content": "Locate every face so it can be blurred. Never identify the people shown."},
            {"role": "user", "content": [{"type": "image_url", "image_url": {"url": to_data_url(frame)}}]},
        ],
    )
    return json.loads(reply.choices[0].message.content)["boxes"]
