"""Physiotherapy: comments on the patient's gait from treadmill frames (the patient is known and consents)."""
from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://physio.openai.azure.com", api_version="2024-10-21")


def gait_notes(frame_urls: list[str]) -> str:
    parts = [{"type": "text", "text": "Describe asymmetries in the walking pattern: stride length, knee flexion, arm swing."}]
    parts += [{"type": "image_url", "image_url": {"url": url}} for url in frame_urls]
    # ok: AFP202
    reply = client.chat.completions.create(model="physio", messages=[{"role": "user", "content": parts}])
    return reply.choices[0].message.content
