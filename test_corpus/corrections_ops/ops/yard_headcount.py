"""Harris County Sheriff's Office jail division: yard headcount from the fixed yard camera.

The inmate roster is reconciled separately by deputies; this only counts.
"""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def yard_count(snapshot_url: str) -> int:
    # ok: AFP101, AFP103, AFP201
    reply = client.chat.completions.create(model="jail-ops", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Count the people in the yard. Reply with a number only."},
        {"type": "image_url", "image_url": {"url": snapshot_url}}]}])
    return int(reply.choices[0].message.content)
