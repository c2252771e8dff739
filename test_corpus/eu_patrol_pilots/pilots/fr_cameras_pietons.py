"""Pilote « caméras-piétons » pour la police municipale de Lyon.

Reconnaissance faciale en temps réel : chaque image du flux de la caméra-piéton est envoyée au
déploiement pour identifier la personne contrôlée.
"""
import base64
import os

import cv2
from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def surveiller(flux: str = "rtsp://camera-pieton.local/live") -> None:
    capture = cv2.VideoCapture(flux)
    while True:
        ok, image = capture.read()
        if not ok:
            break
        _, tampon = cv2.imencode(".jpg", image)
        url = f"data:image/jpeg;base64,{base64.b64encode(tampon).decode()}"
        # ruleid: AFP102
        reponse = client.chat.completions.create(
            model="vision-fr",
            messages=[{"role": "user", "content": [
                {"type": "text", "text": "Identifiez la personne visible sur cette image."},
                {"type": "image_url", "image_url": {"url": url}},
            ]}],
        )
        print(reponse.choices[0].message.content)
