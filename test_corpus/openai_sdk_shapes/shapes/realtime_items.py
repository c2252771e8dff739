"""Realtime session: a still from the site camera is added as a conversation item."""
import base64

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://staffing.openai.azure.com", api_version="2025-08-28")


def ask_who(jpeg: bytes) -> None:
    data_url = "data:image/jpeg;base64," + base64.b64encode(jpeg).decode()
    with client.realtime.connect(model="gpt-realtime") as connection:
        # ruleid: AFP201
        connection.conversation.item.create(item={
            "type": "message",
            "role": "user",
            "content": [
                {"type": "input_text", "text": "Who is this person? Identify them."},
                {"type": "input_image", "image_url": data_url},
            ],
        })
        connection.response.create()
