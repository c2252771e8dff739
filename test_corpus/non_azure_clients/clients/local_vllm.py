"""A self-hosted vLLM server on the workstation, OpenAI-compatible."""
from openai import OpenAI

VLLM_URL = "http://localhost:8000/v1"
client = OpenAI(base_url=VLLM_URL, api_key="EMPTY")


def match_face(probe_url: str, reference_url: str) -> str:
    # ok: no-vision-call
    reply = client.chat.completions.create(model="Qwen/Qwen2.5-VL-7B-Instruct", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Is this the same person in both photos?"},
        {"type": "image_url", "image_url": {"url": probe_url}},
        {"type": "image_url", "image_url": {"url": reference_url}},
    ]}])
    return reply.choices[0].message.content
