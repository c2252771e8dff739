"""Booking photo quality check before the photo joins the mugshot database (Sheriff's Office)."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")

QUALITY_PROMPT = "Describe the photo quality: lighting, focus, background, whether the face is fully visible. Do not identify the person."


def quality_report(booking_photo_url: str) -> str:
    # ok: AFP101, AFP103, AFP201
    reply = client.chat.completions.create(model="jail-ops", messages=[
        {"role": "system", "content": QUALITY_PROMPT},
        {"role": "user", "content": [{"type": "image_url", "image_url": {"url": booking_photo_url}}]}])
    return reply.choices[0].message.content
