"""Every corpus file through real flake8: every expected finding present, nothing else reported."""

from __future__ import annotations

import pytest

from corpus import CORPUS, corpus_files, read_expectations
from flake8_azure_face_policy.engine import vision_calls

FILES = corpus_files()


def test_corpus_is_large_enough():
    annotated = [path for path in FILES if read_expectations(path).annotated_codes]
    assert len(annotated) >= 60


@pytest.mark.parametrize("path", FILES, ids=[str(path.relative_to(CORPUS)) for path in FILES])
def test_flake8_output_equals_expectations(path, corpus_report):
    expected = read_expectations(path)
    assert corpus_report.get(path, set()) == expected.findings


@pytest.mark.parametrize("path", FILES, ids=[str(path.relative_to(CORPUS)) for path in FILES])
def test_vision_calls_are_where_annotated(path):
    expected = read_expectations(path)
    found = {call.line for call in vision_calls(path.read_text(encoding="utf-8"), str(path))}
    assert expected.vision_call_lines <= found, "an annotated call was not recognised as a vision call"
    assert not (expected.no_vision_call_lines & found), "a call annotated no-vision-call was taken for one"
    assert found <= expected.vision_call_lines, "a vision call has no annotation: label it with ruleid or ok"
