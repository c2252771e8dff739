"""The offline fallback: a model served on the kiosk itself."""
from openai import OpenAI


def make_client() -> OpenAI:
    return OpenAI(base_url="http://localhost:11434/v1", api_key="ollama")
