"""Reads licence plates from the dashcam of a Springfield PD cruiser, live, for stolen-vehicle alerts."""
import os

import cv2
from openai import AzureOpenAI

from patrol_assist.camera import to_data_url

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")

PLATE_PROMPT = "Read the licence plate numbers of the vehicles ahead. Reply with plate numbers only."


def watch_dashcam(stream_url: str = "rtsp://10.0.0.5:554/dashcam") -> None:
    feed = cv2.VideoCapture(stream_url)
    while True:
        ok, frame = feed.read()
        if not ok:
            return
        # ok: AFP101, AFP102
        reply = client.chat.completions.create(
            model="plates",
            messages=[{"role": "user", "content": [
                {"type": "text", "text": PLATE_PROMPT},
                {"type": "image_url", "image_url": {"url": to_data_url(frame), "detail": "low"}},
            ]}],
        )
        print(reply.choices[0].message.content)
