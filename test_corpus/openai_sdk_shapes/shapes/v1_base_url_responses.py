"""Azure OpenAI v1 endpoint through the plain OpenAI client, Responses API."""
import os

from openai import OpenAI
from pydantic import BaseModel

client = OpenAI(
    api_key=os.getenv("AZURE_OPENAI_API_KEY"),
    base_url="https://staffing.openai.azure.com/openai/v1/",
)


class Match(BaseModel):
    name: str
    confidence: float


def identify(photo_url: str) -> str:
    # ruleid: AFP201
    response = client.responses.create(
        model="gpt-4.1-staff",
        input=[{"role": "user", "content": [
            {"type": "input_text", "text": "Identify the person in the photo."},
            {"type": "input_image", "image_url": photo_url, "detail": "auto"},
        ]}],
    )
    return response.output_text


def identify_structured(photo_url: str) -> Match:
    # ruleid: AFP201
    parsed = client.responses.parse(
        model="gpt-4.1-staff",
        input=[{"role": "user", "content": [
            {"type": "input_text", "text": "Identify the person in the photo."},
            {"type": "input_image", "image_url": photo_url, "detail": "high"},
        ]}],
        text_format=Match,
    )
    return parsed.output_parsed
