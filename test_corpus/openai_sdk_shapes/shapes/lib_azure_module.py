import openai.lib.azure

client = openai.lib.azure.AzureOpenAI(azure_endpoint="https://staffing.openai.azure.com", api_version="2024-10-21")


def identify_contractor(photo_url: str) -> str:
    # ruleid: AFP201
    reply = client.with_options(timeout=20, max_retries=1).chat.completions.create(
        model="staff",
        messages=[{"role": "user", "content": [{"type": "image_url", "image_url": {"url": photo_url}}]}],
    )
    return reply.choices[0].message.content
