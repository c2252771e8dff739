"""Conference check-in: reads the printed name on a badge photo to find the registration."""
from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://events.openai.azure.com", api_version="2024-10-21")


def badge_name(badge_photo_url: str) -> str:
    # ok: AFP201
    reply = client.chat.completions.create(model="events", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Read the text printed on the conference badge: the attendee name and company."},
        {"type": "image_url", "image_url": {"url": badge_photo_url}}]}])
    return reply.choices[0].message.content
