"""Front-desk checks in several languages: identification said after its subject, with a modal verb,
or only in the system prompt, beside look-alikes about a car, a receipt, a smile and a piece of code."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def _image(url: str) -> dict:
    return {"type": "image_url", "image_url": {"url": url}}


def meme_personne(first_url: str, second_url: str) -> str:
    # ruleid: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=[
        {"role": "system", "content": "Tu assistes le service des litiges. Dis si la personne des deux photos est la même, avec un pourcentage."},
        {"role": "user", "content": [{"type": "text", "text": "Les deux photos"}, _image(first_url), _image(second_url)]}]).choices[0].message.content


def pourrait_etre_lui(aged_url: str, recent_url: str) -> str:
    # ruleid: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Voici un portrait vieilli d'un enfant disparu. Le garçon de la deuxième photo pourrait-il être lui ?"},
        _image(aged_url), _image(recent_url)]}]).choices[0].message.content


def adherents(turnstile_url: str) -> str:
    # ruleid: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=[
        {"role": "system", "content": "Les adhérents du club sont enregistrés avec une photo et leur numéro d'adhérent. Réponds en JSON."},
        {"role": "user", "content": [{"type": "text", "text": "Tourniquet 2"}, _image(turnstile_url)]}]).choices[0].message.content


def plaque(parking_url: str) -> str:
    # ok: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Lis la plaque de la voiture qui entre dans le parking."},
        _image(parking_url)]}]).choices[0].message.content


def autoprohibidos(frame_url: str) -> str:
    # ruleid: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "¿Está este jugador en el registro de autoprohibidos de la sala? Responde SÍ o NO."},
        _image(frame_url)]}]).choices[0].message.content


def pedido(photo_url: str) -> str:
    # ok: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "¿Cuál de los paquetes coincide con el pedido del cliente? Devuelve solo el número de paquete."},
        _image(photo_url)]}]).choices[0].message.content


def visitatori_unici(frame_url: str) -> str:
    # ruleid: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Conta i clienti diversi dal volto, così chi ritorna in negozio non viene contato due volte."},
        _image(frame_url)]}]).choices[0].message.content


def scontrino(receipt_url: str) -> str:
    # ok: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Abbina questo scontrino a uno degli ordini aperti e restituisci il numero d'ordine."},
        _image(receipt_url)]}]).choices[0].message.content


def bug(screenshot_url: str) -> str:
    # ok: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Qual è il bug in questo screenshot di codice?"},
        _image(screenshot_url)]}]).choices[0].message.content


def cadastro(selfie_url: str, enrolment_url: str) -> str:
    # ruleid: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "O cliente da selfie é o da foto do cadastro? Responda SIM ou NÃO."},
        _image(selfie_url), _image(enrolment_url)]}]).choices[0].message.content


def professora(photo_url: str) -> str:
    # ruleid: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Essa é a professora Marta da turma B? SIM ou NÃO"},
        _image(photo_url)]}]).choices[0].message.content


def jalecos(ward_url: str) -> str:
    # ok: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Quais são os enfermeiros e quais os médicos nesta foto, pela cor do jaleco?"},
        _image(ward_url)]}]).choices[0].message.content


def fantino(photo_url: str) -> str:
    # ruleid: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Quale dei soci del maneggio è questo senza casco? Solo il nome."},
        _image(photo_url)]}]).choices[0].message.content


def senza_casco(site_url: str) -> str:
    # ok: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Quali dei lavoratori sul ponteggio sono senza casco? Indica la posizione."},
        _image(site_url)]}]).choices[0].message.content


def no_es_este(frame_url: str, capture_url: str) -> str:
    # ruleid: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "¿No es este el hombre que entró ayer en el almacén? Dímelo con sí o no."},
        _image(frame_url), _image(capture_url)]}]).choices[0].message.content


def non_identificare(frame_url: str) -> str:
    # ok: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Descrivi la scena. Non identificare le persone, va bene?"},
        _image(frame_url)]}]).choices[0].message.content
