from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://staffing.openai.azure.com", api_version="2025-04-01-preview")


def add_photo(conversation_id: str, photo_url: str):
    # ruleid: AFP201
    return client.conversations.items.create(
        conversation_id,
        items=[{"type": "message", "role": "user", "content": [
            {"type": "input_text", "text": "Identify the person in this photo."},
            {"type": "input_image", "image_url": photo_url, "detail": "auto"},
        ]}],
    )
