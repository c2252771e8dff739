"""Older LangChain import, and a model made by init_chat_model."""
from langchain.chat_models import init_chat_model
from langchain_community.chat_models import AzureChatOpenAI
from langchain_core.messages import HumanMessage

legacy = AzureChatOpenAI(deployment_name="gpt4v", openai_api_version="2023-12-01-preview")
factory_model = init_chat_model("gpt-4o", model_provider="azure_openai", azure_deployment="gpt4o")


def legacy_identify(photo_url: str) -> str:
    # ruleid: AFP201
    return legacy.invoke([HumanMessage(content=[
        {"type": "text", "text": "Identify the person in the photo."},
        {"type": "image_url", "image_url": photo_url}])]).content


async def factory_identify(photo_url: str) -> str:
    parts = []
    # ruleid: AFP201
    async for chunk in factory_model.astream([HumanMessage(content=[
            {"type": "text", "text": "Identify the person in the photo."},
            {"type": "image", "source_type": "url", "url": photo_url}])]):
        parts.append(chunk.content)
    return "".join(parts)
