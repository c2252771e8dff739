"""Indexing only the code that can matter gives exactly the findings of indexing the whole module."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from corpus import CORPUS, corpus_files
from flake8_azure_face_policy import engine
from flake8_azure_face_policy.source.pruning import TopLevelText

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from generate_corpus import generate  # noqa: E402

FILES = [path for path in corpus_files() if path.stat().st_size]


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("generated")
    generate(folder, 12, seed=7)
    return sorted(folder.rglob("module_*.py"))


def both_ways(path: Path, monkeypatch) -> tuple[list, list]:
    source = path.read_text(encoding="utf-8")
    pruned = engine.analyse(source, str(path))
    with monkeypatch.context() as patch:
        patch.setattr(TopLevelText, "relevant_statements", lambda text, names: list(text.body))
        whole = engine.analyse(source, str(path))
    return pruned, whole


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(CORPUS)) for p in FILES])
def test_corpus_findings_are_the_same_pruned_or_whole(path, monkeypatch):
    pruned, whole = both_ways(path, monkeypatch)
    assert pruned == whole


def test_generated_modules_are_pruned_and_findings_unchanged(generated, monkeypatch):
    names = engine.request_method_names()
    holding = 0
    for path in generated:
        source = path.read_text()
        kept = TopLevelText(source, ast.parse(source)).relevant_statements(names)
        if kept is not None:  # None: a module that only calls the project's own wrapper
            holding += 1
            assert sum(statement.end_lineno - statement.lineno + 1 for statement in kept) < source.count("\n") / 2
        pruned, whole = both_ways(path, monkeypatch)
        assert pruned == whole
    assert holding >= len(generated) // 2


def test_helpers_named_by_kept_code_are_kept():
    source = (
        "# about the helper\ndef helper():\n    return 'Identify the person.'\n\n"
        "def unrelated():\n    return 1\n\n"
        "def ask(client, u):\n    return client.chat.completions.create(messages=[{'content': [helper(), {'type': 'image_url'}]}])\n"
    )
    kept = TopLevelText(source, ast.parse(source)).relevant_statements(frozenset({"create"}))
    assert [statement.name for statement in kept] == ["helper", "ask"]


def test_no_request_call_means_nothing_to_index():
    assert TopLevelText("import openai\nprint(openai)\n", ast.parse("import openai\nprint(openai)\n")).relevant_statements(frozenset({"create"})) is None


def test_a_function_that_sets_an_attribute_read_by_kept_code_is_kept():
    source = (
        "bp = Blueprint('chat', __name__)\n"
        "def configure():\n    bp.openai_client = AsyncOpenAI(base_url=URL)\n"
        "def unrelated():\n    other.thing = 1\n"
        "def handler():\n    return bp.openai_client.responses.create(input=x)\n"
    )
    kept = TopLevelText(source, ast.parse(source)).relevant_statements(frozenset({"create"}))
    assert [getattr(statement, "name", None) for statement in kept] == [None, "configure", "handler"]
