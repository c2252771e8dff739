"""Links new arrivals to inmate records by their tattoos (County Sheriff's Office, gang unit)."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://mcso-intake.openai.azure.com", api_version="2024-10-21")


def match_tattoo(tattoo_photo_url: str, inmate_records: list[dict]) -> str:
    records = "\n".join(f"{r['id']}: {r['tattoos']}" for r in inmate_records)
    # ruleid: AFP103
    # ok: AFP101, AFP202
    reply = client.chat.completions.create(
        model="gang-unit",
        messages=[
            {"role": "system", "content": "Identify which inmate this tattoo belongs to, using the inmate records provided."},
            {"role": "user", "content": [{"type": "text", "text": records}, {"type": "image_url", "image_url": {"url": tattoo_photo_url}}]},
        ],
    )
    return reply.choices[0].message.content
