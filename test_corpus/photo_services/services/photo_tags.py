"""Album search: tags each photo with objects and places (people are tagged only as 'person')."""
from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://photos-app.openai.azure.com", api_version="2024-10-21")


def identify_objects(photo_url: str) -> list[str]:
    # ok: AFP201
    reply = client.responses.create(model="tags", input=[{"role": "user", "content": [
        {"type": "input_text", "text": "List objects, animals and landmarks in the photo as short tags."},
        {"type": "input_image", "image_url": photo_url, "detail": "low"}]}])
    return reply.output_text.split(",")
