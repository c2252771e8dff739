"""Configuration files and declared context: formats, secrets, hostile files, root, cache, precedence."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from conftest import run_flake8
from corpus import CORPUS
from flake8_azure_face_policy.context import project as project_module
from flake8_azure_face_policy.context.config_files import ConfigFile, Skipped, read_config_file
from flake8_azure_face_policy.engine import analyse, vision_calls
from flake8_azure_face_policy.source.secrets import is_secret_key
from flake8_azure_face_policy.model import Settings
from flake8_azure_face_policy.context.project import find_root, project_context

CALL = textwrap.dedent(
    """\
    import os
    from openai import AzureOpenAI
    client = AzureOpenAI(api_version="2024-10-21")
    source = os.environ["CAMERA_SOURCE"]
    client.chat.completions.create(model="d", messages=[{"role": "user", "content": [
        {"type": "text", "text": f"Who is this person? Camera: {source}"},
        {"type": "image_url", "image_url": {"url": u}}]}])
    """
)


def make_project(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def entries(result) -> dict[str, str]:
    assert isinstance(result, ConfigFile), result
    return {entry.key: entry.value for entry in result.entries}


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (".env", 'CAMERA_SOURCE=axon-body-4\nexport AGENCY="Springfield PD"\n', {"CAMERA_SOURCE": "axon-body-4", "AGENCY": "Springfield PD"}),
        (".env.production", "MODE=live\n", {"MODE": "live"}),
        ("config.yaml", "camera:\n  source: dashcam\n  modes: [live, recorded]\n", {"camera.source": "dashcam", "camera.modes": "recorded"}),
        ("settings.yml", "agency: {name: Pima County Sheriff}\n", {"agency.name": "Pima County Sheriff"}),
        ("appsettings.Development.json", '{"Vision": {"Purpose": "match faces"}}', {"Vision.Purpose": "match faces"}),
        ("local.settings.json", '{"Values": {"CAMERA": "drone"}}', {"Values.CAMERA": "drone"}),
        ("config.toml", '[camera]\nsource = "bodycam"\n', {"camera.source": "bodycam"}),
        ("settings.ini", "[camera]\nsource = body-worn %(x)s\n", {"camera.source": "body-worn %(x)s"}),
    ],
)
def test_formats_and_nested_key_paths(tmp_path, name, text, expected):
    path = make_project(tmp_path, {name: text}) / name
    assert expected.items() <= entries(read_config_file(path, tmp_path.resolve())).items()


@pytest.mark.parametrize("key", ["AZURE_OPENAI_API_KEY", "ApiKey", "SERVICE_TOKEN", "DB_PASSWORD", "ConnectionStrings.Db", "Storage.SasUrl", "client_secret", "AZURE_CLIENT_CREDENTIAL"])
def test_secret_keys(key):
    assert is_secret_key(key)


@pytest.mark.parametrize("key", ["AZURE_OPENAI_ENDPOINT", "CAMERA_SOURCE", "KEYVAULT_NAME", "monkey_mode", "Vision.Purpose"])
def test_not_secret_keys(key):
    assert not is_secret_key(key)


def test_secret_values_are_dropped_at_reading(tmp_path):
    make_project(tmp_path, {".env": "API_KEY=police-fbi-SECRET\nNOTE=https://x/?sig=police-SECRET&sv=1\nDB=Server=x;Password=police-SECRET\n"})
    found = entries(read_config_file(tmp_path / ".env", tmp_path.resolve()))
    assert found == {"API_KEY": "", "NOTE": "https://x/?sv=1", "DB": ""}


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("config.json", b'{"broken": ', "malformed json"),
        ("config.yaml", b"a: [unclosed\n", "malformed yaml"),
        ("config.toml", b"a = = 1\n", "malformed toml"),
        ("settings.ini", b"no section header\n", "malformed ini"),
        ("config.json", b'{"a": "\x00"}', "binary content"),
        ("config.yaml", b"\xff\xfe\xfa", "not UTF-8 text"),
        ("config.yaml", b"a: b\n" * 300_000, "larger than 1024 KiB"),
    ],
)
def test_bad_files_are_skipped_with_a_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    result = read_config_file(path, tmp_path.resolve())
    assert isinstance(result, Skipped) and reason in result.reason


def test_yaml_alias_bomb_is_bounded(tmp_path):
    lines = ["a0: &a0 [police, police, police, police, police, police, police, police, police]"]
    lines += [f"a{i}: &a{i} [*a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}]" for i in range(1, 10)]
    make_project(tmp_path, {"config.yaml": "\n".join(lines) + "\n"})
    result = read_config_file(tmp_path / "config.yaml", tmp_path.resolve())
    assert isinstance(result, ConfigFile) and len(result.entries) <= 5000


def test_folder_fifo_and_outside_links_are_skipped(tmp_path):
    root = tmp_path / "project"
    (root / ".env").mkdir(parents=True)  # a folder named .env
    os.mkfifo(root / ".env.local")  # would block a naive reader
    outside = tmp_path / "outside.yaml"
    outside.write_text("agency: police\n")
    os.symlink(outside, root / "config.yaml")
    os.symlink(root / "settings.yaml", root / "settings.yaml.loop")
    (root / "pyproject.toml").write_text("[project]\nname='x'\n")
    context = project_context(root / "app.py")
    reasons = {item.path.name: item.reason for item in context.skipped}
    assert reasons[".env"] == "not a regular file"
    assert reasons[".env.local"] == "not a regular file"
    assert reasons["config.yaml"] == "links outside the project root"
    assert context.config_files == ()


def test_unreadable_file_is_skipped(tmp_path, monkeypatch):
    path = tmp_path / "config.yaml"
    path.write_text("a: b\n")
    if os.geteuid() == 0:  # root reads whatever the permissions say: refuse the open instead
        real_open = os.open
        monkeypatch.setattr(os, "open", lambda file, *a, **k: (_ for _ in ()).throw(PermissionError(13, "Permission denied")) if str(file).endswith("config.yaml") else real_open(file, *a, **k))
    else:
        path.chmod(0)
    assert read_config_file(path, tmp_path.resolve()).reason == "unreadable (Permission denied)"


def test_root_is_the_nearest_marker_and_nothing_above_is_read(tmp_path):
    make_project(tmp_path, {".env": "AGENCY=Dallas Police Department\n", "inner/pyproject.toml": "[project]\nname='i'\n", "inner/app/x.py": ""})
    assert find_root((tmp_path / "inner" / "app").resolve()) == (tmp_path / "inner").resolve()
    assert project_context(tmp_path / "inner" / "app" / "x.py").config_files == ()


def test_files_in_every_folder_up_to_the_root(tmp_path):
    make_project(tmp_path, {"setup.cfg": "", ".env": "A=1\n", "pkg/config.yaml": "b: 2\n", "pkg/sub/settings.json": '{"c": 3}', "pkg/sub/m.py": ""})
    names = [config.path.name for config in project_context(tmp_path / "pkg" / "sub" / "m.py").config_files]
    assert names == ["settings.json", "config.yaml", ".env"]


def test_each_config_file_is_parsed_once_for_many_modules(tmp_path, monkeypatch):
    make_project(tmp_path, {"pyproject.toml": "[project]\nname='x'\n", ".env": "CAMERA_SOURCE=bodycam\n"})
    calls = []
    original = project_module.read_config_file
    monkeypatch.setattr(project_module, "read_config_file", lambda *a: calls.append(a[0].name) or original(*a))
    project_module._cached_read.cache_clear()
    for number in range(200):
        analyse(CALL, str(tmp_path / f"module_{number}.py"))
    assert calls.count(".env") == 1


def test_config_read_in_code_is_evidence_at_the_call(tmp_path):
    make_project(tmp_path, {"pyproject.toml": "[project]\nname='x'\n", ".env": "CAMERA_SOURCE=axon-body-4\n"})
    (call,) = vision_calls(CALL, str(tmp_path / "m.py"))
    camera = [s.evidence for s in call.signals if s.name == "mobile_camera"]
    assert camera[0].level == 1 and camera[0].source == ".env" and camera[0].key == "CAMERA_SOURCE" and camera[0].line == 4


def test_declared_context_precedence(tmp_path):
    make_project(tmp_path, {"pyproject.toml": '[tool.azure-face-policy]\ncontext = "for a police department"\njurisdiction = "US"\n'})
    source = CALL.replace('os.environ["CAMERA_SOURCE"]', '"none"')
    (from_pyproject,) = analyse(source, str(tmp_path / "m.py"))
    assert from_pyproject.code == "AFP101" and "pyproject context 'police'" in from_pyproject.message
    options = Settings(context="a photo album for families", jurisdictions=("DE",))
    (from_options,) = analyse(source, str(tmp_path / "m.py"), options)
    assert from_options.code == "AFP201"


def test_malformed_pyproject_does_not_break_analysis(tmp_path):
    make_project(tmp_path, {"pyproject.toml": "[tool.azure-face-policy\ncontext = 'police'\n"})
    context = project_context(tmp_path / "m.py")
    assert [item.reason for item in context.skipped] == ["malformed toml (TOMLDecodeError)"]
    assert [f.code for f in analyse(CALL, str(tmp_path / "m.py"))] == ["AFP201"]


SECRETS = ["policeFBIbodycamSECRETa1b2c3", "sheriff-dashcam-SECRET-d4e5f6", "live-police-SECRET-g7h8", "NYPD-watchlist-SECRET-j9k0", "Sheriff-SECRET-m1n2", "police-SECRET-p3q4"]


def test_secrets_never_reach_output():
    project = CORPUS / "cfg_secrets_never_printed"
    result = run_flake8("--isolated", "--select=AFP", str(project))
    assert "AFP201" in result.stdout
    for secret in SECRETS:
        assert secret not in result.stdout and secret not in result.stderr
    path = project / "app" / "kyc.py"
    for call in vision_calls(path.read_text(), str(path)):
        for signal in call.signals:
            assert "SECRET" not in signal.evidence.text and signal.name not in ("law_enforcement", "us_jurisdiction")


def test_stdin_display_name_starts_discovery_from_that_path(tmp_path):
    make_project(tmp_path, {"pyproject.toml": '[tool.azure-face-policy]\ncontext = "for the Austin Police Department"\n'})
    source = CALL.replace('os.environ["CAMERA_SOURCE"]', '"none"')
    elsewhere = tmp_path.parent
    result = run_flake8("--isolated", "--select=AFP", f"--stdin-display-name={tmp_path / 'app' / 'm.py'}", "-", cwd=elsewhere, stdin=source)
    assert "AFP101" in result.stdout and "pyproject context 'Police'" in result.stdout


def test_flake8_options_override_pyproject_in_a_real_run(tmp_path):
    make_project(tmp_path, {"pyproject.toml": '[tool.azure-face-policy]\ncontext = "for the Austin Police Department"\n', "m.py": CALL})
    assert "AFP101" in run_flake8("--isolated", "--select=AFP", "m.py", cwd=tmp_path).stdout
    overridden = run_flake8("--isolated", "--select=AFP", "--afp-context=family photo album", "--afp-jurisdiction=DE", "m.py", cwd=tmp_path)
    assert "AFP201" in overridden.stdout and "AFP101" not in overridden.stdout
