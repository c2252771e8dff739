"""A baseline: the findings a team accepted when it adopted the linter, so that only new ones are
reported. A finding is recorded by its file, code and fingerprint (a hash of the sending call's own
text, whitespace folded), never by its line: code moving above it does not make it new."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from pathlib import Path

from flake8_azure_face_policy import __version__
from flake8_azure_face_policy.model import Finding, Result, text_fingerprint

BASELINE_VERSION = 1


class BaselineError(Exception):
    """The baseline file cannot be used; the message names it and says why."""


def fingerprint(finding: Finding) -> str:
    """The call's fingerprint with the code; findings not about a call (AFP90x) hash their message."""
    text = finding.fingerprint or text_fingerprint(" ".join(finding.message.split()))
    return f"{finding.code}:{text}"


def _key(result: Result) -> tuple[str, str]:
    return (Path(result.path).as_posix(), fingerprint(result.finding))


def write(path: str, results: list[Result]) -> None:
    entries = [
        {"path": key[0], "fingerprint": key[1], "line": result.finding.line, "code": result.finding.code}
        for result in results
        for key in [_key(result)]
    ]
    document = {"version": BASELINE_VERSION, "tool": f"flake8-azure-face-policy {__version__}", "findings": entries}
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def load(path: str) -> Counter:
    """How many findings of each (path, fingerprint) the baseline records."""
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise BaselineError(f"cannot read baseline {path}: {error.strerror or type(error).__name__}") from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BaselineError(f"baseline {path} is not JSON ({type(error).__name__})") from error
    if not isinstance(document, dict) or document.get("version") != BASELINE_VERSION:
        raise BaselineError(f"baseline {path}: expected a version {BASELINE_VERSION} baseline written by --write-baseline")
    entries = document.get("findings")
    if not isinstance(entries, list) or not all(isinstance(e, dict) and isinstance(e.get("path"), str) and isinstance(e.get("fingerprint"), str) for e in entries):
        raise BaselineError(f"baseline {path}: 'findings' must be a list of {{path, fingerprint}} entries")
    return Counter((entry["path"], entry["fingerprint"]) for entry in entries)


def apply(results: list[Result], known: Counter) -> list[Result]:
    """Each result marked "unchanged" while the baseline has one of its kind left, else "new"."""
    left = Counter(known)
    marked = []
    for result in results:
        key = _key(result)
        if result.suppression is None and left[key] > 0:
            left[key] -= 1
            marked.append(replace(result, baseline_state="unchanged"))
        else:
            marked.append(replace(result, baseline_state="new" if result.suppression is None else None))
    return marked
