"""Comments, read with libcst's native parser for a file that holds a vision call.

`ast` drops comments; libcst's concrete syntax tree keeps them where the code has them: the lines
leading a statement, the comment trailing a line or a compound statement's header, a block's footer,
the module's header and footer, and comments inside an expression (between a call's arguments, in an
f-string's replacement field on Python 3.12+). Each comment's owner is the innermost function or class
whose node holds it (leading lines and decorators included, as in libcst), else the module.

Only the top-level statements whose comments can be evidence are parsed: module-level code, the
statements holding a vision call or what its data flow reaches, and the module's header and footer.
The module is cut between two top-level statements only where no line between them is indented (an
indented line, even a blank one, can belong to the footer of the block before it), so every piece
attaches its comments exactly as the whole module would; each line is parsed at most once.
Positions come from the `ast` statements (where each top-level statement starts) and, within a
statement whose lines hold a `#`, from a walk of libcst's own code generation counting lines (its
metadata providers copy the tree and cost more than the parse).
"""

from __future__ import annotations

import ast
import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from flake8_azure_face_policy.source.tree import DEFINITIONS, first_line

# Comments that annotate the corpus or silence flake8 are never evidence.
_NOT_EVIDENCE_COMMENT = re.compile(r"^#\s*(?:ruleid|ok|todoruleid|todook)\s*:|^#\s*noqa\b|#\s*noqa\b", re.IGNORECASE)


@dataclass(frozen=True)
class Comment:
    line: int
    column: int  # UTF-8 byte offset of the `#`, as `ast` counts columns
    value: str  # the comment as written, from `#`

    @property
    def text(self) -> str:
        return self.value.lstrip("#").strip()

    @property
    def is_evidence(self) -> bool:
        return not _NOT_EVIDENCE_COMMENT.search(self.value)


class CommentsUnreadable(Exception):
    """libcst cannot read the file's comments (nesting deeper than its recursive code generation)."""


def _byte_column(line: str, index: int) -> int:
    return index if line.isascii() else len(line[:index].encode("utf-8", "surrogatepass"))


def _indentation(line: str) -> int:
    return len(line) - len(line.lstrip(" \t\f"))


def _starts_its_line(statement: ast.stmt, lines: list[str]) -> bool:
    """False for `b` in `a = 1; b = 2` and for the body of `if ready: send()`: they lead nothing."""
    line = lines[statement.lineno - 1] if 0 < statement.lineno <= len(lines) else ""
    return statement.col_offset == _indentation(line)


def _is_compound(statement: ast.stmt) -> bool:
    return bool(getattr(statement, "body", None)) or isinstance(statement, ast.Match)


@lru_cache(maxsize=None)
def _walker_type():
    """The code generation state that records each comment as libcst writes the module back out."""
    import libcst as cst
    from libcst._nodes.internal import CodegenState

    statements = (cst.SimpleStatementLine, cst.FunctionDef, cst.ClassDef, cst.If, cst.For, cst.While, cst.With, cst.Try, cst.TryStar, cst.Match)
    compound = frozenset(statements[1:])
    statement_types = frozenset(statements)
    definitions = frozenset((cst.FunctionDef, cst.ClassDef))
    suites = frozenset((cst.IndentedBlock, cst.SimpleStatementSuite))
    line_ends = frozenset((cst.SimpleStatementLine, cst.SimpleStatementSuite))

    class Walker(CodegenState):
        def __init__(self, module, line: int, reader: "ModuleComments"):
            super().__init__(default_indent=module.default_indent, default_newline=module.default_newline)
            self.line = line
            self.column = 0
            self.reader = reader
            self.stack: list = []
            self.first_lines: dict[int, int] = {}  # id(statement node) -> its first line, decorators included
            self.owners: list[int] = []  # first lines of the enclosing functions and classes
            self.tokens_read = 0

        def add_token(self, value: str) -> None:
            self.tokens_read += 1
            newline = value.rfind("\n")
            if newline == -1:
                self.column += len(value)
            else:
                self.line += value.count("\n")
                self.column = len(value) - newline - 1

        def add_indent_tokens(self) -> None:
            for token in self.indent_tokens:
                self.add_token(token)

        def pop_trailing_newline(self) -> None:
            pass  # nothing is kept: the walk only counts

        def before_codegen(self, node) -> None:
            kind = type(node)
            if kind in statement_types:
                self.first_lines[id(node)] = start = self.line + len(node.leading_lines)
                if kind in definitions:
                    self.owners.append(start)
            elif kind is cst.Comment:
                self.found(node.value)
            self.stack.append(node)

        def after_codegen(self, node) -> None:
            self.stack.pop()
            if type(node) in definitions:
                self.owners.pop()

        def found(self, value: str) -> None:
            parent, holder = self.stack[-1], self.stack[-2]
            comment = self.reader.add(self.line, self.column, value, self.owners)
            if type(parent) is cst.EmptyLine:
                if type(holder) in statement_types and any(line is parent for line in holder.leading_lines):
                    self.reader.leading.setdefault(self.first_lines[id(holder)], []).append(comment)
            elif type(parent) is cst.TrailingWhitespace:
                if type(holder) in line_ends:
                    self.reader.trailing[comment.line] = comment
                if type(holder) is cst.Match:
                    self.reader.headers[self.first_lines[id(holder)]] = comment
                elif type(holder) in suites:
                    statement = self.stack[-3]
                    if type(statement) in compound and statement.body is holder:
                        self.reader.headers[self.first_lines[id(statement)]] = comment

    return Walker


