"""The engine never raises: failures become one AFP900 finding; messages are one safe line."""

from __future__ import annotations

from flake8_azure_face_policy import engine
from flake8_azure_face_policy.report.messages import snippet
from flake8_azure_face_policy.model import Settings

POLICE_CALL = '''"""Springfield police."""
from openai import AzureOpenAI
client = AzureOpenAI(api_version="2024-10-21")
client.chat.completions.create(model="d", messages=[{"role": "user", "content": [
    {"type": "text", "text": "Identify the person."},
    {"type": "image_url", "image_url": {"url": u}}]}])
'''


def test_findings_carry_code_position_and_evidence():
    codes = [(f.code, f.line, f.column) for f in engine.analyse(POLICE_CALL)]
    assert codes == [("AFP101", 4, 0)]
    (finding,) = engine.analyse(POLICE_CALL)
    assert "[evidence: prompt L5 'Identify the person', docstring L1 'police', docstring L1 'Springfield', client L3 'AzureOpenAI']" in finding.message


def test_declared_context_and_jurisdiction_are_evidence():
    source = POLICE_CALL.replace("Springfield police.", "Field tools.")
    assert [f.code for f in engine.analyse(source)] == ["AFP201"]
    declared = Settings(context="Built for a police department", jurisdictions=("US",))
    (finding,) = engine.analyse(source, None, declared)
    assert finding.code == "AFP101"
    assert "flake8 afp-context 'police'" in finding.message and "flake8 afp-jurisdiction 'US'" in finding.message


def test_unparsable_source_gives_afp900():
    (finding,) = engine.analyse("import openai\ndef broken(:\n")
    assert finding.code == "AFP900" and finding.line == 1
    assert "could not parse" in finding.message


def test_internal_error_gives_afp900_not_an_exception(monkeypatch):
    def explode(*args, **kwargs):
        raise KeyError("boom")

    monkeypatch.setattr(engine, "build_index", explode)
    (finding,) = engine.analyse(POLICE_CALL)
    assert finding.code == "AFP900" and "internal error KeyError" in finding.message


def test_nesting_cpython_rejects_is_afp900():
    (finding,) = engine.analyse("import openai\nx = " + "(" * 3000 + "1" + ")" * 3000 + "\n")
    assert finding.code == "AFP900" and "Python could not parse it" in finding.message


def test_deep_chains_cpython_accepts_are_analysed():
    # every walk over the tree is iterative, so what `ast` builds is analysed whatever its depth
    source = POLICE_CALL.replace('model="d"', "model=y" + ".a" * 1500 + "".join(f" + b{n}" for n in range(900)))
    assert [finding.code for finding in engine.analyse(source)] == ["AFP101"]


def test_files_without_a_request_call_are_not_indexed(monkeypatch):
    monkeypatch.setattr(engine, "build_index", lambda *args: (_ for _ in ()).throw(AssertionError("indexed")))
    assert engine.analyse("import openai\nopenai.api_key = 'x'\nprint(openai.__version__)\n") == []


def test_snippets_cannot_forge_output_lines():
    assert snippet("who\nis\x1b[31m this") == "who is\\x1b[31m this"
    assert len(snippet("x" * 500)) <= 48


def test_module_evidence_is_built_once_per_file_not_per_call(monkeypatch):
    from flake8_azure_face_policy.context.evidence import EvidenceReader

    constants = "".join(f'NOTE_{n} = "note number {n} about the lobby camera"\n' for n in range(300))
    calls = "".join(
        f"def ask_{n}(u):\n    return client.chat.completions.create(model='d', messages=[{{'role': 'user', 'content': "
        f"[{{'type': 'text', 'text': 'Who is this?'}}, {{'type': 'image_url', 'image_url': {{'url': u}}}}]}}])\n"
        for n in range(100)
    )
    source = "from openai import AzureOpenAI\nclient = AzureOpenAI(api_version='v')\n" + constants + calls
    scanned = []
    original = EvidenceReader.signals
    monkeypatch.setattr(EvidenceReader, "signals", lambda self, items, level, *rest: scanned.append(len(items)) or original(self, items, level, *rest))
    assert len(engine.analyse(source)) == 100
    assert sum(scanned) < 2 * (300 + 100 * 40)  # module items counted once, not once per call


def test_columns_count_characters_not_utf8_bytes():
    # `ast` counts columns in UTF-8 bytes; flake8 and editors count characters
    source = POLICE_CALL.replace("client.chat.completions.create(", "réponse_é = client.chat.completions.create(")
    assert [(f.code, f.line, f.column) for f in engine.analyse(source)] == [("AFP101", 4, 12)]  # 14 in bytes
