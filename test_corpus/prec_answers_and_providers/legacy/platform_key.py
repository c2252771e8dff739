"""openai 0.28 code: a vision call on OpenAI's own platform, then a text-only rewrite."""
import base64
import os

import openai
import requests


def describe_people(people: list[str], image_path: str) -> str:
    with open(image_path, "rb") as image_file:
        encoded = base64.b64encode(image_file.read()).decode("utf-8")
    api_key = os.getenv("OPENAI_API_KEY")
    payload = {"model": "gpt-4-vision-preview", "messages": [{"role": "user", "content": [
        {"type": "text", "text": "Who is in this photo?"},
        {"type": "image_url", "image_url": {"url": f"data:image/jpeg;base64,{encoded}"}},
    ]}]}
    # api.openai.com, not Azure.
    # ok: no-vision-call
    response = requests.post("https://api.openai.com/v1/chat/completions", headers={"Authorization": f"Bearer {api_key}"}, json=payload)
    description = response.json()["choices"][0]["message"]["content"]
    openai.api_key = api_key
    # ok: no-vision-call
    answer = openai.ChatCompletion.create(model="gpt-3.5-turbo", messages=[
        {"role": "system", "content": "Use the names of the people in the photo."},
        {"role": "user", "content": f"Description: {description} People: {people}"},
    ])
    return answer["choices"][0]["message"]["content"]


def on_the_platform(photo_url: str) -> str:
    # The module client with OpenAI's own key and no api_type: OpenAI, not Azure.
    # ok: no-vision-call
    return openai.ChatCompletion.create(model="gpt-4-vision-preview", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Who is this person?"}, {"type": "image_url", "image_url": {"url": photo_url}}]}])["choices"][0]["message"]["content"]
