"""Writes a reproducible corpus of realistic application modules full of vision calls.

Every client family appears; each project folder has a pyproject.toml, a .env and a config.yaml;
files are 150 to 800 lines of ordinary application code around the calls. Each project also has
its own wrapper of the client (`app/clients.py`: a class, a module-level instance and a factory) and
its prompts in `app/prompts.py`; a third of the modules call the wrapper with those prompts, and some
of those name no client at all (they are reached only through their imports).

    python benchmarks/generate_corpus.py OUT_DIR --files 300 --seed 1
"""

from __future__ import annotations

import argparse
import random
import textwrap
from pathlib import Path

HEADER = '''"""{title} service module {number}.

Part of the {project} codebase; generated for benchmarking.
"""
from __future__ import annotations

import base64
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

{imports}

log = logging.getLogger(__name__)
'''

FILLER = [
    '''
@dataclass
class Record{n}:
    """A row of the {word} table."""

    identifier: str
    created: str
    tags: list[str] = field(default_factory=list)
    score: float = 0.0

    def normalised(self) -> "Record{n}":
        tags = sorted({{tag.strip().lower() for tag in self.tags if tag.strip()}})
        return Record{n}(self.identifier.strip(), self.created, tags, round(self.score, 3))

    def to_json(self) -> str:
        return json.dumps({{"id": self.identifier, "created": self.created, "tags": self.tags, "score": self.score}})
''',
    '''
def load_{word}_{n}(path: Path) -> list[dict]:
    """Reads the {word} export, skipping malformed lines."""
    rows = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError:
                log.warning("skipping line %d of %s", number, path)
    return rows
''',
    '''
def summarise_{word}_{n}(rows: list[dict]) -> dict[str, float]:
    totals: dict[str, float] = {{}}
    counts: dict[str, int] = {{}}
    for row in rows:
        key = str(row.get("category", "other"))
        totals[key] = totals.get(key, 0.0) + float(row.get("amount", 0) or 0)
        counts[key] = counts.get(key, 0) + 1
    # averages per category, rounded for the dashboard
    return {{key: round(totals[key] / counts[key], 2) for key in totals if counts[key]}}
''',
    '''
class {Word}Cache{n}:
    def __init__(self, limit: int = 256) -> None:
        self.limit = limit
        self.items: dict[str, bytes] = {{}}
        self.order: list[str] = []

    def get(self, key: str) -> bytes | None:
        if key in self.items:
            self.order.remove(key)
            self.order.append(key)
            return self.items[key]
        return None

    def put(self, key: str, value: bytes) -> None:
        if key in self.items:
            self.order.remove(key)
        elif len(self.order) >= self.limit:
            oldest = self.order.pop(0)
            del self.items[oldest]
        self.items[key] = value
        self.order.append(key)
''',
    '''
def validate_{word}_{n}(payload: dict) -> list[str]:
    problems = []
    for name in ("id", "site", "captured_at"):
        if not payload.get(name):
            problems.append(f"missing {{name}}")
    if len(str(payload.get("id", ""))) > 64:
        problems.append("id too long")
    if payload.get("site") not in {{"north", "south", "east", "west"}}:
        problems.append("unknown site")
    return problems
''',
]

