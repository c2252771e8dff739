"""Herramientas de la Policía Local de Valencia para revisar fotos de incidencias."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")
SISTEMA = "Eres el asistente de la oficina de atestados. USA el formato JSON y responde en español."
FRAMES = "https://incidencias.blob.core.windows.net/texas-street/frames"


def quien_es(foto_url: str) -> str:
    # ruleid: AFP201
    reply = client.chat.completions.create(model="gpt-4o", messages=[
        {"role": "system", "content": SISTEMA},
        {"role": "user", "content": [{"type": "text", "text": "¿Quién es esta persona?"}, {"type": "image_url", "image_url": {"url": foto_url}}]}])
    return reply.choices[0].message.content


def frame_lookup(frame_id: str) -> str:
    """Devuelve el JSON del modelo, por ejemplo:

        {"country": "US", "name": "..."}
    """
    # ruleid: AFP201
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Dime el nombre de la persona del fotograma."},
        {"type": "image_url", "image_url": {"url": f"{FRAMES}/california/{frame_id}.jpg"}}]}])
    return reply.choices[0].message.content
