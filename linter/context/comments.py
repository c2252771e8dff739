"""Comments, which `ast` leaves out, found from the source lines and the string spans `ast` reports.

Outside a string literal, `#` always starts a comment; the spans of the module's string literals are
known from the tree, so a line scan finds every comment without tokenizing the file (tokenize costs
more than the rest of the analysis of a dense module).

Comments are attached to statements as libcst's concrete syntax tree attaches them (the recipe Fixit
uses; tests/test_comments.py checks the two agree). Between two statements, the comment lines first
close the blocks that end there, innermost first: each block keeps, as its footer, every line up to
the last one indented at least as deep as its own statements. What no block keeps leads the next
statement (before a module's first statement, it is the module's header). A comment
after the code of a statement's last line, or of a compound statement's header, trails it.
"""

from __future__ import annotations

import ast
import bisect
import re
from dataclasses import dataclass

from flake8_azure_face_policy.source.tree import DEFINITIONS, first_line

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
    """Every comment of a module, by line."""

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
    def _comment_on(number: int, line: str, strings: list[tuple[int, int]] | tuple[()]) -> Comment | None:
        index = line.find("#")
        while index != -1:
            column = byte_column(line, index)
            if not any(start <= column < end for start, end in strings):
                before = line[:index]
                return Comment(number, column, line[index:].rstrip("\r\n"), not before.strip())
            index = line.find("#", index + 1)
        return None

    def line_text(self, number: int) -> str:
        return self.lines[number - 1] if 0 < number <= len(self.lines) else ""

    def is_code_line(self, number: int) -> bool:
        comment = self.by_line.get(number)
        return bool(self.line_text(number).strip()) and not (comment is not None and comment.own_line)

    def indentation_of(self, comment: Comment) -> int:
        return indentation(self.line_text(comment.line))

    def trailing(self, line: int) -> Comment | None:
        comment = self.by_line.get(line)
        return comment if comment is not None and not comment.own_line else None

    def between(self, first: int, last: int) -> list[Comment]:
        start = bisect.bisect_left(self.sorted_lines, first)
        end = bisect.bisect_right(self.sorted_lines, last)
        return [self.by_line[number] for number in self.sorted_lines[start:end]]

    def inside(self, start: tuple[int, int], end: tuple[int, int]) -> list[Comment]:
        """Comments strictly between two (line, byte column) positions: those within an expression."""
        if start[0] == end[0]:
            return []
        return [comment for comment in self.between(start[0], end[0]) if start < (comment.line, comment.column) < end]


def _blocks(statement: ast.stmt) -> list[list[ast.stmt]]:
    """A compound statement's blocks in source order (the body, except and else clauses, finally)."""
    if isinstance(statement, ast.Match):
        return [case.body for case in statement.cases]
    blocks = [getattr(statement, "body", [])]
    blocks += [handler.body for handler in getattr(statement, "handlers", ())]
    blocks += [getattr(statement, "orelse", []), getattr(statement, "finalbody", [])]
    return [block for block in blocks if block and isinstance(block, list)]


