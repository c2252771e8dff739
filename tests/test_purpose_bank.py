"""The purpose reader measured on the prompt banks (tests/data/purpose_bank_*.yaml).

The banks were written blind from the behaviour contract (see tests/purpose_bank.py for how each
prompt becomes a vision call and is scored) and then used for tuning; docs/purposes.md records the
blind first measurement of each and the numbers as shipped.
"""

from __future__ import annotations

import pytest

from purpose_bank import load_bank, score, table

OVERALL = {"precision": 0.97, "recall": 0.95}
PER_LANGUAGE = {"precision": 0.9, "recall": 0.9}
LANGUAGES = ("en", "fr", "es", "de", "pt", "it", "nl")
BANKS = ("dev", "test", "holdout", "final", "train6", "train7", "blind8", "blind9")
MINIMUM_SIZE = {"dev": 280, "test": 500, "holdout": 600, "final": 590, "train6": 590, "train7": 150, "blind8": 990, "blind9": 940}


@pytest.fixture(scope="module", params=BANKS)
def bank(request):
    entries = load_bank(request.param)
    return request.param, entries, score(entries)


def test_each_bank_covers_every_language_and_both_labels(bank):
    name, entries, _ = bank
    assert len(entries) >= MINIMUM_SIZE[name]
    assert {(entry["lang"], entry["label"]) for entry in entries} == {(language, label) for language in LANGUAGES for label in ("identify", "benign")}
    assert len({entry["id"] for entry in entries}) == len(entries)


def test_overall_precision_and_recall(bank):
    name, _, (scores, wrong) = bank
    overall = scores["all"]
    misses = "\n".join(f"{entry['id']} {entry['label']} {sorted(codes)}: {entry['user'][:80]}" for entry, codes in wrong)
    assert overall.precision >= OVERALL["precision"] and overall.recall >= OVERALL["recall"], f"{name}\n{table(scores)}\n{misses}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_precision_and_recall_per_language(bank, language):
    name, _, (scores, _) = bank
    assert scores[language].precision >= PER_LANGUAGE["precision"], f"{name}\n{table(scores)}"
    assert scores[language].recall >= PER_LANGUAGE["recall"], f"{name}\n{table(scores)}"
