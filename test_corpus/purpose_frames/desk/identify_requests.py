"""Photo desk helpers: one vision call per request type, as the editors asked for them."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")
MODEL = os.environ.get("VISION_DEPLOYMENT", "gpt-4o")


def ask(prompt: str, image_url: str) -> str:
    # ok: AFP201
    reply = client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": [
        {"type": "text", "text": prompt},
        {"type": "image_url", "image_url": {"url": image_url}}]}])
    return reply.choices[0].message.content


def celebrity(image_url: str) -> str:
    # ruleid: AFP201
    reply = client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": [
        {"type": "text", "text": "Which celebrity is this?"},
        {"type": "image_url", "image_url": {"url": image_url}}]}])
    return reply.choices[0].message.content


def tell_me_who(image_url: str) -> str:
    # ruleid: AFP201
    reply = client.chat.completions.create(model=MODEL, messages=[
        {"role": "system", "content": "You help the picture editor. Keep it short."},
        {"role": "user", "content": [{"type": "text", "text": "Tell me who this is."}, {"type": "image_url", "image_url": {"url": image_url}}]}])
    return reply.choices[0].message.content


def person_name(image_url: str) -> str:
    # ruleid: AFP201
    reply = client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": [
        {"type": "text", "text": "What is this person's name? Reply with the name only."},
        {"type": "image_url", "image_url": {"url": image_url}}]}])
    return reply.choices[0].message.content


def name_everyone(image_url: str) -> str:
    # ruleid: AFP201
    reply = client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": [
        {"type": "text", "text": "Name everyone in this picture, left to right, as a JSON list."},
        {"type": "image_url", "image_url": {"url": image_url}}]}])
    return reply.choices[0].message.content


def find_in_staff_photos(probe_url: str, sheet_url: str) -> str:
    # ruleid: AFP201
    reply = client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": [
        {"type": "text", "text": "Find this person in the attached employee photos."},
        {"type": "image_url", "image_url": {"url": probe_url}},
        {"type": "image_url", "image_url": {"url": sheet_url}}]}])
    return reply.choices[0].message.content


def owner_of_face(crop_url: str) -> str:
    # ruleid: AFP201
    reply = client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": [
        {"type": "text", "text": "Find the owner of this face among registered users."},
        {"type": "image_url", "image_url": {"url": crop_url}}]}])
    return reply.choices[0].message.content


def account_holder(selfie_url: str, card_url: str) -> str:
    # ruleid: AFP201
    reply = client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": [
        {"type": "text", "text": "Is the person in the selfie the account holder shown on the ID card? Answer MATCH or NO MATCH."},
        {"type": "image_url", "image_url": {"url": selfie_url}},
        {"type": "image_url", "image_url": {"url": card_url}}]}])
    return reply.choices[0].message.content


def reference_photos(frame_url: str) -> str:
    # ruleid: AFP201
    reply = client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": [
        {"type": "text", "text": "Which of the people in the reference photos appears in this frame?"},
        {"type": "image_url", "image_url": {"url": frame_url}}]}])
    return reply.choices[0].message.content


def matching_employee_number(frame_url: str) -> str:
    # ruleid: AFP201
    reply = client.chat.completions.create(model=MODEL, messages=[
        {"role": "system", "content": "Reply with the employee number of the matching person, or NONE. No other text."},
        {"role": "user", "content": [{"type": "image_url", "image_url": {"url": frame_url}}]}])
    return reply.choices[0].message.content


def returning_visitors(frame_url: str) -> str:
    # ruleid: AFP201
    reply = client.chat.completions.create(model=MODEL, messages=[
        {"role": "system", "content": "Assign every shopper a persistent visitor id, so the same person keeps the same id across days."},
        {"role": "user", "content": [{"type": "image_url", "image_url": {"url": frame_url}}]}])
    return reply.choices[0].message.content
