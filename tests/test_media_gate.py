"""The second gate: only files that can spell a media marker (or import relatively) are indexed, and
it never drops a file that holds a vision call."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from corpus import CORPUS, corpus_files
from flake8_azure_face_policy import engine
from flake8_azure_face_policy.source.media_gate import can_spell_media, gate_words, media_markers
from flake8_azure_face_policy.source.project_files import imports_media

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from generate_corpus import generate  # noqa: E402

CALL = "from openai import AzureOpenAI\nclient = AzureOpenAI(api_version='2024-10-21')\n# identify the person\nclient.chat.completions.create(model='d', messages=[{{'role': 'user', 'content': [{part}]}}])\n"


def test_every_media_marker_holds_a_gate_word():
    words = [word.lower() for word in gate_words()]
    assert {"image", "audio", "video"} <= set(words)
    for marker in media_markers():
        assert any(word in marker.rsplit(".", 1)[-1].lower() or word in marker.lower() for word in words), marker


def both_ways(path: Path, monkeypatch) -> tuple[list, list]:
    source = path.read_text(encoding="utf-8")
    gated = engine.vision_calls(source, str(path), other_providers=True)
    with monkeypatch.context() as patch:
        patch.setattr(engine, "can_spell_media", lambda text: True)
        ungated = engine.vision_calls(source, str(path), other_providers=True)
    return gated, ungated


@pytest.mark.parametrize("path", corpus_files(), ids=[str(p.relative_to(CORPUS)) for p in corpus_files()])
def test_corpus_vision_calls_are_the_same_with_or_without_the_gate(path, monkeypatch):
    gated, ungated = both_ways(path, monkeypatch)
    assert gated == ungated


def test_generated_vision_calls_are_the_same_with_or_without_the_gate(tmp_path, monkeypatch):
    generate(tmp_path, 12, seed=3)
    found = 0
    for path in sorted(tmp_path.rglob("*.py")):
        gated, ungated = both_ways(path, monkeypatch)
        assert gated == ungated
        found += len(gated)
    assert found > 12


@pytest.mark.parametrize(
    "part",
    [
        "{'type': 'im' 'age_url', 'im' 'age_url': {'url': u}}",  # implicit concatenation
        "{'type': 'im'\n    'age_url', 'im' 'age_url': {'url': u}}",  # across lines
        "{'type': '\\x69mage_url', '\\x69mage_url': {'url': u}}",  # an escape
        "{'type': 'ima\\\nge_url'}",  # a continuation line inside the string
    ],
)
def test_markers_spelled_without_being_written_out_still_pass(part):
    source = CALL.format(part=part)
    assert can_spell_media(source)


def test_joined_and_escaped_markers_are_still_vision_calls():
    (call,) = engine.vision_calls(CALL.format(part="{'type': 'im' 'age_url', 'im' 'age_url': {'url': u}}"))
    assert call.media == {"image"}
    (call,) = engine.vision_calls(CALL.format(part="{'type': '\\x69mage_url', '\\x69mage_url': {'url': u}}"))
    assert call.media == {"image"}


def test_a_request_call_without_any_media_marker_is_not_indexed(monkeypatch):
    monkeypatch.setattr(engine, "build_index", lambda *args: (_ for _ in ()).throw(AssertionError("indexed")))
    source = CALL.format(part="{'type': 'text', 'text': 'Summarise the ticket.'}")
    assert not can_spell_media(source)
    assert engine.analyse(source) == []


def test_a_project_module_that_spells_media_lets_its_importers_through(tmp_path):
    # the whole-project reading may bring the image part from the project's own module
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text("")
    (tmp_path / "app" / "parts.py").write_text("def photo_part(u):\n    return {'type': 'image_url', 'image_url': {'url': u}}\n")
    (tmp_path / "app" / "reexport.py").write_text("from app.parts import photo_part\n")
    (tmp_path / "app" / "text.py").write_text("def text_part(t):\n    return {'type': 'text', 'text': t}\n")
    for module, passes in (("from app.parts import photo_part", True), ("from .reexport import photo_part", True), ("from app.text import text_part", False)):
        source = module + "\n" + CALL.format(part="photo_part(u)")
        assert not can_spell_media(source)
        assert imports_media(source, str(tmp_path / "app" / "main.py")) is passes, module
