import base64
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def image_part(path: str) -> dict:
    with open(path, "rb") as handle:
        encoded = base64.b64encode(handle.read()).decode()
    return {"type": "image_url", "image_url": {"url": f"data:image/png;base64,{encoded}"}}


def build_messages(path: str) -> list:
    system = {"role": "system", "content": "You identify people in photos for the staffing office."}
    return [system, {"role": "user", "content": [image_part(path)]}]


def run(path: str) -> str:
    # ruleid: AFP201
    reply = client.chat.completions.create(model="staff", messages=build_messages(path))
    return reply.choices[0].message.content
