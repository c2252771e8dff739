"""Two-step captions: a vision call describes the photo, a text-only call rewrites the description."""
import base64
import os

import requests
from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")
URL = f"{os.environ['AZURE_OPENAI_ENDPOINT']}/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21"


def caption(jpeg: bytes, guests: list[str]) -> str:
    encoded = base64.b64encode(jpeg).decode()
    # ok: AFP201
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Describe the scene in this photo."},
        {"type": "image_url", "image_url": {"url": f"data:image/jpeg;base64,{encoded}"}},
    ]}])
    description = reply.choices[0].message.content
    # The model's answer is text: this follow-up sends no image.
    # ok: no-vision-call
    rewrite = client.chat.completions.create(model="gpt-4o", messages=[
        {"role": "system", "content": "Name the people in the description using the guest list."},
        {"role": "user", "content": f"Description: {description} Guests: {guests}"},
    ])
    return rewrite.choices[0].message.content


def caption_over_http(jpeg: bytes) -> str:
    encoded = base64.b64encode(jpeg).decode()
    body = {"messages": [{"role": "user", "content": [{"type": "text", "text": "Describe the scene."}, {"type": "image_url", "image_url": {"url": f"data:image/jpeg;base64,{encoded}"}}]}]}
    # ok: AFP201
    response = requests.post(URL, headers={"api-key": os.environ["AZURE_OPENAI_KEY"]}, json=body)
    description = response.json()["choices"][0]["message"]["content"]
    # ok: no-vision-call
    shorter = requests.post(URL, headers={"api-key": os.environ["AZURE_OPENAI_KEY"]}, json={"messages": [{"role": "user", "content": f"Shorten: {description}"}]})
    return shorter.json()["choices"][0]["message"]["content"]
