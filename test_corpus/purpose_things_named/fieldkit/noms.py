"""Questions about things, pets and scoreboards in several languages, beside questions about people."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def outil(photo_url: str) -> str:
    # ok: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Comment s'appelle cet outil ?"},
        {"type": "image_url", "image_url": {"url": photo_url}}]}]).choices[0].message.content


def cette_femme(photo_url: str) -> str:
    # ruleid: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Comment s'appelle cette femme ?"},
        {"type": "image_url", "image_url": {"url": photo_url}}]}]).choices[0].message.content


def logo(photo_url: str) -> str:
    # ok: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "¿De quién es este logo?"},
        {"type": "image_url", "image_url": {"url": photo_url}}]}]).choices[0].message.content


def chiesa(photo_url: str) -> str:
    # ok: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Come si chiama questa chiesa?"},
        {"type": "image_url", "image_url": {"url": photo_url}}]}]).choices[0].message.content


def scorebord(photo_url: str) -> str:
    # ok: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Wie staat er voor? (foto van het scorebord)"},
        {"type": "image_url", "image_url": {"url": photo_url}}]}]).choices[0].message.content


def hund(photo_url: str) -> str:
    # ok: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Welcher meiner Hunde ist das, Bello oder Luna?"},
        {"type": "image_url", "image_url": {"url": photo_url}}]}]).choices[0].message.content


def mitarbeiter(photo_url: str) -> str:
    # ruleid: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Welcher der Mitarbeiter ist das, Jonas oder Lukas?"},
        {"type": "image_url", "image_url": {"url": photo_url}}]}]).choices[0].message.content


def lineal(photo_url: str) -> str:
    # ok: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Compara el lineal fotografiado con el planograma y lista los productos que faltan."},
        {"type": "image_url", "image_url": {"url": photo_url}}]}]).choices[0].message.content


def alt_texte(photo_url: str) -> str:
    # ok: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=[
        {"role": "system", "content": "Beschreibe Ort und Handlung. Personen nur nach sichtbaren Merkmalen benennen, nie mit Namen, auch wenn du sie zu erkennen glaubst."},
        {"role": "user", "content": [{"type": "image_url", "image_url": {"url": photo_url}}]}]).choices[0].message.content


def conta(photo_url: str) -> str:
    # ok: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "On s'en fiche de qui c'est : compte-les et dis-moi si quelqu'un a l'air blessé."},
        {"type": "image_url", "image_url": {"url": photo_url}}]}]).choices[0].message.content
