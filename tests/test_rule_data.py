"""The shipped rule data is valid, complete, and documented; bad data fails with a clear message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from flake8_azure_face_policy.ruledata import RuleDataError, data_file, load_rules, parse_rules, signal_roles
from flake8_azure_face_policy.context.vocabulary import Vocabulary, load_vocabulary

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules"
ROOT = Path(__file__).resolve().parent.parent
POLICY = ROOT / "docs" / "policy.md"


def test_rules_load_in_code_order():
    codes = [rule.code for rule in load_rules()]
    assert codes == ["AFP101", "AFP102", "AFP103", "AFP201", "AFP202", "AFP900", "AFP901", "AFP902"]


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


def test_every_clause_is_explained_in_the_policy_page_its_rule_links_to():
    policy = POLICY.read_text(encoding="utf-8")
    headings = {re.sub(r"[^a-z0-9 -]", "", line[4:].lower()).replace(" ", "-") for line in policy.splitlines() if line.startswith("### ")}
    for rule in load_rules():
        if rule.clause == "none":
            continue
        page = (DOCS / f"{rule.code}.md").read_text(encoding="utf-8")
        anchors = re.findall(r"\(\.\./policy\.md#([a-z0-9-]+)\)", page)
        assert anchors and all(anchor in headings for anchor in anchors), (rule.code, anchors)
        assert any(rule.clause.lower() in anchor and rule.code.lower() in anchor for anchor in anchors), rule.code


def test_no_product_file_refers_to_the_shared_folder():
    """Users have the product, not the folder its developers read: only tests may look beside it."""
    product = [ROOT / "README.md", ROOT / "pyproject.toml", *(ROOT / "linter").rglob("*.py"), *(ROOT / "rules").rglob("*"), *(ROOT / "docs").rglob("*")]
    for path in product:
        if path.is_file():
            assert "../shared" not in path.read_text(encoding="utf-8"), path


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


def test_sarif_help_links_resolve_away_from_the_repository():
    from flake8_azure_face_policy.report.sarif import sarif_rules

    clauses = {rule.code: rule.clause for rule in load_rules()}
    for rule in sarif_rules():
        targets = re.findall(r"\]\(([^)]+)\)", rule["help"]["markdown"])
        assert all(target.startswith("https://") for target in targets), (rule["id"], targets)
        if clauses[rule["id"]] != "none":
            assert any(target.endswith("/docs/policy.md#" + target.rsplit("#", 1)[-1]) for target in targets if "#" in target), rule["id"]
