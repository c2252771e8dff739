"""Face lookup for the archive: tell the archivist who is in each scanned print, by name."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def archive_lookup(scan_url: str, description: str = "") -> str:
    """Sends one scanned print. See the description in the README."""
    # ruleid: AFP201
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": description or "Archive print."},
        {"type": "image_url", "image_url": {"url": scan_url}}]}])
    return reply.choices[0].message.content


def summary_for(scan_url: str, summary: str) -> str:
    """Returns a summary of the lookup."""
    # ruleid: AFP201
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": summary},
        {"type": "image_url", "image_url": {"url": scan_url}}]}])
    return reply.choices[0].message.content
