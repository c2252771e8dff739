"""GPT-4 Turbo with Vision enhancements (2023-12-01-preview): OCR, grounding and video retrieval."""
import os

import requests
from openai import AzureOpenAI

client = AzureOpenAI(
    base_url=f"{os.environ['AZURE_OPENAI_ENDPOINT']}/openai/deployments/gpt4v/extensions",
    api_version="2023-12-01-preview",
)


def identify_in_video(document_id: str) -> str:
    # ruleid: AFP201
    reply = client.chat.completions.create(
        model="gpt4v",
        messages=[{"role": "user", "content": [
            {"type": "acv_document_id", "acv_document_id": document_id},
            {"type": "text", "text": "Identify the people who appear in this video."},
        ]}],
        extra_body={
            "dataSources": [{"type": "AzureComputerVisionVideoIndex", "parameters": {
                "computerVisionBaseUrl": os.environ["CV_ENDPOINT"], "indexName": "lobby-cctv"}}],
            "enhancements": {"video": {"enabled": True}},
        },
    )
    return reply.choices[0].message.content


def ocr_receipt(image_url: str) -> dict:
    body = {
        "messages": [{"role": "user", "content": [{"type": "text", "text": "Read the text on the receipt."}, {"type": "image_url", "image_url": {"url": image_url}}]}],
        "dataSources": [{"type": "AzureComputerVision", "parameters": {"endpoint": os.environ["CV_ENDPOINT"]}}],
        "enhancements": {"ocr": {"enabled": True}},
    }
    url = os.environ["AZURE_OPENAI_ENDPOINT"] + "/openai/deployments/gpt4v/extensions/chat/completions?api-version=2023-12-01-preview"
    # ok: AFP201
    return requests.post(url, json=body, timeout=60).json()
