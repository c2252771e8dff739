"""The same clients used for text only: no image or audio is sent, so nothing is a vision call."""
import os

import litellm
import requests
from autogen_core.models import UserMessage
from autogen_ext.models.openai import AzureOpenAIChatCompletionClient
from langchain_core.messages import HumanMessage
from langchain_openai import AzureChatOpenAI
from llama_index.core.llms import ChatMessage
from llama_index.llms.azure_openai import AzureOpenAI as LlamaAzureOpenAI
from semantic_kernel.connectors.ai.open_ai import AzureChatCompletion
from semantic_kernel.contents import ChatHistory

PROMPT = "Identify the suspect described in this witness statement and list prior incidents."
llm = AzureChatOpenAI(azure_deployment="gpt4o", api_version="2024-10-21")
service = AzureChatCompletion(deployment_name="gpt4o")
llama = LlamaAzureOpenAI(engine="gpt4o", model="gpt-4o", azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")
agent_client = AzureOpenAIChatCompletionClient(azure_deployment="gpt4o", model="gpt-4o", api_version="2024-10-21", azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"])
URL = f"{os.environ['AZURE_OPENAI_ENDPOINT']}/openai/deployments/gpt4o/chat/completions?api-version=2024-10-21"


async def everywhere(statement: str) -> list[str]:
    history = ChatHistory()
    history.add_user_message(f"{PROMPT}\n{statement}")
    # ok: no-vision-call
    first = llm.invoke([HumanMessage(content=f"{PROMPT}\n{statement}")]).content
    # ok: no-vision-call
    second = str(await service.get_chat_message_content(history, None))
    # ok: no-vision-call
    third = str(llama.chat([ChatMessage(role="user", content=f"{PROMPT}\n{statement}")]))
    # ok: no-vision-call
    fourth = (await agent_client.create([UserMessage(content=f"{PROMPT}\n{statement}", source="user")])).content
    # ok: no-vision-call
    fifth = litellm.completion(model="azure/gpt4o", messages=[{"role": "user", "content": f"{PROMPT}\n{statement}"}]).choices[0].message.content
    # ok: no-vision-call
    sixth = requests.post(URL, headers={"api-key": os.environ["AOAI_KEY"]}, json={"messages": [{"role": "user", "content": PROMPT}]}, timeout=30).json()
    return [first, second, third, fourth, fifth, str(sixth)]
