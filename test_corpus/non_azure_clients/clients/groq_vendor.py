"""Another vendor's OpenAI-shaped SDK."""
from groq import Groq

client = Groq()


def identify(photo_url: str) -> str:
    # ok: no-vision-call
    reply = client.chat.completions.create(model="llama-4-scout", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Identify the person in the photo."},
        {"type": "image_url", "image_url": {"url": photo_url}},
    ]}])
    return reply.choices[0].message.content
