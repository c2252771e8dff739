from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://venue.openai.azure.com", api_version="2024-10-21")


def check_guest(photo_url: str) -> str:
    # ruleid: AFP103
    reply = client.chat.completions.create(model="venue", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Identify the guest."},
        {"type": "image_url", "image_url": {"url": photo_url}}]}])
    return reply.choices[0].message.content
