"""Everyday vision features of the operations team, across the client libraries it uses."""
import base64
import os

import litellm
import requests
from autogen_core import Image
from autogen_core.models import UserMessage
from autogen_ext.models.openai import AzureOpenAIChatCompletionClient
from azure.ai.inference import ChatCompletionsClient
from azure.ai.inference.models import ImageContentItem, ImageUrl, TextContentItem
from azure.ai.inference.models import UserMessage as InferenceMessage
from azure.core.credentials import AzureKeyCredential
from langchain_core.messages import HumanMessage
from langchain_openai import AzureChatOpenAI
from llama_index.core.llms import ChatMessage, ImageBlock, TextBlock
from llama_index.llms.azure_openai import AzureOpenAI as LlamaAzureOpenAI
from semantic_kernel.connectors.ai.open_ai import AzureChatCompletion
from semantic_kernel.contents import ChatHistory, ImageContent, TextContent

llm = AzureChatOpenAI(azure_deployment="gpt4o", api_version="2024-10-21")
service = AzureChatCompletion(deployment_name="gpt4o")
inference = ChatCompletionsClient(endpoint=os.environ["AOAI_DEPLOYMENT_URL"], credential=AzureKeyCredential(os.environ["AOAI_KEY"]))
llama = LlamaAzureOpenAI(engine="gpt4o", model="gpt-4o", azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")
agent_client = AzureOpenAIChatCompletionClient(azure_deployment="gpt4o", model="gpt-4o", api_version="2024-10-21", azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"])
VISION_URL = f"{os.environ['AZURE_OPENAI_ENDPOINT']}/openai/deployments/gpt4o/chat/completions?api-version=2024-10-21"


def caption_event_photo(photo_url: str) -> str:
    # ok: AFP201
    return llm.invoke([HumanMessage(content=[{"type": "text", "text": "Write a caption describing the event venue."}, {"type": "image_url", "image_url": {"url": photo_url}}])]).content


async def alt_text(path: str) -> str:
    history = ChatHistory()
    history.add_user_message([TextContent(text="Describe this image for a screen reader. Do not name the people."), ImageContent.from_image_file(path)])
    # ok: AFP201
    return str(await service.get_chat_message_content(history, None))


def count_pallets(path: str) -> str:
    message = InferenceMessage(content=[TextContentItem(text="Count the pallets in the loading bay."), ImageContentItem(image_url=ImageUrl.load(image_file=path, image_format="jpeg"))])
    # ok: AFP201
    return inference.complete(messages=[message]).choices[0].message.content


def shelf_inventory(path: str) -> str:
    # ok: AFP201
    return str(llama.chat([ChatMessage(role="user", blocks=[TextBlock(text="List the products on the shelf for the inventory."), ImageBlock(path=path)])]))


async def chart_summary(path: str) -> str:
    # ok: AFP201
    result = await agent_client.create([UserMessage(content=["Summarize the chart in two sentences.", Image.from_file(path)], source="user")])
    return result.content


def receipt_total(url: str) -> str:
    # ok: AFP201
    reply = litellm.completion(model="azure/gpt4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Extract the total and the date from the receipt."}, {"type": "image_url", "image_url": {"url": url}}]}])
    return reply.choices[0].message.content


def yard_plates(jpeg: bytes) -> dict:
    body = {"messages": [{"role": "user", "content": [{"type": "text", "text": "Read the licence plates of the trucks in the yard."},
        {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64," + base64.b64encode(jpeg).decode()}}]}]}
    # ok: AFP201
    return requests.post(VISION_URL, headers={"api-key": os.environ["AOAI_KEY"]}, json=body, timeout=30).json()


def running_form(frame_urls: list[str]) -> str:
    parts = [{"type": "text", "text": "Describe the runner's gait and stride for the coach: cadence, foot strike, arm swing."}]
    parts += [{"type": "image_url", "image_url": {"url": url}} for url in frame_urls]
    # ok: AFP202
    return llm.invoke([HumanMessage(content=parts)]).content


def meeting_minutes(recording: bytes) -> str:
    # ok: AFP202
    reply = litellm.completion(model="azure/gpt-4o-audio", modalities=["text"], messages=[{"role": "user", "content": [
        {"type": "text", "text": "Transcribe the meeting and summarise the decisions."},
        {"type": "input_audio", "input_audio": {"data": base64.b64encode(recording).decode(), "format": "wav"}}]}])
    return reply.choices[0].message.content
