"""The purpose reader (rules/purposes.yaml): frames, negation and detection, evidence, bad data."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import yaml

from flake8_azure_face_policy import ruledata
from flake8_azure_face_policy.context.purposes import PurposeReader, fold, shipped_compiled_index, split_words
from flake8_azure_face_policy.context.vocabulary import load_vocabulary
from flake8_azure_face_policy.ruledata import RuleDataError, data_file
from purpose_bank import BANKS, IDENTIFICATION_CODES, fired_codes

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import compile_purposes  # noqa: E402

EXAMPLE_FILES = ("purpose_examples.yaml", "purpose_examples_train6.yaml", "purpose_examples_train7.yaml", "purpose_examples_train9.yaml")
EXAMPLES = [example for name in EXAMPLE_FILES for example in yaml.safe_load((BANKS / name).read_text(encoding="utf-8"))]


def purposes(text: str) -> list[tuple[str, str, bool]]:
    return [(m.signal, m.text, m.negated) for m in load_vocabulary().scan(text) if m.role == "purpose"]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda example: example["user"][:60])
def test_examples_are_read_as_labelled(example):
    codes = fired_codes(example)
    if example["label"] == "identify":
        assert codes & IDENTIFICATION_CODES
    else:
        assert not codes


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Who is this?", "Who is this"),
        ("Tell me her name.", "Tell me her name"),
        ("Reply with the employee number of the matching person.", "employee number of the matching person"),
        ("¿Quién es el hombre de la foto?", "Quién es el hombre"),
        ("Wer von ihnen spricht?", "Wer von ihnen"),
    ],
)
def test_evidence_quotes_the_deciding_words_as_written(text, words):
    assert ("identity", words, False) in purposes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Identify anyone wearing a hard hat.",
        "Identify anyone not wearing a hard hat and return their bounding boxes.",
        "Identify all faces so we can blur them.",
        "Identifie toutes les personnes qui ne portent pas de casque.",
        "Chi di queste persone è la maestra, a giudicare dal grembiule?",
        "Never identify anyone.",
        "Versuch nicht, sie zu identifizieren.",
        "Identificeer de persoon niet.",
        "Never say whether the two images show the same person.",
        "Tu ne dis jamais si deux images montrent la même personne.",
    ],
)
def test_detection_redaction_roles_and_negation_count_against_identification(text):
    found = purposes(text)
    assert any(signal == "identity" for signal, _, _ in found)
    assert not any(signal == "identity" and not negated for signal, _, negated in found)


@pytest.mark.parametrize("text", ["See the description in the README.", "Returns a summary.", "description", "the damage report"])
def test_a_stray_noun_states_no_purpose(text):
    assert purposes(text) == []


@pytest.mark.parametrize(("text", "signal"), [("Describe the damage.", "benign"), ("Count the people.", "benign"), ("Blur the faces.", "benign")])
def test_benign_statements_state_a_purpose(text, signal):
    assert (signal, text.split()[0], False) in purposes(text)


def test_words_fold_accents_and_keep_positions():
    words = split_words("Qui est l’homme à gauche ?")
    assert words.forms == ("qui", "est", "l", "homme", "a", "gauche")
    assert fold("Quién está") == "Quien esta" and len(fold("Gäste")) == len("Gäste")


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("È Mario Rossi?", "È Mario Rossi"),
        ("E' Mario Rossi?", "E' Mario Rossi"),
        ("Questa cliente è Giulia Ferraris?", "è Giulia Ferraris"),
        ("Esse é o Pedro?", "é o Pedro"),
        ("Usato dai negozi di Torino, Milano e Lione.", None),
        ("Lojas de Lisboa e o Porto.", None),
    ],
)
def test_a_word_marked_as_written_needs_its_accent(text, read):
    """`è!`: Italian "è" asks "is", the conjunction "e" joins "Milano e Lione"."""
    identity = [words for signal, words, _ in purposes(text) if signal == "identity"]
    assert identity == ([read] if read else [])


def test_a_negation_of_another_language_does_not_negate():
    assert ("identity", "Quem está", False) in purposes("Quem está no interfone agora?")


def reader_with(change: dict) -> PurposeReader:
    data = dict(data_file("purposes.yaml"))
    data.update(change)
    reader = PurposeReader(data)
    reader.check()
    return reader


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        ({"frames": [{"name": "x", "purpose": "identity", "templates": {"en": ["~2 who"]}}]}, "must start with a required word"),
        ({"frames": [{"name": "x", "purpose": "identity", "templates": {"en": ["who <nobody>"]}}]}, "unknown slot <nobody>"),
        ({"frames": [{"name": "x", "purpose": "identity", "templates": {"xx": ["who"]}}]}, "language xx is not listed"),
        ({"frames": [{"name": "x", "purpose": "mood", "templates": {"en": ["who"]}}]}, "needs a name and a purpose"),
        ({"frames": [{"name": "x", "purpose": "identity", "templates": {"en": ["who is|a-b"]}}]}, "'a-b' is not a word or phrase"),
        ({"slots": {"person": ["man"]}}, "slot person: expected words by language"),
    ],
)
def test_malformed_purpose_data_is_reported_by_name(change, complaint):
    with pytest.raises(RuleDataError, match=complaint):
        reader_with(change)


def test_every_frame_has_templates_in_every_language():
    data = data_file("purposes.yaml")
    for frame in data["frames"]:
        assert set(frame["templates"]) == set(data["languages"]), frame["name"]


def test_the_shipped_frames_are_well_formed_whole():
    PurposeReader(data_file("purposes.yaml")).check()


def test_loading_reads_only_the_first_word_of_each_template():
    reader = PurposeReader(data_file("purposes.yaml"))
    assert not any("elements" in vars(template) for template in reader.templates)
    words = split_words("Who is this?")
    reader.scan(words)
    read = [template for template in reader.templates if "elements" in vars(template)]
    assert read and len(read) < len(reader.templates) / 10
    # the templates read whole are those whose first word the text holds
    assert all(any(next(template.first.words.ends(words, at, 0), None) for at in range(3)) for template in read)


def test_templates_are_found_by_their_first_word_as_a_walk_over_all_would_find_them():
    reader = PurposeReader(data_file("purposes.yaml"))
    index = reader.index
    forms = {form for example in EXAMPLES for text in (example["user"], example.get("system") or "") for form in split_words(text).forms}
    for form in sorted(forms):
        expected = []
        for template in reader.templates:
            exact, prefixes, suffixes = template.first.words.first_words()
            if form in exact or any(form.startswith(prefix) for prefix in prefixes) or any(form.endswith(suffix) for suffix in suffixes):
                expected.append(template)
        assert index.starting(form) == expected, form


def test_the_shipped_compiled_frames_are_what_compiling_writes():
    assert (ROOT / "rules" / ruledata.compiled_name("purposes.yaml")).read_text(encoding="utf-8") == compile_purposes.compiled_text()
    assert ruledata.compiled_data("purposes.yaml") is not None and shipped_compiled_index() is not None
    assert data_file("purposes.yaml") == ruledata.read_yaml("purposes.yaml")


def test_the_compiled_index_finds_what_indexing_the_yaml_finds_and_reads_no_template():
    data = data_file("purposes.yaml")
    compiled, indexed = PurposeReader(data, shipped_compiled_index()), PurposeReader(data)
    assert not any("first" in vars(template) or "elements" in vars(template) for template in compiled.templates)
    forms = {form for example in EXAMPLES for text in (example["user"], example.get("system") or "") for form in split_words(text).forms}
    for form in sorted(forms | {"mitgliedsnummer", "identifiziert", "personen", "wer", "who", "x" * 40}):
        assert [template.text for template in compiled.index.starting(form)] == [template.text for template in indexed.index.starting(form)], form


@pytest.fixture
def fresh_rule_files():
    """The cached digests and compiled data forgotten before and after (the test may replace the functions)."""
    cached = (ruledata.compiled_data, ruledata.rule_digest)
    for function in cached:
        function.cache_clear()
    yield
    for function in cached:
        function.cache_clear()


def test_what_was_compiled_from_other_data_is_not_used(monkeypatch, fresh_rule_files):
    monkeypatch.setattr(ruledata, "rule_digest", lambda name: "0" * 64)
    assert ruledata.compiled_data("purposes.yaml") is None and shipped_compiled_index() is None


@pytest.mark.parametrize(
    ("compiled", "complaint"),
    [
        ("{", "malformed"),
        (json.dumps({"source_checksum": "x"}), "malformed"),
        (json.dumps({"source_checksum": ruledata.rule_digest("purposes.yaml"), "data": {}, "index": {"by_word": []}}), "malformed index"),
    ],
)
def test_a_malformed_compiled_file_is_reported_by_name(monkeypatch, fresh_rule_files, compiled, complaint):
    shipped = ruledata.rule_text
    monkeypatch.setattr(ruledata, "rule_text", lambda name: compiled if name == "purposes.compiled.json" else shipped(name))
    with pytest.raises(RuleDataError, match=f"purposes.compiled.json: {complaint}"):
        shipped_compiled_index()
