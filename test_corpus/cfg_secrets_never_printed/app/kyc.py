import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://kyc.openai.azure.com", api_key=os.environ["AZURE_OPENAI_API_KEY"], api_version="2024-10-21")
token = os.getenv("SERVICE_TOKEN")


def same_person(selfie_url: str, id_url: str) -> str:
    # ruleid: AFP201
    # ok: AFP101, AFP102, AFP103
    reply = client.chat.completions.create(model="kyc", messages=[{"role": "user", "content": [
        {"type": "text", "text": f"Is the selfie the same person as the ID photo? ref={token}"},
        {"type": "image_url", "image_url": {"url": selfie_url}},
        {"type": "image_url", "image_url": {"url": id_url}}]}])
    return reply.choices[0].message.content
