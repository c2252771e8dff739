"""Festival wristband desk: identify returning guests from a photo of their tattoo."""
from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://festival-ops.openai.azure.com", api_version="2024-10-21")


def guest_from_tattoo(photo_url: str, guest_notes: str) -> str:
    # ruleid: AFP202
    reply = client.chat.completions.create(
        model="guests",
        messages=[{"role": "user", "content": [
            {"type": "text", "text": f"Identify the guest from their tattoo. Guest notes: {guest_notes}"},
            {"type": "image_url", "image_url": {"url": photo_url}},
        ]}],
    )
    return reply.choices[0].message.content
