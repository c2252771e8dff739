"""The one Azure OpenAI client every fleet tool shares."""
from __future__ import annotations

import os

from openai import AzureOpenAI


class BaseVisionClient:
    """Holds the client and deployment; subclasses add the questions of each tool."""

    def __init__(self, deployment: str = "fleet-gpt-4o") -> None:
        self._client = AzureOpenAI(
            azure_endpoint=os.environ["FLEET_OPENAI_ENDPOINT"],
            api_key=os.environ["FLEET_OPENAI_KEY"],
            api_version="2024-10-21",
        )
        self._deployment = deployment

    def ask(self, question: str, image_url: str) -> str:
        # ok: AFP201
        reply = self._client.chat.completions.create(
            model=self._deployment,
            messages=[{"role": "user", "content": [
                {"type": "text", "text": question},
                {"type": "image_url", "image_url": {"url": image_url}},
            ]}],
        )
        return reply.choices[0].message.content