CALLS = [
    ("from openai import AzureOpenAI", "client_{n} = AzureOpenAI(azure_endpoint=os.environ['AZURE_OPENAI_ENDPOINT'], api_version='2024-10-21')", '''
def ask_{n}(photo_url: str) -> str:
    reply = client_{n}.chat.completions.create(model="vision", messages=[{{"role": "user", "content": [
        {{"type": "text", "text": "{prompt}"}},
        {{"type": "image_url", "image_url": {{"url": photo_url, "detail": "high"}}}}]}}])
    return reply.choices[0].message.content
'''),
    ("from openai import OpenAI", "responses_client_{n} = OpenAI(base_url='https://res.openai.azure.com/openai/v1/', api_key=os.getenv('AZURE_OPENAI_API_KEY'))", '''
def respond_{n}(photo_url: str) -> str:
    parts = [{{"type": "input_text", "text": "{prompt}"}}]
    parts.append({{"type": "input_image", "image_url": photo_url, "detail": "auto"}})
    return responses_client_{n}.responses.create(model="vision", input=[{{"role": "user", "content": parts}}]).output_text
'''),
    ("from azure.ai.inference import ChatCompletionsClient\nfrom azure.ai.inference.models import ImageContentItem, ImageUrl, TextContentItem, UserMessage\nfrom azure.core.credentials import AzureKeyCredential",
     "inference_{n} = ChatCompletionsClient(endpoint=os.environ['AOAI_DEPLOYMENT_URL'], credential=AzureKeyCredential(os.environ['AOAI_KEY']))", '''
def complete_{n}(path: str) -> str:
    message = UserMessage(content=[TextContentItem(text="{prompt}"), ImageContentItem(image_url=ImageUrl.load(image_file=path, image_format="jpeg"))])
    return inference_{n}.complete(messages=[message]).choices[0].message.content
'''),
    ("from langchain_core.messages import HumanMessage\nfrom langchain_openai import AzureChatOpenAI", "llm_{n} = AzureChatOpenAI(azure_deployment='vision', api_version='2024-10-21')", '''
def invoke_{n}(b64: str) -> str:
    message = HumanMessage(content=[{{"type": "text", "text": "{prompt}"}}, {{"type": "image", "base64": b64, "mime_type": "image/jpeg"}}])
    return llm_{n}.invoke([message]).content
'''),
    ("from semantic_kernel.connectors.ai.open_ai import AzureChatCompletion\nfrom semantic_kernel.contents import ChatHistory, ImageContent, TextContent", "service_{n} = AzureChatCompletion(deployment_name='vision')", '''
async def kernel_{n}(path: str) -> str:
    history = ChatHistory()
    history.add_user_message([TextContent(text="{prompt}"), ImageContent.from_image_file(path)])
    return str(await service_{n}.get_chat_message_content(history, None))
'''),
    ("import litellm", "", '''
def route_{n}(url: str) -> str:
    reply = litellm.completion(model="azure/vision", messages=[{{"role": "user", "content": [
        {{"type": "text", "text": "{prompt}"}}, {{"type": "image_url", "image_url": {{"url": url}}}}]}}])
    return reply.choices[0].message.content
'''),
    ("import requests", "VISION_URL_{n} = f\"{{os.environ['AZURE_OPENAI_ENDPOINT']}}/openai/deployments/vision/chat/completions?api-version=2024-10-21\"", '''
def post_{n}(jpeg: bytes) -> dict:
    body = {{"messages": [{{"role": "user", "content": [{{"type": "text", "text": "{prompt}"}},
        {{"type": "image_url", "image_url": {{"url": "data:image/jpeg;base64," + base64.b64encode(jpeg).decode()}}}}]}}]}}
    return requests.post(VISION_URL_{n}, headers={{"api-key": os.environ["AOAI_KEY"]}}, json=body, timeout=30).json()
'''),
]

WRAPPER_IMPORTS = "from app.clients import make_vision_client, vision\nfrom app.prompts import {constants}"
WRAPPER_CALLS = [
    '''
def wrapped_{n}(photo_url: str) -> str:
    return vision.ask({constant}, photo_url)
''',
    '''
def from_factory_{n}(photo_url: str) -> str:
    client = make_vision_client()
    return client.ask({constant}, photo_url)
''',
]
CLIENTS_MODULE = '''"""The project's own wrapper of its Azure OpenAI vision deployment."""
from __future__ import annotations

import os

from openai import AzureOpenAI


class VisionClient:
    """Sends one question and one photo to the vision deployment."""

    def __init__(self, deployment: str = "vision") -> None:
        self._client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")
        self._deployment = deployment

    def ask(self, question: str, photo_url: str) -> str:
        reply = self._client.chat.completions.create(model=self._deployment, messages=[{"role": "user", "content": [
            {"type": "text", "text": question},
            {"type": "image_url", "image_url": {"url": photo_url}}]}])
        return reply.choices[0].message.content


def make_vision_client(deployment: str = "vision") -> VisionClient:
    return VisionClient(deployment)


vision = VisionClient()
'''

