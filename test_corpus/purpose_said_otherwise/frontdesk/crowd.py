"""Visitors, lineups and wards in English, German and Dutch: who someone is asked in other words than
"who", beside a smile, roles read from uniforms and a staff category."""
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")


def ask(prompt: str, image_url: str, system: str = "You assist the front desk.") -> str:
    messages = [{"role": "system", "content": system},
                {"role": "user", "content": [{"type": "text", "text": prompt}, {"type": "image_url", "image_url": {"url": image_url}}]}]
    # ok: AFP201
    return client.chat.completions.create(model="gpt-4o", messages=messages).choices[0].message.content


def among_members(frame_url: str) -> str:
    # ruleid: AFP201
    return ask("Does this woman appear among the registered members? Give her member number.", frame_url)


def smiling(photo_url: str) -> str:
    # ok: AFP201
    return ask("Is the person in this photo smiling? Answer yes or no.", photo_url)


def unique_visitors(frame_url: str) -> str:
    # ruleid: AFP201
    return ask("Count unique visitors by their face so that returning ones are counted once.", frame_url)


def gegenueberstellung(lineup_url: str) -> str:
    # ruleid: AFP201
    return ask("Welcher der drei Männer entspricht dem Mann aus dem Kassenvideo?", lineup_url)


def stationsfoto(ward_url: str) -> str:
    # ok: AFP201
    return ask("Wer sind auf dem Stationsfoto Pflegekräfte und wer Ärzte, nach Kleidungsfarbe?", ward_url)


def welke_huisgenoot(door_url: str) -> str:
    # ruleid: AFP201
    return ask("Welke van de aangemelde huisgenoten staat voor de deur? Anders ONBEKEND.", door_url)


def zorgmedewerker(desk_url: str) -> str:
    # ok: AFP201
    return ask("Wie van de mensen bij de balie is een zorgmedewerker? Antwoord per persoon zorg of bezoeker.", desk_url)


def bezoekersregister(frame_url: str) -> str:
    # ruleid: AFP201
    return ask("Staat deze bezoeker in het register van geweerden? Geef het registratienummer.", frame_url)


def which_guard(frame_url: str) -> str:
    # ruleid: AFP201
    return ask("Which of our guards is this, the one without a vest?", frame_url)


def without_vest(frame_url: str) -> str:
    # ok: AFP201
    return ask("Which of the guards at the gate are not wearing a vest? Mark their positions.", frame_url)


def cant_you_tell(frame_url: str) -> str:
    # ruleid: AFP201
    return ask("Can't you tell me who this is? I have seen him at the gate before.", frame_url)


def dont_identify(frame_url: str) -> str:
    # ok: AFP201
    return ask("Describe the queue. Don't identify anyone, okay?", frame_url)
