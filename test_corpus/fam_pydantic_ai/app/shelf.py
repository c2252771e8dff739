"""Store assistants on pydantic-ai with Azure OpenAI."""
import os
from pathlib import Path

from pydantic_ai import Agent, BinaryContent, ImageUrl
from pydantic_ai.models.openai import OpenAIChatModel, OpenAIResponsesModel
from pydantic_ai.providers.azure import AzureProvider

azure = AzureProvider(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21", api_key=os.environ["AZURE_OPENAI_API_KEY"])
shelf_agent = Agent(OpenAIChatModel("gpt-4o", provider=azure), instructions="Count the empty shelf slots in the photo.")
shopper_agent = Agent(model=OpenAIResponsesModel("gpt-4o", provider=azure), instructions="Recognize the shopper from their face and tell me their loyalty card name.")
quick_agent = Agent("azure:gpt-4o-mini", instructions="Count the price tags that are missing.")
openai_agent = Agent("openai:gpt-4o", instructions="Who is this person?")


def empty_slots(photo: Path) -> str:
    # ok: AFP201
    result = shelf_agent.run_sync(["How many slots are empty?", BinaryContent(data=photo.read_bytes(), media_type="image/jpeg")])
    return result.output


async def loyalty_name(photo_url: str) -> str:
    # ruleid: AFP201
    result = await shopper_agent.run(["Here is the shopper.", ImageUrl(url=photo_url)])
    return result.output


async def price_tags(photo: Path) -> str:
    # ok: AFP201
    async with quick_agent.run_stream([BinaryContent.from_path(photo)]) as streamed:
        return await streamed.get_output()


def planogram(pdf: bytes) -> str:
    # A PDF, not an image.
    # ok: no-vision-call
    return shelf_agent.run_sync(["Summarise the planogram.", BinaryContent(data=pdf, media_type="application/pdf")]).output


def restock_note(aisle: str) -> str:
    # ok: no-vision-call
    return quick_agent.run_sync(f"Write a restock note for aisle {aisle}.").output


def on_openai(photo_url: str) -> str:
    # OpenAI's own API, not Azure.
    # ok: no-vision-call
    return openai_agent.run_sync([ImageUrl(url=photo_url)]).output
