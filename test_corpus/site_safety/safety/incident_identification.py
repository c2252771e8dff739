"""After an accident the site manager asks who was operating the excavator."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def operator_of(still_url: str, crew_sheet_url: str) -> str:
    # ruleid: AFP201
    reply = client.chat.completions.create(model="safety", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Identify the worker in the excavator cab by comparing their face with the crew sheet photos."},
        {"type": "image_url", "image_url": {"url": still_url}},
        {"type": "image_url", "image_url": {"url": crew_sheet_url}}]}])
    return reply.choices[0].message.content
