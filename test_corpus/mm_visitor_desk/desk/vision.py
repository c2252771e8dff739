"""Vision requests of the reception desk, and the check-in route that uses them."""
from __future__ import annotations

import base64
import os

import cv2
from fastapi import FastAPI, UploadFile
from openai import AzureOpenAI

client = AzureOpenAI(
    azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"],
    api_key=os.environ["AZURE_OPENAI_API_KEY"],
    api_version="2024-10-21",
)
DEPLOYMENT = "reception-gpt-4o"
app = FastAPI()


def identify_visitor(photo_url: str) -> str:
    """Names the visitor in a check-in photo."""
    # ok: AFP201
    reply = client.chat.completions.create(
        model=DEPLOYMENT,
        messages=[{"role": "user", "content": [
            {"type": "text", "text": "Who is this visitor? Reply with their full name only."},
            {"type": "image_url", "image_url": {"url": photo_url}},
        ]}],
    )
    return reply.choices[0].message.content


def describe_parcel(photo_url: str, question: str = "Describe the parcel and where its label is.") -> str:
    # ok: AFP201
    reply = client.chat.completions.create(
        model=DEPLOYMENT,
        messages=[{"role": "user", "content": [
            {"type": "text", "text": question},
            {"type": "image_url", "image_url": {"url": photo_url}},
        ]}],
    )
    return reply.choices[0].message.content


@app.post("/check-in")
async def check_in(photo: UploadFile) -> dict:
    encoded = base64.b64encode(await photo.read()).decode()
    # ruleid: AFP201
    return {"visitor": identify_visitor(f"data:image/jpeg;base64,{encoded}")}


@app.post("/parcels")
async def parcel_desk(photo: UploadFile) -> dict:
    encoded = base64.b64encode(await photo.read()).decode()
    # ok: AFP201
    return {"parcel": describe_parcel(f"data:image/jpeg;base64,{encoded}")}


def ask_the_door_camera(question: str = "Who is standing at the door? Tell me their name.") -> str:
    camera = cv2.VideoCapture(0)
    ok, frame = camera.read()
    camera.release()
    encoded = base64.b64encode(cv2.imencode(".jpg", frame)[1].tobytes()).decode()
    # ruleid: AFP201
    reply = client.chat.completions.create(
        model=DEPLOYMENT,
        messages=[{"role": "user", "content": [
            {"type": "text", "text": question},
            {"type": "image_url", "image_url": {"url": f"data:image/jpeg;base64,{encoded}"}},
        ]}],
    )
    return reply.choices[0].message.content


def parcel_left_at_door() -> str:
    # ok: AFP201
    return ask_the_door_camera("Describe what is lying on the doormat.")
