"""Site inspection through a Microsoft Foundry project (azure-ai-projects 2.x, and the 1.x code path)."""
import base64
import os

from azure.ai.projects import AIProjectClient
from azure.ai.projects.aio import AIProjectClient as AsyncAIProjectClient
from azure.identity import DefaultAzureCredential
from azure.identity.aio import DefaultAzureCredential as AsyncDefaultAzureCredential

PROJECT_ENDPOINT = os.environ["FOUNDRY_PROJECT_ENDPOINT"]
project = AIProjectClient(endpoint=PROJECT_ENDPOINT, credential=DefaultAzureCredential())


def image_input(jpeg: bytes, question: str) -> list[dict]:
    encoded = base64.b64encode(jpeg).decode()
    return [{"role": "user", "content": [{"type": "input_text", "text": question}, {"type": "input_image", "image_url": f"data:image/jpeg;base64,{encoded}"}]}]


def check_scaffold(jpeg: bytes) -> str:
    with project.get_openai_client() as openai_client:
        # ok: AFP201
        response = openai_client.responses.create(model="gpt-4o", input=image_input(jpeg, "Is the scaffolding complete and safe?"))
    return response.output_text


def badge_photo(jpeg: bytes) -> str:
    openai_client = project.get_openai_client()
    # ruleid: AFP201
    response = openai_client.responses.create(model="gpt-4o", input=image_input(jpeg, "Which of our workers is this? Match the face against the badge photos."))
    return response.output_text


async def check_scaffold_async(jpeg: bytes) -> str:
    async with AsyncAIProjectClient(endpoint=PROJECT_ENDPOINT, credential=AsyncDefaultAzureCredential()) as async_project:
        openai_client = async_project.get_openai_client()  # 2.x: not awaited
        # ok: AFP201
        response = await openai_client.responses.create(model="gpt-4o", input=image_input(jpeg, "List missing guard rails."))
    return response.output_text


async def badge_photo_v1(jpeg: bytes) -> str:
    async with AsyncAIProjectClient(endpoint=PROJECT_ENDPOINT, credential=AsyncDefaultAzureCredential()) as async_project:
        azure_openai = await async_project.get_openai_client(api_version="2024-10-21")  # 1.x: a coroutine
        encoded = base64.b64encode(jpeg).decode()
        # ruleid: AFP201
        response = await azure_openai.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
            {"type": "text", "text": "Identify the worker in this photo."},
            {"type": "image_url", "image_url": {"url": f"data:image/jpeg;base64,{encoded}"}},
        ]}])
    return response.choices[0].message.content


def preview_inference(photo_url: str) -> str:
    client = project.inference.get_azure_openai_client(api_version="2024-10-21")  # 1.0.0b releases
    # ok: AFP201
    response = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Count the hard hats."}, {"type": "image_url", "image_url": {"url": photo_url}}]}])
    return response.choices[0].message.content


def weekly_summary(notes: str) -> str:
    openai_client = project.get_openai_client()
    # ok: no-vision-call
    return openai_client.responses.create(model="gpt-4o", input=f"Summarise these inspection notes: {notes}").output_text
