"""autogen agents on Azure OpenAI."""
from autogen_agentchat.agents import AssistantAgent
from autogen_agentchat.messages import MultiModalMessage
from autogen_core import Image
from autogen_core.models import UserMessage
from autogen_ext.models.openai import AzureOpenAIChatCompletionClient, OpenAIChatCompletionClient

model_client = AzureOpenAIChatCompletionClient(
    azure_deployment="gpt4o",
    model="gpt-4o",
    api_version="2024-10-21",
    azure_endpoint="https://agents-desk.openai.azure.com/",
)
local_client = OpenAIChatCompletionClient(model="llava", base_url="http://localhost:11434/v1", api_key="ollama")


async def identify(photo_path: str) -> str:
    # ruleid: AFP201
    result = await model_client.create([UserMessage(content=["Identify the person in this picture.", Image.from_file(photo_path)], source="user")])
    return result.content


async def identify_with_agent(photo_path: str) -> str:
    agent = AssistantAgent("identifier", model_client=model_client, system_message="You identify people in photos.")
    task = MultiModalMessage(content=["Who is this?", Image.from_file(photo_path)], source="user")
    # ruleid: AFP201
    result = await agent.run(task=task)
    return result.messages[-1].content


async def identify_locally(photo_path: str) -> str:
    # ok: no-vision-call
    result = await local_client.create([UserMessage(content=["Identify the person in this picture.", Image.from_file(photo_path)], source="user")])
    return result.content
