"""Phone banking: verifies the caller by their voice before a transfer."""
import base64

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://bank-voice.openai.azure.com", api_version="2025-01-01-preview")


def caller_is_account_holder(call_clip: bytes, enrolled_clip: bytes) -> str:
    clips = [
        {"type": "input_audio", "input_audio": {"data": base64.b64encode(clip).decode(), "format": "wav"}}
        for clip in (call_clip, enrolled_clip)
    ]
    # ruleid: AFP202
    reply = client.chat.completions.create(
        model="gpt-4o-audio",
        modalities=["text"],
        messages=[{"role": "user", "content": [{"type": "text", "text": "Is the same speaker in both clips? Verify the voiceprint."}, *clips]}],
    )
    return reply.choices[0].message.content
