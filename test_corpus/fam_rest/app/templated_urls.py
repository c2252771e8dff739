"""REST calls whose URL is a template filled from configuration."""
import base64
import os
from string import Template

import requests

cfg = {"endpoint": os.environ["AZURE_OPENAI_ENDPOINT"], "deployment": os.environ.get("VISION_DEPLOYMENT", "gpt-4o"), "api_version": "2024-10-21"}
CHAT_PATH = "{endpoint}/openai/deployments/{deployment}/chat/completions?api-version={api_version}"


def body(jpeg: bytes, question: str) -> dict:
    encoded = base64.b64encode(jpeg).decode()
    return {"messages": [{"role": "user", "content": [{"type": "text", "text": question}, {"type": "image_url", "image_url": {"url": f"data:image/jpeg;base64,{encoded}"}}]}]}


def with_format(jpeg: bytes) -> dict:
    url = CHAT_PATH.format(**cfg)
    # ruleid: AFP201
    return requests.post(url, headers={"api-key": os.environ["AZURE_OPENAI_KEY"]}, json=body(jpeg, "Identify the person in this photo.")).json()


def with_percent(jpeg: bytes) -> dict:
    url = "%s/openai/deployments/%s/chat/completions?api-version=%s" % (cfg["endpoint"], cfg["deployment"], cfg["api_version"])
    # ok: AFP201
    return requests.post(url, json=body(jpeg, "Describe the scene.")).json()


def with_template(jpeg: bytes) -> dict:
    url = Template("${endpoint}/openai/deployments/${deployment}/chat/completions").substitute(cfg)
    # ok: AFP201
    return requests.post(url, json=body(jpeg, "Describe the scene.")).json()


def with_base_url(jpeg: bytes) -> dict:
    base_url = os.environ["AZURE_OPENAI_ENDPOINT"]
    # ruleid: AFP201
    return requests.post(f"{base_url}/chat/completions?api-version=2024-10-21", json=body(jpeg, "Who is this person?")).json()


def with_host_variable(jpeg: bytes, resource: str) -> dict:
    base_url = f"https://{resource}.openai.azure.com"
    endpoint = base_url + "/openai/deployments/gpt-4v/extensions/chat/completions?api-version=2023-12-01-preview"
    # ok: AFP201
    return requests.post(endpoint, json=body(jpeg, "Describe the scene.")).json()


def with_fstring_config(jpeg: bytes) -> dict:
    # ok: AFP201
    return requests.post(f"{cfg['endpoint']}/openai/deployments/{cfg['deployment']}/chat/completions", json=body(jpeg, "Describe the scene.")).json()


class VisionJob:
    def __init__(self):
        self.vision_endpoint = os.environ.get("VISION_ENDPOINT", "")
        self.vision_deployment = os.environ.get("VISION_DEPLOYMENT")

    def send(self, jpeg: bytes) -> dict:
        url = f"{self.vision_endpoint}openai/deployments/{self.vision_deployment}/chat/completions?api-version=2024-02-15-preview"
        # ok: AFP201
        return requests.post(url, json=body(jpeg, "Describe the road scene."), timeout=90).json()
