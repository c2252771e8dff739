"""Foundry agents (azure-ai-agents) that look at site photos."""
import os

from azure.ai.agents import AgentsClient
from azure.ai.agents.aio import AgentsClient as AsyncAgentsClient
from azure.ai.agents.models import (
    FilePurpose,
    MessageImageFileParam,
    MessageImageUrlParam,
    MessageInputImageFileBlock,
    MessageInputImageUrlBlock,
    MessageInputTextBlock,
    ThreadMessageOptions,
)
from azure.ai.projects import AIProjectClient
from azure.identity import DefaultAzureCredential
from azure.identity.aio import DefaultAzureCredential as AsyncDefaultAzureCredential

agents_client = AgentsClient(endpoint=os.environ["PROJECT_ENDPOINT"], credential=DefaultAzureCredential())


def inspect_photo(thread_id: str, photo_url: str) -> None:
    content = [MessageInputTextBlock(text="List the safety hazards in this photo."), MessageInputImageUrlBlock(image_url=MessageImageUrlParam(url=photo_url, detail="high"))]
    # ok: AFP201
    agents_client.messages.create(thread_id=thread_id, role="user", content=content)


def who_entered(thread_id: str, photo_path: str) -> None:
    uploaded = agents_client.files.upload_and_poll(file_path=photo_path, purpose=FilePurpose.AGENTS)
    blocks = [MessageInputTextBlock(text="Who is this person at the gate?"), MessageInputImageFileBlock(image_file=MessageImageFileParam(file_id=uploaded.id))]
    # ruleid: AFP201
    agents_client.messages.create(thread_id=thread_id, role="user", content=blocks)
    # The run reads the thread; the image was added by the message above.
    agents_client.runs.create_and_process(thread_id=thread_id, agent_id=os.environ["AGENT_ID"])


def new_thread_with_photo(photo_url: str):
    # ok: AFP201
    return agents_client.threads.create(messages=[ThreadMessageOptions(role="user", content=[
        MessageInputTextBlock(text="Describe the crane position."), MessageInputImageUrlBlock(image_url=MessageImageUrlParam(url=photo_url))])])


def text_question(thread_id: str) -> None:
    # ok: no-vision-call
    agents_client.messages.create(thread_id=thread_id, role="user", content="What is the wind limit for the crane?")


async def inspect_async(thread_id: str, photo_url: str) -> None:
    async with AsyncAgentsClient(endpoint=os.environ["PROJECT_ENDPOINT"], credential=AsyncDefaultAzureCredential()) as client:
        # ok: AFP201
        await client.messages.create(thread_id=thread_id, role="user", content=[MessageInputImageUrlBlock(image_url=MessageImageUrlParam(url=photo_url))])


project_client = AIProjectClient(endpoint=os.environ["PROJECT_ENDPOINT"], credential=DefaultAzureCredential())


def through_project(thread_id: str, photo_url: str) -> None:
    # azure-ai-projects 1.x: project_client.agents is an AgentsClient
    # ruleid: AFP201
    project_client.agents.messages.create(thread_id=thread_id, role="user", content=[
        MessageInputTextBlock(text="Identify the person in the photo."), MessageInputImageUrlBlock(image_url=MessageImageUrlParam(url=photo_url))])
