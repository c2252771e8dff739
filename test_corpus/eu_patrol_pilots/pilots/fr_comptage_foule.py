"""Gendarmerie : comptage de la foule en temps réel depuis un drone lors des manifestations."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def compter(url_image: str) -> str:
    # ok: AFP102, AFP201
    reponse = client.chat.completions.create(
        model="vision-fr",
        messages=[{"role": "user", "content": [
            {"type": "text", "text": "Estimez le nombre de personnes (comptage de la foule), sans identifier personne."},
            {"type": "image_url", "image_url": {"url": url_image}},
        ]}],
    )
    return reponse.choices[0].message.content
