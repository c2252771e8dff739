"""Schede delle vetrine per il catalogo dei punti vendita di Torino, Milano e Lione.

Le foto arrivano ogni mattina dai responsabili di negozio di Parigi, Marsiglia e Napoli.
"""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def scheda_vetrina(foto_url: str, istruzioni: str) -> str:
    """Invia la foto della vetrina con le istruzioni del responsabile (negozi di Milano e Lione)."""
    # ok: AFP201
    risposta = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": istruzioni},
        {"type": "image_url", "image_url": {"url": foto_url}}]}])
    return risposta.choices[0].message.content


def scheda_punto_vendita(foto_url: str, richiesta: str) -> str:
    """Vetrine di Lisboa e Porto, Torino e Genova: la richiesta arriva dal gestionale."""
    # ok: AFP201
    risposta = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": richiesta},
        {"type": "image_url", "image_url": {"url": foto_url}}]}])
    return risposta.choices[0].message.content


def chi_e(foto_url: str) -> str:
    """Riconoscimento dei clienti abituali alla cassa."""
    # ruleid: AFP201
    risposta = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Questa cliente è Giulia Ferraris? Rispondi SÌ o NO."},
        {"type": "image_url", "image_url": {"url": foto_url}}]}])
    return risposta.choices[0].message.content
