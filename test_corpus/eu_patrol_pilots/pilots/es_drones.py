"""Piloto de la Policía Local de Valencia: dron de vigilancia con reconocimiento facial en tiempo real."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def procesar_fotograma(url_fotograma: str) -> str:
    # ruleid: AFP102
    respuesta = client.chat.completions.create(
        model="vision-es",
        messages=[
            {"role": "system", "content": "Eres un asistente de la patrulla. Identifica a la persona que aparece en el fotograma del dron."},
            {"role": "user", "content": [{"type": "image_url", "image_url": {"url": url_fotograma}}]},
        ],
    )
    return respuesta.choices[0].message.content
