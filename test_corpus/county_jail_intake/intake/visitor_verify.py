"""Jail visitation check-in for the Maricopa County Sheriff's Office.

The kiosk photographs the visitor and confirms they are the same person as on the ID they
scanned before a deputy lets them in.
"""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://mcso-intake.openai.azure.com", api_version="2024-10-21")


def same_as_id(kiosk_photo_url: str, id_photo_url: str) -> bool:
    # ruleid: AFP101
    reply = client.chat.completions.create(
        model="visitation",
        messages=[{"role": "user", "content": [
            {"type": "text", "text": "Is the person in the first photo the same person as on the ID card? Answer yes or no."},
            {"type": "image_url", "image_url": {"url": kiosk_photo_url}},
            {"type": "image_url", "image_url": {"url": id_photo_url}},
        ]}],
    )
    return reply.choices[0].message.content.strip().lower().startswith("yes")
