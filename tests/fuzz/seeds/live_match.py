"""Patrol assist for the Springfield Police Department.

Streams frames from the officer's Axon body camera and asks the vision deployment whether the
person in front of the officer is in the department's suspect database.
"""
import base64
import logging
import os

import cv2
from openai import AzureOpenAI

log = logging.getLogger(__name__)

client = AzureOpenAI(
    azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"],
    api_key=os.environ["AZURE_OPENAI_API_KEY"],
    api_version="2024-10-21",
)

MATCH_PROMPT = (
    "You assist patrol officers. Identify the person in this frame by matching their face "
    "against the attached suspect database entries and answer with the record number."
)


def encode(frame) -> str:
    ok, buffer = cv2.imencode(".jpg", frame)
    return f"data:image/jpeg;base64,{base64.b64encode(buffer).decode()}"


def run(device_index: int = 0, every_nth: int = 15) -> None:
    camera = cv2.VideoCapture(device_index)  # body-worn camera on the officer's vest
    count = 0
    while camera.isOpened():
        ok, frame = camera.read()
        if not ok:
            break
        count += 1
        if count % every_nth:
            continue
        # ruleid: AFP101, AFP102, AFP103
        response = client.chat.completions.create(
            model=os.environ.get("AZURE_OPENAI_DEPLOYMENT", "gpt-4o"),
            messages=[
                {"role": "system", "content": MATCH_PROMPT},
                {"role": "user", "content": [{"type": "image_url", "image_url": {"url": encode(frame), "detail": "high"}}]},
            ],
            max_tokens=200,
        )
        log.info("match result: %s", response.choices[0].message.content)


if __name__ == "__main__":
    run()
