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

from flake8_azure_face_policy.source.tree import DEFINITIONS, first_line


# `    bp.openai_client = ...` inside a function: a module-level object the function sets up
_ATTRIBUTE_TARGET = re.compile(r"^[ \t]+[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+[ \t]*(?::[^=\n]*)?=(?!=)", re.MULTILINE)
_CALLED_WORD = re.compile(r"\b(\w+)\b\s*\(")  # \b on both sides: no backtracking inside a word
_WORD = re.compile(r"\w+")
_LINE_END = re.compile(r"\r\n?|\n")  # the line ends Python's tokenizer counts


class TopLevelText:
    """The words written in each top-level statement's lines (comments and strings included), read
    by text once per module: far cheaper than walking the whole tree, and reused while the set of
    request names grows. A name in a string or comment only keeps one definition more than needed:
    keeping too much costs time, never findings."""

    def __init__(self, source: str, tree: ast.Module):
        self.source = source
        self.body = tree.body
        self.starts = [first_line(statement) for statement in self.body]
        self.line_offsets = [0] + [match.end() for match in _LINE_END.finditer(source)]
        bounds = [self.line_offsets[min(line, len(self.line_offsets)) - 1] for line in self.starts] + [len(source)]
        self.texts = [source[start:end] for start, end in zip(bounds, bounds[1:])]
        self.called = [frozenset(_CALLED_WORD.findall(text)) for text in self.texts]
        self._words: list[frozenset[str]] | None = None
        self._attribute_targets: list[tuple[int, str]] | None = None

    def relevant_statements(self, names: frozenset[str]) -> list[ast.stmt] | None:
        """None when the module holds no call to one of `names`; else the top-level statements to index."""
        holding = {position for position, called in enumerate(self.called) if not called.isdisjoint(names)}
        if not holding:
            return None
        left_out: dict[str, set[int]] = {}  # a definition's name -> the left-out definitions of that name
        for position, statement in enumerate(self.body):
            if position not in holding and isinstance(statement, DEFINITIONS):
                left_out.setdefault(statement.name, set()).add(position)
        if not left_out:
            return self.body
        named_by = self._naming(left_out)
        kept = {position for position in range(len(self.body)) if position in holding or not isinstance(self.body[position], DEFINITIONS)}
        pending = list(kept)
        while pending:
            for position in named_by.get(pending.pop(), ()):
                if position not in kept:
                    kept.add(position)
                    pending.append(position)
        return [statement for position, statement in enumerate(self.body) if position in kept]

    def _naming(self, left_out: dict[str, set[int]]) -> dict[int, set[int]]:
        """Statement -> the left-out definitions its text names: by name, or by an attribute one sets (`bp.client`)."""
        if self._words is None:
            self._words = [frozenset(_WORD.findall(text)) for text in self.texts]
        named_by: dict[int, set[int]] = {}
        for position, words in enumerate(self._words):
            for name in words.intersection(left_out):
                named_by.setdefault(position, set()).update(left_out[name] - {position})
        definitions = set().union(*left_out.values())
        setters: dict[str, set[int]] = {}
        for position, dotted in self.attribute_targets():
            if position in definitions:
                setters.setdefault(dotted, set()).add(position)
        if setters:
            pattern = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, sorted(setters, key=len, reverse=True))))
            for match in pattern.finditer(self.source):
                user = self._position(match.start())
                named_by.setdefault(user, set()).update(setters[match.group(0)] - {user})
        return named_by

    def attribute_targets(self) -> list[tuple[int, str]]:
        """(statement, `bp.client`) for each attribute of a module-level object set inside a statement."""
        if self._attribute_targets is None:
            self._attribute_targets = []
            for match in _ATTRIBUTE_TARGET.finditer(self.source):
                dotted = match.group(0).rstrip(" \t:=").split(":")[0].strip()
                if dotted.split(".")[0] not in ("self", "cls"):
                    self._attribute_targets.append((self._position(match.start()), dotted))
        return self._attribute_targets

    def _position(self, offset: int) -> int:
        """The top-level statement whose lines hold the offset, or -1 for the module's header."""
        return bisect.bisect_right(self.starts, bisect.bisect_right(self.line_offsets, offset)) - 1
