"""Decides, from Python's own `ast` (which flake8 has already built), what libcst needs to parse.

libcst's parser costs several times flake8's own work per file, so the analysis parses only the
code that can matter: nothing when no call in the module could send a request; otherwise the module
without its unrelated top-level functions and classes. Whole lines are removed, so columns stay
where they were, and a line map gives each parsed line's number in the file. A top-level function
or class is kept when it holds a candidate call or is named (as a name or an attribute) by code that
is kept; top-level statements that are not definitions are always kept, being module-level context.
"""

from __future__ import annotations

import ast
import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

_DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


@lru_cache(maxsize=8)
def _call_pattern(names: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:%s)\s*\(" % "|".join(sorted(map(re.escape, names))))


def _candidate_lines(source: str, names: frozenset[str]) -> set[int]:
    """Lines where a request method is called, by text: a hit in a string or comment only keeps
    one more definition, and a text search costs far less than walking the whole tree."""
    line_starts = [0] + [match.end() for match in re.finditer(r"\r\n?|\n", source)]
    return {bisect.bisect_right(line_starts, match.start()) for match in _call_pattern(names).finditer(source)}


def _names_used(statement: ast.stmt) -> set[str]:
    used = set()
    for node in ast.walk(statement):
        if isinstance(node, ast.Name):
            used.add(node.id)
        elif isinstance(node, ast.Attribute):
            used.add(node.attr)
    return used


def _first_line(statement: ast.stmt) -> int:
    return min([statement.lineno] + [decorator.lineno for decorator in getattr(statement, "decorator_list", [])])


@dataclass(frozen=True)
class RelevantSource:
    text: str
    line_map: tuple[int, ...] | None  # the file's line number of each line of `text`; None when all kept


def relevant_source(source: str, tree: ast.Module, names: frozenset[str]) -> RelevantSource | None:
    """None when the module holds no call to a request method name; else the source to parse."""
    body = tree.body
    starts = [_first_line(statement) for statement in body]
    holding = {bisect.bisect_right(starts, line) - 1 for line in _candidate_lines(source, names)} - {-1}
    if not holding:
        return None
    kept = {position for position, statement in enumerate(body) if position in holding or not isinstance(statement, _DEFINITIONS)}
    used: set[str] = set()
    pending = list(kept)
    while pending:
        used |= _names_used(body[pending.pop()])
        for position, statement in enumerate(body):
            if position not in kept and statement.name in used:  # only definitions are not kept yet
                kept.add(position)
                pending.append(position)
    if len(kept) == len(body):
        return RelevantSource(source, None)
    lines = source.splitlines(keepends=True)
    dropped: set[int] = set()
    for position, statement in enumerate(body):
        if position in kept:
            continue
        # libcst attaches the unindented comments between the previous statement and this one to
        # this one (indented ones stay in the previous block), so they go with it
        gap_start = body[position - 1].end_lineno + 1 if position > 0 else starts[position]
        dropped.update(
            number for number in range(gap_start, statement.end_lineno + 1) if number >= starts[position] or not lines[number - 1][:1].isspace()
        )
    numbers = tuple(number for number in range(1, len(lines) + 1) if number not in dropped)
    return RelevantSource("".join(lines[number - 1] for number in numbers), numbers)
