"""Real flake8 in a subprocess: by path, on stdin, from another folder, with noqa, options and errors."""

from __future__ import annotations

import textwrap
from pathlib import Path

from conftest import run_flake8

VIOLATION = textwrap.dedent(
    '''\
    """Springfield Police Department patrol tools."""
    from openai import AzureOpenAI

    client = AzureOpenAI(api_version="2024-10-21")


    def identify(url):
        return client.chat.completions.create(model="d", messages=[{"role": "user", "content": [
            {"type": "text", "text": "Identify the person in this photo."},
            {"type": "image_url", "image_url": {"url": url}}]}])
    '''
)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_plugin_is_registered_with_flake8():
    result = run_flake8("--version")
    assert "flake8-azure-face-policy" in result.stdout


def test_by_path_reports_at_the_call(tmp_path):
    path = write(tmp_path, "patrol.py", VIOLATION)
    result = run_flake8("--isolated", "--select=AFP", str(path))
    assert result.returncode == 1
    assert result.stdout.startswith(f"{path}:8:12: AFP101 facial recognition by or for US law enforcement")


def test_stdin_with_display_name_equals_file_on_disk(tmp_path):
    path = write(tmp_path, "patrol.py", VIOLATION)
    on_disk = run_flake8("--isolated", "--select=AFP", str(path))
    on_stdin = run_flake8("--isolated", "--select=AFP", f"--stdin-display-name={path}", "-", stdin=VIOLATION)
    assert on_stdin.stdout == on_disk.stdout


def test_unsaved_buffer_is_what_counts(tmp_path):
    path = write(tmp_path, "patrol.py", "print('saved version has no call')\n")
    result = run_flake8("--isolated", "--select=AFP", f"--stdin-display-name={path}", "-", stdin=VIOLATION)
    assert "AFP101" in result.stdout


def test_from_another_working_directory(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    write(project, "patrol.py", VIOLATION)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = run_flake8("--isolated", "--select=AFP", "../project/patrol.py", cwd=elsewhere)
    assert "../project/patrol.py:8:12: AFP101" in result.stdout


def test_noqa_silences_the_code_on_the_call_line(tmp_path):
    silenced = VIOLATION.replace(
        'return client.chat.completions.create(model="d", messages=[{"role": "user", "content": [',
        'return client.chat.completions.create(model="d", messages=[{"role": "user", "content": [  # noqa: AFP101  reviewed: test fixture',
    )
    path = write(tmp_path, "patrol.py", silenced)
    result = run_flake8("--isolated", "--select=AFP", str(path))
    assert result.returncode == 0 and result.stdout == ""


def test_syntax_error_is_flake8s_e999_and_no_traceback(tmp_path):
    path = write(tmp_path, "broken.py", "from openai import AzureOpenAI\ndef f(:\n")
    result = run_flake8("--isolated", str(path))
    assert "E999" in result.stdout
    assert "Traceback" not in result.stderr


def test_options_from_the_command_line(tmp_path):
    plain = VIOLATION.replace("Springfield Police Department patrol tools.", "Field tools.")
    path = write(tmp_path, "field.py", plain)
    assert "AFP201" in run_flake8("--isolated", "--select=AFP", str(path)).stdout
    result = run_flake8("--isolated", "--select=AFP", "--afp-context=sold to sheriff departments", "--afp-jurisdiction=US", str(path))
    assert "AFP101" in result.stdout
    assert "flake8 afp-context 'sheriff'" in result.stdout


def test_options_from_setup_cfg(tmp_path):
    plain = VIOLATION.replace("Springfield Police Department patrol tools.", "Field tools.")
    write(tmp_path, "field.py", plain)
    write(tmp_path, "setup.cfg", "[flake8]\nselect = AFP\nafp-context = for a county sheriff\nafp-jurisdiction = US\n")
    result = run_flake8("field.py", cwd=tmp_path)
    assert "AFP101" in result.stdout


def test_clean_file_exits_zero(tmp_path):
    path = write(tmp_path, "clean.py", VIOLATION.replace("Identify the person in this photo.", "Describe the photo."))
    result = run_flake8("--isolated", "--select=AFP", str(path))
    assert result.returncode == 0, result.stdout


def test_the_linter_reports_nothing_on_its_own_code():
    root = Path(__file__).resolve().parent.parent
    result = run_flake8("--isolated", "--select=AFP", str(root / "linter"), str(root / "tests"))
    assert result.returncode == 0, result.stdout


def test_loading_the_plugin_does_not_load_the_engine():
    import subprocess
    import sys

    code = "import sys, flake8_azure_face_policy.plugin; print('flake8_azure_face_policy.engine' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(__file__).resolve().parent)
    assert result.stdout.strip() == "False", result.stderr


def test_a_project_with_its_own_linter_package_still_loads_the_plugin(tmp_path):
    """The engine's source folder is `linter/`; installed as `flake8_azure_face_policy`, a user's own
    `linter` package on the path (`python -m flake8` puts the working directory first) cannot shadow it."""
    import subprocess
    import sys

    (tmp_path / "linter").mkdir()
    write(tmp_path / "linter", "__init__.py", "raise ImportError('the project\'s own linter package')\n")
    write(tmp_path / "linter", "plugin.py", "raise ImportError('the project\'s own linter.plugin')\n")
    write(tmp_path, "patrol.py", VIOLATION)
    by_script = run_flake8("--isolated", "--select=AFP", "patrol.py", cwd=tmp_path)
    by_module = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select=AFP", "patrol.py"], cwd=tmp_path, capture_output=True, text=True, timeout=600
    )
    for result in (by_script, by_module):
        assert result.returncode == 1, result.stderr
        assert "patrol.py:8:12: AFP101" in result.stdout, result.stdout + result.stderr
        assert "Traceback" not in result.stderr


def test_analysing_a_vision_call_does_not_load_openssl(tmp_path):
    """hashlib loads OpenSSL's library, a few MiB in every flake8 process: only the command's
    fingerprints and baselines need it."""
    import subprocess
    import sys

    (tmp_path / "pyproject.toml").write_text("[tool.azure-face-policy]\ncontext = 'retail'\n")
    (tmp_path / "ask.py").write_text(
        "from openai import AzureOpenAI\nclient = AzureOpenAI()\n"
        "client.chat.completions.create(model='d', messages=[{'role': 'user', 'content': [{'type': 'text', 'text': 'Who is this?'},"
        " {'type': 'image_url', 'image_url': {'url': 'data:image/png;base64,AAAA'}}]}])\n"
    )
    code = (
        "import ast, sys; from flake8_azure_face_policy.plugin import AzureFacePolicyPlugin; "
        f"lines = open({str(tmp_path / 'ask.py')!r}).readlines(); "
        f"print([text.split()[0] for *_, text, _ in AzureFacePolicyPlugin(ast.parse(''.join(lines)), lines, {str(tmp_path / 'ask.py')!r}).run()], 'hashlib' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert result.stdout.split() == ["['AFP201']", "False"], result.stderr
