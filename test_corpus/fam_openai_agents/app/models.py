"""Agents given an explicit model object on an Azure client (sync, streamed and Responses)."""
import os

from agents import Agent, OpenAIChatCompletionsModel, OpenAIResponsesModel, Runner
from openai import AsyncAzureOpenAI, AsyncOpenAI

azure = AsyncAzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")

plate_agent = Agent(
    name="Plates",
    instructions="Read the licence plate and tell me who the driver is.",
    model=OpenAIChatCompletionsModel(model="gpt-4o", openai_client=azure),
)
scene_agent = Agent(name="Scene", instructions="Describe the accident scene.", model=OpenAIResponsesModel("gpt-4o", azure))
local_agent = Agent(name="Local", instructions="Who is this person?", model=OpenAIChatCompletionsModel(model="llava", openai_client=AsyncOpenAI(base_url="http://localhost:11434/v1")))


def driver(photo_url: str) -> str:
    # ruleid: AFP201
    result = Runner.run_sync(plate_agent, [{"role": "user", "content": [{"type": "input_image", "image_url": photo_url}]}])
    return result.final_output


async def scene(photo_url: str) -> list[str]:
    # ok: AFP201
    streamed = Runner.run_streamed(scene_agent, input=[{"role": "user", "content": [{"type": "input_image", "image_url": photo_url, "detail": "high"}]}])
    return [event async for event in streamed.stream_events()]


def local(photo_url: str) -> str:
    # A local model server, not Azure.
    # ok: no-vision-call
    return Runner.run_sync(local_agent, [{"role": "user", "content": [{"type": "input_image", "image_url": photo_url}]}]).final_output
