"""Onboarding kiosk: the applicant's live selfie goes out with the passport scan they uploaded."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def image(url: str) -> dict:
    return {"type": "image_url", "image_url": {"url": url}}


def onboarding_step(selfie_url: str, passport_scan_url: str) -> str:
    # ruleid: AFP201
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Antworte mit JA oder NEIN."},
        image(selfie_url),
        image(passport_scan_url),
    ]}])
    return reply.choices[0].message.content


def read_passport_fields(selfie_url: str, passport_scan_url: str) -> str:
    # ok: AFP201
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Extract the fields of the passport as JSON: surname, given names, number, expiry."},
        image(passport_scan_url),
        image(selfie_url),
    ]}])
    return reply.choices[0].message.content


def inspect_part(camera_frame_url: str, reference_drawing_url: str) -> str:
    # ok: AFP201
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Antworte mit JA oder NEIN."},
        image(camera_frame_url),
        image(reference_drawing_url),
    ]}])
    return reply.choices[0].message.content
