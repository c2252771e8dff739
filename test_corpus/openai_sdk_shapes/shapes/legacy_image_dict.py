"""Late-2023 GPT-4V preview style: a list of strings and {"image": b64} dicts."""
import base64

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://staffing.openai.azure.com", api_version="2023-12-01-preview")


def identify_people(frames: list[bytes]) -> str:
    content = ["Identify the people in these frames by name."]
    content += [{"image": base64.b64encode(frame).decode(), "resize": 768} for frame in frames]
    # ruleid: AFP201
    result = client.chat.completions.create(model="gpt-4-vision", messages=[{"role": "user", "content": content}], max_tokens=300)
    return result.choices[0].message.content
