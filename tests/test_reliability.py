"""Hostile input never breaks a run: normal findings, E999 or AFP900, never a traceback; nothing is
executed; crafted text cannot forge output; results are the same every time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import hypothesmith
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import run_flake8
from corpus import CORPUS
from flake8_azure_face_policy.engine import analyse
from flake8_azure_face_policy.context.project import project_context

COMMAND = str(Path(sys.executable).parent / "azure-face-policy")
CALL = (
    'from openai import AzureOpenAI\n"""Springfield police."""\nclient = AzureOpenAI(api_version="v")\n'
    'client.chat.completions.create(model="d", messages=[{"role": "user", "content": [{"type": "text", "text": "Identify the person."}, '
    '{"type": "image_url", "image_url": {"url": u}}]}])\n'
)

# name -> (bytes, what flake8 must report for it)
HOSTILE = {
    "deep_parens.py": (b"import openai\nx = " + b"(" * 10000 + b"1" + b")" * 10000 + b"\n", {"E999"}),
    "nul_byte.py": (CALL.encode() + b"\x00\n", {"E999"}),
    "bom_crlf.py": (b"\xef\xbb\xbf" + CALL.replace("\n", "\r\n").encode(), {"AFP101"}),
    "lone_cr.py": (CALL.replace("\n", "\r").encode(), {"AFP101"}),
    "form_feeds_tabs.py": (("\x0c\n" + CALL.replace('client.chat', 'if True:\n\tclient.chat')).encode(), {"AFP101"}),
    "latin1_no_cookie.py": (CALL.replace("Springfield police.", "Springfield police, d\xe9partement.").encode("latin-1"), {"AFP101"}),
    "lying_cookie.py": (b"# -*- coding: ascii -*-\n" + CALL.replace("police.", "police \xc3\xa9t\xc3\xa9.").encode("latin-1"), {"AFP101"}),
    "py312_syntax.py": (("type Alias = list[int]\ndef first[T](items: list[T]) -> T:\n    return items[0]\nx = f\"{f'{1}'}\"\n" + CALL).encode(), {"E999"} if sys.version_info < (3, 12) else {"AFP101"}),
    "notebook_export.py": (("%matplotlib inline\n!pip install openai\n" + CALL).encode(), {"E999"}),
    "one_megabyte_line.py": ((CALL.replace("\n", "; ", 3).replace('"""Springfield police."""; ', "").rstrip("\n") + "  # " + "x" * (1024 * 1024) + "\n").encode(), {"AFP201"}),
    "empty.py": (b"", set()),
    "only_comment.py": (b"# openai\n", set()),
}


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "setup.cfg").write_text("")
    for name, (content, _) in HOSTILE.items():
        (folder / name).write_bytes(content)
    return folder


def test_flake8_reports_each_hostile_file_normally(hostile_folder):
    # CPython 3.10's ast.parse raises ValueError on a NUL byte, which flake8 itself does not catch
    names = [name for name in HOSTILE if sys.version_info >= (3, 11) or name != "nul_byte.py"]
    result = run_flake8("--isolated", "--select=AFP,E9", "--format=%(path)s|%(code)s", *names, cwd=hostile_folder)
    assert "Traceback" not in result.stderr, result.stderr
    found: dict[str, set[str]] = {name: set() for name in names}
    for line in result.stdout.splitlines():
        path, code = line.split("|")
        found[Path(path).name].add(code)
    assert found == {name: HOSTILE[name][1] for name in names}


def test_command_reports_each_hostile_file_without_a_traceback(hostile_folder):
    (hostile_folder / "deep_not.py").write_text("import openai\nx = " + "not " * 10000 + "y\n")  # flake8 itself crashes here
    result = subprocess.run([COMMAND, "check", "--format", "json", "."], cwd=hostile_folder, capture_output=True, text=True, timeout=600)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    codes = {(item["path"], item["code"]) for item in json.loads(result.stdout)["findings"]}
    assert ("deep_not.py", "AFP900") in codes and ("nul_byte.py", "AFP900") in codes and ("bom_crlf.py", "AFP101") in codes


def test_analysed_code_is_never_imported_or_executed(tmp_path):
    marker = tmp_path / "executed"
    module = f"import pathlib\npathlib.Path({str(marker)!r}).write_text('ran')\n" + CALL
    (tmp_path / "setup.cfg").write_text("")
    (tmp_path / "trap.py").write_text(module)
    (tmp_path / "conftest.py").write_text(module)
    assert "AFP101" in run_flake8("--isolated", "--select=AFP", ".", cwd=tmp_path).stdout
    subprocess.run([COMMAND, "inventory", "."], cwd=tmp_path, capture_output=True, timeout=600)
    analyse(module, str(tmp_path / "trap.py"))
    assert not marker.exists()


def test_crafted_text_cannot_forge_lines_or_break_json_and_sarif(tmp_path):
    forged = "Identify the person.\\nforged.py:1:1: AFP101 fake\\r\\x1b[2J\\u2028"
    source = CALL.replace("Identify the person.", forged)
    (tmp_path / "setup.cfg").write_text("")
    (tmp_path / "crafted.py").write_text(source + "# police\x1b[31m\r\n")
    lines = run_flake8("--isolated", "--select=AFP", "crafted.py", cwd=tmp_path).stdout.splitlines()
    assert lines and all(line.startswith("crafted.py:") for line in lines)
    for output_format in ("json", "sarif"):
        output = subprocess.run([COMMAND, "check", "--format", output_format, "."], cwd=tmp_path, capture_output=True, text=True).stdout
        text = json.dumps(json.loads(output))
        assert "\\u001b" not in text and "forged.py:1:1" not in "".join(text.split("\\\\n"))


def test_hostile_configuration_is_skipped(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    with open(tmp_path / ".env", "wb") as handle:  # 100 MiB, sparse
        handle.truncate(100 * 1024 * 1024)
    os.symlink("config.yaml", tmp_path / "config.yaml")  # a loop
    (tmp_path / "settings.json").write_text('{"a": ' * 100000)
    context = project_context(tmp_path / "m.py")
    reasons = {item.path.name: item.reason for item in context.skipped}
    assert reasons[".env"] == "larger than 1024 KiB"
    assert reasons["config.yaml"].startswith("unreadable")
    assert reasons["settings.json"].startswith("malformed json")
    assert [f.code for f in analyse(CALL, str(tmp_path / "m.py"))] == ["AFP101"]


def test_flake8_jobs_do_not_change_the_output():
    one = run_flake8("--isolated", "--select=AFP", "--jobs=1", str(CORPUS))
    two = run_flake8("--isolated", "--select=AFP", "--jobs=2", str(CORPUS))
    assert sorted(one.stdout.splitlines()) == sorted(two.stdout.splitlines()) and one.stdout


PROPERTY = settings(max_examples=int(os.environ.get("AFP_PROPERTY_EXAMPLES", "60")), deadline=None, suppress_health_check=list(HealthCheck))


@PROPERTY
@given(hypothesmith.from_grammar())
def test_generated_programs_never_raise_and_are_deterministic(source):
    program = "import openai\n" + source
    first = analyse(program, None)
    assert first == analyse(program, None)
    assert all(finding.code.startswith("AFP") for finding in first)


@PROPERTY
@given(comment=st.text(), prompt=st.text())
def test_any_comment_or_prompt_gives_one_line_messages(comment, prompt):
    source = CALL.replace("Identify the person.", prompt.replace("\\", "\\\\").replace('"', '\\"')) + "# " + comment.replace("\n", " ").replace("\r", " ") + "\n"
    findings = analyse(source, None)
    assert findings == analyse(source, None)
    for finding in findings:
        assert "\n" not in finding.message and "\r" not in finding.message


@pytest.mark.parametrize("name", [".env", "config.yaml", "appsettings.json", "config.toml", "settings.ini"])
@PROPERTY
@given(content=st.binary(max_size=2000))
def test_any_config_file_content_is_read_or_skipped(tmp_path_factory, name, content):
    folder = tmp_path_factory.mktemp("config")
    (folder / "setup.cfg").write_text("")
    (folder / name).write_bytes(content)
    context = project_context(folder / "m.py")
    assert len({config.path for config in context.config_files} | {item.path for item in context.skipped}) == 1  # read, partly read, or skipped
    assert analyse(CALL, str(folder / "m.py")) == analyse(CALL, str(folder / "m.py"))


@pytest.mark.slow
@settings(max_examples=int(os.environ.get("AFP_SLOW_EXAMPLES", "3000")), deadline=None, suppress_health_check=list(HealthCheck))
@given(hypothesmith.from_node())
def test_thousands_of_generated_modules(source):
    program = "import openai\n" + source
    assert analyse(program, None) == analyse(program, None)
