"""Browser agent and few-shot pattern matching: screenshots and reference images of things."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def next_step(screenshot_url: str) -> str:
    # ok: AFP201
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "I need you to help me search for 'OpenAI news'. Please type 'OpenAI news' and submit the search."},
        {"type": "image_url", "image_url": {"url": screenshot_url}}]}])
    return reply.choices[0].message.content


def fabric_defects(frame_url: str, reference_urls: list[str]) -> str:
    references = [{"type": "image_url", "image_url": {"url": url}} for url in reference_urls]
    # ok: AFP201
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Compare the patterns in your video with the reference images and list the defects."},
        {"type": "image_url", "image_url": {"url": frame_url}}, *references]}])
    return reply.choices[0].message.content


def whale_catalogue(fluke_url: str) -> str:
    # ok: AFP201
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Which of the catalogued humpback whales is this? Compare the tail fluke with the reference images."},
        {"type": "image_url", "image_url": {"url": fluke_url}}]}])
    return reply.choices[0].message.content


def shopper_lookup(face_url: str) -> str:
    # ruleid: AFP201
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Compare the face in this frame with the reference images and say who it is."},
        {"type": "image_url", "image_url": {"url": face_url}}]}])
    return reply.choices[0].message.content
