"""Public wanted-persons bulletin: blur the faces of minors and bystanders before publishing."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def redaction_boxes(bulletin_page_url: str) -> str:
    # ok: AFP101, AFP103, AFP201
    reply = client.chat.completions.create(model="jail-ops", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Return bounding boxes of faces of minors and bystanders to redact. Do not compare them with any watchlist."},
        {"type": "image_url", "image_url": {"url": bulletin_page_url}}]}])
    return reply.choices[0].message.content
