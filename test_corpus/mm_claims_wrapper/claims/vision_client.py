"""Thin wrapper around the Azure OpenAI vision deployment used by every claims tool."""
from __future__ import annotations

import base64
import os

from openai import AzureOpenAI


class VisionClient:
    """Sends one photo and one question to the claims deployment."""

    def __init__(self, deployment: str = "claims-vision") -> None:
        self._client = AzureOpenAI(
            azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"],
            api_key=os.environ["AZURE_OPENAI_API_KEY"],
            api_version="2024-10-21",
        )
        self._deployment = deployment

    def ask(self, question: str, photo: bytes) -> str:
        encoded = base64.b64encode(photo).decode()
        # ok: AFP201
        reply = self._client.chat.completions.create(
            model=self._deployment,
            messages=[{"role": "user", "content": [
                {"type": "text", "text": question},
                {"type": "image_url", "image_url": {"url": f"data:image/jpeg;base64,{encoded}"}},
            ]}],
        )
        return reply.choices[0].message.content

    def ask_with_history(self, history: list[dict], question: str, photo: bytes) -> str:
        """Keeps the adjuster's earlier questions in the conversation."""
        # ok: AFP201
        return self.ask("\n".join(turn["text"] for turn in history) + "\n" + question, photo)


def get_client(deployment: str = "claims-vision") -> VisionClient:
    return VisionClient(deployment)


vision = VisionClient()
