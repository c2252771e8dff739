"""Detective bureau tool: after an incident, review recorded surveillance stills and put a name to
the faces, for the Springfield Police Department investigations unit."""
import os

from openai import AzureOpenAI

from patrol_assist.camera import to_data_url

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def review_still(still, case_id: str) -> str:
    # ruleid: AFP101
    reply = client.chat.completions.create(
        model="gpt-4o",
        messages=[{"role": "user", "content": [
            {"type": "text", "text": f"Case {case_id}: who is the man shown at the counter?"},
            {"type": "image_url", "image_url": {"url": to_data_url(still)}},
        ]}],
    )
    return reply.choices[0].message.content
