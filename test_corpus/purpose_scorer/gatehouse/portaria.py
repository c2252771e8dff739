"""Portaria, ingressi, entrées de service: the same gate checks for the Lisbon, Milan and Lyon sites."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")

INGRESSO_RETRO = "In allegato i ritratti dei dipendenti e un fotogramma della telecamera del retro."
ENTREE_DE_SERVICE = "Ci-joint les photos des salariés et une capture de la caméra de l'entrée de service."
FOTOS_DO_SITE = "Avalie a exposição e o foco das fotos da equipe para o site."


def milano(frame_url: str) -> str:
    # ruleid: AFP201
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": INGRESSO_RETRO}, {"type": "image_url", "image_url": {"url": frame_url}}]}])
    return reply.choices[0].message.content


def lyon(frame_url: str) -> str:
    # ruleid: AFP201
    reply = client.chat.completions.create(model="gpt-4o", messages=[
        {"role": "system", "content": ENTREE_DE_SERVICE},
        {"role": "user", "content": [{"type": "image_url", "image_url": {"url": frame_url}}]}])
    return reply.choices[0].message.content


def lisboa_site(frame_url: str) -> str:
    # ok: AFP201
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": FOTOS_DO_SITE}, {"type": "image_url", "image_url": {"url": frame_url}}]}])
    return reply.choices[0].message.content
