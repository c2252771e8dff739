from pathlib import Path

import yaml
from openai import AzureOpenAI

config = yaml.safe_load(Path(__file__).parent.parent.joinpath("config.yaml").read_text())
client = AzureOpenAI(azure_endpoint="https://traffic-assist.openai.azure.com", api_version="2024-10-21")


def check_driver(frame_url: str) -> str:
    camera = config["camera"]["source"]
    # ruleid: AFP101, AFP102
    reply = client.chat.completions.create(model=config["deployment"], messages=[{"role": "user", "content": [
        {"type": "text", "text": f"Frame from the {camera}. Who is the driver?"},
        {"type": "image_url", "image_url": {"url": frame_url}}]}])
    return reply.choices[0].message.content
