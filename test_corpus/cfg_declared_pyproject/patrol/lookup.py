from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://field-lookup.openai.azure.com", api_version="2024-10-21")


def lookup(photo_url: str) -> str:
    # ruleid: AFP101
    reply = client.chat.completions.create(model="lookup", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Who is this person?"},
        {"type": "image_url", "image_url": {"url": photo_url}}]}])
    return reply.choices[0].message.content


def scene(photo_url: str) -> str:
    # ok: AFP101, AFP201
    reply = client.chat.completions.create(model="lookup", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Describe the scene for the incident log."},
        {"type": "image_url", "image_url": {"url": photo_url}}]}])
    return reply.choices[0].message.content
