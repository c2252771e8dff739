"""Whole-project reading: imports into the project followed, wrappers as clients, parses counted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from flake8_azure_face_policy import cli
from flake8_azure_face_policy.engine import analyse, imported_wrapper_names, vision_calls
from flake8_azure_face_policy.model import Level
from flake8_azure_face_policy.report.inventory import inventory_entry
from flake8_azure_face_policy.source.project_files import imports_may_send
from flake8_azure_face_policy.source.project_index import parsed_module_count

from corpus import CORPUS

MULTI_MODULE = sorted(path for path in CORPUS.glob("mm_*") if path.is_dir())
CLIENT = "from openai import AzureOpenAI\nclient = AzureOpenAI(azure_endpoint='https://x.openai.azure.com', api_version='v')\n"
IMAGE_PART = "{'type': 'image_url', 'image_url': {'url': url}}"


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


def codes(path: Path) -> list[tuple[int, str]]:
    return [(finding.line, finding.code) for finding in analyse(path.read_text(encoding="utf-8"), str(path))]


def test_multi_module_corpus_covers_every_rule():
    annotated = {code for project in MULTI_MODULE for path in project.rglob("*.py") for code in ("AFP101", "AFP102", "AFP103", "AFP201", "AFP202") if f"ruleid: {code}" in path.read_text(encoding="utf-8")}
    assert annotated == {"AFP101", "AFP102", "AFP103", "AFP201", "AFP202"}


def test_flake8_and_the_command_agree_on_multi_module_projects(tmp_path):
    paths = [str(project.relative_to(CORPUS.parent)) for project in MULTI_MODULE]
    flake8 = subprocess.run(
        [sys.executable, "-m", "flake8", "--select", "AFP", "--format", "%(path)s|%(row)d|%(col)d|%(code)s|%(text)s", *paths],
        capture_output=True, text=True, cwd=CORPUS.parent,
    )
    from_flake8 = sorted(tuple(line.split("|", 4)) for line in flake8.stdout.splitlines())
    command = subprocess.run(
        [sys.executable, "-m", "flake8_azure_face_policy", "check", "--format", "json", *paths],
        capture_output=True, text=True, cwd=CORPUS.parent,
    )
    from_command = sorted((item["path"], str(item["line"]), str(item["column"]), item["code"], f"{item['code']} {item['message']}") for item in json.loads(command.stdout)["findings"])
    assert from_flake8 and [row[:4] for row in from_flake8] == [row[:4] for row in from_command]
    assert [row[4] for row in from_flake8] == [row[4][len(row[3]) + 1 :] for row in from_command]


def test_evidence_from_another_module_names_that_file_everywhere(tmp_path):
    project = CORPUS / "mm_frontdesk_prompts"
    checkin = project / "frontdesk" / "checkin.py"
    (finding,) = analyse(checkin.read_text(encoding="utf-8"), str(checkin))
    assert "prompt frontdesk/prompts.py:4 'same person'" in finding.message
    document = json.loads(run_command(["check", "--format", "sarif", str(checkin)], cwd=CORPUS.parent))
    (result,) = document["runs"][0]["results"]
    related = [location for location in result["relatedLocations"] if "prompts.py" in location["message"]["text"]]
    assert related[0]["physicalLocation"]["artifactLocation"]["uri"] == "test_corpus/mm_frontdesk_prompts/frontdesk/prompts.py"
    assert related[0]["physicalLocation"]["region"] == {"startLine": 4}
    (item,) = json.loads(run_command(["check", "--format", "json", str(checkin)], cwd=CORPUS.parent))["findings"]
    assert {"kind": "prompt", "path": "frontdesk/prompts.py", "line": 4} in [{key: e[key] for key in ("kind", "path", "line")} for e in item["evidence"]]
    (call,) = json.loads(run_command(["inventory", "--format", "json", str(checkin)], cwd=CORPUS.parent))["calls"]
    assert "prompt frontdesk/prompts.py:4 'same person'" in call["evidence"]


def run_command(arguments: list[str], cwd: Path) -> str:
    return subprocess.run([sys.executable, "-m", "flake8_azure_face_policy", *arguments], capture_output=True, text=True, cwd=cwd).stdout


def test_only_the_modules_the_flow_reaches_are_parsed(tmp_path):
    files = {"pyproject.toml": "[project]\nname = 'big'\n", "app/__init__.py": "", "app/prompts.py": "WHO = 'Who is the person in this photo? Tell me their name.'\n"}
    files["app/parts.py"] = f"def photo(url):\n    return {IMAGE_PART}\n"
    for number in range(198):  # modules the call never reaches, some importing each other
        files[f"app/module_{number}.py"] = f"from app import module_{(number + 1) % 198}\nVALUE_{number} = 'who is this person'\n"
    files["app/identify.py"] = CLIENT + (
        "from app.prompts import WHO\nfrom app.parts import photo\nimport app.module_3\n"
        "def run(url):\n    return client.chat.completions.create(model='d', messages=[{'role': 'user', 'content': [{'type': 'text', 'text': WHO}, photo(url)]}])\n"
    )
    write(tmp_path, files)
    before = parsed_module_count()
    assert codes(tmp_path / "app" / "identify.py") == [(7, "AFP201")]
    assert parsed_module_count() - before == 2  # prompts.py and parts.py; module_3 is imported, never reached


def test_a_module_imported_by_fifty_files_is_parsed_once_per_process(tmp_path):
    files = {"pyproject.toml": "", "shop/__init__.py": "", "shop/prompts.py": "DESCRIBE = 'Describe the product in the photo.'\n"}
    for number in range(50):
        files[f"shop/page_{number}.py"] = CLIENT + (
            f"from shop.prompts import DESCRIBE\ndef run(url):\n    return client.chat.completions.create(model='d', messages=[{{'role': 'user', 'content': [{{'type': 'text', 'text': DESCRIBE}}, {IMAGE_PART}]}}])\n"
        )
    write(tmp_path, files)
    before = parsed_module_count()
    assert cli.main(["inventory", "--jobs", "1", "--format", "json", "--output", str(tmp_path / "out.json"), str(tmp_path / "shop")]) == 0
    calls = json.loads((tmp_path / "out.json").read_text())["calls"]
    assert len(calls) == 50 and {call["purpose"] for call in calls} == {"benign"}
    # prompts.py once, and each page once, being imported by nothing but read as the analysed file
    assert parsed_module_count() - before == 1


def test_only_the_names_a_file_imports_are_looked_up_as_wrappers(tmp_path):
    """A package re-exporting many clients costs a file only the ones it imports."""
    client = (
        "from openai import AzureOpenAI\n\nclass NAME:\n    def __init__(self):\n"
        "        self.api = AzureOpenAI(azure_endpoint='https://x.openai.azure.com', api_version='v')\n"
        "    def METHOD(self, prompt, url):\n"
        f"        return self.api.chat.completions.create(model='d', messages=[{{'role': 'user', 'content': [{{'type': 'text', 'text': prompt}}, {IMAGE_PART}]}}])\n"
    )
    files = {"pyproject.toml": "", "kit/__init__.py": "from kit.faces import FaceClient\nfrom kit.damage import DamageClient\n"}
    files["kit/faces.py"] = client.replace("NAME", "FaceClient").replace("METHOD", "who_is")
    files["kit/damage.py"] = client.replace("NAME", "DamageClient").replace("METHOD", "assess")
    files["app.py"] = "from kit import DamageClient\n\ndef check(url):\n    return DamageClient().assess('Describe the dent on the door.', url)\n"
    write(tmp_path, files)
    before = parsed_module_count()
    assert imported_wrapper_names(files["app.py"], str(tmp_path / "app.py")) == {"DamageClient", "assess"}
    assert parsed_module_count() - before == 2  # the package and damage.py; faces.py is never read
    assert [call.method for call in vision_calls(files["app.py"], str(tmp_path / "app.py"))] == ["DamageClient.assess -> chat.completions.create"]


def test_installed_packages_star_and_dynamic_imports_are_not_followed(tmp_path):
    site = tmp_path / "venv" / "site-packages"
    write(site, {"face_prompts.py": "WHO = 'Who is this person? Tell me their name.'\n"})
    write(tmp_path / "project", {
        "pyproject.toml": "",
        "star_source.py": "WHO = 'Who is this person? Tell me their name.'\n",
        "app.py": CLIENT + (
            "import importlib\nfrom face_prompts import WHO\nfrom star_source import *\n"
            "DYNAMIC = importlib.import_module('star_source').WHO\n"
            f"def a(url):\n    return client.chat.completions.create(model='d', messages=[{{'role': 'user', 'content': [{{'type': 'text', 'text': WHO}}, {IMAGE_PART}]}}])\n"
            f"def b(url):\n    return client.chat.completions.create(model='d', messages=[{{'role': 'user', 'content': [{{'type': 'text', 'text': DYNAMIC}}, {IMAGE_PART}]}}])\n"
        ),
    })
    app = tmp_path / "project" / "app.py"
    sys.path.insert(0, str(site))  # importable here, as an installed package is: still never read
    try:
        before = parsed_module_count()
        assert len(vision_calls(app.read_text(), str(app))) == 2
        assert analyse(app.read_text(), str(app)) == []
    finally:
        sys.path.remove(str(site))
    assert parsed_module_count() == before


def test_nothing_above_the_project_root_is_read(tmp_path):
    write(tmp_path, {"shared_prompts.py": "WHO = 'Who is this person? Tell me their name.'\n"})
    write(tmp_path / "inner", {
        "pyproject.toml": "",
        "app.py": CLIENT + f"from shared_prompts import WHO\ndef a(url):\n    return client.chat.completions.create(model='d', messages=[{{'role': 'user', 'content': [{{'type': 'text', 'text': WHO}}, {IMAGE_PART}]}}])\n",
    })
    assert codes(tmp_path / "inner" / "app.py") == []


def test_the_editor_buffer_is_the_analysed_file_and_other_modules_come_from_disk(tmp_path):
    write(tmp_path, {
        "pyproject.toml": "",
        "prompts.py": "WHO = 'Who is this person? Tell me their name.'\n",
        "app.py": CLIENT + "def a(url):\n    pass\n",  # on disk: no call yet
    })
    buffer = CLIENT + f"from prompts import WHO\ndef a(url):\n    return client.chat.completions.create(model='d', messages=[{{'role': 'user', 'content': [{{'type': 'text', 'text': WHO}}, {IMAGE_PART}]}}])\n"
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--select", "AFP", "--stdin-display-name", "app.py", "-"],
        input=buffer, capture_output=True, text=True, cwd=tmp_path,
    )
    assert "app.py:5:12: AFP201" in result.stdout and "prompt prompts.py:1 'Who is this'" in result.stdout


def test_a_wrapper_in_the_same_module_is_a_client():
    source = CLIENT + textwrap.dedent(
        f"""
        def ask(question, url):
            return client.chat.completions.create(model='d', messages=[{{'role': 'user', 'content': [{{'type': 'text', 'text': question}}, {IMAGE_PART}]}}])

        def ask_twice(question, url):
            return ask(question, url)

        def claim():
            return ask('Describe the damage to the car.', 'https://example/car.jpg')

        def visitor():
            return ask_twice('Who is the person in the photo? Tell me their name.', 'https://example/p.jpg')

        def nothing_given():
            return ask_twice()
        """
    )
    calls = {call.line: call for call in vision_calls(source)}
    assert sorted(calls) == [5, 8, 11, 14]  # the request builds its image part itself, so it is a vision call too
    assert calls[14].method == "ask_twice -> chat.completions.create"
    assert [finding.line for finding in analyse(source)] == [14]


def test_a_wrapper_whose_parameter_is_the_messages_is_reported_only_at_its_callers():
    source = CLIENT + textwrap.dedent(
        f"""
        class Chat:
            def send(self, messages):
                return client.chat.completions.create(model='d', messages=messages)

        def handle(url):
            chat = Chat()
            return chat.send([{{'role': 'user', 'content': [{{'type': 'text', 'text': 'Who is this? Give the name.'}}, {IMAGE_PART}]}}])
        """
    )
    assert [(call.line, call.method) for call in vision_calls(source)] == [(10, "Chat.send -> chat.completions.create")]
    assert [finding.code for finding in analyse(source)] == ["AFP201"]


def test_a_same_module_helper_brings_its_words_at_function_level_and_what_it_gives_at_call_level():
    source = CLIENT + textwrap.dedent(
        f"""
        def photo(url):
            \"\"\"Guests sometimes ask who is in a picture; each call's prompt decides.\"\"\"
            # identify the person from their face: removed from this helper long ago
            whose_face_part = {IMAGE_PART}
            return whose_face_part

        def identity_prompt():
            return 'Who is the person in this photo? Tell me their name.'

        def describe(url):
            return client.chat.completions.create(model='d', messages=[{{'role': 'user', 'content': [{{'type': 'text', 'text': 'Describe the room.'}}, photo(url)]}}])

        def name(url):
            return client.chat.completions.create(model='d', messages=[{{'role': 'user', 'content': [{{'type': 'text', 'text': identity_prompt()}}, photo(url)]}}])
        """
    )
    describe, name = vision_calls(source)
    helper_words = {(s.evidence.kind, s.evidence.level) for s in describe.signals if s.evidence.line in (5, 6, 7)}
    assert helper_words and {level for _, level in helper_words} == {Level.FUNCTION}
    assert {kind for kind, _ in helper_words} >= {"docstring", "comment"}
    assert Level.CALL in [s.evidence.level for s in name.signals if s.role == "purpose" and s.evidence.line == 11]  # the prompt it returns
    assert [finding.line for finding in analyse(source)] == [name.line]


def test_a_wrapper_stating_identity_is_decided_at_its_callers_here_once_per_image():
    source = CLIENT + textwrap.dedent(
        f"""
        def who_is(url):
            return client.chat.completions.create(model='d', messages=[{{'role': 'user', 'content': [{{'type': 'text', 'text': 'Who is this? Tell me their name.'}}, {IMAGE_PART}]}}])

        def who_is_logged(url):
            print('asking')
            return who_is(url)

        def front_door():
            return who_is_logged('https://example/door.jpg')
        """
    )
    calls = {call.line: call for call in vision_calls(source)}
    assert sorted(calls) == [5, 9, 12]
    assert calls[5].image_from_callers == "who_is" and calls[9].image_from_callers == "who_is_logged" and not calls[12].image_from_callers
    assert [finding.line for finding in analyse(source)] == [12]
    entry = inventory_entry(calls[5], "app.py")
    assert entry.rules == () and entry.why_no_rule == "the image is given by the callers of who_is, each decided at its call"


def test_a_wrapper_that_reads_its_own_image_or_that_a_framework_calls_is_decided_at_its_request():
    request = f"client.chat.completions.create(model='d', messages=[{{'role': 'user', 'content': [{{'type': 'text', 'text': 'Who is this? Tell me their name.'}}, {IMAGE_PART}]}}])"
    source = CLIENT + textwrap.dedent(
        f"""
        import gradio as gr
        from fastapi import FastAPI
        app = FastAPI()

        def upload(request):
            url = request.files['photo'].read()
            return {request}

        @app.post('/identify')
        def route(url):
            return {request}

        def callback(url):
            return {request}

        def unused(url):
            return {request}

        upload(kiosk_request)
        route('https://example/a.jpg')
        callback('https://example/b.jpg')
        gr.Interface(fn=callback, inputs='image', outputs='text')
        """
    )
    by_line = {call.line: call for call in vision_calls(source)}
    own = [line for line, call in by_line.items() if call.method == "chat.completions.create"]
    assert len(own) == 4 and not any(by_line[line].image_from_callers for line in own)
    assert set(own) <= {finding.line for finding in analyse(source)}


def test_self_methods_and_attributes_come_from_project_base_classes_in_resolution_order(tmp_path):
    write(tmp_path, {
        "pyproject.toml": "",
        "app/__init__.py": "",
        "app/base.py": CLIENT.replace("client = ", "shared = ") + textwrap.dedent(
            f"""
            class Base:
                def __init__(self):
                    self.client = shared

                def ask(self, question, url):
                    return self.client.chat.completions.create(model='d', messages=[{{'role': 'user', 'content': [{{'type': 'text', 'text': question}}, {IMAGE_PART}]}}])

            class Polite(Base):
                def ask(self, question, url):
                    return 'no'
            """
        ),
        "app/service.py": textwrap.dedent(
            """
            from app.base import Base, Polite
            from app import base as base_module

            class Left(Base):
                pass

            class Right(Polite):
                pass

            class Diamond(Left, Right):  # C3: Diamond, Left, Right, Polite, Base: Polite's ask, which sends nothing
                pass

            class Mixed(Left, base_module.Base):
                def identify(self, url):
                    return self.ask('Who is this? Tell me their name.', url)

            def through_diamond(url):
                return Diamond().ask('Who is this? Tell me their name.', url)

            def through_left(url):
                return Left().ask('Who is this? Tell me their name.', url)
            """
        ),
    })
    service = tmp_path / "app" / "service.py"
    assert codes(service) == [(16, "AFP201"), (22, "AFP201")]


def test_a_cycle_of_base_classes_across_modules_ends(tmp_path):
    write(tmp_path, {
        "pyproject.toml": "",
        "a.py": "from b import B\nclass A(B):\n    pass\n",
        "b.py": "from a import A\nclass B(A):\n    def ask(self, question, url):\n        return send(question, url)\n",
        "app.py": CLIENT + f"from a import A\nclass C(A):\n    def run(self, url):\n        return client.chat.completions.create(model='d', messages=[{{'role': 'user', 'content': [{{'type': 'text', 'text': 'Describe it.'}}, {IMAGE_PART}]}}])\n",
    })
    (call,) = vision_calls((tmp_path / "app.py").read_text(), str(tmp_path / "app.py"))
    assert call.media == frozenset({"image"})


def test_import_cycles_end(tmp_path):
    write(tmp_path, {
        "pyproject.toml": "",
        "a.py": "from b import B\nA = B + ' a'\n",
        "b.py": "from a import A\nB = A + ' b'\n",
        "app.py": CLIENT + f"from a import A\ndef run(url):\n    return client.chat.completions.create(model='d', messages=[{{'role': 'user', 'content': [{{'type': 'text', 'text': A}}, {IMAGE_PART}]}}])\n",
    })
    (call,) = vision_calls((tmp_path / "app.py").read_text(), str(tmp_path / "app.py"))
    assert call.media == frozenset({"image"})


def test_an_unreadable_or_broken_module_is_not_followed(tmp_path):
    write(tmp_path, {
        "pyproject.toml": "",
        "broken.py": "WHO = (\n",
        "app.py": CLIENT + f"from broken import WHO\ndef run(url):\n    return client.chat.completions.create(model='d', messages=[{{'role': 'user', 'content': [{{'type': 'text', 'text': WHO}}, {IMAGE_PART}]}}])\n",
    })
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        (tmp_path / "broken.py").chmod(0)
    assert [finding.code for finding in analyse((tmp_path / "app.py").read_text(), str(tmp_path / "app.py"))] == []


def test_a_shared_package_beside_a_service_folder_is_found(tmp_path):
    # services/describer/src/app.py imports `common...`, which a deployment puts beside it on the path
    write(tmp_path, {
        "pyproject.toml": "",
        "services/common/prompts.py": "WHO = 'Who is this person? Tell me their name.'\n",
        "services/describer/src/app.py": CLIENT + f"from common.prompts import WHO\ndef a(url):\n    return client.chat.completions.create(model='d', messages=[{{'role': 'user', 'content': [{{'type': 'text', 'text': WHO}}, {IMAGE_PART}]}}])\n",
    })
    assert codes(tmp_path / "services" / "describer" / "src" / "app.py") == [(5, "AFP201")]


def test_installed_code_inside_the_project_resolves_nothing(tmp_path):
    site = "venv/lib/python3.11/site-packages"
    write(tmp_path, {
        "pyproject.toml": "",
        f"{site}/prompts.py": "WHO = 'Who is this person? Tell me their name.'\n",
        f"{site}/tool.py": CLIENT + f"from prompts import WHO\ndef a(url):\n    return client.chat.completions.create(model='d', messages=[{{'role': 'user', 'content': [{{'type': 'text', 'text': WHO}}, {IMAGE_PART}]}}])\n",
    })
    before = parsed_module_count()
    assert codes(tmp_path / site / "tool.py") == []
    assert parsed_module_count() == before


def test_an_installed_package_linted_in_place_reads_none_of_its_own_modules(tmp_path):
    # flake8 run over site-packages: a package with no root marker is its own root, and its relative
    # imports would otherwise be followed into every module it imports
    package = "lib/python3.11/site-packages/vendor_sdk"
    write(tmp_path, {
        f"{package}/__init__.py": "",
        f"{package}/transport.py": CLIENT + "def ask(parts):\n    return client.chat.completions.create(model='d', messages=[{'role': 'user', 'content': parts}])\n",
        f"{package}/faces.py": f"from .transport import ask\ndef who(url):\n    return ask([{{'type': 'text', 'text': 'Who is this person?'}}, {IMAGE_PART}])\n",
    })
    faces = tmp_path / package / "faces.py"
    before = parsed_module_count()
    assert not imports_may_send(faces.read_text(encoding="utf-8"), str(faces))
    assert codes(faces) == []
    assert parsed_module_count() == before
