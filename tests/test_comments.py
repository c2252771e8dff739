"""Comments found by line and attached by rule agree with libcst's concrete syntax tree.

`ast` has no comments; `flake8_azure_face_policy.context.comments` finds them outside the string spans `ast` reports and
attaches them as libcst does (Fixit's recipe for comments near a node). libcst, a test dependency
only, is the oracle: on every corpus file, generated modules and tricky snippets, each statement's
comments and each comment's owner (innermost function or class, else the module) must match.
"""

from __future__ import annotations

import ast
import os
import sys
from pathlib import Path

import libcst as cst
import pytest
from hypothesis import given, settings, strategies as st
from libcst.metadata import MetadataWrapper, PositionProvider

from corpus import CORPUS, corpus_files
from flake8_azure_face_policy.context.comments import Comment
from flake8_azure_face_policy.engine import mutating_methods, request_method_names
from flake8_azure_face_policy.source.index import build_index
from flake8_azure_face_policy.source.syntax import source_lines

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from generate_corpus import generate  # noqa: E402

TRICKY = '''# licence header

# right above the first statement
import os  # why os
URL = "http://x#not-a-comment"  # a real one
TEMPLATE = """
# inside a string, not a comment
"""
value = f"{URL}#{'#'}"  # after an f-string
CAFE = "café # déjà vu"  # après le café
if CAFE:
	count = 1  # tab-indented
	# tab-indented footer


# about the class
@decorator  # on the decorator
class Camera:  # header of the class
    # first in the class body
    def read(self, a="#",  # inside the parameters
             b=1):  # header of read
        """Doc # not a comment."""
        if a:  # header of if
            return a  # trailing return
        elif b: pass  # one-line elif
        # footer of read, at body level

            # footer of read, over-indented
    # before the second method
    async def stream(self): yield 1  # suite trailing
# dedented after the class

for item in range(3): print(item)  # one-line loop
with open(URL) as handle:
    data = handle.read(
        # inside a call
        10,
    )  # after the call
# the end
'''


def libcst_view(source: str) -> tuple[dict[int, set[str]], dict[int, str]]:
    """(statement line -> its comments, evidence comment line -> owner name) as libcst attaches them."""
    wrapper = MetadataWrapper(cst.parse_module(source))
    positions = wrapper.resolve(PositionProvider)
    statements: dict[int, set[str]] = {}
    owners: dict[int, str] = {}

    class Visitor(cst.CSTVisitor):
        def __init__(self):
            self.names = ["<module>"]

        def visit_FunctionDef(self, node):
            self.names.append(node.name.value)

        def leave_FunctionDef(self, node):
            self.names.pop()

        visit_ClassDef = visit_FunctionDef
        leave_ClassDef = leave_FunctionDef

        def visit_Comment(self, node):
            if Comment(0, 0, node.value, True).is_evidence:
                owners[positions[node].start.line] = self.names[-1]

        def on_visit(self, node):
            if isinstance(node, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
                found = {line.comment.value for line in node.leading_lines if line.comment}
                body = getattr(node, "body", None)
                trailing = getattr(node, "trailing_whitespace", None) or getattr(body, "header", None) or getattr(body, "trailing_whitespace", None)
                if trailing is not None and trailing.comment is not None:
                    found.add(trailing.comment.value)
                statements[positions[node].start.line] = found
            return super().on_visit(node)

    wrapper.visit(Visitor())
    return statements, owners


def linter_view(source: str) -> tuple[dict[int, set[str]], dict[int, str]]:
    tree = ast.parse(source)
    index = build_index(tree, source_lines(source), tree.body, request_method_names(), mutating_methods())
    statements: dict[int, set[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.stmt):
            statements.setdefault(node.lineno, {comment.value for comment in index.statement_comments(node)})
    owners = {item.line: getattr(owner.node, "name", "<module>") for owner in index.owners for item in owner.items if item.kind == "comment"}
    return statements, owners


def assert_agrees(source: str) -> None:
    expected_statements, expected_owners = libcst_view(source)
    statements, owners = linter_view(source)
    assert {line: statements.get(line, set()) for line in expected_statements} == expected_statements
    assert owners == expected_owners


def test_tricky_snippet_agrees_with_libcst():
    assert_agrees(TRICKY)


FILES = [path for path in corpus_files() if path.stat().st_size]


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(CORPUS)) for p in FILES])
def test_corpus_comments_agree_with_libcst(path):
    assert_agrees(path.read_text(encoding="utf-8"))


def test_generated_modules_agree_with_libcst(tmp_path):
    generate(tmp_path, 6, seed=11)
    for path in sorted(tmp_path.rglob("*.py")):
        assert_agrees(path.read_text())


# Modules built from blocks, with comments at every depth (deeper, equal and shallower than the
# code around them), trailing comments, clauses, one-line suites, and strings holding `#`.
_SIMPLE = st.sampled_from(
    ['x = "a # b"', "y = call(1)", "return value", "pass", 'text = f"{x}#"', "items.append(x)", "if ready: send()", "z = call(\n    # inside\n    1,\n)"]
)
_COMMENT = st.sampled_from(["# identify the person", "# noqa: E501", "# describe", "#", "# ok: AFP201"])
_CLAUSES = {"if": ["elif other:", "else:"], "try": ["except ValueError:", "else:", "finally:"], "for": ["else:"]}


@st.composite
def _modules(draw, depth: int = 0) -> list[str]:
    lines: list[str] = []
    indent = "    " * depth

    def comments() -> None:
        for _ in range(draw(st.integers(0, 2))):
            lines.append(" " * draw(st.sampled_from([0, 4, 8, 12])) + draw(_COMMENT) if draw(st.booleans()) else "")

    def trailing() -> str:
        return f"  {draw(_COMMENT)}" if draw(st.booleans()) else ""

    for _ in range(draw(st.integers(1, 4))):
        comments()
        kind = draw(st.sampled_from(["simple", "simple", "def", "class", "if", "try", "for", "with"])) if depth < 3 else "simple"
        if kind == "simple":
            lines.extend(indent + line for line in (draw(_SIMPLE) + trailing()).split("\n"))
            continue
        header = {"def": "def handler(a, b='#'):", "class": "class Handler(Base):", "if": "if ready:", "try": "try:", "for": "for item in items:", "with": "with open(p) as f:"}[kind]
        if kind in ("def", "class") and draw(st.booleans()):
            lines.append(f"{indent}@decorate{trailing()}")
        lines.append(indent + header + trailing())
        lines.extend(draw(_modules(depth + 1)))
        for clause in _CLAUSES.get(kind, ()):
            if kind == "try" and clause == "except ValueError:" or draw(st.booleans()):
                comments()
                lines.append(indent + clause + trailing())
                lines.extend(draw(_modules(depth + 1)))
    return lines


@settings(max_examples=int(os.environ.get("AFP_EXAMPLES", "60")), deadline=None)
@given(_modules())
def test_generated_comment_placements_agree_with_libcst(lines):
    assert_agrees("\n".join(lines) + "\n")
