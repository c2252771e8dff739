"""Lab door: verify the researcher's identity from a close-up of their iris."""
from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://bio-lab.openai.azure.com", api_version="2024-10-21")

IRIS_PROMPT = "Verify the identity of the person from this iris close-up against the enrolled iris image."


def unlock(iris_url: str, enrolled_url: str) -> bool:
    # ruleid: AFP202
    reply = client.chat.completions.create(
        model="iris",
        messages=[{"role": "user", "content": [
            {"type": "text", "text": IRIS_PROMPT},
            {"type": "image_url", "image_url": {"url": iris_url}},
            {"type": "image_url", "image_url": {"url": enrolled_url}},
        ]}],
    )
    return "verified" in reply.choices[0].message.content.lower()
