"""The iterative walk reads each node's children as `ast` defines them, without the Load/Store markers."""

from __future__ import annotations

import ast

from corpus import corpus_files
from flake8_azure_face_policy.source.tree import children

ODD_SHAPES = "global g\ndef f(*, a=None, b):\n    nonlocal_x = {**d, 'k': 1}\n    match p:\n        case Point(x=0, y=1):\n            pass\n    return a < b <= c\n"


def test_children_are_ast_s_own_child_nodes():
    sources = [path.read_text(encoding="utf-8") for path in corpus_files() if path.stat().st_size] + [ODD_SHAPES]
    for source in sources:
        try:
            tree = ast.parse(source)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            assert children(node) == [child for child in ast.iter_child_nodes(node) if not isinstance(child, ast.expr_context)]
