"""Live crowd density on the stadium concourse cameras, for stewards."""
import base64
import os

import cv2
from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def density_loop(stream: str = "rtsp://concourse-cam-3/live") -> None:
    camera = cv2.VideoCapture(stream)
    while True:
        ok, frame = camera.read()
        if not ok:
            return
        jpeg = base64.b64encode(cv2.imencode(".jpg", frame)[1]).decode()
        # ok: AFP102, AFP201
        reply = client.chat.completions.create(model="stewards", messages=[{"role": "user", "content": [
            {"type": "text", "text": "Estimate crowd density (low, medium, high) and count people near gate B."},
            {"type": "image_url", "image_url": {"url": f"data:image/jpeg;base64,{jpeg}"}}]}])
        print(reply.choices[0].message.content)
