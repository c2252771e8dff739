"""Decides which top-level statements can matter, before the module is indexed.

Nothing is indexed when no call in the module could send a request; otherwise the module without its
unrelated top-level functions and classes (their bodies are not context for any call). A top-level
function or class is kept when it holds a candidate call or its name is written in code that is
kept, or it sets an attribute (`bp.client = ...`) that kept code reads; top-level statements that
are not definitions are always kept, being module-level context.
"""

from __future__ import annotations

import ast
import bisect
import re
from functools import lru_cache
from typing import Iterator

from flake8_azure_face_policy.source.tree import DEFINITIONS, first_line


# `    bp.openai_client = ...` inside a function: a module-level object the function sets up
_ATTRIBUTE_TARGET = re.compile(r"^[ \t]+[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+[ \t]*(?::[^=\n]*)?=(?!=)", re.MULTILINE)


@lru_cache(maxsize=8)
def _call_pattern(names: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:%s)\s*\(" % "|".join(sorted(map(re.escape, names))))


def _line_numbers(source: str, pattern: re.Pattern[str]) -> Iterator[tuple[int, str]]:
    """(line, matched text) of each match, by text: far cheaper than walking the whole tree."""
    line_starts = [0] + [match.end() for match in re.finditer(r"\r\n?|\n", source)]
    for match in pattern.finditer(source):
        yield bisect.bisect_right(line_starts, match.start()), match.group(0)


def relevant_statements(source: str, tree: ast.Module, names: frozenset[str]) -> list[ast.stmt] | None:
    """None when the module holds no call to a request method name; else the top-level statements to index.

    A request method name in a string or comment, or a definition's name written in a comment, only
    keeps one definition more than needed: keeping too much costs time, never findings."""
    body = tree.body
    starts = [first_line(statement) for statement in body]
    holding = {bisect.bisect_right(starts, line) - 1 for line, _ in _line_numbers(source, _call_pattern(names))} - {-1}
    if not holding:
        return None
    left_out: dict[str, set[int]] = {}  # a name, or an attribute it sets (bp.client), -> the left-out definitions
    for position, statement in enumerate(body):
        if position not in holding and isinstance(statement, DEFINITIONS):
            left_out.setdefault(statement.name, set()).add(position)
    if not left_out:
        return body
    definitions = set().union(*left_out.values())
    for line, target in _line_numbers(source, _ATTRIBUTE_TARGET):
        position = bisect.bisect_right(starts, line) - 1
        dotted = target.rstrip(" \t:=").split(":")[0].strip()
        if position in definitions and dotted.split(".")[0] not in ("self", "cls"):
            left_out.setdefault(dotted, set()).add(position)
    named_by: dict[int, set[int]] = {}  # statement -> the left-out definitions its text names
    words = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, sorted(left_out, key=len, reverse=True))))
    for line, name in _line_numbers(source, words):
        user = bisect.bisect_right(starts, line) - 1
        named_by.setdefault(user, set()).update(left_out[name] - {user})
    kept = {position for position in range(len(body)) if position in holding or not isinstance(body[position], DEFINITIONS)}
    pending = list(kept)
    while pending:
        for position in named_by.get(pending.pop(), ()):
            if position not in kept:
                kept.add(position)
                pending.append(position)
    return [statement for position, statement in enumerate(body) if position in kept]
