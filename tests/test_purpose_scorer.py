"""The purpose scorer (context/scorer.py): what it adds to the frames, what it never reads, and that the
shipped model is what the training script writes."""

from __future__ import annotations

import fnmatch
import json
import sys
from pathlib import Path

import pytest

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

from flake8_azure_face_policy.context import scorer
from flake8_azure_face_policy.context.vocabulary import load_vocabulary
from flake8_azure_face_policy.engine import analyse
from flake8_azure_face_policy.ruledata import RuleDataError

from purpose_bank import vision_call_source

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import train_purpose_scorer  # noqa: E402

# Identification the frames do not read: reference photos of staff sent with a camera still, no question asked.
SCORED = {
    "Employee headshots are attached, then the frame from the side entrance camera.": "Employee",
    "Im Anhang die Fotos der Mitarbeitenden und ein Standbild der Kamera am Hintereingang.": "Mitarbeitenden",
    "Ci-joint les photos des salariés et une capture de la caméra de l'entrée de service.": "salariés",
    "Adjuntos los retratos de los empleados y un fotograma de la cámara de la entrada lateral.": "empleados",
    "In allegato i ritratti dei dipendenti e un fotogramma della telecamera del retro.": "dipendenti",
    "Bijgevoegd de foto's van de medewerkers en een still van de camera bij de achteringang.": "achteringang",
}
STAFF_PHOTOS = "Im Anhang die Fotos der Mitarbeitenden und ein Standbild der Kamera am Hintereingang."
# About people and photos, stating no purpose the frames read, and not identification.
SILENT = [
    "Is the person in the photo smiling?",
    "Rate this portrait photo from 1 to 10.",
    "Crop the photo to the face of the person for a passport-style print.",
    "Is the employee badge photo good enough to print?",
    "Le photographe a-t-il bien cadré la photo de l'équipe ?",
    "Controlla che la foto del dipendente sia a fuoco.",
    "Is this photo suitable as a profile picture?",
]


def frame_purposes(text: str) -> list[str]:
    return [match.text for match in load_vocabulary().scan(text) if match.role == "purpose"]


@pytest.mark.parametrize("prompt", sorted(SCORED))
def test_identification_the_frames_miss_is_scored_with_the_words_that_decided(prompt):
    assert frame_purposes(prompt) == []  # else this would test the frames, not the scorer
    findings = analyse(vision_call_source({"user": prompt}))
    assert [finding.code for finding in findings] == ["AFP201"]
    scored = findings[0].evidence[0]
    assert scored.kind == "scorer" and scored.line == 10
    probability, words = scored.text.split(": ", 1)
    assert float(probability) >= scorer.load_purpose_scorer().threshold
    named = words.split(", ")
    assert SCORED[prompt] in named and len(named) == scorer.DECISIVE_FEATURES and all(word in prompt for word in named)
    assert f"scorer L10 '{probability}: " in findings[0].message


@pytest.mark.parametrize("prompt", SILENT)
def test_benign_prompts_about_people_and_photos_stay_silent(prompt):
    assert frame_purposes(prompt) == []
    assert analyse(vision_call_source({"user": prompt})) == []


@pytest.mark.parametrize(
    "prompt",
    [
        f"Never tell us who anyone is. {STAFF_PHOTOS}",  # negation
        f"Identifiziere die Person nicht. {STAFF_PHOTOS}",  # negation after the statement
        f"Erkenne alle Personen ohne Schutzhelm. {STAFF_PHOTOS}",  # detection
        f"Zähle die Personen. {STAFF_PHOTOS}",  # a benign statement
    ],
)
def test_a_purpose_the_frames_read_is_never_overruled_by_the_scorer(prompt):
    assert frame_purposes(prompt)
    assert scorer.load_purpose_scorer().score([prompt]).probability >= scorer.load_purpose_scorer().threshold
    assert analyse(vision_call_source({"user": prompt})) == []


