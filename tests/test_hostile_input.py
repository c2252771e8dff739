"""Hostile input, one regression test per way found to break docs/security.md: nothing may abort
flake8, crash the command, hang, forge output, read outside the project or print a secret.

flake8 and the command run as users run them, in subprocesses; their output is taken as bytes and
must be valid UTF-8 whatever the file names hold.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FLAKE8
from flake8_azure_face_policy import cli
from flake8_azure_face_policy.model import Result
from flake8_azure_face_policy.engine import analyse, vision_calls
from flake8_azure_face_policy.model import Settings

COMMAND = str(Path(sys.executable).parent / "azure-face-policy")
SCHEMA = Path(os.environ.get("AFP_SARIF_SCHEMA", Path(__file__).resolve().parents[2] / "shared" / "data" / "sarif-schema-2.1.0.json"))
# An identification prompt; the law-enforcement context comes from wherever the test puts it.
CALL = (
    "from openai import AzureOpenAI\nclient = AzureOpenAI(api_version='v')\n"
    "client.chat.completions.create(model='d', messages=[{'role': 'user', 'content': [{'type': 'text', 'text': 'Identify the person.'}, "
    "{'type': 'image_url', 'image_url': {'url': u}}]}])\n"
)
POLICE_CALL = '"""Springfield police."""\n' + CALL


def run_bytes(args: list, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run(args, cwd=cwd, capture_output=True, timeout=300, env={**os.environ, **(env or {})})
    result.stdout.decode("utf-8")  # whatever the names held, the output is UTF-8
    assert b"Traceback" not in result.stderr, result.stderr.decode("utf-8", "replace")
    return result


def flake8(cwd: Path, *paths) -> list[str]:
    result = run_bytes([FLAKE8, "--isolated", "--select=AFP", *paths], cwd)
    assert result.returncode in (0, 1)
    return result.stdout.decode("utf-8").splitlines()


def command(cwd: Path, *args, env: dict | None = None) -> subprocess.CompletedProcess:
    return run_bytes([COMMAND, *args], cwd, env)


def project(tmp_path: Path, files: dict) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "setup.cfg").write_text("")
    for name, content in files.items():
        path = tmp_path / os.fsdecode(name) if isinstance(name, bytes) else tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return tmp_path


def assert_one_line_each(lines: list[str], paths: tuple[str, ...]) -> None:
    assert lines and all(line.startswith(paths) for line in lines), lines
    assert not any("\x1b" in line or "\udcff" in line for line in lines)


# 1, 11: configuration file names that are not UTF-8, or that hold a line and terminal escapes


UNSAFE_CONFIG_NAMES = [b".env.\xff", b".env.x\napp.py:99:1: AFP101 FORGED LINE \x1b[2J", b".env.\xe2\x80\xae\x07"]


@pytest.mark.parametrize("name", UNSAFE_CONFIG_NAMES, ids=["not-utf8", "forged-line", "bidi-bell"])
def test_config_file_names_cannot_abort_flake8_or_forge_its_output(tmp_path, name):
    root = project(tmp_path, {name: "AGENCY=Texas police\n", "app.py": CALL, "zz.py": CALL})
    lines = flake8(root, ".")
    assert_one_line_each(lines, ("./app.py:3:1: AFP101", "./zz.py:3:1: AFP101"))
    assert len(lines) == 2 and "AGENCY 'police'" in lines[1]  # every file's results, with the config evidence


@pytest.mark.parametrize("name", UNSAFE_CONFIG_NAMES, ids=["not-utf8", "forged-line", "bidi-bell"])
def test_config_file_names_are_safe_in_every_command_output(tmp_path, name):
    root = project(tmp_path, {name: "AGENCY=Texas police\n", "app.py": CALL})
    text = command(root, "check", ".")
    assert text.returncode == 1
    assert_one_line_each(text.stdout.decode().splitlines(), ("app.py:3:1: AFP101",))
    for args in (["check", "--format", "json"], ["check", "--format", "sarif"], ["inventory", "--format", "json"], ["inventory"]):
        output = command(root, *args, ".").stdout.decode()
        assert "\x1b" not in output and "FORGED LINE \\u001b" not in output and "\\ud" not in output
    sarif = json.loads(command(root, "check", "--format", "sarif", ".").stdout)
    uris = [related["physicalLocation"]["artifactLocation"]["uri"] for result in sarif["runs"][0]["results"] for related in result["relatedLocations"] if "physicalLocation" in related]
    assert any(uri.startswith(".env.") and "%" in uri for uri in uris) and all(" " not in uri and "\n" not in uri for uri in uris)


def test_report_file_is_whole_or_not_written(tmp_path):
    root = project(tmp_path, {b".env.\xff": "AGENCY=Texas police\n", "app.py": CALL})
    (root / "report.sarif").write_text("previous report\n")
    result = command(root, "check", "--format", "sarif", "-o", "report.sarif", ".")
    assert result.returncode == 1 and json.loads((root / "report.sarif").read_text())["runs"][0]["results"]
    failed = command(root, "check", "--format", "sarif", "-o", "app.py/report.sarif", ".")  # a file where a folder should be
    assert failed.returncode == cli.EXIT_ERROR and b"cannot write app.py/report.sarif" in failed.stderr
    assert (root / "report.sarif").read_text() != "previous report\n"
    assert sorted(path.name for path in root.iterdir() if path.name.startswith(".report")) == []  # no temporary left behind


# 2: Python file names that are not UTF-8


def test_python_file_names_that_are_not_utf8_in_every_format(tmp_path):
    root = project(tmp_path, {b"cam\xff.py": POLICE_CALL, "b\nforged.py": POLICE_CALL})
    for args in (["check"], ["check", "--format", "json"], ["check", "--format", "sarif"], ["inventory"], ["inventory", "--format", "json"]):
        result = command(root, *args, ".", env={"PYTHONIOENCODING": "utf-8"})
        assert result.returncode == (1 if args[0] == "check" else 0), result.stderr
        assert b"\\xff.py" in result.stdout or b"cam%FF.py" in result.stdout
        assert b"\nforged.py" not in result.stdout
        command(root, *args, "-o", "out.txt", ".")
        (root / "out.txt").read_text(encoding="utf-8")
    sarif = json.loads(command(root, "check", "--format", "sarif", ".").stdout)
    assert {result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for result in sarif["runs"][0]["results"]} == {"cam%FF.py", "b%0Aforged.py"}


@pytest.mark.skipif(not SCHEMA.exists(), reason=f"SARIF schema not found at {SCHEMA} (set AFP_SARIF_SCHEMA)")
def test_sarif_with_hostile_names_and_options_validates(tmp_path):
    import jsonschema

    root = project(tmp_path, {b"cam\xff.py": CALL, b".env.x\n\x1b[2J": "AGENCY=Texas police\n"})
    document = json.loads(command(root, "check", "--format", "sarif", "--afp-context", "Springfield police", "--afp-jurisdiction", "US", ".").stdout)
    jsonschema.validate(document, json.loads(SCHEMA.read_text()))


# 16 (second half): --afp-context evidence is a logical location, not a file called "command line"


def test_command_line_context_is_a_logical_location_in_sarif(tmp_path):
    root = project(tmp_path, {"app.py": CALL})
    document = json.loads(command(root, "check", "--format", "sarif", "--afp-context", "Springfield police", "--afp-jurisdiction", "US", ".").stdout)
    related = [item for result in document["runs"][0]["results"] for item in result["relatedLocations"]]
    uris = {item["physicalLocation"]["artifactLocation"]["uri"] for item in related if "physicalLocation" in item}
    assert uris == {"app.py"}
    names = {location["name"] for item in related for location in item.get("logicalLocations", ())}
    assert "--afp-context" in names and names <= {"--afp-context", "--afp-jurisdiction"}


# 3: integers too long to print, in every configuration format


HUGE_HEX = "0x" + "f" * 5000


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("config.toml", f"agency = 'Texas police'\ncamera_id = {HUGE_HEX}\n"),
        ("config.yaml", f"agency: Texas police\ncamera_id: {HUGE_HEX}\n? {HUGE_HEX}\n: key\n"),
        ("pyproject.toml", f"[tool.azure-face-policy]\ncontext = 'Texas police'\n[tool.camera]\ncamera_id = {HUGE_HEX}\n"),
        ("config.json", '{"agency": "Texas police", "camera_id": 1' + "0" * 4400 + "}"),
    ],
)
def test_huge_integers_in_configuration_hide_no_finding(tmp_path, name, text):
    root = project(tmp_path, {name: text, "app.py": CALL})
    assert [finding.code for finding in analyse(CALL, str(root / "app.py"))] == ["AFP101"]
    inventory = command(root, "inventory", "--format", "json", ".")
    assert inventory.returncode == 0 and json.loads(inventory.stdout)["calls"][0]["rules"] == ["AFP101"]
    assert [line.split(": ")[1][:6] for line in flake8(root, "app.py")] == ["AFP101"]


# 4: coding cookies naming codecs that fail, are not text codecs, or decode in quadratic time


@pytest.mark.parametrize("codec", ["punycode", "idna", "hex", "zlib_codec", "utf-16", "no-such-codec"])
def test_odd_coding_cookies_do_not_stop_the_run(tmp_path, codec):
    root = project(tmp_path, {"odd.py": f"# -*- coding: {codec} -*-\n" + POLICE_CALL, "zz.py": POLICE_CALL})
    for args in (["check", "--format", "json"], ["inventory", "--format", "json"]):
        result = command(root, *args, ".")
        assert result.returncode in (0, 1), result.stderr
        assert "zz.py" in result.stdout.decode()


# 5: FIFOs and devices named like sources or .gitignore files


@pytest.mark.parametrize("hazard", ["fifo", "dev_zero"])
def test_walk_never_blocks_on_special_files(tmp_path, hazard):
    root = project(tmp_path, {"real.py": POLICE_CALL, "sub/inner.py": POLICE_CALL})
    for path in (root / "x.py", root / ".gitignore", root / "sub" / ".gitignore", root / ".env"):
        os.mkfifo(path) if hazard == "fifo" else os.symlink("/dev/zero", path)
    result = command(root, "check", "--format", "json", ".")  # run_bytes' timeout fails a hang
    assert result.returncode == 1
    assert {item["path"] for item in json.loads(result.stdout)["findings"]} == {"real.py", "sub/inner.py"}
    assert [line.split(": ")[1][:6] for line in flake8(root, "real.py")] == ["AFP101"]


# 13: a folder link inside the project does not move the project root


def test_folder_link_does_not_move_the_project_root(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / ".env").write_text("AGENCY=Texas police\n")
    (elsewhere / "app.py").write_text(CALL)
    proj = project(tmp_path / "proj", {"README.md": ""})
    os.symlink(elsewhere, proj / "linked")
    lines = flake8(tmp_path, "proj/linked/app.py")  # /elsewhere/.env is outside proj: no police context
    assert len(lines) == 1 and " AFP201 " in lines[0] and ".env" not in lines[0]
    calls = vision_calls(CALL, str(proj / "linked" / "app.py"))
    assert [signal for call in calls for signal in call.signals if signal.evidence.source] == []


# 15: .gitignore negations in nested folders, as git decides


def test_gitignore_negation_in_a_subfolder_keeps_the_file(tmp_path):
    root = project(tmp_path, {".gitignore": "*.py\n!/keep_top.py\n", "keep_top.py": POLICE_CALL, "gone.py": POLICE_CALL, "sub/.gitignore": "!keep.py\n", "sub/keep.py": POLICE_CALL, "sub/gone.py": POLICE_CALL, "sub/deeper/keep.py": POLICE_CALL, "other/.gitignore": "!*.py\nsecret_*.py\n", "other/secret_a.py": POLICE_CALL, "other/kept.py": POLICE_CALL})
    result = command(root, "check", "--format", "json", ".")
    assert sorted({item["path"] for item in json.loads(result.stdout)["findings"]}) == ["keep_top.py", "other/kept.py", "sub/deeper/keep.py", "sub/keep.py"]


# 17: the command's own failure is not "findings"


def test_own_crash_exits_2_never_1(tmp_path, monkeypatch, capsys):
    root = project(tmp_path, {"app.py": POLICE_CALL})
    monkeypatch.chdir(root)

    def broken(outcomes, output_format):
        raise RuntimeError("formatter bug\x1b[2J")

    monkeypatch.setattr(cli, "check_report", broken)
    assert cli.main(["check", "--jobs", "1", "."]) == cli.EXIT_ERROR == 2
    error = capsys.readouterr().err
    assert "internal error" in error and "\x1b" not in error and "Traceback" not in error


# 12: secrets under keys the old filter did not know, and credentials inside innocent values


SECRET_KEYS = ["DB_PASS", "pass", "pw", "PASSPHRASE", "SECRETKEY", "ACCESSKEY", "CLIENTSECRET", "AUTHTOKEN", "PRIVATEKEY", "MASTERKEY", "APPKEY", "BEARER", "JWT", "SENTRY_DSN", "dbPass", "Db.Pass", "x-api-key"]


@pytest.mark.parametrize("key", SECRET_KEYS)
def test_a_secret_is_never_evidence_whatever_its_key_is_called(tmp_path, key):
    """A password containing "Sheriff" must not turn AFP201 into AFP101, nor be printed."""
    root = project(tmp_path, {".env": f"{key}=Sheriff-Dept-7f3a9\n", "app.py": CALL})
    (finding,) = analyse(CALL, str(root / "app.py"))
    assert finding.code == "AFP201" and "Sheriff" not in finding.message


CREDENTIAL_VALUES = {
    "CAMERA_URL": "rtsp://patrol:Sheriff7f3a@cam.local:554/live",
    "HOOK": "https://fn.azurewebsites.net/api/match?code=Sheriff7f3a&mode=x",
    "OPENAI": "https://x.openai.azure.com/openai?api-key=Sheriff7f3a",
    "BLOB": "https://acct.blob.core.windows.net/c/f.jpg?sv=2022&sig=Sheriff7f3a",
    "TOKEN_URL": "https://idp.example/cb?access_token=Sheriff7f3a#state",
}


def test_credentials_inside_urls_are_dropped_from_config_and_code(tmp_path):
    env = "".join(f"{key}={value}\n" for key, value in CREDENTIAL_VALUES.items())
    code = CALL.replace("AzureOpenAI(api_version='v')", "AzureOpenAI(api_version='v', azure_endpoint='https://user:Sheriff7f3a@x.openai.azure.com/')")
    root = project(tmp_path, {".env": env, "app.py": code, "cams.py": "from openai import AzureOpenAI\nSTREAM = 'rtsp://admin:Sheriff7f3a@10.0.0.2/'\n" + CALL})
    for args in (["check", "--format", "json"], ["check", "--format", "sarif"], ["inventory", "--format", "json"], ["inventory"]):
        output = command(root, *args, ".").stdout.decode()
        assert "7f3a" not in output  # (rule help in SARIF names sheriffs)
    assert all(finding.code == "AFP201" for path in ("app.py", "cams.py") for finding in analyse((root / path).read_text(), str(root / path)))


# Properties: the classes of bug, not only the instances above


from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

from flake8_azure_face_policy.budget import WorkBudget  # noqa: E402
from flake8_azure_face_policy.context.config_files import read_config_file  # noqa: E402
from flake8_azure_face_policy.context.vocabulary import load_vocabulary  # noqa: E402
from flake8_azure_face_policy.report.safe_text import safe_text  # noqa: E402
from flake8_azure_face_policy.source.secrets import is_secret_key, load_secret_vocabulary  # noqa: E402

PROPERTY = settings(max_examples=int(os.environ.get("AFP_PROPERTY_EXAMPLES", "60")), deadline=None, suppress_health_check=list(HealthCheck))
ANY_CHARACTER = st.characters(blacklist_categories=())  # lone surrogates, controls and separators included


@PROPERTY
@given(st.text(alphabet=ANY_CHARACTER))
def test_any_text_leaves_the_gate_as_one_printable_utf8_line(text):
    safe = safe_text(text)
    safe.encode("utf-8")
    assert len(safe.splitlines()) <= 1 and "\x1b" not in safe and "\u202e" not in safe


@PROPERTY
@given(name=st.binary(min_size=1, max_size=24).map(lambda raw: bytes(b for b in raw if b not in (0, 47))).filter(bool))
def test_any_config_file_name_gives_one_line_utf8_output(tmp_path_factory, name):
    root = project(tmp_path_factory.mktemp("named"), {b".env." + name: "AGENCY=Texas police\n"})
    path = str(root / "app.py")
    findings = analyse(CALL, path)
    assert [finding.code for finding in findings] == ["AFP101"]
    results = [Result(path, finding) for finding in findings]
    report = cli.check_report(results, "text")
    report.encode("utf-8")
    assert len(report.splitlines()) == 1 and report.startswith(safe_text(path) + ":3:1: AFP101 ")
    for output_format in ("json", "sarif"):
        json.loads(cli.check_report(results, output_format).encode("utf-8"))


CREDENTIAL = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$", min_size=6, max_size=20).map(lambda text: "Zq" + text + "Zq")


@PROPERTY
@given(user=CREDENTIAL, password=CREDENTIAL, parameter=st.sampled_from(sorted(load_secret_vocabulary().query_parameters)), scheme=st.sampled_from(["https", "rtsp", "postgresql", "amqps"]))
def test_credentials_of_any_url_never_reach_entries_or_code_text(tmp_path_factory, user, password, parameter, scheme):
    url = f"{scheme}://{user}:{password}@host.example:8443/path?mode=live&{parameter}={password}#frag"
    folder = tmp_path_factory.mktemp("url")
    (folder / ".env").write_text(f"CAMERA_URL={url}\nNOTE=see {url} then\n")
    entries = read_config_file(folder / ".env", folder).entries
    assert entries and all(password not in entry.value and user not in entry.value for entry in entries)
    assert all(entry.value == "" or "host.example:8443/path?mode=live" in entry.value for entry in entries)  # "" when a marker (Password=) drops it all
    import ast

    from flake8_azure_face_policy.source.syntax import string_text

    assert password not in string_text(ast.parse(repr(url)).body[0].value)


SEPARATORS = st.sampled_from(["_", "-", ".", "", " "])


@PROPERTY
@given(
    word=st.sampled_from(["pass", "pw", "passphrase", "secret", "token", "bearer", "jwt", "dsn", "password", "apikey", "credential"]),
    before=st.lists(st.sampled_from(["db", "azure", "camera", "app", "service", "main"]), max_size=2),
    separator=SEPARATORS,
    case=st.sampled_from([str.upper, str.lower, str.title]),
)
def test_any_spelling_of_a_secret_key_is_secret(word, before, separator, case):
    key = (separator if separator.strip() else "_").join(case(part) for part in [*before, word])
    assert is_secret_key(key)


@PROPERTY
@given(st.lists(st.sampled_from(["police", "identify", "the", "person", "not", "never", ",", "\n", "who is this", "blur", "faces", "x" * 40, "   "]), min_size=10, max_size=200))
def test_vocabulary_work_at_most_doubles_when_any_text_doubles(tokens):
    vocabulary = load_vocabulary()
    text = " ".join(tokens)
    once, twice = WorkBudget(10**12), WorkBudget(10**12)
    vocabulary.scan(text, once)
    vocabulary.scan(text + " " + text, twice)
    assert twice.total <= 2.2 * once.total + 2000  # the seam between the copies can join two runs of matches (a constant)
