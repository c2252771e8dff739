"""Visitor desk agents on Microsoft Agent Framework 1.x (Azure OpenAI and a Foundry project)."""
import os
from pathlib import Path

from agent_framework import Agent, Content, Message
from agent_framework.foundry import FoundryChatClient
from agent_framework.ollama import OllamaChatClient
from agent_framework.openai import OpenAIChatClient, OpenAIChatCompletionClient
from azure.identity.aio import AzureCliCredential

responses_client = OpenAIChatClient(model="gpt-4o", azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], credential=AzureCliCredential())
badge_agent = Agent(client=responses_client, name="BadgeDesk", instructions="Identify the visitor in the photo by name so the desk can print a badge.")
parcel_agent = Agent(responses_client, name="Parcels", instructions="You describe parcels left at the desk.")


async def print_badge(photo: Path) -> str:
    message = Message(role="user", contents=[Content.from_text("Here is the visitor."), Content.from_data(data=photo.read_bytes(), media_type="image/jpeg")])
    # ruleid: AFP201
    result = await badge_agent.run(message)
    return result.text


async def describe_parcel(photo_url: str) -> str:
    # ok: AFP201
    result = await parcel_agent.run(Content.from_uri(photo_url, media_type="image/jpeg"))
    return result.text


async def stream_parcel_notes(photo_url: str) -> list[str]:
    notes = []
    # ok: AFP201
    async for update in parcel_agent.run(Message(role="user", contents=[Content.from_uri(uri=photo_url, media_type="image/png")]), stream=True):
        notes.append(update.text)
    return notes


async def summarise_delivery_note(pdf: bytes) -> str:
    # A PDF is a document, not an image.
    # ok: no-vision-call
    result = await parcel_agent.run(Message(role="user", contents=[Content.from_data(data=pdf, media_type="application/pdf")]))
    return result.text


async def greet(name: str) -> str:
    # ok: no-vision-call
    result = await badge_agent.run(f"Write a short welcome for {name}.")
    return result.text


chat_completions = OpenAIChatCompletionClient(model="gpt-4o", api_key=os.environ["AZURE_OPENAI_API_KEY"], azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"])


async def match_visitor(photo_url: str) -> str:
    message = Message(role="user", contents=[Content.from_text("Who is this person? Match the face against the visitor list."), Content.from_uri(photo_url, media_type="image/jpeg")])
    # ruleid: AFP201
    response = await chat_completions.get_response([message])
    return response.text


foundry_agent = FoundryChatClient(project_endpoint=os.environ["FOUNDRY_PROJECT_ENDPOINT"], model="gpt-4o", credential=AzureCliCredential()).as_agent(
    name="Lobby", instructions="Describe what is happening in the lobby camera still."
)


async def lobby_still(jpeg: bytes) -> str:
    # ok: AFP201
    result = await foundry_agent.run(Message(role="user", contents=[Content.from_data(jpeg, "image/jpeg")]))
    return result.text


local_agent = Agent(client=OllamaChatClient(model="llava"), instructions="Who is this person?")


async def local_only(jpeg: bytes) -> str:
    # Runs on a local Ollama server, not Azure.
    # ok: no-vision-call
    result = await local_agent.run(Message(role="user", contents=[Content.from_data(jpeg, "image/jpeg")]))
    return result.text
