"""Calls Azure OpenAI over plain HTTP (no SDK)."""
import base64
import json
import os
import urllib.request

import aiohttp
import httpx
import requests

ENDPOINT = os.environ["AZURE_OPENAI_ENDPOINT"]
DEPLOYMENT = "gpt4o-vision"
API_VERSION = "2024-10-21"
URL = f"{ENDPOINT}/openai/deployments/{DEPLOYMENT}/chat/completions?api-version={API_VERSION}"
HEADERS = {"api-key": os.environ["AZURE_OPENAI_KEY"], "Content-Type": "application/json"}


def payload_for(image_b64: str, question: str) -> dict:
    return {"messages": [{"role": "user", "content": [
        {"type": "text", "text": question},
        {"type": "image_url", "image_url": {"url": f"data:image/jpeg;base64,{image_b64}"}},
    ]}], "max_tokens": 300}


def with_requests(jpeg: bytes) -> str:
    body = payload_for(base64.b64encode(jpeg).decode(), "Identify the person in this photo.")
    # ruleid: AFP201
    response = requests.post(URL, headers=HEADERS, json=body, timeout=30)
    return response.json()["choices"][0]["message"]["content"]


def with_session(jpeg: bytes) -> str:
    session = requests.Session()
    # ruleid: AFP201
    response = session.post(URL, headers=HEADERS, data=json.dumps(payload_for(base64.b64encode(jpeg).decode(), "Who is this person?")))
    return response.json()["choices"][0]["message"]["content"]


async def with_httpx(jpeg: bytes) -> str:
    async with httpx.AsyncClient() as http:
        # ruleid: AFP201
        response = await http.post(URL, headers=HEADERS, json=payload_for(base64.b64encode(jpeg).decode(), "Identify the person."))
    return response.json()["choices"][0]["message"]["content"]


async def with_aiohttp(jpeg: bytes) -> str:
    async with aiohttp.ClientSession() as session:
        # ruleid: AFP201
        async with session.post(URL, headers=HEADERS, json=payload_for(base64.b64encode(jpeg).decode(), "Who is this person?")) as response:
            return (await response.json())["choices"][0]["message"]["content"]


def with_urllib(jpeg: bytes) -> str:
    data = json.dumps(payload_for(base64.b64encode(jpeg).decode(), "Identify the person in this photo.")).encode()
    request = urllib.request.Request(URL, data=data, headers=HEADERS, method="POST")
    # ruleid: AFP201
    with urllib.request.urlopen(request) as response:
        return json.load(response)["choices"][0]["message"]["content"]


def describe(jpeg: bytes) -> str:
    # ok: AFP201
    response = httpx.post(URL, headers=HEADERS, json=payload_for(base64.b64encode(jpeg).decode(), "Describe the scene."))
    return response.json()["choices"][0]["message"]["content"]
