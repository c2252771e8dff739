"""openai 3.x client for Amazon Bedrock's OpenAI-compatible endpoint."""
from openai import BedrockOpenAI

client = BedrockOpenAI(region="us-east-1")


def identify(photo_url: str) -> str:
    # ok: no-vision-call
    reply = client.chat.completions.create(model="amazon.nova-pro", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Identify the person in the photo."},
        {"type": "image_url", "image_url": {"url": photo_url}},
    ]}])
    return reply.choices[0].message.content
