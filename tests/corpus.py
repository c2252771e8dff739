"""Reads the expectations written beside the corpus code.

An annotation comment applies to the next line that is not itself an annotation:
    # ruleid: AFP101, AFP102   these codes fire on that line
    # ok: AFP201               a vision call is found on that line and AFP201 does not fire
    # ok: no-vision-call       no vision call is found on that line (text-only, another provider)
    # todoruleid: AFP103       should fire but does not yet (a known gap, expected absent today)
    # todook: AFP201           should not fire but does today (a known false alarm, expected present)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "test_corpus"
ANNOTATION = re.compile(r"^\s*#\s*(ruleid|ok|todoruleid|todook)\s*:\s*(.+?)\s*$")
NO_VISION_CALL = "no-vision-call"


@dataclass
class Expectations:
    path: Path
    findings: set[tuple[int, str]] = field(default_factory=set)  # (line, code) flake8 must report
    vision_call_lines: set[int] = field(default_factory=set)  # lines where a vision call must be found
    no_vision_call_lines: set[int] = field(default_factory=set)
    annotated_codes: set[tuple[int, str, str]] = field(default_factory=set)  # (line, kind, code) for coverage counts


def corpus_files() -> list[Path]:
    return sorted(path for path in CORPUS.rglob("*.py"))


def read_expectations(path: Path) -> Expectations:
    expected = Expectations(path)
    pending: list[tuple[str, list[str]]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        annotation = ANNOTATION.match(line)
        if annotation:
            pending.append((annotation.group(1), [code.strip() for code in annotation.group(2).split(",") if code.strip()]))
            continue
        for kind, codes in pending:
            for code in codes:
                expected.annotated_codes.add((number, kind, code))
                if code == NO_VISION_CALL:
                    expected.no_vision_call_lines.add(number)
                    continue
                if kind in ("ruleid", "todook"):
                    expected.findings.add((number, code))
                if kind in ("ruleid", "ok", "todook"):
                    expected.vision_call_lines.add(number)
        pending = []
    return expected
