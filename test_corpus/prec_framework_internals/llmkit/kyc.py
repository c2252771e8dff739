"""Onboarding checks for the lending app: the applicant's selfie against their document."""
import base64

from .chat import AzureChat


def match_prompt(document: str) -> str:
    if document not in ("passport", "licence"):
        raise ValueError(f"Unknown document {document!r}. Please provide a valid document name.")
    return f"Check the selfie against their ID ({document}) and reply MATCH or NO MATCH."


def verify_applicant(chat: AzureChat, selfie: bytes, document: str) -> str:
    encoded = base64.b64encode(selfie).decode()
    # ruleid: AFP201
    reply = chat.client.chat.completions.create(
        model=chat.deployment,
        messages=[{"role": "user", "content": [
            {"type": "text", "text": match_prompt(document)},
            {"type": "image_url", "image_url": {"url": f"data:image/jpeg;base64,{encoded}"}},
        ]}],
    )
    return reply.choices[0].message.content


def field_label(field: str) -> str:
    return {"applicant_id": "Applicant number", "full_name": "Name as on the document"}.get(field, field)


def read_form(chat: AzureChat, scan: bytes, field: str) -> str:
    encoded = base64.b64encode(scan).decode()
    # ok: AFP201
    reply = chat.client.chat.completions.create(
        model=chat.deployment,
        messages=[{"role": "user", "content": [
            {"type": "text", "text": f"Transcribe the form field labelled '{field_label(field)}'."},
            {"type": "image_url", "image_url": {"url": f"data:image/png;base64,{encoded}"}},
        ]}],
    )
    return reply.choices[0].message.content
