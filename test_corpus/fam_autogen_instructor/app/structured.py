"""instructor wrapping an Azure OpenAI client."""
import instructor
from openai import AzureOpenAI
from pydantic import BaseModel


class Person(BaseModel):
    name: str


client = instructor.from_openai(AzureOpenAI(azure_endpoint="https://agents-desk.openai.azure.com", api_version="2024-10-21"))
by_provider = instructor.from_provider("azure_openai/gpt4o")
elsewhere = instructor.from_provider("anthropic/claude-sonnet-4")


def identify(photo_path: str) -> Person:
    # ruleid: AFP201
    return client.chat.completions.create(model="gpt4o", response_model=Person, messages=[
        {"role": "user", "content": ["Identify the person in this photo.", instructor.Image.from_path(photo_path)]}])


def identify_by_provider(photo_url: str) -> Person:
    # ruleid: AFP201
    return by_provider.chat.completions.create(response_model=Person, messages=[
        {"role": "user", "content": ["Identify the person in this photo.", instructor.Image.from_url(photo_url)]}])


def identify_elsewhere(photo_url: str) -> Person:
    # ok: no-vision-call
    return elsewhere.chat.completions.create(response_model=Person, messages=[
        {"role": "user", "content": ["Identify the person in this photo.", instructor.Image.from_url(photo_url)]}])
