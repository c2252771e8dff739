from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://kiosk.openai.azure.com", api_version="2024-10-21")


def greet(photo_url: str) -> str:
    # ruleid: AFP201
    # ok: AFP101, AFP102
    reply = client.chat.completions.create(model="kiosk", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Recognise the visitor and greet them by name."},
        {"type": "image_url", "image_url": {"url": photo_url}}]}])
    return reply.choices[0].message.content
