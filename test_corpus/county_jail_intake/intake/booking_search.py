"""Booking desk helper for the Maricopa County Sheriff's Office.

Given the photo taken at booking, finds earlier bookings of the same person among the booking
photos of prior inmates, so the deputy can link the new record.
"""
from __future__ import annotations

import os

from openai import AzureOpenAI

client = AzureOpenAI(
    azure_endpoint="https://mcso-intake.openai.azure.com",
    api_key=os.environ["AZURE_OPENAI_API_KEY"],
    api_version="2025-04-01-preview",
)


def candidate_records(booking_photo_url: str, gallery_urls: list[str]) -> str:
    content = [{"type": "input_text", "text": "Find this person among the booking photos of prior inmates below. Reply with the matching index."}]
    content.append({"type": "input_image", "image_url": booking_photo_url, "detail": "high"})
    content.extend({"type": "input_image", "image_url": url, "detail": "low"} for url in gallery_urls)
    # ruleid: AFP101, AFP103
    response = client.responses.create(model="intake-gpt4o", input=[{"role": "user", "content": content}])
    return response.output_text
