"""Builds the request across statements: append, extend, +=, a comprehension and a dict update."""
import os

from openai import AzureOpenAI


class SiteRecogniser:
    def __init__(self) -> None:
        self.client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")
        self.deployment = "staff"

    def recognise(self, photo_urls: list[str]) -> str:
        content = []
        content.append({"type": "text", "text": "Recognise each person in the photos and name them."})
        content.extend({"type": "image_url", "image_url": {"url": url}} for url in photo_urls[:2])
        content += [{"type": "image_url", "image_url": {"url": url}} for url in photo_urls[2:]]
        message = {"role": "user"}
        message.update(content=content)
        # ruleid: AFP201
        reply = self.client.chat.completions.create(model=self.deployment, messages=[message])
        return reply.choices[0].message.content
