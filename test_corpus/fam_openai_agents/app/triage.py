"""Insurance claim triage on the OpenAI Agents SDK, with Azure OpenAI as the default client."""
import base64
import os

from agents import Agent, Runner, set_default_openai_api, set_default_openai_client, set_tracing_disabled
from openai import AsyncAzureOpenAI

set_default_openai_client(AsyncAzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_key=os.environ["AZURE_OPENAI_API_KEY"], api_version="2024-10-21"))
set_default_openai_api("chat_completions")
set_tracing_disabled(True)

damage_agent = Agent(name="Damage", instructions="Estimate the repair cost from the photo of the damaged car.", model="gpt-4o")
claimant_agent = Agent(name="Claimant", instructions="Check whether the person in the selfie is the same person as in the driving licence photo.", model="gpt-4o")


def photo_input(jpeg: bytes, text: str) -> list[dict]:
    encoded = base64.b64encode(jpeg).decode()
    return [{"role": "user", "content": [{"type": "input_text", "text": text}, {"type": "input_image", "image_url": f"data:image/jpeg;base64,{encoded}", "detail": "auto"}]}]


async def estimate(jpeg: bytes) -> str:
    # ok: AFP201
    result = await Runner.run(damage_agent, photo_input(jpeg, "Here is the car."))
    return result.final_output


async def verify_claimant(selfie: bytes) -> str:
    # ruleid: AFP201
    result = await Runner.run(claimant_agent, input=photo_input(selfie, "Selfie attached."))
    return result.final_output


async def follow_up(question: str) -> str:
    # ok: no-vision-call
    result = await Runner.run(damage_agent, question)
    return result.final_output
