"""Smart home: detects sound events (glass breaking, smoke alarm) in short clips."""
import base64

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://home-hub.openai.azure.com", api_version="2025-01-01-preview")


def sound_event(clip: bytes) -> str:
    # ok: AFP202
    reply = client.chat.completions.create(model="gpt-4o-audio", modalities=["text"], messages=[{"role": "user", "content": [
        {"type": "text", "text": "Classify the sound: glass breaking, smoke alarm, dog barking or other."},
        {"type": "input_audio", "input_audio": {"data": base64.b64encode(clip).decode(), "format": "wav"}}]}])
    return reply.choices[0].message.content
