"""Links a new booking to earlier ones."""
import os

from openai import AzureOpenAI

from intake.gallery import booking_photo_parts
from intake.prompts import GALLERY_MATCH

client = AzureOpenAI(azure_endpoint="https://intake-desk.openai.azure.com", api_key=os.environ["AOAI_KEY"], api_version="2024-10-21")


def earlier_bookings(probe_url: str, rows: list[dict]) -> str:
    content = [{"type": "text", "text": GALLERY_MATCH}, {"type": "image_url", "image_url": {"url": probe_url}}]
    content.extend(booking_photo_parts(rows))
    # ruleid: AFP103
    reply = client.chat.completions.create(model="intake-gpt4o", messages=[{"role": "user", "content": content}])
    return reply.choices[0].message.content
