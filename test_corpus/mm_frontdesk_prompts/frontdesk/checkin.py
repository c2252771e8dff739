"""Check-in desk: compares the lobby camera snapshot with the passport scanned at arrival."""
import os

from openai import AzureOpenAI

from frontdesk import GUEST_MATCH_PROMPT

client = AzureOpenAI(
    azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"],
    api_key=os.environ["AZURE_OPENAI_API_KEY"],
    api_version="2024-10-21",
)


def confirm_arrival(lobby_snapshot_url: str, passport_scan_url: str) -> bool:
    # ruleid: AFP201
    reply = client.chat.completions.create(
        model="frontdesk-gpt4o",
        messages=[{"role": "user", "content": [
            {"type": "text", "text": GUEST_MATCH_PROMPT},
            {"type": "image_url", "image_url": {"url": lobby_snapshot_url}},
            {"type": "image_url", "image_url": {"url": passport_scan_url}},
        ]}],
    )
    return reply.choices[0].message.content.strip() == "MATCH"
