"""The same call through LlamaIndex's OpenAI (not Azure) LLM."""
from llama_index.core.llms import ChatMessage, ImageBlock, TextBlock
from llama_index.llms.openai import OpenAI

llm = OpenAI(model="gpt-4o")


def identify(photo_path: str) -> str:
    # ok: no-vision-call
    return str(llm.chat([ChatMessage(role="user", blocks=[TextBlock(text="Identify the person."), ImageBlock(path=photo_path)])]))
