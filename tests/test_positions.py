"""The lean position pass agrees with libcst's PositionProvider wherever the linter reports a place."""

from __future__ import annotations

import libcst as cst
import pytest

from corpus import CORPUS, corpus_files
from linter.positions import node_starts, provider_starts

REPORTED = (cst.Call, cst.Comment, cst.SimpleString, cst.FormattedString, cst.ConcatenatedString, cst.Name, cst.Attribute, cst.Subscript, cst.Arg, cst.Dict, cst.DictElement)
FILES = [path for path in corpus_files() if path.stat().st_size]


def reported_nodes(module: cst.Module) -> list[cst.CSTNode]:
    found, stack = [], [module]
    while stack:
        node = stack.pop()
        if isinstance(node, REPORTED) and not (getattr(node, "lpar", None)):
            found.append(node)
        stack.extend(node.children)
    return found


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(CORPUS)) for p in FILES])
def test_lean_starts_equal_position_provider(path):
    module = cst.parse_module(path.read_text(encoding="utf-8"))
    lean, reference = node_starts(module), provider_starts(module)
    nodes = reported_nodes(module)
    assert nodes and all(lean[node] == reference[node] for node in nodes)


@pytest.mark.parametrize("source", ["x = 1\r\ny = f(\r\n  'a')\r\n", "x = 1\ry = f(\r  'a')\r", "if x:\n\tz = g(\n\t\t# c\n\t\t1)\n"])
def test_line_endings_and_tabs(source):
    module = cst.parse_module(source)
    lean, reference = node_starts(module), provider_starts(module)
    assert all(lean[node] == reference[node] for node in reported_nodes(module))
