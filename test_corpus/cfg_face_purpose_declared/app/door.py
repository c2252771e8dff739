from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://gym.openai.azure.com", api_version="2024-10-21")


def at_door(photo_url: str) -> str:
    # ruleid: AFP201
    reply = client.chat.completions.create(model="gym", messages=[{"role": "user", "content": [
        {"type": "image_url", "image_url": {"url": photo_url}}]}])
    return reply.choices[0].message.content
