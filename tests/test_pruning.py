"""Parsing only the code that can matter gives exactly the findings of parsing the whole module."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from corpus import CORPUS, corpus_files
from linter import engine
from linter.pruning import RelevantSource, relevant_source

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from generate_corpus import generate  # noqa: E402

FILES = [path for path in corpus_files() if path.stat().st_size]


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("generated")
    generate(folder, 12, seed=7)
    return sorted(folder.rglob("*.py"))


def both_ways(path: Path, monkeypatch) -> tuple[list, list]:
    source = path.read_text(encoding="utf-8")
    pruned = engine.analyse(source, str(path))
    with monkeypatch.context() as patch:
        patch.setattr(engine, "relevant_source", lambda text, tree, names: RelevantSource(text, None))
        whole = engine.analyse(source, str(path))
    return pruned, whole


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(CORPUS)) for p in FILES])
def test_corpus_findings_are_the_same_pruned_or_whole(path, monkeypatch):
    pruned, whole = both_ways(path, monkeypatch)
    assert pruned == whole


def test_generated_modules_are_pruned_and_findings_unchanged(generated, monkeypatch):
    names = engine.request_method_names()
    for path in generated:
        source = path.read_text()
        relevant = relevant_source(source, ast.parse(source), names)
        assert relevant is not None and relevant.line_map is not None and len(relevant.text) < len(source) / 2
        pruned, whole = both_ways(path, monkeypatch)
        assert pruned == whole


def test_helpers_named_by_kept_code_are_kept():
    source = (
        "# about the helper\ndef helper():\n    return 'Identify the person.'\n\n"
        "def unrelated():\n    return 1\n\n"
        "def ask(client, u):\n    return client.chat.completions.create(messages=[{'content': [helper(), {'type': 'image_url'}]}])\n"
    )
    relevant = relevant_source(source, ast.parse(source), frozenset({"create"}))
    assert "def helper" in relevant.text and "about the helper" in relevant.text and "unrelated" not in relevant.text
    assert relevant.line_map == (1, 2, 3, 4, 7, 8, 9)


def test_no_request_call_means_nothing_to_parse():
    assert relevant_source("import openai\nprint(openai)\n", ast.parse("import openai\nprint(openai)\n"), frozenset({"create"})) is None
