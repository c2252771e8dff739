"""Async client with dict-shaped messages on an Azure AI Foundry endpoint."""
from azure.ai.inference.aio import ChatCompletionsClient
from azure.identity.aio import DefaultAzureCredential

client = ChatCompletionsClient(
    endpoint="https://hotel-ai.services.ai.azure.com/models",
    credential=DefaultAzureCredential(),
    credential_scopes=["https://cognitiveservices.azure.com/.default"],
)


async def recognise_vip(photo_url: str) -> str:
    # ruleid: AFP201
    response = await client.complete(
        model="gpt-4o",
        messages=[{"role": "user", "content": [
            {"type": "text", "text": "Recognise the VIP guest in this lobby photo and give their name."},
            {"type": "image_url", "image_url": {"url": photo_url}},
        ]}],
    )
    return response.choices[0].message.content
