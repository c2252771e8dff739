import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://lp-alerts.openai.azure.com", api_version="2024-10-21")


def alert(snapshot_url: str) -> str:
    reference = os.getenv("REFERENCE_SHEET_URL")
    # ruleid: AFP103
    reply = client.chat.completions.create(model="lp", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Identify the person by comparing them with the reference sheet."},
        {"type": "image_url", "image_url": {"url": snapshot_url}},
        {"type": "image_url", "image_url": {"url": reference}}]}])
    return reply.choices[0].message.content
