"""Pilotprojekt der Landespolizei: Gesichtserkennung in Echtzeit über die Dashcam im Streifenwagen."""
import base64
import os

import cv2
from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")
DASHCAM_INDEX = 1


def abgleich() -> None:
    kamera = cv2.VideoCapture(DASHCAM_INDEX)
    while kamera.isOpened():
        ok, bild = kamera.read()
        if not ok:
            return
        _, puffer = cv2.imencode(".jpg", bild)
        # ruleid: AFP102
        antwort = client.chat.completions.create(
            model="vision-de",
            messages=[{"role": "user", "content": [
                {"type": "text", "text": "Wer ist diese Person? Personen identifizieren und Namen nennen."},
                {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64," + base64.b64encode(puffer).decode()}},
            ]}],
        )
        print(antwort.choices[0].message.content)
