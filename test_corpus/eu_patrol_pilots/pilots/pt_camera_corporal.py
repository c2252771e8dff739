"""Piloto da Polícia de Segurança Pública: câmeras corporais com reconhecimento facial em tempo real."""
import os

from openai import AzureOpenAI

cliente = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def analisar(quadro_data_url: str) -> str:
    # ruleid: AFP102
    resposta = cliente.chat.completions.create(
        model="vision-pt",
        messages=[{"role": "user", "content": [
            {"type": "text", "text": "Quem é esta pessoa? Compare o rosto com os registos."},
            {"type": "image_url", "image_url": {"url": quadro_data_url}},
        ]}],
    )
    return resposta.choices[0].message.content
