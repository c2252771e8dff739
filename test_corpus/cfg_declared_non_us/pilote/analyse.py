from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://pilote.openai.azure.com", api_version="2024-10-21")


def analyser(image_url: str) -> str:
    # ruleid: AFP102
    # ok: AFP101
    reply = client.chat.completions.create(model="pilote", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Identifiez la personne sur l'image."},
        {"type": "image_url", "image_url": {"url": image_url}}]}])
    return reply.choices[0].message.content
