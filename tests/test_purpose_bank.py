"""The purpose reader measured on prompts it was not tuned on (tests/data/purpose_bank_test.yaml).

The banks were written blind from the behaviour contract (see tests/purpose_bank.py for how each
prompt becomes a vision call and is scored); docs/purposes.md records the numbers.
"""

from __future__ import annotations

import pytest

from purpose_bank import load_bank, score, table

OVERALL = {"precision": 0.97, "recall": 0.95}
PER_LANGUAGE = {"precision": 0.9, "recall": 0.9}
LANGUAGES = ("en", "fr", "es", "de", "pt", "it", "nl")


@pytest.fixture(scope="module")
def test_bank_scores():
    return score(load_bank("test"))


def test_the_test_bank_covers_every_language_and_both_labels():
    bank = load_bank("test")
    assert len(bank) >= 500
    assert {(entry["lang"], entry["label"]) for entry in bank} == {(language, label) for language in LANGUAGES for label in ("identify", "benign")}
    assert len({entry["id"] for entry in bank}) == len(bank)


def test_overall_precision_and_recall(test_bank_scores):
    scores, wrong = test_bank_scores
    overall = scores["all"]
    misses = "\n".join(f"{entry['id']} {entry['label']} {sorted(codes)}: {entry['user'][:80]}" for entry, codes in wrong)
    assert overall.precision >= OVERALL["precision"] and overall.recall >= OVERALL["recall"], f"{table(scores)}\n{misses}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_precision_and_recall_per_language(test_bank_scores, language):
    scores, _ = test_bank_scores
    assert scores[language].precision >= PER_LANGUAGE["precision"], table(scores)
    assert scores[language].recall >= PER_LANGUAGE["recall"], table(scores)