CALL_WITH_WORDS_AROUND = '''"""{docstring}"""
from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://contoso.openai.azure.com", api_version="2024-06-01")


def check(image_url, employee_headshots_then_side_entrance_camera):
    # {comment}
    return client.chat.completions.create(
        model="gpt-4o",
        messages=[{{"role": "user", "content": [{{"type": "text", "text": "Look at this."}}, {{"type": "image_url", "image_url": {{"url": image_url}}}}]}}],
    )
'''


def test_comments_docstrings_and_names_never_reach_the_scorer():
    words = "Employee headshots are attached, then the frame from the side entrance camera."
    assert scorer.load_purpose_scorer().score([words]).probability >= scorer.load_purpose_scorer().threshold
    assert analyse(CALL_WITH_WORDS_AROUND.format(docstring=words, comment=words)) == []


def test_the_scorer_loads_only_when_a_prompt_reaches_it():
    scorer.load_purpose_scorer.cache_clear()
    analyse(vision_call_source({"user": "Who is this?"}))  # the frames read it
    analyse(f"print({STAFF_PHOTOS!r})\n")  # no vision call
    assert scorer.load_purpose_scorer.cache_info().misses == 0
    analyse(vision_call_source({"user": "Check the attached picture."}))
    assert scorer.load_purpose_scorer.cache_info().misses == 1


def test_the_shipped_model_is_what_training_writes():
    shipped = (ROOT / "rules" / "purpose_scorer.json").read_text(encoding="utf-8")
    retrained = train_purpose_scorer.model_text(*train_purpose_scorer.trained_model())
    assert retrained == shipped
    model = scorer.load_purpose_scorer()
    assert model.threshold == train_purpose_scorer.THRESHOLD and model.weights == json.loads(shipped)["weights"]


def test_the_model_file_is_packaged():
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]
    assert any(fnmatch.fnmatch("purpose_scorer.json", pattern) for pattern in package_data["flake8_azure_face_policy.rules"])


@pytest.mark.parametrize(
    "data",
    [{}, {"weights": [], "bias": 0, "threshold": 0.5, "max_words": 9}, {"weights": {"w who": "x"}, "bias": 0, "threshold": 0.5, "max_words": 9}],
)
def test_malformed_model_data_is_named(data):
    with pytest.raises(RuleDataError, match="purpose_scorer.json"):
        scorer.PurposeScorer.from_data(data)


def test_features_fold_accents_and_reach_inflections_and_compound_ends():
    names = scorer.feature_names(["Vergleiche es mit den Mitarbeiterfotos, bitte.", "Número?"])
    assert {"w mitarbeiterfotos", "p mitar", "s rfotos"[:2] + "fotos", "b mit den", "w numero"} <= names
    assert "b bitte numero" not in names  # bigrams never join two prompts


def test_a_text_longer_than_any_training_prompt_is_not_scored():
    model = scorer.load_purpose_scorer()
    filler = " Keep the answer short and write it in plain English."
    long_prompt = STAFF_PHOTOS + filler * (model.max_words // 9 + 1)
    assert not model.covers([long_prompt]) and model.score([long_prompt]).probability >= model.threshold
    assert analyse(vision_call_source({"user": long_prompt})) == []
    assert model.covers([STAFF_PHOTOS + filler])


@pytest.mark.parametrize("text", ["user", "image_url", "staff-sheet.jpg", "https://intranet.example.com/hr/staff-photos", "Who is this?", "audio/mp3"])
def test_keys_names_urls_and_paths_sent_with_a_prompt_are_not_prose(text):
    assert scorer.is_prose(text) == (" " in text.strip())


def test_a_scored_identification_names_its_trait_like_any_other():
    prompt = "Attached are the staff voice samples, then the recording from the side entrance intercom."
    assert frame_purposes(prompt) == []
    findings = analyse(vision_call_source({"user": prompt}))
    assert [finding.code for finding in findings] == ["AFP202"]
    assert findings[0].evidence[0].kind == "scorer" and "voice" in findings[0].evidence[0].text
