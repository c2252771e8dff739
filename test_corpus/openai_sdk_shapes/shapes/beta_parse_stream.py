import os

from openai import AzureOpenAI
from pydantic import BaseModel

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


class Person(BaseModel):
    name: str


def identify(photo_url: str) -> Person:
    messages = [{"role": "user", "content": [
        {"type": "text", "text": "Identify the person in the photo."},
        {"type": "image_url", "image_url": {"url": photo_url}},
    ]}]
    # ruleid: AFP201
    completion = client.beta.chat.completions.parse(model="staff", messages=messages, response_format=Person)
    return completion.choices[0].message.parsed


def identify_streamed(photo_url: str) -> str:
    messages = [{"role": "user", "content": [
        {"type": "text", "text": "Identify the person in the photo."},
        {"type": "image_url", "image_url": {"url": photo_url}},
    ]}]
    # ruleid: AFP201
    with client.chat.completions.stream(model="staff", messages=messages) as stream:
        return stream.get_final_completion().choices[0].message.content


def identify_raw_stream(photo_url: str) -> list[str]:
    # ruleid: AFP201
    with client.chat.completions.with_streaming_response.create(
        model="staff",
        messages=[{"role": "user", "content": [
            {"type": "text", "text": "Identify the person in the photo."},
            {"type": "image_url", "image_url": {"url": photo_url}},
        ]}],
    ) as response:
        return list(response.iter_lines())
