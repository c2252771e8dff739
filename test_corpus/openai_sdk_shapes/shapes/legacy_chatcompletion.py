"""Written against openai 0.28 (legacy module API with api_type azure)."""
import os

import openai

openai.api_base = os.getenv("AZURE_OPENAI_ENDPOINT")
openai.api_version = "2023-12-01-preview"
openai.api_key = os.getenv("AZURE_OPENAI_KEY")

PROMPT = "Identify the contractor shown in this badge photo."


def identify(image_url):
    # ruleid: AFP201
    response = openai.ChatCompletion.create(
        engine="gpt4v",
        messages=[{"role": "user", "content": [{"type": "text", "text": PROMPT}, {"type": "image_url", "image_url": {"url": image_url}}]}],
    )
    return response["choices"][0]["message"]["content"]


async def identify_async(image_url):
    # ruleid: AFP201
    response = await openai.ChatCompletion.acreate(
        deployment_id="gpt4v",
        messages=[{"role": "user", "content": [{"type": "text", "text": PROMPT}, {"type": "image_url", "image_url": {"url": image_url}}]}],
    )
    return response["choices"][0]["message"]["content"]
