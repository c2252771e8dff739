import os

from openai import AzureOpenAI


def make_client() -> AzureOpenAI:
    return AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def identify_with_factory(photo_url: str) -> str:
    client = make_client()
    # ruleid: AFP201
    reply = client.chat.completions.create(model="staff", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Identify the person in the photo."},
        {"type": "image_url", "image_url": {"url": photo_url}},
    ]}])
    return reply.choices[0].message.content


def identify_with(client, photo_url: str) -> str:
    # ruleid: AFP201
    reply = client.chat.completions.create(model="staff", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Identify the person in the photo."},
        {"type": "image_url", "image_url": {"url": photo_url}},
    ]}])
    return reply.choices[0].message.content
