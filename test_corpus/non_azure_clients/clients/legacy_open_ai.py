"""openai 0.28 against api.openai.com (api_type open_ai)."""
import openai

openai.api_type = "open_ai"


def identify(image_url):
    # ok: no-vision-call
    return openai.ChatCompletion.create(model="gpt-4-vision-preview", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Identify the person in this picture."},
        {"type": "image_url", "image_url": {"url": image_url}},
    ]}])
