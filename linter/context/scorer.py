"""A compact learned scorer for identification, asked only when the frames read no purpose in a
call's own prompts (docs/purposes.md, "The scorer").

A logistic model over a prompt's words: folded word unigrams and bigrams, plus the first and last
letters of long words so that inflections ("identifiziert") and compound ends
("Mitarbeiterfotos") reach the words training saw. The weights are data
(rules/purpose_scorer.json, written by tools/train_purpose_scorer.py), read when a call's text
first reaches the scorer; a score costs one dictionary look-up per feature.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from flake8_azure_face_policy.context.purposes import split_words
from flake8_azure_face_policy.ruledata import RuleDataError, rule_text

STEM_FROM = 7  # words of at least this many letters also count by their first STEM letters
STEM = 5
END_FROM = 9  # and, from this length, by their last END letters (the end of a compound)
END = 5
DECISIVE_FEATURES = 3  # the words a finding names: the present features that added most


@dataclass(frozen=True)
class Feature:
    name: str
    start: int  # character span of the words it was read from, in its text
    end: int


def features(text: str) -> list[Feature]:
    """Every feature of one text, each with the words it came from (first occurrence kept)."""
    words = split_words(text)
    found: dict[str, Feature] = {}

    def add(name: str, start: int, end: int) -> None:
        found.setdefault(name, Feature(name, start, end))

    forms = ["0" if form.isdigit() else form for form in words.forms]
    for at, form in enumerate(forms):
        start, end = words.spans[at]
        add("w " + form, start, end)
        if len(form) >= STEM_FROM:
            add("p " + form[:STEM], start, end)
        if len(form) >= END_FROM:
            add("s " + form[-END:], start, end)
        if at + 1 < len(forms) and words.sentence[at + 1] == words.sentence[at]:
            add(f"b {form} {forms[at + 1]}", start, words.spans[at + 1][1])
    return list(found.values())


def feature_names(texts: Iterable[str]) -> set[str]:
    """The features of a call's prompts together (bigrams never join two prompts)."""
    return {feature.name for text in texts for feature in features(text)}


def is_prose(text: str) -> bool:
    """A prompt string with no space between words ("user", "image_url", a URL, a path, a MIME type)
    is a key or a name sent beside the prose, not prose."""
    return len(text.split(maxsplit=1)) == 2


@dataclass(frozen=True)
class Score:
    probability: float
    decisive: tuple[str, ...]  # the words of the features that added most, as written
    text_index: int  # the prompt those words are in


def word_count(texts: Iterable[str]) -> int:
    return sum(len(split_words(text).forms) for text in texts)


class PurposeScorer:
    def __init__(self, weights: dict[str, float], bias: float, threshold: float, max_words: int):
        self.weights = weights
        self.bias = bias
        self.threshold = threshold
        # the longest prompt it was trained on: a longer text (a system prompt of many paragraphs)
        # adds up small weights it never saw together, so it is not scored
        self.max_words = max_words

    def covers(self, texts: list[str]) -> bool:
        return word_count(texts) <= self.max_words

    @classmethod
    def from_data(cls, data: dict) -> "PurposeScorer":
        try:
            weights, bias, threshold, max_words = data["weights"], float(data["bias"]), float(data["threshold"]), int(data["max_words"])
            if not isinstance(weights, dict) or not all(isinstance(value, (int, float)) for value in weights.values()):
                raise TypeError("weights")
        except (KeyError, TypeError, ValueError) as error:
            raise RuleDataError(f"purpose_scorer.json: expected weights, bias, threshold and max_words ({error})") from error
        return cls(weights, bias, threshold, max_words)

    def probability(self, names: Iterable[str]) -> float:
        total = self.bias + sum(self.weights.get(name, 0.0) for name in names)
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, total))))

    def score(self, texts: list[str]) -> Score:
        """The call's prompts scored together, with the words that decided."""
        present: dict[str, tuple[int, Feature]] = {}
        for index, text in enumerate(texts):
            for feature in features(text):
                present.setdefault(feature.name, (index, feature))
        probability = self.probability(present)
        ranked = sorted(
            ((weight, index, feature) for index, feature in present.values() if (weight := self.weights.get(feature.name, 0.0)) > 0),
            key=lambda entry: (-entry[0], entry[1], entry[2].start, entry[2].name),
        )
        decisive: list[str] = []
        taken: list[tuple[int, int, int]] = []  # (prompt, start, end): words already named
        for _, index, feature in ranked:
            words = " ".join(texts[index][feature.start : feature.end].split())
            overlaps = any(index == other and feature.start < end and start < feature.end for other, start, end in taken)
            if not overlaps and words.lower() not in (seen.lower() for seen in decisive):  # "Ci-joint" once, not also "joint"
                decisive.append(words)
                taken.append((index, feature.start, feature.end))
            if len(decisive) == DECISIVE_FEATURES:
                break
        return Score(probability, tuple(decisive), ranked[0][1] if ranked else 0)


@lru_cache(maxsize=None)
def load_purpose_scorer() -> PurposeScorer:
    """The shipped model, read once, when the first call's prompt needs it."""
    raw = rule_text("purpose_scorer.json")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise RuleDataError(f"purpose_scorer.json: {error}") from error
    return PurposeScorer.from_data(data)
