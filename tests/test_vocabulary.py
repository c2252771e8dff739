"""Vocabulary signals on single phrases: what each signal must and must not match."""

from __future__ import annotations

import pytest

from flake8_azure_face_policy.context.vocabulary import load_vocabulary, normalise
from flake8_azure_face_policy.source.syntax import split_identifier


def affirmed(text: str) -> set[str]:
    return {match.signal for match in load_vocabulary().scan(normalise(text)) if not match.negated}


def negated(text: str) -> set[str]:
    return {match.signal for match in load_vocabulary().scan(normalise(text)) if match.negated}


IDENTITY = [
    "Identify the person in this frame",
    "Who is this man?",
    "Is this the same person as on the ID card?",
    "Match the visitor's face against the employee directory",
    "recognise the photographer's subject",
    "Find this person among the booking photos",
    "verify the identity of the caller",
    "put a name to the face",
    "facial recognition",
    "Identifiez la personne visible",
    "reconocimiento facial",
    "Wer ist diese Person?",
    "Quem é esta pessoa?",
    "È la stessa persona?",
    "gezichtsherkenning",
]
NOT_IDENTITY = [
    "Identify the make and model of the car",
    "Recognize the text on the sign",
    "Check whether the person is wearing a helmet",
    "Match the customer's receipt to the order",
    "verify the driver's licence number",
    "identify any hazards the driver should know about",
    "Who is wearing a helmet?",
]


@pytest.mark.parametrize("text", IDENTITY)
def test_identity_phrases(text):
    assert "identity" in affirmed(text)


@pytest.mark.parametrize("text", NOT_IDENTITY)
def test_not_identity_phrases(text):
    assert "identity" not in affirmed(text)


@pytest.mark.parametrize(
    "text",
    [
        "Describe the scene. Do not identify anyone.",
        "Blur all faces so that no one can be identified",
        "Identifying people is prohibited",
        "never identify the people shown",
        "Identify any workers not wearing hard hats",
        "Identify all faces and return boxes so we can blur them",
        "Ne jamais identifier la personne",
        "Personen nicht identifizieren",
    ],
)
def test_negated_or_detection_identity_counts_against(text):
    assert "identity" in negated(text)
    assert "identity" not in affirmed(text)


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("Springfield Police Department", "law_enforcement"),
        ("Springfield Police Department", "us_jurisdiction"),
        ("Maricopa County Sheriff's Office", "us_jurisdiction"),
        ("https://x.openai.azure.us/", "us_jurisdiction"),
        ("region usgovvirginia", "us_jurisdiction"),
        ("U.S. Marshals", "us_jurisdiction"),
        ("ICE field office", "us_jurisdiction"),
        ("gendarmerie nationale", "law_enforcement"),
        ("Policía Local", "law_enforcement"),
        ("Axon body camera", "mobile_camera"),
        ("caméra-piéton", "mobile_camera"),
        ("Dashcam im Streifenwagen", "mobile_camera"),
        ("drone footage", "mobile_camera"),
        ("in real time", "live"),
        ("rtsp://10.0.0.5/stream", "live"),
        ("en temps réel", "live"),
        ("Echtzeit", "live"),
        ("the suspect database", "gallery"),
        ("mugshots", "gallery"),
        ("watchlist of known shoplifters", "gallery"),
        ("booking photos of prior inmates", "gallery"),
        ("gait", "other_trait"),
        ("voiceprint", "other_trait"),
        ("tattoo", "other_trait"),
        ("selfie", "face"),
    ],
)
def test_context_and_trait_signals(text, signal):
    assert signal in affirmed(text)


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("locale en-US", "us_jurisdiction"),
        ("send it to us", "us_jurisdiction"),
        ("ice on the road", "us_jurisdiction"),
        ("stream=True", "live"),
        ("the suspect", "gallery"),
        ("compliance officer", "law_enforcement"),
        ("face detection", "identity"),
    ],
)
def test_words_that_are_not_signals(text, signal):
    assert signal not in affirmed(text)


def test_not_for_law_enforcement_is_negated_context():
    assert "law_enforcement" in negated("Not for law enforcement use")


def test_identifiers_read_as_words():
    assert split_identifier("identifySuspectFace") == "identify Suspect Face"
    assert split_identifier("MUGSHOT_DB") == "MUGSHOT DB"
    assert "identity" in affirmed(split_identifier("match_faces"))
    assert "gallery" in affirmed(split_identifier("load_mugshot_db"))
