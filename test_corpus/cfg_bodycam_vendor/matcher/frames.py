import base64
import os

import cv2
from openai import AzureOpenAI

client = AzureOpenAI(
    azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"],
    api_key=os.environ["AZURE_OPENAI_API_KEY"],
    api_version="2024-10-21",
)


def run() -> None:
    source = os.environ["CAMERA_SOURCE"]
    capture = cv2.VideoCapture(source)
    while True:
        ok, frame = capture.read()
        if not ok:
            return
        encoded = base64.b64encode(cv2.imencode(".jpg", frame)[1]).decode()
        # ruleid: AFP101, AFP102
        reply = client.chat.completions.create(model="matcher", messages=[{"role": "user", "content": [
            {"type": "text", "text": "Identify the person in the frame."},
            {"type": "image_url", "image_url": {"url": f"data:image/jpeg;base64,{encoded}"}}]}])
        print(reply.choices[0].message.content)
