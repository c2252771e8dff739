from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://gate.openai.azure.com", api_version="2024-10-21")


def check(photo_url: str, badge_url: str) -> str:
    # ruleid: AFP201
    reply = client.chat.completions.create(model="gate", messages=[{"role": "user", "content": [
        {"type": "image_url", "image_url": {"url": photo_url}},
        {"type": "image_url", "image_url": {"url": badge_url}}]}])
    return reply.choices[0].message.content
