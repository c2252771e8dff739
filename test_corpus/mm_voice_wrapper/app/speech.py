"""Sends a recorded clip and a question to the audio deployment."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://callcenter-audio.openai.azure.com", api_key=os.environ["AOAI_KEY"], api_version="2025-01-01-preview")


def ask_about_clip(question: str, wav_base64: str) -> str:
    # ok: AFP202
    reply = client.chat.completions.create(
        model="gpt-4o-audio-preview",
        modalities=["text"],
        messages=[{"role": "user", "content": [
            {"type": "text", "text": question},
            {"type": "input_audio", "input_audio": {"data": wav_base64, "format": "wav"}},
        ]}],
    )
    return reply.choices[0].message.content
