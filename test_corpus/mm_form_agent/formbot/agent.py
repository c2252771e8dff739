"""Fills one form field at a time: the model sees the page and is told which value goes where."""
import base64
import os

from openai import AsyncAzureOpenAI

from .fields import classify_input

client = AsyncAzureOpenAI(
    azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"],
    api_key=os.environ["AZURE_OPENAI_API_KEY"],
    api_version="2024-10-21",
)


async def locate_input(screenshot: bytes, label: str, name_attr: str) -> str:
    field, input_type = classify_input(label, name_attr)
    page = base64.b64encode(screenshot).decode()
    # ok: AFP201
    reply = await client.chat.completions.create(
        model="gpt-4o",
        messages=[{"role": "user", "content": [
            {"type": "text", "text": f"Return the CSS selector of the input that expects {field} ({input_type or 'text'})."},
            {"type": "image_url", "image_url": {"url": f"data:image/png;base64,{page}"}},
        ]}],
    )
    return reply.choices[0].message.content


async def who_is_on_the_badge(photo: bytes) -> str:
    encoded = base64.b64encode(photo).decode()
    # ruleid: AFP201
    reply = await client.chat.completions.create(
        model="gpt-4o",
        messages=[{"role": "user", "content": [
            {"type": "text", "text": "Recognise the person in this photo and give their full name."},
            {"type": "image_url", "image_url": {"url": f"data:image/jpeg;base64,{encoded}"}},
        ]}],
    )
    return reply.choices[0].message.content
