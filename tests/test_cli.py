"""The standalone command, run as users run it, and its SARIF, JSON and inventory outputs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from corpus import CORPUS

COMMAND = str(Path(sys.executable).parent / "azure-face-policy")
SCHEMA = Path(os.environ.get("AFP_SARIF_SCHEMA", Path(__file__).resolve().parents[2] / "shared" / "data" / "sarif-schema-2.1.0.json"))
VIOLATION = (CORPUS / "springfield_pd_patrol" / "patrol_assist" / "recorded_review.py").read_text()


def run(*args: str, cwd: Path = CORPUS) -> subprocess.CompletedProcess:
    return subprocess.run([COMMAND, *args], cwd=cwd, capture_output=True, text=True, timeout=600)


def test_exit_codes():
    assert run("check", "springfield_pd_patrol").returncode == 1
    assert run("check", "photo_services").returncode == 0
    missing = run("check", "no_such_folder")
    assert missing.returncode == 2 and "no such file or folder" in missing.stderr
    assert run("check", "--format", "xml", "photo_services").returncode == 2
    assert run().returncode == 2


def test_text_output_matches_flake8_form():
    result = run("check", "springfield_pd_patrol/patrol_assist/recorded_review.py")
    assert result.stdout.startswith("springfield_pd_patrol/patrol_assist/recorded_review.py:14:13: AFP101 ")


def test_python_dash_m_is_the_same_command(tmp_path):
    # run from an empty folder so the installed package, not a checkout's folder, is imported
    result = subprocess.run([sys.executable, "-m", "flake8_azure_face_policy", "check", str(CORPUS / "springfield_pd_patrol")], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 1 and "AFP101" in result.stdout


def test_python_dash_m_imports_nothing_from_the_working_directory(tmp_path):
    """`python -m` puts the working directory first on sys.path: the analysed repository's `yaml.py`
    or `flake8.py` must not run."""
    marker = tmp_path / "imported.marker"
    for name in ("yaml", "flake8", "pathspec", "dotenv", "linter", "libcst"):
        (tmp_path / f"{name}.py").write_text(f"open({str(marker)!r}, 'a').write({name!r})\n")
    (tmp_path / "patrol.py").write_text((CORPUS / "springfield_pd_patrol/patrol_assist/recorded_review.py").read_text())
    for command in ("check", "inventory"):
        result = subprocess.run([sys.executable, "-m", "flake8_azure_face_policy", command, "patrol.py"], cwd=tmp_path, capture_output=True, text=True)
        assert "Traceback" not in result.stderr, result.stderr
        assert not marker.exists(), marker.read_text()
    assert result.returncode == 0 and "patrol.py" in result.stdout


def test_parallel_output_is_identical_to_one_process():
    one = run("check", "--jobs", "1", "--format", "json", ".")
    two = run("check", "--jobs", "2", "--format", "json", ".")
    assert one.stdout == two.stdout and json.loads(one.stdout)


def test_inventory_json_shape_and_order():
    document = json.loads(run("inventory", "--format", "json", "springfield_pd_patrol", "cfg_purpose_in_appsettings").stdout)
    assert set(document) == {"version", "tool", "calls", "unresolved", "skipped"} and document["version"] == 1
    calls = document["calls"]
    assert [(c["path"], c["line"]) for c in calls] == sorted((c["path"], c["line"]) for c in calls)
    for call in calls:
        assert {"path", "line", "column", "family", "provider", "media", "rules", "evidence"} <= set(call)
        assert not call["path"].startswith("/")
    by_line = {(c["path"].rsplit("/", 1)[-1], c["line"]): c for c in calls}
    assert by_line[("live_match.py", 43)]["rules"] == ["AFP101", "AFP102", "AFP103"]
    assert by_line[("live_match.py", 43)]["column"] == 20
    plate = by_line[("plate_reader.py", 21)]
    assert plate["rules"] == [] and "not identification" in plate["why_no_rule"] and "stream" in plate["image_sources"]
    assert {"path": "cfg_purpose_in_appsettings/config.json", "reason": "malformed json (JSONDecodeError)"} in document["skipped"]


def test_inventory_lists_calls_to_other_providers_with_the_reason():
    calls = json.loads(run("inventory", "--format", "json", "non_azure_clients").stdout)["calls"]
    assert calls and all(c["provider"] == "not_azure" and c["rules"] == [] and c["why_no_rule"].startswith("not sent to Azure") for c in calls)


def test_inventory_lists_possible_vision_calls_whose_client_is_not_resolved_and_why():
    document = json.loads(run("inventory", "--format", "json", "prec_unresolved_clients").stdout)
    assert document["calls"] == []
    reasons = {(c["line"], c["method"]): c["reason"] for c in document["unresolved"]}
    assert reasons == {
        (12, "run"): "possible vision call, client not resolved: `agent` comes from a parameter",
        (19, "post"): "possible vision call, client not resolved: its URL does not show an Azure OpenAI endpoint",
        (28, "invoke"): "possible vision call, client not resolved: `self.llm` is set from a parameter",
    }
    assert all(c["media"] == ["image"] for c in document["unresolved"])
    text = run("inventory", "prec_unresolved_clients").stdout
    assert "0 vision calls, 0 flagged, 3 possible vision calls (client not resolved)" in text
    assert "## Possible vision calls, client not resolved" in text and "`agent` comes from a parameter" in text


def test_check_does_not_report_possible_vision_calls():
    assert run("check", "prec_unresolved_clients").returncode == 0


def test_inventory_markdown_is_a_table():
    text = run("inventory", "springfield_pd_patrol").stdout
    assert text.startswith("# Vision call inventory\n") and "| location | client |" in text and "AFP101, AFP102, AFP103" in text


def test_gitignore_and_exclude(tmp_path):
    (tmp_path / "generated").mkdir()
    (tmp_path / "generated" / "patrol.py").write_text(VIOLATION)
    (tmp_path / "vendored").mkdir()
    (tmp_path / "vendored" / "patrol.py").write_text(VIOLATION)
    (tmp_path / "app.py").write_text(VIOLATION)
    (tmp_path / ".gitignore").write_text("generated/\n")
    result = run("check", ".", "--exclude", "vendored", cwd=tmp_path)
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == ["app.py"]


def test_secrets_never_appear_in_any_format():
    for args in (("check", "--format", "json"), ("check", "--format", "sarif"), ("inventory", "--format", "json"), ("inventory",)):
        output = run(*args, "cfg_secrets_never_printed").stdout
        assert "SECRET" not in output


def sarif_for(path: str, cwd: Path = CORPUS) -> dict:
    return json.loads(run("check", "--format", "sarif", path, cwd=cwd).stdout)


@pytest.mark.skipif(not SCHEMA.exists(), reason=f"SARIF schema not found at {SCHEMA} (set AFP_SARIF_SCHEMA)")
def test_sarif_validates_against_the_official_schema():
    import jsonschema

    schema = json.loads(SCHEMA.read_text())
    for project in ("springfield_pd_patrol", "cfg_bodycam_vendor", "cfg_declared_pyproject", "photo_services"):
        jsonschema.validate(sarif_for(project), schema)


def test_sarif_has_what_github_code_scanning_needs():
    document = sarif_for("springfield_pd_patrol")
    run_ = document["runs"][0]
    driver = run_["tool"]["driver"]
    assert document["version"] == "2.1.0" and driver["name"] and driver["version"]
    rule_ids = [rule["id"] for rule in driver["rules"]]
    assert rule_ids == ["AFP101", "AFP102", "AFP103", "AFP201", "AFP202", "AFP900", "AFP901", "AFP902"]
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["helpUri"].endswith(f"/docs/rules/{rule['id']}.md")
        assert rule["help"]["markdown"].startswith(f"# {rule['id']}: ")
    for result in run_["results"]:
        assert result["ruleId"] in rule_ids and result["message"]["text"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] and location["region"]["startLine"] >= 1
        assert result["partialFingerprints"]
        assert result["relatedLocations"]


def test_config_evidence_is_a_related_location_in_the_config_file(tmp_path):
    shutil.copytree(CORPUS / "cfg_bodycam_vendor", tmp_path / "cfg_bodycam_vendor")
    results = sarif_for("cfg_bodycam_vendor", tmp_path)["runs"][0]["results"]
    uris = {related["physicalLocation"]["artifactLocation"]["uri"] for result in results for related in result["relatedLocations"] if "physicalLocation" in related}
    assert "cfg_bodycam_vendor/.env" in uris


def test_fingerprints_survive_lines_moving_above(tmp_path):
    (tmp_path / "setup.cfg").write_text("")
    (tmp_path / "a.py").write_text(VIOLATION)
    before = sarif_for("a.py", tmp_path)["runs"][0]["results"]
    (tmp_path / "a.py").write_text("# a new header comment\nimport os\n\n" + VIOLATION)
    after = sarif_for("a.py", tmp_path)["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in before] == [r["partialFingerprints"] for r in after]
    assert before[0]["locations"][0]["physicalLocation"]["region"]["startLine"] + 3 == after[0]["locations"][0]["physicalLocation"]["region"]["startLine"]


def test_progress_on_a_terminal_only(tmp_path):
    import pty

    for number in range(210):
        (tmp_path / f"m{number}.py").write_text("import openai\n")
    quiet = run("check", ".", cwd=tmp_path)
    assert quiet.stderr == ""
    controller, terminal = pty.openpty()
    try:
        subprocess.run([COMMAND, "check", "--jobs", "1", "."], cwd=tmp_path, stdout=subprocess.PIPE, stderr=terminal, timeout=600)
        shown = os.read(controller, 65536).decode()
    finally:
        os.close(controller)
        os.close(terminal)
    assert "210/210 files" in shown
