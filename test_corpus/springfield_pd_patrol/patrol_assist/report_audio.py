"""Transcribes recorded witness interviews into the report system for Springfield PD detectives."""
import base64
import os
from pathlib import Path

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2025-01-01-preview")


def transcribe_interview(path: Path) -> str:
    audio = base64.b64encode(path.read_bytes()).decode()
    # ok: AFP202
    reply = client.chat.completions.create(
        model="gpt-4o-audio",
        modalities=["text"],
        messages=[{"role": "user", "content": [
            {"type": "text", "text": "Transcribe this interview verbatim for the report."},
            {"type": "input_audio", "input_audio": {"data": audio, "format": "wav"}},
        ]}],
    )
    return reply.choices[0].message.content
