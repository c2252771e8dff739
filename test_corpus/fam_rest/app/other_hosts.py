"""HTTP calls that do not go to Azure OpenAI."""
import base64

import requests

PART = {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64,..."}}


def openai_platform(question: str) -> dict:
    body = {"model": "gpt-4o", "messages": [{"role": "user", "content": [{"type": "text", "text": "Identify the person."}, PART]}]}
    # ok: no-vision-call
    return requests.post("https://api.openai.com/v1/chat/completions", json=body, timeout=30).json()


def upload_to_blob(jpeg: bytes, sas_url: str) -> int:
    # ok: no-vision-call
    return requests.post("https://photos.blob.core.windows.net/uploads/face.jpg", data=base64.b64encode(jpeg), timeout=30).status_code