def _pieces(tree: ast.Module, lines: list[str]) -> list[tuple[int, int]]:
    """Runs of top-level statements (first and last position) between which the module can be cut."""
    body = tree.body
    pieces, begin = [], 0
    for position in range(1, len(body)):
        end, start = body[position - 1].end_lineno or body[position - 1].lineno, first_line(body[position])
        if end < start and not any(lines[number - 1][:1] in (" ", "\t", "\f") for number in range(end + 1, start)):
            pieces.append((begin, position - 1))
            begin = position
    if body:
        pieces.append((begin, len(body) - 1))
    return pieces


class ModuleComments:
    """The comments of the parts of a module that can hold evidence, attached as libcst attaches them."""

    def __init__(self, tree: ast.Module, lines: list[str], wanted_lines: Iterable[int], whole_module: bool = False):
        self.lines = lines
        self.comments: list[Comment] = []
        self.owner_of: list[int | None] = []  # per comment: the first line of its function or class
        self.leading: dict[int, list[Comment]] = {}  # statement first line -> the comments leading it
        self.headers: dict[int, Comment] = {}  # compound statement first line -> its header's comment
        self.trailing: dict[int, Comment] = {}  # line -> the comment ending the simple statements there
        self.tokens_read = 0
        self.pieces_parsed = 0
        body = tree.body
        pieces = [(0, len(body) - 1)] if whole_module and body else _pieces(tree, lines)
        wanted = {0, len(pieces) - 1} if pieces else set()
        piece_of = [0] * len(body)
        for number, (begin, end) in enumerate(pieces):
            for position in range(begin, end + 1):
                piece_of[position] = number
                if not isinstance(body[position], DEFINITIONS):
                    wanted.add(number)  # module-level code: its comments are the module's
        starts = [first_line(statement) for statement in body]
        for line in wanted_lines:
            if starts and line >= starts[0]:
                wanted.add(piece_of[bisect.bisect_right(starts, line) - 1])
        for number in sorted(wanted):
            begin, end = pieces[number]
            first = 1 if number == 0 else (body[begin - 1].end_lineno or body[begin - 1].lineno) + 1
            last = len(lines) if number == len(pieces) - 1 else body[end].end_lineno or body[end].lineno
            text = "".join(lines[first - 1 : last])
            if "#" in text:
                self._read(text, first, last, body[begin : end + 1], header_leads=number > 0)
        self.sorted_lines = [comment.line for comment in self.comments]

    def _read(self, text: str, first: int, last: int, statements: list[ast.stmt], header_leads: bool) -> None:
        """Parses one piece, then walks only its top-level statements whose lines hold a `#`."""
        import libcst as cst

        module = cst.parse_module(text)
        self.pieces_parsed += 1
        if header_leads and module.header and module.body:  # cut out of a module: its header leads its first statement
            lead = module.body[0]
            module = module.with_changes(header=(), body=(lead.with_changes(leading_lines=(*module.header, *lead.leading_lines)), *module.body[1:]))
        starts, position = [], 0
        for node in module.body:  # where each statement's leading lines start, from the `ast` statements
            starts.append(first_line(statements[position]) - len(node.leading_lines))
            position += len(node.body) if isinstance(node, cst.SimpleStatementLine) else 1
        footer = last - len(module.footer) + 1
        walker = _walker_type()(module, first, self)
        walker.stack.append(module)
        try:
            for line in module.header:
                line._codegen(walker)
            for node, start, end in zip(module.body, starts, [*starts[1:], footer]):
                if any("#" in line for line in self.lines[start - 1 : end - 1]):
                    walker.line, walker.column = start, 0
                    node._codegen(walker)
            walker.line, walker.column = footer, 0
            for line in module.footer:
                line._codegen(walker)
        except RecursionError as error:
            raise CommentsUnreadable("nested too deeply for libcst to read its comments") from error
        self.tokens_read += walker.tokens_read

    def add(self, line: int, column: int, value: str, owners: list[int]) -> Comment:
        comment = Comment(line, _byte_column(self.lines[line - 1] if line <= len(self.lines) else "", column), value)
        self.comments.append(comment)
        self.owner_of.append(owners[-1] if owners else None)
        return comment

    def owned(self) -> Iterable[tuple[Comment, int | None]]:
        """Each comment with the first line of the function or class holding it (None: the module)."""
        return zip(self.comments, self.owner_of)

    def statement_comments(self, statement: ast.stmt | None) -> list[Comment]:
        """The comments leading a statement and the one trailing its line (a compound one: its header)."""
        if statement is None:
            return []
        start = first_line(statement)
        found = list(self.leading.get(start, ())) if _starts_its_line(statement, self.lines) else []
        trailing = self.headers.get(start) if _is_compound(statement) else self.trailing.get(statement.end_lineno or statement.lineno)
        return found + [trailing] if trailing is not None else found

    def inside(self, node: ast.AST) -> list[Comment]:
        """Comments strictly within an expression (between the lines of a long literal or call)."""
        if getattr(node, "end_lineno", None) is None or node.lineno == node.end_lineno:
            return []
        start, end = (node.lineno, node.col_offset), (node.end_lineno, node.end_col_offset)
        return [comment for comment in self._between(node.lineno, node.end_lineno) if start < (comment.line, comment.column) < end]

    def _between(self, first: int, last: int) -> list[Comment]:
        return self.comments[bisect.bisect_left(self.sorted_lines, first) : bisect.bisect_right(self.sorted_lines, last)]
