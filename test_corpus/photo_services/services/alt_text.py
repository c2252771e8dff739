"""Accessibility: alt text for photos in shared albums."""
from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://photos-app.openai.azure.com", api_version="2024-10-21")

ALT_TEXT_PROMPT = (
    "Write alt text for this photo. Describe the people by clothing and position only; "
    "never name or identify anyone, even if they look famous."
)


def alt_text(photo_url: str) -> str:
    # ok: AFP201
    reply = client.chat.completions.create(model="alt", messages=[
        {"role": "system", "content": ALT_TEXT_PROMPT},
        {"role": "user", "content": [{"type": "image_url", "image_url": {"url": photo_url}}]}])
    return reply.choices[0].message.content


def alt_text_batch(photo_urls: list[str]) -> list[str]:
    results = []
    for url in photo_urls:
        # ok: AFP201
        reply = client.chat.completions.create(model="alt", messages=[
            {"role": "system", "content": ALT_TEXT_PROMPT},
            {"role": "user", "content": [{"type": "image_url", "image_url": {"url": url, "detail": "low"}}]}])
        results.append(reply.choices[0].message.content)
    return results
