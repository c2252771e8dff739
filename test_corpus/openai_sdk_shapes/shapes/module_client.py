import os

import openai

openai.api_type = "azure"
openai.azure_endpoint = os.environ["AZURE_OPENAI_ENDPOINT"]
openai.api_version = "2024-10-21"


def name_the_face(photo_url: str) -> str:
    # ruleid: AFP201
    reply = openai.chat.completions.create(
        model="staff",
        messages=[{"role": "user", "content": [
            {"type": "text", "text": "Put a name to the face in this photo."},
            {"type": "image_url", "image_url": {"url": photo_url}},
        ]}],
    )
    return reply.choices[0].message.content
