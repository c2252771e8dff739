"""Catalogue photos: captions and scene descriptions from one table of prompts."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")

PROMPTS = {
    "describe": "Describe the scene in two sentences for the product page.",
    "identify_person": "Who is this? Give the person's full name.",
}


def describe(image_url: str) -> str:
    # ok: AFP201
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": PROMPTS["describe"]},
        {"type": "image_url", "image_url": {"url": image_url}}]}])
    return reply.choices[0].message.content


def caption(image_url: str) -> str:
    prompts = {"caption": "Write a short caption for this photo.", "who": "Tell me who this is."}
    # ok: AFP201
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": prompts["caption"]},
        {"type": "image_url", "image_url": {"url": image_url}}]}])
    return reply.choices[0].message.content


def run_mode(image_url: str, mode: str) -> str:
    # ruleid: AFP201
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": PROMPTS[mode]},
        {"type": "image_url", "image_url": {"url": image_url}}]}])
    return reply.choices[0].message.content


def who(image_url: str) -> str:
    # ruleid: AFP201
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": PROMPTS["identify_person"]},
        {"type": "image_url", "image_url": {"url": image_url}}]}])
    return reply.choices[0].message.content
