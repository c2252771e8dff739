"""Hotel check-in kiosk on azure-ai-inference."""
import os

from azure.ai.inference import ChatCompletionsClient
from azure.ai.inference.models import ImageContentItem, ImageDetailLevel, ImageUrl, SystemMessage, TextContentItem, UserMessage
from azure.core.credentials import AzureKeyCredential

client = ChatCompletionsClient(
    endpoint=f"https://{os.environ['AOAI_RESOURCE']}.openai.azure.com/openai/deployments/checkin-gpt4o",
    credential=AzureKeyCredential(os.environ["AOAI_KEY"]),
    api_version="2024-06-01",
)


def guest_matches_passport(selfie_path: str, passport_path: str) -> str:
    # ruleid: AFP201
    response = client.complete(messages=[
        SystemMessage(content="You check in hotel guests."),
        UserMessage(content=[
            TextContentItem(text="Is the guest in the selfie the same person as in the passport photo?"),
            ImageContentItem(image_url=ImageUrl.load(image_file=selfie_path, image_format="jpeg", detail=ImageDetailLevel.HIGH)),
            ImageContentItem(image_url=ImageUrl.load(image_file=passport_path, image_format="jpeg")),
        ]),
    ])
    return response.choices[0].message.content


def room_condition(photo_url: str) -> str:
    # ok: AFP201
    response = client.complete(messages=[UserMessage(content=[
        TextContentItem(text="Describe any damage in the hotel room photo."),
        ImageContentItem(image_url=ImageUrl(url=photo_url)),
    ])])
    return response.choices[0].message.content


def concierge(question: str) -> str:
    # ok: no-vision-call
    response = client.complete(messages=[UserMessage(content=f"Who is the person the guest asked about? {question}")])
    return response.choices[0].message.content
