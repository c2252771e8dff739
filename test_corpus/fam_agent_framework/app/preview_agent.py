"""The same desk on the Agent Framework preview (1.0.0b2025...), still deployed at two sites."""
import os

from agent_framework import ChatAgent, ChatMessage, DataContent, Role, TextContent, UriContent
from agent_framework.azure import AzureOpenAIChatClient, AzureOpenAIResponsesClient

chat_client = AzureOpenAIChatClient(endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], deployment_name="gpt-4o", api_key=os.environ["AZURE_OPENAI_API_KEY"])
checkin_agent = ChatAgent(chat_client=chat_client, instructions="Recognize the visitor from their face and greet them by name.")


async def check_in(jpeg: bytes) -> str:
    message = ChatMessage(role=Role.USER, contents=[TextContent(text="A visitor arrived."), DataContent(data=jpeg, media_type="image/jpeg")])
    # ruleid: AFP201
    response = await checkin_agent.run(message)
    return response.text


async def check_in_streaming(photo_url: str) -> list[str]:
    chunks = []
    # ruleid: AFP201
    async for update in checkin_agent.run_stream(ChatMessage(role="user", contents=[UriContent(uri=photo_url, media_type="image/jpeg")])):
        chunks.append(update.text)
    return chunks


responses = AzureOpenAIResponsesClient(endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], deployment_name="gpt-4o")
signage_agent = responses.create_agent(instructions="Read the signs in the photo aloud for visually impaired visitors.")


async def read_signs(photo_url: str) -> str:
    # ok: AFP201
    response = await signage_agent.run(ChatMessage(role="user", contents=[UriContent(uri=photo_url, media_type="image/png")]))
    return response.text


async def read_signs_directly(photo_url: str) -> list[str]:
    texts = []
    # ok: AFP201
    async for update in responses.get_streaming_response(ChatMessage(role="user", contents=[TextContent(text="Read the sign."), UriContent(photo_url, "image/png")])):
        texts.append(update.text)
    return texts


async def opening_hours() -> str:
    # ok: no-vision-call
    response = await chat_client.get_response(ChatMessage(role="user", text="When does the lobby open?"))
    return response.text
