"""Comments, which `ast` leaves out, found from the source lines and the string spans `ast` reports.

Outside a string literal, `#` always starts a comment; the spans of the module's string literals are
known from the tree, so a line scan finds every comment without tokenizing the file (tokenize costs
more than the rest of the analysis of a dense module).

Comments belong to statements as libcst's concrete tree attaches them (the recipe Fixit uses): the
comment lines directly above a statement, back to the previous line of code, are its leading lines,
except those indented deeper than the statement, which close the block above; a comment after the
code of a statement's last line (or of a compound statement's header) trails it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# Comments that annotate the corpus or silence flake8 are never evidence.
_NOT_EVIDENCE_COMMENT = re.compile(r"^#\s*(?:ruleid|ok|todoruleid|todook)\s*:|^#\s*noqa\b|#\s*noqa\b", re.IGNORECASE)


@dataclass(frozen=True)
class Comment:
    line: int
    column: int  # UTF-8 byte offset of the `#`, as `ast` counts columns
    value: str  # the comment as written, from `#`
    own_line: bool  # nothing but indentation before it

    @property
    def text(self) -> str:
        return self.value.lstrip("#").strip()

    @property
    def is_evidence(self) -> bool:
        return not _NOT_EVIDENCE_COMMENT.search(self.value)


def byte_column(line: str, index: int) -> int:
    return index if line.isascii() else len(line[:index].encode("utf-8", "surrogatepass"))


def indentation(line: str) -> int:
    return len(line) - len(line.lstrip(" \t\f"))


class Comments:
    """Every comment of a module, by line, with the line-based attachment rules."""

    def __init__(self, lines: list[str], string_spans: list[tuple[int, int, int, int]]):
        self.lines = lines
        inside: dict[int, list[tuple[int, int]]] = {}  # line -> byte ranges covered by strings
        for start_line, start_col, end_line, end_col in string_spans:
            for number in range(start_line, end_line + 1):
                inside.setdefault(number, []).append((start_col if number == start_line else 0, end_col if number == end_line else 1 << 30))
        self.by_line: dict[int, Comment] = {}
        for number, line in enumerate(lines, start=1):
            if "#" in line:
                comment = self._comment_on(number, line, inside.get(number, ()))
                if comment is not None:
                    self.by_line[number] = comment
        self.sorted_lines = sorted(self.by_line)

    @staticmethod
    def _comment_on(number: int, line: str, strings) -> Comment | None:
        index = line.find("#")
        while index != -1:
            column = byte_column(line, index)
            if not any(start <= column < end for start, end in strings):
                before = line[:index]
                return Comment(number, column, line[index:].rstrip("\r\n"), not before.strip())
            index = line.find("#", index + 1)
        return None

    def _line(self, number: int) -> str:
        return self.lines[number - 1] if 0 < number <= len(self.lines) else ""

    def is_code_line(self, number: int) -> bool:
        comment = self.by_line.get(number)
        return bool(self._line(number).strip()) and not (comment is not None and comment.own_line)

    def leading(self, first_line: int, indent: int, stop_line: int = 0) -> list[Comment]:
        """The comment lines above `first_line`, up to the previous code line (and after `stop_line`)."""
        found = []
        number = first_line - 1
        while number > stop_line and not self.is_code_line(number):
            comment = self.by_line.get(number)
            if comment is not None:
                if indentation(self._line(number)) > indent:
                    break
                found.append(comment)
            number -= 1
        found.reverse()
        return found

    def leading_start(self, first_line: int, indent: int, stop_line: int = 0) -> int:
        found = self.leading(first_line, indent, stop_line)
        return found[0].line if found else first_line

    def footer_end(self, last_line: int, indent: int) -> int:
        """The last comment line after a block ending at `last_line` that is indented into the block."""
        end = last_line
        number = last_line + 1
        while number <= len(self.lines) and not self.is_code_line(number):
            comment = self.by_line.get(number)
            if comment is not None:
                if indentation(self._line(number)) <= indent:
                    break
                end = number
            number += 1
        return end

    def trailing(self, line: int) -> Comment | None:
        comment = self.by_line.get(line)
        return comment if comment is not None and not comment.own_line else None

    def between(self, first_line: int, last_line: int) -> list[Comment]:
        start = bisect.bisect_left(self.sorted_lines, first_line)
        end = bisect.bisect_right(self.sorted_lines, last_line)
        return [self.by_line[number] for number in self.sorted_lines[start:end]]

    def inside(self, start: tuple[int, int], end: tuple[int, int]) -> list[Comment]:
        """Comments strictly between two (line, byte column) positions: those within an expression."""
        if start[0] == end[0]:
            return []
        return [comment for comment in self.between(start[0], end[0]) if start < (comment.line, comment.column) < end]
