"""Turnstile kiosk: sends the camera still together with the staff roster photos."""
import base64
import csv
import os
from pathlib import Path

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")
ROSTER = Path(os.environ.get("ROSTER_CSV", "data/staff.csv"))


def data_url(path: str) -> str:
    return "data:image/jpeg;base64," + base64.b64encode(Path(path).read_bytes()).decode()


def check_turnstile(still_path: str) -> str:
    content = [
        {"type": "text", "text": "Réponds uniquement avec l'identifiant, ou AUCUN."},
        {"type": "image_url", "image_url": {"url": data_url(still_path)}},
    ]
    with ROSTER.open() as handle:
        for row in csv.DictReader(handle):
            content.append({"type": "text", "text": f"{row['employee_id']}:"})
            content.append({"type": "image_url", "image_url": {"url": data_url(row["photo"])}})
    # ruleid: AFP201
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": content}])
    return reply.choices[0].message.content


def image_part(path: str) -> dict:
    return {"type": "image_url", "image_url": {"url": data_url(path)}}


def check_folder(still_path: str, known_faces_dir: str = "known_faces") -> str:
    references = [part for name in sorted(os.listdir(known_faces_dir)) for part in ({"type": "text", "text": f"[{name}]"}, image_part(os.path.join(known_faces_dir, name)))]
    # ruleid: AFP201
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [image_part(still_path), *references]}])
    return reply.choices[0].message.content


def describe_catalogue(shelf_path: str, products: list[dict]) -> str:
    """Compares the shelf photo with the product pack shots, one per SKU."""
    parts = [image_part(shelf_path)]
    for product in products:
        parts.append({"type": "text", "text": f"SKU {product['sku']}"})
        parts.append(image_part(product["pack_shot"]))
    # ok: AFP201
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": parts}])
    return reply.choices[0].message.content
