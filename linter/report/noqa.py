"""`# noqa` as flake8 reads it, and the reviewer's reason written after the codes.

The pattern is flake8's own (`flake8.defaults`), so every front end silences exactly what flake8
silences. What follows the codes in the same comment is the reason: `# noqa: AFP201  reviewed
2026-11: returns face boxes only`. A suppression of an AFP code without one is AFP901.
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass
from typing import Pattern

from flake8 import defaults

from flake8_azure_face_policy.model import Finding
from flake8_azure_face_policy.ruledata import rule_by_code

# flake8 6 calls it NOQA_INLINE_REGEX, flake8 7 NOQA_INLINE_REGEXP: the same pattern
NOQA_PATTERN: Pattern[str] = getattr(defaults, "NOQA_INLINE_REGEXP", None) or getattr(defaults, "NOQA_INLINE_REGEX")
UNREASONED_CODE = "AFP901"
_CANDIDATE = re.compile(r"(?i:noqa)[^\n]*AFP")  # cheap first look before tokenizing: a line naming an AFP code after noqa
_CODE_SEPARATOR = re.compile(r"[,\s]+")


@dataclass(frozen=True)
class Noqa:
    codes: tuple[str, ...] | None  # None for a bare `# noqa`, which silences every code
    reason: str  # the text after the codes, up to another comment; "" when none
    start: int  # where `# noqa` starts in the searched text
    end: int  # where the codes (and the space after them) end


def find_noqa(text: str) -> Noqa | None:
    """The first `# noqa` in a physical line (or flake8's joined lines of a multi-line string)."""
    match = NOQA_PATTERN.search(text)
    if match is None:
        return None
    codes_text = match.group("codes")
    codes = tuple(code for code in _CODE_SEPARATOR.split(codes_text) if code) if codes_text else None
    rest = text[match.end() :].split("\n", 1)[0].strip()
    reason = "" if rest.startswith("#") else rest.split("  #", 1)[0].strip()
    return Noqa(codes, reason if any(character.isalnum() for character in reason) else "", match.start(), match.end())


def unreasoned_noqa_findings(source: str) -> list[Finding]:
    """AFP901 at each `# noqa` comment that names an AFP code and gives no reason after the codes."""
    message = rule_by_code(UNREASONED_CODE).message
    return [
        Finding(line, column, UNREASONED_CODE, f"{message}: write why the use is permitted after `# noqa: {codes}`")
        for line, column, codes in _unreasoned(source)
    ]


def _unreasoned(source: str) -> list[tuple[int, int, str]]:
    if "AFP" not in source or not _CANDIDATE.search(source):
        return []
    found = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type != tokenize.COMMENT:
                continue
            noqa = find_noqa(token.string)
            if noqa is None or noqa.codes is None or noqa.reason:
                continue
            afp_codes = [code for code in noqa.codes if code.startswith("AFP")]  # case as flake8 compares it
            if afp_codes:
                found.append((token.start[0], token.start[1] + noqa.start, ", ".join(afp_codes)))
    except (tokenize.TokenError, SyntaxError, ValueError):  # a file Python cannot read: AFP900/E999 say so
        return []
    return found
