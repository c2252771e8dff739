"""Research prototype: re-identify people across CCTV cameras from how they walk."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def same_walker(sequence_a: list[str], sequence_b: list[str]) -> str:
    parts = [{"type": "text", "text": "Compare the gait in both frame sequences and identify whether it is the same person."}]
    parts += [{"type": "image_url", "image_url": {"url": url}} for url in sequence_a + sequence_b]
    # ruleid: AFP202
    reply = client.chat.completions.create(model="gait-lab", messages=[{"role": "user", "content": parts}])
    return reply.choices[0].message.content
