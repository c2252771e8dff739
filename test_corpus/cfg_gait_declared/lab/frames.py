from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://walk-lab.openai.azure.com", api_version="2024-10-21")


def analyse_sequence(frame_urls: list[str]) -> str:
    # ruleid: AFP202
    reply = client.chat.completions.create(model="walk", messages=[{"role": "user", "content": [
        {"type": "image_url", "image_url": {"url": url}} for url in frame_urls]}])
    return reply.choices[0].message.content
