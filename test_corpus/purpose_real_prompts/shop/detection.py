"""Object detection for the store cameras.

The face recognition service that consumes these boxes lives in another repository.
"""
import base64
import json
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")

DETECTION_PROMPT = (
    "Detect the following objects in the image: car, person, bicycle, dog, face. "
    'Return a JSON list of {"label": ..., "box": [x1, y1, x2, y2]} with pixel coordinates.'
)
DETECTION_PROMPT_FR = "Détecte les objets suivants dans l'image : voiture, personne, vélo, chien. Réponds en JSON."


def detect_objects(frame_jpeg: bytes, french: bool = False) -> list[dict]:
    encoded = base64.b64encode(frame_jpeg).decode()
    # ok: AFP201
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": DETECTION_PROMPT_FR if french else DETECTION_PROMPT},
        {"type": "image_url", "image_url": {"url": f"data:image/jpeg;base64,{encoded}"}}]}])
    return json.loads(reply.choices[0].message.content)
