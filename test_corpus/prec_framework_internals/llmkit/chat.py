"""Azure OpenAI chat adapter used by the agent runtime."""
from __future__ import annotations

import base64
import os

from openai import AzureOpenAI

from .models import max_output_tokens


class AzureChat:
    """Sends the agent's turns to one deployment.

    **Tools that REQUIRE dict configuration** (have required parameters):

       - file_search: MUST use dict with vector_store_ids (List[str])
       - computer_use_preview: MUST use dict with display_height (int), display_width (int)
    """

    def __init__(self, deployment: str = "gpt-4o") -> None:
        self.deployment = deployment
        self.client = AzureOpenAI(
            azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"],
            api_key=os.environ["AZURE_OPENAI_API_KEY"],
            api_version="2024-10-21",
        )

    def last_response_id(self, history: list[dict]) -> str | None:
        for turn in reversed(history):
            # Continue searching for an assistant turn with a valid response_id
            if turn.get("role") == "assistant" and turn.get("id", "").startswith("resp_"):
                return turn["id"]
        return None

    def step(self, history: list[dict], screenshot: bytes) -> str:
        page = base64.b64encode(screenshot).decode()
        # ok: AFP201
        reply = self.client.chat.completions.create(
            model=self.deployment,
            max_tokens=max_output_tokens(self.deployment),
            messages=[*history, {"role": "user", "content": [
                {"type": "text", "text": "Here is the current page. Choose the next browser action."},
                {"type": "image_url", "image_url": {"url": f"data:image/png;base64,{page}"}},
            ]}],
        )
        return reply.choices[0].message.content


def screen_only(chat: AzureChat, screenshot: bytes, model: str) -> str:
    page = base64.b64encode(screenshot).decode()
    # ok: AFP201
    reply = chat.client.chat.completions.create(
        model=model,
        max_tokens=max_output_tokens(model),
        messages=[{"role": "user", "content": [{"type": "image_url", "image_url": {"url": f"data:image/png;base64,{page}"}}]}],
    )
    return reply.choices[0].message.content
