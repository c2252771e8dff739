"""The same prompts against models that are not Azure OpenAI."""
from langchain_anthropic import ChatAnthropic
from langchain_core.messages import HumanMessage
from langchain_ollama import ChatOllama
from langchain_openai import ChatOpenAI

claude = ChatAnthropic(model="claude-sonnet-4")
local = ChatOllama(model="llava")
vllm = ChatOpenAI(base_url="http://localhost:8000/v1", model="qwen2-vl")


def identify_everywhere(photo_url: str) -> list[str]:
    message = HumanMessage(content=[{"type": "text", "text": "Identify the person."}, {"type": "image_url", "image_url": {"url": photo_url}}])
    # ok: no-vision-call
    first = claude.invoke([message]).content
    # ok: no-vision-call
    second = local.invoke([message]).content
    # ok: no-vision-call
    third = vllm.invoke([message]).content
    return [first, second, third]
