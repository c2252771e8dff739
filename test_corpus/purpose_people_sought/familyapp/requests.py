"""Requests about one person, in several languages, beside requests about a pet and a live face."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def oma(photo_url: str) -> str:
    # ruleid: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Such alle Fotos von Oma aus meiner Galerie raus."},
        {"type": "image_url", "image_url": {"url": photo_url}}]}]).choices[0].message.content


def nonna(photo_url: str) -> str:
    # ruleid: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Trovami tutte le foto della nonna nel rullino."},
        {"type": "image_url", "image_url": {"url": photo_url}}]}]).choices[0].message.content


def fotos_van_de_hond(photo_url: str) -> str:
    # ok: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Zoek alle foto's van de hond in mijn filmrol."},
        {"type": "image_url", "image_url": {"url": photo_url}}]}]).choices[0].message.content


def recherche(frame_url: str) -> str:
    # ruleid: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Flux en direct de la caméra embarquée : le conducteur devant nous est-il recherché ?"},
        {"type": "image_url", "image_url": {"url": frame_url}}]}]).choices[0].message.content


def foragido(frame_url: str) -> str:
    # ruleid: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Câmera da viatura ao vivo: o motorista da frente é foragido?"},
        {"type": "image_url", "image_url": {"url": frame_url}}]}]).choices[0].message.content


def fuhrerschein(selfie_url: str, licence_url: str) -> str:
    # ruleid: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Kein Polizeieinsatz. Prüf, ob das Selfie zum Gesicht auf dem Führerschein passt."},
        {"type": "image_url", "image_url": {"url": selfie_url}},
        {"type": "image_url", "image_url": {"url": licence_url}}]}]).choices[0].message.content


def cni(selfie_url: str, card_url: str) -> str:
    # ruleid: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Usage non policier. Vérifie que le visage du selfie est celui de la CNI."},
        {"type": "image_url", "image_url": {"url": selfie_url}},
        {"type": "image_url", "image_url": {"url": card_url}}]}]).choices[0].message.content


def instagram(photo_url: str) -> str:
    # ruleid: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Etiqueta a cada persona de la foto con su @ de Instagram."},
        {"type": "image_url", "image_url": {"url": photo_url}}]}]).choices[0].message.content


def liveness(selfie_url: str) -> str:
    # ok: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Liveness-check: is de selfie een echt persoon of een foto van een scherm? Nergens mee vergelijken."},
        {"type": "image_url", "image_url": {"url": selfie_url}}]}]).choices[0].message.content
