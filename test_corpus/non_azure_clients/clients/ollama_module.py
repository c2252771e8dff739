"""Module-level openai client aimed at a local Ollama server."""
import openai

openai.base_url = "http://127.0.0.1:11434/v1/"
openai.api_key = "ollama"


def who(photo_url: str) -> str:
    # ok: no-vision-call
    reply = openai.chat.completions.create(model="llava", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Who is this person?"},
        {"type": "image_url", "image_url": {"url": photo_url}},
    ]}])
    return reply.choices[0].message.content
