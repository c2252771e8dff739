"""Two calls in one function: only the one that asks who the person is fires."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def caption_and_name(photo_url: str) -> tuple[str, str]:
    image = {"type": "image_url", "image_url": {"url": photo_url}}
    # ruleid: AFP201
    who = client.chat.completions.create(model="desk", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Who is this person? Give their full name."}, image]}])
    # ok: AFP201
    vehicle = client.chat.completions.create(model="desk", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Describe the vehicle in the photo: make, colour, damage."}, image]}])
    return who.choices[0].message.content, vehicle.choices[0].message.content
