"""Multimodal completions over image documents loaded from disk (LlamaIndex, Azure OpenAI)."""
import os

from llama_index.core import SimpleDirectoryReader
from llama_index.core.schema import ImageDocument
from llama_index.multi_modal_llms.azure_openai import AzureOpenAIMultiModal

mm = AzureOpenAIMultiModal(engine="gpt-4o", model="gpt-4o", azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def caption_folder(folder: str) -> str:
    docs = SimpleDirectoryReader(input_dir=folder, required_exts=[".jpg", ".png"]).load_data()
    # ok: AFP201
    return mm.complete(prompt="Write an alt-text caption for each picture.", image_documents=docs).text


async def identify_from_folder(folder: str) -> str:
    photos = SimpleDirectoryReader(folder, required_exts=[".jpg"]).load_data()
    # ruleid: AFP201
    response = await mm.acomplete(prompt="Identify the person in each photo.", image_documents=photos)
    return response.text


def one_photo(path: str) -> str:
    # ok: AFP201
    return mm.complete("Describe the weather in the photo.", image_documents=[ImageDocument(image_path=path)]).text


def no_images() -> str:
    # ok: no-vision-call
    return mm.complete(prompt="Say hello.", image_documents=[]).text
