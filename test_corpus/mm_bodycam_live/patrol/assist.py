"""Patrol assist for the municipal police of Lyon: checks the person in front of the officer."""
import os

from openai import AzureOpenAI

from patrol.camera import live_frame
from patrol.prompts import FACE_CHECK

client = AzureOpenAI(azure_endpoint="https://lyon-patrouille.openai.azure.com", api_key=os.environ["AOAI_KEY"], api_version="2024-10-21")


def check_person() -> str:
    frame = live_frame()
    # ruleid: AFP102
    reply = client.chat.completions.create(
        model="patrol-gpt4o",
        messages=[
            {"role": "system", "content": FACE_CHECK},
            {"role": "user", "content": [{"type": "image_url", "image_url": {"url": f"data:image/jpeg;base64,{frame}"}}]},
        ],
    )
    return reply.choices[0].message.content
