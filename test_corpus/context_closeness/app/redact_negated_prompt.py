import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def redaction_plan(photo_url: str) -> str:
    # ok: AFP201
    reply = client.chat.completions.create(model="desk", messages=[
        {"role": "system", "content": "You help redact photos of minors. Blur every face so that no child can be identified."},
        {"role": "user", "content": [{"type": "image_url", "image_url": {"url": photo_url}}]}])
    return reply.choices[0].message.content
