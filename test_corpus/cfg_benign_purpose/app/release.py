from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://release-desk.openai.azure.com", api_version="2024-10-21")


def boxes(frame_url: str) -> str:
    # ok: AFP101, AFP201
    reply = client.chat.completions.create(model="release", messages=[{"role": "user", "content": [
        {"type": "image_url", "image_url": {"url": frame_url}}]}])
    return reply.choices[0].message.content
