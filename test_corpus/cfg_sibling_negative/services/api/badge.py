from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://badges.openai.azure.com", api_version="2024-10-21")


def verify(selfie_url: str, badge_url: str) -> str:
    # ruleid: AFP201
    # ok: AFP101, AFP102
    reply = client.chat.completions.create(model="badges", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Is this the same person as on the badge photo?"},
        {"type": "image_url", "image_url": {"url": selfie_url}},
        {"type": "image_url", "image_url": {"url": badge_url}}]}])
    return reply.choices[0].message.content
