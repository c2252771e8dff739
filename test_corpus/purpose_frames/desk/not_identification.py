"""Requests that use identification words without identifying anyone: detection, redaction,
objects, animals, roles, audiences. None of them may fire."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def vision(text: str, image_url: str):
    return [{"role": "user", "content": [{"type": "text", "text": text}, {"type": "image_url", "image_url": {"url": image_url}}]}]


def hard_hats(frame_url: str) -> str:
    # ok: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=vision("Identify anyone wearing a hard hat.", frame_url)).choices[0].message.content


def no_hard_hat(frame_url: str) -> str:
    # ok: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=vision("Identify anyone not wearing a hard hat and return their bounding boxes.", frame_url)).choices[0].message.content


def faces_to_blur(photo_url: str) -> str:
    # ok: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=vision("Identify all faces so we can blur them before publishing.", photo_url)).choices[0].message.content


def shelf(photo_url: str) -> str:
    # ok: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=vision("Which of the products is out of stock?", photo_url)).choices[0].message.content


def car_model(photo_url: str) -> str:
    # ok: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=vision("Identify this car model and its colour.", photo_url)).choices[0].message.content


def ear_tag(photo_url: str) -> str:
    # ok: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=vision("Which cow is tag 12? Describe where it stands.", photo_url)).choices[0].message.content


def audience(ad_url: str) -> str:
    # ok: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=vision("Who is the target audience of this ad?", ad_url)).choices[0].message.content


def uniform(photo_url: str) -> str:
    # ok: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=vision("Is the person in this picture a nurse or a doctor, judging from the uniform?", photo_url)).choices[0].message.content


def accessibility(photo_url: str) -> str:
    # ok: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=vision("Describe the scene. Never identify people or guess who anyone is.", photo_url)).choices[0].message.content


def casque(photo_url: str) -> str:
    # ok: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=vision("Identifie toutes les personnes qui ne portent pas de casque.", photo_url)).choices[0].message.content


def pixelar(photo_url: str) -> str:
    # ok: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=vision("Identifica todas las caras para que podamos pixelarlas antes de publicar.", photo_url)).choices[0].message.content


def schutzhelm(photo_url: str) -> str:
    # ok: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=vision("Erkenne alle Personen ohne Schutzhelm und gib ihre Boxen zurück.", photo_url)).choices[0].message.content


def autore(cover_url: str) -> str:
    # ok: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=vision("Chi è l'autore di questo libro? Leggilo dalla copertina.", cover_url)).choices[0].message.content


def leeftijd(photo_url: str) -> str:
    # ok: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=vision("Schat de leeftijd van de persoon in. Identificeer de persoon niet.", photo_url)).choices[0].message.content
