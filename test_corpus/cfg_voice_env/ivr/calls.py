import base64

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://ivr-desk.openai.azure.com", api_version="2025-01-01-preview")


def handle(clip: bytes) -> str:
    # ruleid: AFP202
    reply = client.chat.completions.create(model="gpt-4o-audio", modalities=["text"], messages=[{"role": "user", "content": [
        {"type": "input_audio", "input_audio": {"data": base64.b64encode(clip).decode(), "format": "wav"}}]}])
    return reply.choices[0].message.content
