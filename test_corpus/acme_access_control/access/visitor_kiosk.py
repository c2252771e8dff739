"""Front desk kiosk that greets returning visitors by name."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://acme-facilities.openai.azure.com", api_version="2024-10-21")


def greet(snapshot_url: str, directory_sheet_url: str) -> str:
    # ruleid: AFP201
    reply = client.chat.completions.create(
        model="front-desk",
        messages=[
            {"role": "system", "content": "Match the visitor's face against the employee directory sheet and greet them by name."},
            {"role": "user", "content": [
                {"type": "image_url", "image_url": {"url": snapshot_url}},
                {"type": "image_url", "image_url": {"url": directory_sheet_url}},
            ]},
        ],
    )
    return reply.choices[0].message.content
