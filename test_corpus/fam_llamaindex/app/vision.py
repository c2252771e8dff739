"""LlamaIndex on Azure OpenAI."""
import os

from llama_index.core.llms import ChatMessage, ImageBlock, TextBlock
from llama_index.core.schema import ImageDocument
from llama_index.llms.azure_openai import AzureOpenAI
from llama_index.multi_modal_llms.azure_openai import AzureOpenAIMultiModal

llm = AzureOpenAI(engine="gpt4o", model="gpt-4o", azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")
mm_llm = AzureOpenAIMultiModal(engine="gpt4v", model="gpt-4-vision-preview", azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-02-15-preview")


def identify(photo_path: str) -> str:
    message = ChatMessage(role="user", blocks=[TextBlock(text="Identify the person in this photo."), ImageBlock(path=photo_path)])
    # ruleid: AFP201
    return str(llm.chat([message]))


async def identify_async(photo_url: str) -> str:
    # ruleid: AFP201
    response = await llm.achat([ChatMessage(role="user", blocks=[TextBlock(text="Who is this man?"), ImageBlock(url=photo_url)])])
    return str(response)


def identify_legacy(photo_path: str) -> str:
    # ruleid: AFP201
    return mm_llm.complete(prompt="Identify the person in the image.", image_documents=[ImageDocument(image_path=photo_path)]).text


def describe_room(photo_path: str) -> str:
    # ok: AFP201
    return mm_llm.complete(prompt="Describe the furniture in the room.", image_documents=[ImageDocument(image_path=photo_path)]).text
