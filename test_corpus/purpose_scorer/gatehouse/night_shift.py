"""Night-shift checks at the loading dock and the side entrance."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")

STAFF_SHEET_URL = "https://intranet.example.com/hr/staff-sheet.jpg"


def _images(frame_url: str) -> list[dict]:
    return [{"type": "image_url", "image_url": {"url": STAFF_SHEET_URL}}, {"type": "image_url", "image_url": {"url": frame_url}}]


def side_entrance(frame_url: str) -> str:
    # no question the frames read: the staff headshots and a frame, which only the scorer reads as a search
    # ruleid: AFP201
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Employee headshots are attached first, then the frame from the side entrance camera."},
        *_images(frame_url)]}])
    return reply.choices[0].message.content


def hintereingang(frame_url: str) -> str:
    # ruleid: AFP201
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Im Anhang die Fotos der Mitarbeitenden und ein Standbild der Kamera am Hintereingang."},
        *_images(frame_url)]}])
    return reply.choices[0].message.content


def badge_print_check(frame_url: str) -> str:
    # a person's photo judged as a photo: not identification
    # ok: AFP201
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Is the employee photo sharp enough for the badge printer? Reply yes or no with a reason."},
        {"type": "image_url", "image_url": {"url": frame_url}}]}])
    return reply.choices[0].message.content


def ohne_namen(frame_url: str) -> str:
    # the frames read the refusal, so the scorer is not asked
    # ok: AFP201
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Identifiziere niemanden. Im Anhang die Fotos der Mitarbeitenden und ein Standbild der Kamera am Hintereingang; beschreibe nur die Lage."},
        *_images(frame_url)]}])
    return reply.choices[0].message.content


def dock_posture(frame_url: str) -> str:
    # Employee headshots are attached first, then the frame from the side entrance camera.
    # (a comment is not what the call sends: the scorer never reads it)
    # ok: AFP201
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "Is the person at the dock lifting with a straight back?"},
        {"type": "image_url", "image_url": {"url": frame_url}}]}])
    return reply.choices[0].message.content
