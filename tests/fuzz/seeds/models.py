"""LangChain on Azure OpenAI: the model and a prompt chain."""
import base64

from langchain_core.messages import HumanMessage, SystemMessage
from langchain_core.messages.content import create_image_block
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import AzureChatOpenAI

llm = AzureChatOpenAI(azure_deployment="gpt4o", api_version="2024-10-21")


def identify(photo_url: str) -> str:
    # ruleid: AFP201
    reply = llm.invoke([
        SystemMessage(content="You identify people in photos."),
        HumanMessage(content=[{"type": "image_url", "image_url": {"url": photo_url}}]),
    ])
    return reply.content


async def identify_async(jpeg: bytes) -> str:
    message = HumanMessage(content=[
        {"type": "text", "text": "Who is this person?"},
        {"type": "image", "base64": base64.b64encode(jpeg).decode(), "mime_type": "image/jpeg"},
    ])
    # ruleid: AFP201
    reply = await llm.ainvoke([message])
    return reply.content


def identify_streamed(photo_url: str) -> str:
    blocks = [{"type": "text", "text": "Identify the person in the picture."}, create_image_block(url=photo_url)]
    # ruleid: AFP201
    return "".join(chunk.content for chunk in llm.stream([HumanMessage(content=blocks)]))


def identify_many(photo_urls: list[str]) -> list[str]:
    batches = [[HumanMessage(content=[{"type": "text", "text": "Identify the person."}, {"type": "image_url", "image_url": {"url": url}}])] for url in photo_urls]
    # ruleid: AFP201
    return [reply.content for reply in llm.batch(batches)]


prompt = ChatPromptTemplate.from_messages([
    ("system", "Match the face in the photo against the staff directory and give the name."),
    ("user", [{"type": "image_url", "image_url": {"url": "data:image/jpeg;base64,{image}"}}]),
])
chain = prompt | llm


def identify_with_chain(b64: str) -> str:
    # ruleid: AFP201
    return chain.invoke({"image": b64}).content


def caption(photo_url: str) -> str:
    # ok: AFP201
    return llm.invoke([HumanMessage(content=[
        {"type": "text", "text": "Write a one-line caption describing the scene."},
        {"type": "image_url", "image_url": {"url": photo_url}}])]).content
