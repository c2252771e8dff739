"""Pet profile: suggests the breed from the uploaded photo."""
from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://petpals.openai.azure.com", api_version="2024-10-21")


def identify_breed(photo_url: str) -> str:
    # ok: AFP201
    reply = client.chat.completions.create(model="pets", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Identify the dog breed in this photo."},
        {"type": "image_url", "image_url": {"url": photo_url}}]}])
    return reply.choices[0].message.content
