"""One-line messages: `AFPnnn <what was found> (<clause>) [evidence: kind Lnn 'words', ...]`."""

from __future__ import annotations

import re

from flake8_azure_face_policy.model import Evidence

SNIPPET_LIMIT = 48
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def snippet(text: str) -> str:
    """Evidence words made safe for one output line: whitespace folded, control characters escaped."""
    text = " ".join(text.split())
    text = _CONTROL.sub(lambda match: f"\\x{ord(match.group(0)):02x}", text)
    return text if len(text) <= SNIPPET_LIMIT else text[: SNIPPET_LIMIT - 3] + "..."


def describe(evidence: Evidence) -> str:
    """`prompt L30 'identify the suspect'`, `.env CAMERA_SOURCE 'dashcam'`, `pyproject context 'police'`."""
    where = f"{evidence.source} {snippet(evidence.key)}".strip() if evidence.source else evidence.kind
    if evidence.line:
        where += f" L{evidence.line}"
    return f"{where} '{snippet(evidence.text)}'"


def format_message(summary: str, clause: str, evidence: tuple[Evidence, ...]) -> str:
    head = f"{summary} ({clause})" if clause and clause != "none" else summary
    if not evidence:
        return head
    return f"{head} [evidence: {', '.join(describe(item) for item in evidence)}]"
