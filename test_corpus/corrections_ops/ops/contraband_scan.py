"""Mailroom: describes items found in incoming parcels for the contraband log (county jail)."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")
OFFENDER_RECORDS_URL = "https://records.internal/offenders"


def describe_parcel(xray_url: str) -> str:
    # ok: AFP101, AFP103, AFP201
    reply = client.chat.completions.create(model="jail-ops", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Describe the items visible in this parcel X-ray and flag anything that looks like a weapon or drugs."},
        {"type": "image_url", "image_url": {"url": xray_url}}]}])
    return reply.choices[0].message.content