PROMPTS = [
    "Describe the scene and any visible damage.",
    "Count the people waiting in the queue.",
    "Read the licence plate of the vehicle.",
    "Identify the person in the photo.",
    "Blur every face; do not identify anyone.",
    "Summarise the whiteboard notes.",
    "Is this the same person as on the badge photo?",
]
WORDS = ["orders", "shipments", "visits", "sensors", "invoices", "claims", "tickets", "assets"]


def module_text(rng: random.Random, number: int, project: str, target_lines: int) -> str:
    wrapped = rng.random() < 1 / 3
    chosen = rng.sample(CALLS, k=rng.randint(0 if wrapped else 2, 4))
    imports = "\n".join(dict.fromkeys(line for entry in chosen for line in entry[0].splitlines()))
    wrapper_calls = [(rng.choice(WRAPPER_CALLS), rng.randrange(len(PROMPTS))) for _ in range(rng.randint(1, 3) if wrapped else 0)]
    if wrapper_calls:
        constants = ", ".join(sorted({f"PROMPT_{prompt}" for _, prompt in wrapper_calls}))
        imports = "\n".join(filter(None, (imports, WRAPPER_IMPORTS.format(constants=constants))))
    parts = [HEADER.format(title=project.replace("_", " ").title(), number=number, project=project, imports=imports)]
    for index, (_, setup, body) in enumerate(chosen):
        if setup:
            parts.append(setup.format(n=f"{number}_{index}"))
        parts.append(textwrap.dedent(body).format(n=f"{number}_{index}", prompt=rng.choice(PROMPTS)))
    for index, (body, prompt) in enumerate(wrapper_calls):
        parts.append(textwrap.dedent(body).format(n=f"{number}_w{index}", constant=f"PROMPT_{prompt}"))
    counter = 0
    while sum(part.count("\n") for part in parts) < target_lines:
        word = rng.choice(WORDS)
        parts.append(textwrap.dedent(rng.choice(FILLER)).format(n=f"{number}_{counter}", word=word, Word=word.title()))
        counter += 1
    return "\n".join(parts)


def generate(out: Path, files: int, seed: int) -> int:
    rng = random.Random(seed)
    lines = 0
    projects = max(1, files // 25)
    for project_number in range(projects):
        project = f"service_{project_number:02d}"
        folder = out / project
        (folder / "app").mkdir(parents=True, exist_ok=True)
        (folder / "pyproject.toml").write_text(f'[project]\nname = "{project}"\n')
        (folder / ".env").write_text("AZURE_OPENAI_ENDPOINT=https://res.openai.azure.com\nCAMERA_SOURCE=lobby-cam-2\nAOAI_KEY=not-a-real-key\n")
        (folder / "config.yaml").write_text("site: north\ncamera:\n  source: lobby\n  mode: recorded\nretention_days: 30\n")
        (folder / "app" / "__init__.py").write_text("")
        (folder / "app" / "clients.py").write_text(CLIENTS_MODULE)
        prompts = "".join(f"PROMPT_{number} = {prompt!r}\n" for number, prompt in enumerate(PROMPTS))
        (folder / "app" / "prompts.py").write_text(f'"""Prompts of the {project} vision features."""\n\n{prompts}')
    for number in range(files):
        project = f"service_{number % projects:02d}"
        text = module_text(rng, number, project, rng.randint(150, 800))
        (out / project / "app" / f"module_{number:04d}.py").write_text(text)
        lines += text.count("\n")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    lines = generate(args.out, args.files, args.seed)
    print(f"{args.files} files, {lines} lines in {args.out}")


if __name__ == "__main__":
    main()
