"""The kiosk's agents, built once and shared by the handlers."""
import os

from agent_framework import Agent as FrameworkAgent
from agent_framework.openai import OpenAIChatClient
from agents import Agent, OpenAIChatCompletionsModel
from azure.identity.aio import AzureCliCredential
from openai import AsyncAzureOpenAI
from pydantic_ai import Agent as PydanticAgent

checkin_agent = FrameworkAgent(
    client=OpenAIChatClient(model="gpt-4o", azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], credential=AzureCliCredential()),
    instructions="Recognize the guest from their face and look up their booking.",
)
luggage_agent = PydanticAgent("azure:gpt-4o", instructions="Describe the luggage left at the desk.")
key_card_agent = Agent(
    name="KeyCards",
    instructions="Verify that the guest in the photo is the same person as on the passport scan.",
    model=OpenAIChatCompletionsModel(model="gpt-4o", openai_client=AsyncAzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")),
)
