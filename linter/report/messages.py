"""One-line messages: `AFPnnn <what was found> (<clause>) [evidence: kind Lnn 'words', ...]`."""

from __future__ import annotations

from flake8_azure_face_policy.model import Evidence
from flake8_azure_face_policy.report.safe_text import safe_text

SNIPPET_LIMIT = 48


def snippet(text: str) -> str:
    """Evidence words made safe for one output line: whitespace folded, control characters escaped."""
    text = safe_text(" ".join(text.split()))
    return text if len(text) <= SNIPPET_LIMIT else text[: SNIPPET_LIMIT - 3] + "..."


def describe(evidence: Evidence) -> str:
    """`prompt L30 'identify the suspect'`, `prompt prompts.py:12 'who is this'` (another module),
    `.env CAMERA_SOURCE 'dashcam'`, `pyproject context 'police'`."""
    where = f"{safe_text(evidence.source)} {snippet(evidence.key)}".strip() if evidence.source else evidence.kind
    if evidence.path:
        where += f" {safe_text(evidence.path)}:{evidence.line}"
    elif evidence.line:
        where += f" L{evidence.line}"
    return f"{where} '{snippet(evidence.text)}'"


def format_message(summary: str, clause: str, evidence: tuple[Evidence, ...]) -> str:
    """The finding's message on one line, safe to print whatever the evidence holds."""
    head = f"{summary} ({clause})" if clause and clause != "none" else summary
    if not evidence:
        return head
    return f"{head} [evidence: {', '.join(describe(item) for item in evidence)}]"
