"""Runs the purpose banks (tests/data/purpose_bank_*.yaml) through the real engine and scores them.

Each prompt becomes one minimal Azure OpenAI vision call (a system message when the entry has one,
then a user message with the text and an image part). An `identify` prompt is detected when an
identification rule fires on it (AFP201 or AFP202, or an AFP1xx, which fires instead of AFP201 when
the prompt names a watchlist); a `benign` one is right when nothing fires at all. `python tests/purpose_bank.py dev`
prints the table and the misses.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from flake8_azure_face_policy.engine import analyse

BANKS = Path(__file__).resolve().parent / "data"
# AFP1xx identify too: a prompt that names a watchlist gets AFP103 instead of AFP201
IDENTIFICATION_CODES = frozenset({"AFP101", "AFP102", "AFP103", "AFP201", "AFP202"})

CALL = '''from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://contoso.openai.azure.com", api_version="2024-06-01")


def ask(image_url):
    return client.chat.completions.create(
        model="gpt-4o",
        messages=[{system}
            {{"role": "user", "content": [{{"type": "text", "text": {user!r}}}, {{"type": "image_url", "image_url": {{"url": image_url}}}}]}},
        ],
    )
'''
SYSTEM = '\n            {{"role": "system", "content": {system!r}}},'


def load_bank(name: str) -> list[dict]:
    return yaml.safe_load((BANKS / f"purpose_bank_{name}.yaml").read_text(encoding="utf-8"))


def vision_call_source(entry: dict) -> str:
    system = SYSTEM.format(system=entry["system"]) if entry.get("system") else ""
    return CALL.format(system=system, user=entry["user"])


def fired_codes(entry: dict) -> set[str]:
    return {finding.code for finding in analyse(vision_call_source(entry))}


@dataclass
class Score:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    true_negative: int = 0

    @property
    def precision(self) -> float:
        flagged = self.true_positive + self.false_positive
        return self.true_positive / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        identify = self.true_positive + self.false_negative
        return self.true_positive / identify if identify else 1.0


def count(scores: dict[str, Score], entry: dict, codes: set[str] | frozenset[str]) -> bool:
    """Counts what fired on an entry under its language and "all"; whether that was right."""
    flagged = bool(codes & IDENTIFICATION_CODES)
    for key in (entry["lang"], "all"):
        result = scores.setdefault(key, Score())
        if entry["label"] == "identify":
            if flagged:
                result.true_positive += 1
            else:
                result.false_negative += 1
        elif codes:
            result.false_positive += 1
        else:
            result.true_negative += 1
    return flagged == (entry["label"] == "identify") and not (entry["label"] == "benign" and codes)


def score(bank: list[dict]) -> tuple[dict[str, Score], list[tuple[dict, set[str]]]]:
    """Scores by language (and "all"), and the entries the engine got wrong with what fired."""
    scores: dict[str, Score] = {}
    wrong = []
    for entry in bank:
        codes = fired_codes(entry)
        if not count(scores, entry, codes):
            wrong.append((entry, codes))
    return scores, wrong


def table(scores: dict[str, Score]) -> str:
    lines = ["| language | precision | recall | identify found | benign flagged |", "| --- | --- | --- | --- | --- |"]
    for key in sorted(scores, key=lambda k: (k == "all", k)):
        s = scores[key]
        lines.append(
            f"| {key} | {s.precision:.3f} | {s.recall:.3f} | {s.true_positive}/{s.true_positive + s.false_negative} "
            f"| {s.false_positive}/{s.false_positive + s.true_negative} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    scores, wrong = score(load_bank(sys.argv[1] if len(sys.argv) > 1 else "dev"))
    print(table(scores))
    for entry, codes in wrong:
        print(f"\n{entry['id']} {entry['label']} {entry['shape']} fired={sorted(codes)}")
        if entry.get("system"):
            print("  S:", entry["system"])
        print("  U:", entry["user"])
