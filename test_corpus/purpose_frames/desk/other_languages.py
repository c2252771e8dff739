"""Les mêmes demandes, telles que les rédactions européennes les écrivent."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def gaeste(image_url: str) -> str:
    # ruleid: AFP201
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Sag mir, welcher der Gäste auf der Liste das ist."},
        {"type": "image_url", "image_url": {"url": image_url}}]}])
    return reply.choices[0].message.content


def plantilla(image_url: str) -> str:
    # ruleid: AFP201
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "¿Quién de los trabajadores de la plantilla aparece en la foto?"},
        {"type": "image_url", "image_url": {"url": image_url}}]}])
    return reply.choices[0].message.content


def qui_est(image_url: str) -> str:
    # ruleid: AFP201
    reply = client.chat.completions.create(model="gpt-4o", messages=[
        {"role": "system", "content": "Tu aides le service photo. Réponds en JSON : {\"nom\": \"...\"}."},
        {"role": "user", "content": [{"type": "text", "text": "Qui est la femme au micro ?"}, {"type": "image_url", "image_url": {"url": image_url}}]}])
    return reply.choices[0].message.content


def matricola(image_url: str) -> str:
    # ruleid: AFP201
    reply = client.chat.completions.create(model="gpt-4o", messages=[
        {"role": "system", "content": "Restituisci solo la matricola della persona riconosciuta, oppure NESSUNO."},
        {"role": "user", "content": [{"type": "image_url", "image_url": {"url": image_url}}]}])
    return reply.choices[0].message.content


def mesma_pessoa(selfie_url: str) -> str:
    # ruleid: AFP201
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "É a mesma pessoa da foto do documento? Responda APROVADO ou REPROVADO."},
        {"type": "image_url", "image_url": {"url": selfie_url}}]}])
    return reply.choices[0].message.content


def groepeer(image_url: str) -> str:
    # ruleid: AFP201
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Groepeer deze foto's per persoon en geef elke groep een nummer."},
        {"type": "image_url", "image_url": {"url": image_url}}]}])
    return reply.choices[0].message.content


def stimmprobe(clip_url: str) -> str:
    # ruleid: AFP202
    reply = client.chat.completions.create(model="gpt-4o", messages=[
        {"role": "system", "content": "Es liegen Stimmproben von fünf Mitarbeitenden mit Namen vor."},
        {"role": "user", "content": [{"type": "text", "text": "Wer von ihnen spricht auf dieser Aufnahme?"}, {"type": "image_url", "image_url": {"url": clip_url}}]}])
    return reply.choices[0].message.content
