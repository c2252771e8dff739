import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2025-04-01-preview")


def identify_stream(photo_url: str) -> str:
    request = [{"role": "user", "content": [
        {"type": "input_text", "text": "Identify the person in this photo."},
        {"type": "input_image", "image_url": photo_url, "detail": "auto"},
    ]}]
    # ruleid: AFP201
    with client.responses.stream(model="staff", input=request) as stream:
        return stream.get_final_response().output_text


def identify_streaming_response(photo_url: str) -> str:
    # ruleid: AFP201
    with client.responses.with_streaming_response.create(
        model="staff",
        input=[{"role": "user", "content": [
            {"type": "input_text", "text": "Identify the person in this photo."},
            {"type": "input_image", "image_url": photo_url, "detail": "auto"},
        ]}],
    ) as response:
        return response.text()