class Attachment:
    """Which statement each comment leads, and which function or class (None: the module) holds it."""

    def __init__(self, comments: Comments, tree: ast.Module):
        self.comments = comments
        self.leading: dict[int, list[Comment]] = {}  # id(statement) -> its leading comments
        self.owner_of: dict[int, ast.AST | None] = {}  # comment line -> function or class
        self.parent: dict[int, ast.AST | None] = {}  # id(function or class) -> the one holding it
        self.last_line: dict[int, int] = {}  # id(function or class) -> its last line, footer included
        self.definitions: list[ast.AST] = []
        chain, end = self._block(tree.body, 0, None, module=True)
        for comment in self._split(self._gap(end, len(comments.lines) + 1), chain):
            self._own(comment, None)
        self._own_the_rest()

    def _gap(self, after: int, before: int) -> list[Comment]:
        return [comment for comment in self.comments.between(after + 1, before - 1) if comment.own_line]

    def _own(self, comment: Comment, owner: ast.AST | None) -> None:
        self.owner_of[comment.line] = owner
        while owner is not None:
            self.last_line[id(owner)] = max(self.last_line.get(id(owner), 0), comment.line)
            owner = self.parent.get(id(owner))

    def _split(self, gap: list[Comment], chain: list[tuple[int, ast.AST | None]]) -> list[Comment]:
        """Gives the closing blocks (outermost first) their footers; returns the comments left over."""
        for indent, owner in reversed(chain):
            last = max((position for position, comment in enumerate(gap) if self.comments.indentation_of(comment) >= indent), default=-1)
            for comment in gap[: last + 1]:
                self._own(comment, owner)
            gap = gap[last + 1 :]
        return gap

    def _block(self, statements: list[ast.stmt], header: int, owner: ast.AST | None, module: bool = False):
        """Attaches the comments of a block; returns the blocks its last statement closes, and its end."""
        end, chain = header, []
        for position, statement in enumerate(statements):
            above = self._split(self._gap(end, first_line(statement)), chain)
            holder = statement if isinstance(statement, DEFINITIONS) else owner
            if isinstance(statement, DEFINITIONS):
                self.parent[id(statement)] = owner
                self.definitions.append(statement)
            if module and position == 0:
                holder = None  # the module's header: the module's comments, leading no statement
            else:
                self.leading[id(statement)] = above
            for comment in above:
                self._own(comment, holder)
            chain = self._compound(statement, owner)
            end = statement.end_lineno or statement.lineno
        return chain, end

    def _compound(self, statement: ast.stmt, owner: ast.AST | None) -> list[tuple[int, ast.AST | None]]:
        inner = statement if isinstance(statement, DEFINITIONS) else owner
        chain: list[tuple[int, ast.AST | None]] = []
        end = None
        for block in _blocks(statement):
            first = block[0]
            if len(block) == 1 and isinstance(first, ast.If) and self.comments.line_text(first.lineno).lstrip().startswith("elif"):
                leading = self._split(self._gap(end, first.lineno), chain)  # `elif` is a statement of its own
                self.leading[id(first)] = leading
                for comment in leading:
                    self._own(comment, inner)
                return self._compound(first, owner)
            header = self.header_line(first)
            if end is not None:  # comments before `else:`, `except:`, `finally:` lead that clause
                for comment in self._split(self._gap(end, header), chain):
                    self._own(comment, inner)
            last_chain, end = self._block(block, header, inner)
            one_line = header == first_line(first)  # `if ready: send()` has no indented block
            chain = [] if one_line else [(indentation(self.comments.line_text(first_line(first))), inner), *last_chain]
        return chain

    def _own_the_rest(self) -> None:
        """Comments within a statement (in a header, between arguments, trailing) belong to the
        innermost function or class whose lines hold them."""
        spans = sorted(((first_line(node), -(node.end_lineno or node.lineno), node) for node in self.definitions), key=lambda span: span[:2])
        open_spans: list[tuple[int, int, ast.AST]] = []
        position = 0
        for number in self.comments.sorted_lines:
            while position < len(spans) and spans[position][0] <= number:
                open_spans.append(spans[position])
                position += 1
            while open_spans and -open_spans[-1][1] < number:
                open_spans.pop()
            if number not in self.owner_of:
                self._own(self.comments.by_line[number], open_spans[-1][2] if open_spans else None)

    def header_line(self, first: ast.stmt) -> int:
        """The line of the header (`def ...:`, `else:`) that a block's first statement follows."""
        start = first_line(first)
        if self.comments.line_text(start)[: first.col_offset].strip() and first.lineno == start:
            return start
        number = start - 1
        while number > 0 and not self.comments.is_code_line(number):
            number -= 1
        return number
