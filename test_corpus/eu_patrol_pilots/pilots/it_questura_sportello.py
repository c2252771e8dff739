"""Sportello della Questura di Bologna: verifica dell'identità al banco con una telecamera fissa.

La telecamera è montata allo sportello (ambiente controllato); il modello conferma che chi ritira
il documento è la stessa persona della foto in archivio.
"""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def verifica(foto_sportello: str, foto_archivio: str) -> str:
    # ruleid: AFP201
    # ok: AFP102
    risposta = client.chat.completions.create(
        model="vision-it",
        messages=[{"role": "user", "content": [
            {"type": "text", "text": "È la stessa persona nelle due foto? Rispondi sì o no."},
            {"type": "image_url", "image_url": {"url": foto_sportello}},
            {"type": "image_url", "image_url": {"url": foto_archivio}},
        ]}],
    )
    return risposta.choices[0].message.content
