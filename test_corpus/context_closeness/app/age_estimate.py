"""Audience analytics for the photo desk: estimate age ranges, never who anyone is."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def age_ranges(photo_url: str) -> str:
    # ok: AFP201
    reply = client.chat.completions.create(model="desk", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Estimate the age range of each person (child, adult, senior)."},
        {"type": "image_url", "image_url": {"url": photo_url}}]}])
    return reply.choices[0].message.content
