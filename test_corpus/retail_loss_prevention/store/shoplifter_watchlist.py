"""Entrance camera alerting: flags shoppers who appear on the chain's watchlist of known shoplifters."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")
WATCHLIST_SHEET = "https://storeops.blob.core.windows.net/lp/banned-offenders-contact-sheet.jpg"


def check_entrance(snapshot_url: str) -> str:
    # ruleid: AFP103
    reply = client.chat.completions.create(
        model="loss-prevention",
        messages=[{"role": "user", "content": [
            {"type": "text", "text": "Does the shopper in the first image match anyone on the watchlist contact sheet? Give the row."},
            {"type": "image_url", "image_url": {"url": snapshot_url}},
            {"type": "image_url", "image_url": {"url": WATCHLIST_SHEET}},
        ]}],
    )
    return reply.choices[0].message.content
