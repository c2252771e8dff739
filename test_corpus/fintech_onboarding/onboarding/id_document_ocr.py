"""Reads the fields of a scanned identity document to prefill the onboarding form."""
import json

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://payfast-kyc.openai.azure.com", api_version="2024-10-21")

FIELDS_PROMPT = "Extract the fields from this ID document as JSON: name, date_of_birth, document_number, expiry."


def prefill(document_url: str) -> dict:
    # ok: AFP201
    reply = client.chat.completions.create(
        model="kyc",
        response_format={"type": "json_object"},
        messages=[{"role": "user", "content": [
            {"type": "text", "text": FIELDS_PROMPT},
            {"type": "image_url", "image_url": {"url": document_url}},
        ]}],
    )
    return json.loads(reply.choices[0].message.content)
