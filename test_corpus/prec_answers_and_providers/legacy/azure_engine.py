"""openai 0.28 on Azure: engine= only exists there, whatever key variable is used."""
import os

import openai

openai.api_key = os.getenv("OPENAI_API_KEY")
openai.api_base = os.getenv("OPENAI_API_BASE")
openai.api_version = "2023-12-01-preview"


def who(photo_url: str) -> str:
    # ruleid: AFP201
    return openai.ChatCompletion.create(engine="gpt4v", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Who is this person?"}, {"type": "image_url", "image_url": {"url": photo_url}}]}])["choices"][0]["message"]["content"]
