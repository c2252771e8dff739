import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")
FACE_MATCH_NOTE = "Face matching is done by the partner agency, not here."


def who_sent_tip(tip: str) -> str:
    prompt = f"Identify the person who wrote this tip from their writing style: {tip}"
    # ok: no-vision-call
    return client.chat.completions.create(model="desk", messages=[{"role": "user", "content": prompt}]).choices[0].message.content


def chart_summary(chart_url: str) -> str:
    # ok: AFP201
    reply = client.chat.completions.create(model="desk", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Summarize the chart in two sentences."},
        {"type": "image_url", "image_url": {"url": chart_url}}]}])
    return reply.choices[0].message.content
