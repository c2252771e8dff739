"""Plain OpenAI client pointed at an API Management gateway in front of Azure OpenAI."""
from openai import OpenAI

client = OpenAI(
    base_url="https://gateway.staffing.example/aoai/deployments/staff",
    default_query={"api-version": "2024-10-21"},
    default_headers={"api-key": "read-from-vault"},
)


def identify(photo_url: str) -> str:
    # ruleid: AFP201
    reply = client.chat.completions.create(model="staff", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Identify the person in the photo."},
        {"type": "image_url", "image_url": {"url": photo_url}},
    ]}])
    return reply.choices[0].message.content
