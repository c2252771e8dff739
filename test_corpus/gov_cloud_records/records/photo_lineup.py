"""Police records unit: assembles photo lineups. Deployed on the Azure Government cloud."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://records-unit.openai.azure.us", api_key=os.environ["AOAI_KEY"], api_version="2024-10-21")


def lineup_match(witness_sketch_url: str, photo_url: str) -> str:
    # ruleid: AFP101
    reply = client.chat.completions.create(model="records", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Does the face in the photo match the witness sketch? Same person or not?"},
        {"type": "image_url", "image_url": {"url": witness_sketch_url}},
        {"type": "image_url", "image_url": {"url": photo_url}}]}])
    return reply.choices[0].message.content


def lineup_fillers(photo_url: str) -> str:
    # ok: AFP101, AFP201
    reply = client.chat.completions.create(model="records", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Describe hair colour, build and clothing so we can pick lineup fillers who look similar."},
        {"type": "image_url", "image_url": {"url": photo_url}}]}])
    return reply.choices[0].message.content
