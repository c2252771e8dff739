"""Coverage-guided fuzzing of the analysis, the configuration reader and every output format, with
atheris. Run by hand, not in CI:

    pip install atheris
    mkdir -p /tmp/afp-fuzz && python tests/fuzz/fuzz_analyse.py -max_total_time=1800 /tmp/afp-fuzz test_corpus

libFuzzer writes the inputs it finds to the first folder and reads the corpus as seeds.

Each input is split into a Python source (decoded as Python would: UTF-8, else Latin-1, and
prefixed with a vision call so that the fuzzer reaches data flow, evidence and decisions), a
configuration file (its format, its name's bytes and its content) and a Python file name's bytes.
Both files are written into a fresh project and analysed from their paths, and the findings go
through every output: flake8's message, the command's text, JSON and SARIF, and the inventory's
JSON and Markdown. A crash is any exception escaping, output that is not strict UTF-8, a text line
that does not start with the analysed path, or JSON that does not load back.
What it finds is fixed and kept as a case in tests/test_reliability.py or tests/test_hostile_input.py.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from flake8_azure_face_policy.cli import FileOutcome, check_report, inventory_report
    from flake8_azure_face_policy.context import project as project_module
    from flake8_azure_face_policy.engine import analyse, vision_calls
    from flake8_azure_face_policy.flake8_view import Flake8View
    from flake8_azure_face_policy.model import Result
    from flake8_azure_face_policy.report.safe_text import safe_text

PREFIX = (
    "from openai import AzureOpenAI\nclient = AzureOpenAI(api_version='v')\n"
    "client.chat.completions.create(model='d', messages=[{'role': 'user', 'content': [{'type': 'image_url', 'image_url': {'url': u}}]}])\n"
)
CONFIG_NAMES = [b".env", b".env.", b"config.yaml", b"config.json", b"config.toml", b"settings.ini", b"pyproject.toml", b"appsettings.json"]
WORKSPACE = Path(tempfile.mkdtemp(prefix="afp-fuzz-"))
VIEW = Flake8View.load(["--isolated"])  # flake8's defaults: the inputs fuzz the analysis, not flake8's own configuration


def _name(data: bytes) -> bytes:
    return bytes(byte for byte in data if byte not in (0, ord("/")))[:80]


def _write_project(provider: atheris.FuzzedDataProvider) -> tuple[Path, Path, str]:
    root = WORKSPACE / "project"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir()
    (root / "setup.cfg").write_text("")
    config_name = CONFIG_NAMES[provider.ConsumeIntInRange(0, len(CONFIG_NAMES) - 1)]
    if config_name == b".env.":
        config_name += _name(provider.ConsumeBytes(provider.ConsumeIntInRange(0, 40))) or b"x"
    config = provider.ConsumeBytes(provider.ConsumeIntInRange(0, 4096))
    module_name = b"m" + _name(provider.ConsumeBytes(provider.ConsumeIntInRange(0, 20))) + b".py"
    raw = provider.ConsumeBytes(provider.remaining_bytes())
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    source = PREFIX + text
    (root / os.fsdecode(config_name)).write_bytes(config)
    module = root / os.fsdecode(module_name)
    module.write_text(source, encoding="utf-8", errors="surrogateescape")
    return root, module, source


def _check_outputs(path: str, findings: list, inventory: FileOutcome) -> None:
    for output_format in ("text", "json", "sarif"):
        report = check_report([Result(path, finding) for finding in findings], output_format)
        report.encode("utf-8")  # strict: no lone surrogate reaches any output
        if output_format == "text":
            lines = report.splitlines()
            if len(lines) != len(findings) or not all(line.startswith(safe_text(path) + ":") for line in lines):
                raise AssertionError(f"forged or broken text output: {report!r}")
        else:
            json.loads(report)
    for output_format in ("json", "markdown"):
        report = inventory_report([inventory], output_format, VIEW, [])
        report.encode("utf-8")
        if output_format == "json":
            json.loads(report)


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    project_module._cached_read.cache_clear()  # each input is a new project
    root, module, source = _write_project(provider)
    cwd = os.getcwd()
    os.chdir(root)
    try:
        path = os.path.relpath(module)
        findings = analyse(source, path)
        for finding in findings:
            if "\n" in finding.message or "\r" in finding.message or "\x1b" in finding.message:
                raise AssertionError(f"multi-line or escaping message: {finding.message!r}")
            finding.message.encode("utf-8")
        try:
            calls = tuple(vision_calls(source, path, other_providers=True))
        except Exception:  # the command reports these as skipped; analyse() already proved AFP900
            calls = ()
        skipped = tuple((str(item.path), item.reason) for item in project_module.project_context(Path(path)).skipped)
        _check_outputs(path, findings, FileOutcome(path, calls=calls, skipped=skipped))
    finally:
        os.chdir(cwd)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
