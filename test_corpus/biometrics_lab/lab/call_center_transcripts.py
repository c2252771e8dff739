"""Call centre quality review: transcripts of recorded calls, with speaker turns labelled A and B."""
import base64
from pathlib import Path

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://bank-voice.openai.azure.com", api_version="2025-01-01-preview")


def transcript(recording: Path) -> str:
    # ok: AFP202
    reply = client.chat.completions.create(
        model="gpt-4o-audio",
        modalities=["text"],
        messages=[{"role": "user", "content": [
            {"type": "text", "text": "Transcribe the call. Label the turns A and B."},
            {"type": "input_audio", "input_audio": {"data": base64.b64encode(recording.read_bytes()).decode(), "format": "mp3"}},
        ]}],
    )
    return reply.choices[0].message.content
