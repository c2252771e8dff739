"""Trains the purpose scorer (flake8_azure_face_policy.context.scorer) and writes rules/purpose_scorer.json.

Training data is the project's own: the purpose banks (tests/data/purpose_bank_*.yaml), the reader's
examples (tests/data/purpose_examples.yaml) and prompts written for the scorer
(tests/data/purpose_scorer_examples.yaml). Plain logistic regression by stochastic gradient
descent in a fixed order, so retraining on the same data writes the same file byte for byte.
`python tools/train_purpose_scorer.py` rewrites the model; `--check` only says whether it is current.
"""

from __future__ import annotations

import json
import math
import random
import sys
from collections import Counter
from pathlib import Path

import yaml
from generated_files import write_or_check

from flake8_azure_face_policy.context.scorer import feature_names, word_count

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
MODEL = ROOT / "rules" / "purpose_scorer.json"
BANKS = ("dev", "test", "holdout", "final", "train6")
EXAMPLE_FILES = ("purpose_examples.yaml", "purpose_examples_train6.yaml", "purpose_scorer_examples.yaml")
# Chosen on the leave-one-bank-out folds of tools/measure_purpose_scorer.py (docs/purposes.md).
THRESHOLD = 0.75
MIN_EXAMPLES = 2  # a feature seen in one training prompt only is that prompt's, not the language's
EPOCHS = 30
LEARNING_RATE = 0.2
L2 = 0.1
SEED = 12
DECIMALS = 3


def read_entries(name: str) -> list[dict]:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def bank_entries(bank: str) -> list[dict]:
    return read_entries(f"purpose_bank_{bank}.yaml")


def example_entries() -> list[dict]:
    return [entry for name in EXAMPLE_FILES if (DATA / name).exists() for entry in read_entries(name)]


def entry_texts(entry: dict) -> list[str]:
    """The prompts of an entry as the engine sends them: the system prompt, then the user's."""
    return [text for text in (entry.get("system"), entry["user"]) if text]


def training_entries(banks: tuple[str, ...]) -> list[dict]:
    return [entry for bank in banks for entry in bank_entries(bank)] + example_entries()


def training_set(entries: list[dict]) -> list[tuple[frozenset[str], int]]:
    return [(frozenset(feature_names(entry_texts(entry))), int(entry["label"] == "identify")) for entry in entries]


def longest(entries: list[dict]) -> int:
    """The words of the longest training prompt: the scorer reads nothing longer."""
    return max(word_count(entry_texts(entry)) for entry in entries)


def train(examples: list[tuple[frozenset[str], int]]) -> tuple[dict[str, float], float]:
    """Weights and bias; deterministic for the same examples in the same order."""
    counts = Counter(name for names, _ in examples for name in names)
    kept = [(sorted(name for name in names if counts[name] >= MIN_EXAMPLES), label) for names, label in examples]
    weights: dict[str, float] = {}
    bias = 0.0
    order = list(range(len(kept)))
    generator = random.Random(SEED)
    step = 0
    for _ in range(EPOCHS):
        generator.shuffle(order)
        for position in order:
            names, label = kept[position]
            step += 1
            rate = LEARNING_RATE / math.sqrt(1 + step / len(kept))
            total = bias + sum(weights.get(name, 0.0) for name in names)
            error = 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, total)))) - label
            bias -= rate * error
            for name in names:
                weight = weights.get(name, 0.0)
                weights[name] = weight - rate * (error + L2 * weight)
    rounded = {name: round(weight, DECIMALS) for name, weight in sorted(weights.items())}
    return {name: weight for name, weight in rounded.items() if weight}, round(bias, DECIMALS)


def trained_model(banks: tuple[str, ...] = BANKS) -> tuple[dict[str, float], float, int]:
    """(weights, bias, max_words) of a model trained on these banks and the examples."""
    entries = training_entries(banks)
    return (*train(training_set(entries)), longest(entries))


def model_text(weights: dict[str, float], bias: float, max_words: int, threshold: float = THRESHOLD) -> str:
    data = {
        "about": "tools/train_purpose_scorer.py writes this file; docs/purposes.md explains it",
        "bias": bias,
        "max_words": max_words,
        "threshold": threshold,
        "weights": weights,
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0) + "\n"


if __name__ == "__main__":
    sys.exit(write_or_check(MODEL, model_text(*trained_model()), sys.argv[1:], "tools/train_purpose_scorer.py"))
