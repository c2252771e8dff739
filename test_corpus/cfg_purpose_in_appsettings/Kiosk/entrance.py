import json
from pathlib import Path

from openai import AzureOpenAI

SETTINGS = json.loads(Path("appsettings.json").read_text())
client = AzureOpenAI(azure_endpoint="https://entrance.openai.azure.com", api_version="2024-10-21")


def check(snapshot_url: str) -> str:
    # ruleid: AFP103
    reply = client.chat.completions.create(model=SETTINGS["Vision"]["Deployment"], messages=[{"role": "user", "content": [
        {"type": "image_url", "image_url": {"url": snapshot_url}}]}])
    return reply.choices[0].message.content
