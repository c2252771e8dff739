"""Drafts the narrative section of an incident report from recorded body camera stills.

Used by Springfield Police Department officers after a shift; the officer reviews every draft.
"""
import os

from openai import AzureOpenAI

from patrol_assist.camera import to_data_url

client = AzureOpenAI(
    azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"],
    api_key=os.environ["AZURE_OPENAI_API_KEY"],
    api_version="2024-10-21",
)


def draft_narrative(stills: list, case_number: str) -> str:
    content = [{"type": "text", "text": f"Case {case_number}. Describe the scene, the vehicles and any visible damage, in neutral language. Do not name or identify anyone."}]
    for still in stills:
        content.append({"type": "image_url", "image_url": {"url": to_data_url(still)}})
    # ok: AFP101, AFP102, AFP201
    result = client.chat.completions.create(
        model="report-writer",
        messages=[{"role": "user", "content": content}],
    )
    return result.choices[0].message.content
