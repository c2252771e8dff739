"""The shipped rule data is valid, complete, and documented; bad data fails with a clear message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from flake8_azure_face_policy.ruledata import RuleDataError, data_file, load_rules, parse_rules, signal_roles
from flake8_azure_face_policy.context.vocabulary import Vocabulary, load_vocabulary

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules"
POLICY = Path(__file__).resolve().parent.parent.parent / "shared" / "POLICY.md"


def test_rules_load_in_code_order():
    codes = [rule.code for rule in load_rules()]
    assert codes == ["AFP101", "AFP102", "AFP103", "AFP201", "AFP202", "AFP900"]


def test_vocabulary_compiles_with_every_language():
    vocabulary = load_vocabulary()
    assert {"identity", "benign", "law_enforcement", "mobile_camera", "live", "gallery", "us_jurisdiction"} <= set(vocabulary.signal_names)
    languages = set(data_file("vocabulary.yaml")["signals"]["law_enforcement"]["patterns"])
    assert {"en", "fr", "es", "de", "pt", "it", "nl"} <= languages


@pytest.mark.parametrize("rule", load_rules(), ids=lambda rule: rule.code)
def test_every_rule_has_a_docs_page_matching_its_data(rule):
    page = (DOCS / f"{rule.code}.md").read_text(encoding="utf-8")
    assert page.startswith(f"# {rule.code}: {rule.title}\n")
    if rule.clause != "none":
        assert rule.clause in page


@pytest.mark.skipif(not POLICY.exists(), reason="../shared/POLICY.md is not beside this checkout")
def test_clause_labels_exist_in_policy():
    policy = POLICY.read_text(encoding="utf-8")
    for rule in load_rules():
        if rule.clause != "none":
            assert rule.clause in policy


ROLES = {"identity": "purpose", "gallery": "context"}
GOOD = {"code": "AFP301", "name": "x", "title": "X", "clause": "C", "message": "m", "requires": {"media": ["image"], "purpose": "identity", "trait": "face", "context": ["gallery"]}}


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        ({"code": "X1"}, "code must look like AFP123"),
        ({"title": ""}, "missing text field 'title'"),
        ({"requires": {**GOOD["requires"], "context": ["moon"]}}, "context signal 'moon' is not defined"),
        ({"requires": {**GOOD["requires"], "trait": "smell"}}, "requires.trait must be one of"),
        ({"requires": {**GOOD["requires"], "media": ["video"]}}, "requires.media must be some of"),
        ({"unless_fired": ["AFP999"]}, "unless_fired names unknown code AFP999"),
    ],
)
def test_malformed_rules_are_reported_by_name(change, complaint):
    with pytest.raises(RuleDataError, match=re.escape(complaint)):
        parse_rules({"rules": [{**GOOD, **change}]}, ROLES)


def test_malformed_vocabulary_is_reported_by_name():
    with pytest.raises(RuleDataError, match="vocabulary.yaml identity en: invalid regular expression"):
        Vocabulary({"signals": {"identity": {"role": "purpose", "patterns": {"en": ["(unclosed"]}}}})
    with pytest.raises(RuleDataError, match="unknown fragment <nobody>"):
        Vocabulary({"signals": {"identity": {"role": "purpose", "patterns": {"en": ["<nobody>"]}}}})
    with pytest.raises(RuleDataError, match="role must be one of"):
        signal_roles({"signals": {"identity": {"role": "mood"}}})
