"""Recognising vision calls and their provider on snippets (VALID: is a vision call; INVALID: is not)."""

from __future__ import annotations

import ast
import textwrap

import pytest

from flake8_azure_face_policy.calls.dataflow import FlowFollower
from flake8_azure_face_policy.source.project_index import ProjectIndex
from flake8_azure_face_policy.calls.providers import endpoint_text
from flake8_azure_face_policy.engine import vision_calls
from flake8_azure_face_policy.source.index import build_index
from flake8_azure_face_policy.source.syntax import source_lines
from flake8_azure_face_policy.model import Level

HEADER = "from openai import AzureOpenAI, OpenAI\nclient = AzureOpenAI(api_version='2024-10-21')\n"
IMAGE = '{"type": "image_url", "image_url": {"url": u}}'

VISION_CALLS = {
    "inline part": f"client.chat.completions.create(model='d', messages=[{{'role': 'user', 'content': [{IMAGE}]}}])",
    "appended part": f"c = []\nc.append({IMAGE})\nclient.chat.completions.create(model='d', messages=[{{'role': 'user', 'content': c}}])",
    "subscript update": f"m = {{'role': 'user'}}\nm['content'] = [{IMAGE}]\nclient.chat.completions.create(model='d', messages=[m])",
    "data url f-string": "client.responses.create(model='d', input=[{'role': 'user', 'content': f'data:image/png;base64,{b}'}])",
    "typed param": "from openai.types.chat import ChatCompletionContentPartImageParam as P\nclient.chat.completions.create(model='d', messages=[{'role': 'user', 'content': [P(type='image_url', image_url={'url': u})]}])",
    "dict() call": "client.chat.completions.create(model='d', messages=[{'role': 'user', 'content': [dict(type='input_image', image_url=u)]}])",
    "audio part": "client.chat.completions.create(model='d', messages=[{'role': 'user', 'content': [{'type': 'input_audio', 'input_audio': {'data': b}}]}])",
    "walrus": f"client.chat.completions.create(model='d', messages=(m := [{{'role': 'user', 'content': [{IMAGE}]}}]))",
}
NOT_VISION_CALLS = {
    "text only": "client.chat.completions.create(model='d', messages=[{'role': 'user', 'content': 'who is this?'}])",
    "not a request method": f"client.embeddings.create(model='d', input=[{IMAGE}])",
    "image in the client, not the request": f"client.chat.completions.create(model='d', messages=[])\nx = {IMAGE}",
    "openai.com base_url": f"c2 = OpenAI(base_url='https://api.openai.com/v1')\nc2.chat.completions.create(model='d', messages=[{{'role': 'user', 'content': [{IMAGE}]}}])",
    "localhost base_url via constant": f"URL = 'http://localhost:11434/v1'\nc2 = OpenAI(base_url=URL)\nc2.chat.completions.create(model='d', messages=[{{'role': 'user', 'content': [{IMAGE}]}}])",
}


@pytest.mark.parametrize("code", VISION_CALLS.values(), ids=VISION_CALLS.keys())
def test_vision_call_found(code):
    calls = vision_calls(HEADER + textwrap.dedent(code))
    assert len(calls) == 1
    assert calls[0].family == "openai"


@pytest.mark.parametrize("code", NOT_VISION_CALLS.values(), ids=NOT_VISION_CALLS.keys())
def test_no_vision_call(code):
    assert vision_calls(HEADER + textwrap.dedent(code)) == []


@pytest.mark.parametrize(
    ("client", "status"),
    [
        ("AzureOpenAI(api_version='v')", "azure"),
        ("OpenAI(base_url='https://r.openai.azure.com/openai/v1/')", "azure"),
        ("OpenAI(base_url=f'https://{name}.cognitiveservices.azure.com/openai/v1')", "azure"),
        ("OpenAI(base_url=os.environ['AZURE_OPENAI_ENDPOINT'] + '/openai/v1')", "azure"),
        ("OpenAI(base_url='https://gw.example', default_headers={'api-key': k})", "azure"),
        ("OpenAI()", "unknown"),
        ("make()", "unknown"),
    ],
)
def test_provider_of_client(client, status):
    code = f"import os\nfrom openai import AzureOpenAI, OpenAI\nc = {client}\nc.chat.completions.create(model='d', messages=[{{'role': 'user', 'content': [{IMAGE}]}}])\n"
    (call,) = vision_calls(code)
    assert call.provider.status == status


def test_call_position_is_the_sending_call():
    code = HEADER + "async def f():\n    r = await client.chat.completions.create(\n        model='d',\n        messages=[{'role': 'user', 'content': [" + IMAGE + "]}])\n"
    (call,) = vision_calls(code)
    assert (call.line, call.column) == (4, 14)


def test_files_without_client_names_are_not_parsed(monkeypatch):
    import flake8_azure_face_policy.engine as engine

    def fail(source):
        raise AssertionError("parsed a file the prefilter should have skipped")

    monkeypatch.setattr(engine, "parse", fail)
    assert engine.vision_calls("import os\nprint('hello')\n") == []


def test_a_client_passed_in_is_found_without_the_word_openai():
    code = "def ask(client, u):\n    return client.chat.completions.create(model='d', messages=[{'role': 'user', 'content': [{'type': 'image_url', 'image_url': {'url': u}}]}])\n"
    (call,) = vision_calls(code)
    assert call.provider.status == "unknown"


def test_comments_inside_arguments_are_call_level_evidence_a_helpers_function_level():
    code = HEADER + textwrap.dedent(
        f"""
        def instructions():
            # identify the person against the watchlist
            return "Answer briefly."

        def ask(u):
            return client.chat.completions.create(model='d', messages=[
                # who is in the frame
                {{'role': 'user', 'content': [instructions(), {IMAGE}]}},
            ])

        def unrelated():
            # identify the person: a comment of another function is not this call's evidence
            return 1
        """
    )
    (call,) = vision_calls(code)
    comments = {(s.evidence.line, s.evidence.level) for s in call.signals if s.evidence.kind == "comment"}
    assert comments == {(5, Level.FUNCTION), (10, Level.CALL), (10, Level.FUNCTION)}


def _endpoint_of(code: str) -> str | None:
    """The text endpoint_text gives for the value bound to `url` in the snippet's module."""
    source = textwrap.dedent(code)
    tree = ast.parse(source)
    index = build_index(tree, source_lines(source), tree.body, frozenset(), frozenset())
    return endpoint_text(ast.Name("url"), index.module_scope, index)


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("cfg = {'endpoint': 'https://r.openai.azure.com', 'dep': 'gpt'}\nurl = '{endpoint}/openai/deployments/{dep}/chat'.format(**cfg)", "https://r.openai.azure.com/openai/deployments/gpt/chat"),
        ("url = '{}/openai/deployments/{}/chat'.format(HOST, 'gpt')", "{}/openai/deployments/gpt/chat"),
        ("url = '{0}/x/{1}'.format('h', 'd')", "h/x/d"),
        ("import os\nurl = '%s/openai/deployments/%s' % (os.environ['AZURE_OPENAI_ENDPOINT'], 'gpt')", "${AZURE_OPENAI_ENDPOINT}/openai/deployments/gpt"),
        ("url = '%(host)s/chat' % {'host': 'https://h'}", "https://h/chat"),
        ("from string import Template\nurl = Template('${host}/openai/deployments/$dep/chat').substitute(host='https://h', dep='gpt')", "https://h/openai/deployments/gpt/chat"),
        ("from string import Template\nurl = Template('${host}/chat').safe_substitute(conf)", "{}/chat"),
        ("import os\nbase = os.environ['AZURE_OPENAI_ENDPOINT'].rstrip('/')\nurl = f'{base}/openai/v1'", "${AZURE_OPENAI_ENDPOINT}/openai/v1"),
        # the variable's value ends in "/": the path still starts after a boundary
        ("import os\nbase = os.environ.get('VISION_ENDPOINT')\nurl = f'{base}openai/deployments/{dep}/chat'", "${VISION_ENDPOINT}openai/deployments/{}/chat"),
        ("cfg = {'endpoint': 'https://h'}\nurl = f\"{cfg['endpoint']}/chat/{dep}\"", "https://h/chat/{}"),
        ("url = 'a {b'.format(x)", "a {b"),
    ],
)
def test_endpoint_templates_are_filled_from_what_the_module_shows(code, text):
    assert _endpoint_of(code) == text


MEDIA_TYPED = "from agent_framework import Content, Message, DataContent\nfrom pydantic_ai import BinaryContent\n"


@pytest.mark.parametrize(
    ("part", "media"),
    [
        ("Content.from_data(data=b, media_type='image/png')", {"image"}),
        ("Content.from_data(b, 'audio/wav')", {"audio"}),
        ("Content.from_uri(u, media_type=MIME)", {"image"}),
        ("Content.from_uri(u, media_type=kind)", {"image"}),  # not shown: counted as an image
        ("Content.from_data(data=b, media_type='application/pdf')", set()),
        ("Content.from_text('hello')", set()),
        ("DataContent(data=b, media_type='video/mp4')", {"image"}),
        ("BinaryContent(data=b, media_type='application/pdf')", set()),
        ("BinaryContent.from_path(p)", {"image"}),
    ],
)
def test_media_typed_parts_count_by_their_media_type(part, media):
    source = MEDIA_TYPED + f"MIME = 'image/jpeg'\nmsg = Message(role='user', contents=[{part}])\n"
    tree = ast.parse(source)
    index = build_index(tree, source_lines(source), tree.body, frozenset(), frozenset())
    flow = FlowFollower(ProjectIndex(index, None, frozenset(), frozenset())).follow([(ast.Name("msg", lineno=99), index.module_scope, "prompt")])
    assert set(flow.media) == media


@pytest.mark.parametrize(
    ("table", "reference", "read"),
    [
        ("PROMPTS = {'describe': 'Describe the scene.', 'who': 'Tell me who this is.'}", "PROMPTS['describe']", {"benign"}),
        # a key not known, a table changed after it is written, or one built from another: any entry may be sent
        ("PROMPTS = {'describe': 'Describe the scene.', 'who': 'Tell me who this is.'}", "PROMPTS[mode]", {"benign", "identity"}),
        (
            "PROMPTS = {'describe': 'Describe the scene.'}\nPROMPTS['describe'] = 'Tell me who this is.'",
            "PROMPTS['describe']",
            {"benign", "identity"},
        ),
        ("BASE = {'who': 'Tell me who this is.'}\nPROMPTS = {**BASE, 'describe': 'Describe the scene.'}", "PROMPTS['describe']", {"benign", "identity"}),
    ],
)
def test_a_constant_key_of_a_dict_literal_sends_only_its_entry(table, reference, read):
    code = HEADER + table + textwrap.dedent(
        f"""

        def ask(u, mode):
            return client.chat.completions.create(model='d', messages=[{{'role': 'user', 'content': [{reference}, {IMAGE}]}}])
        """
    )
    (call,) = vision_calls(code)
    assert {s.name for s in call.signals if s.role == "purpose" and s.evidence.kind == "prompt"} == read


def test_a_module_text_is_indexed_only_once_an_owner_is_asked_for_it():
    """Most modules indexed hold no vision call (a file's own, or one its calls reach): what their code
    says is indexed only when evidence is read from them, as the whole module's first pass would."""
    source = 'PLATE = "Read the plate."\n\ndef describe(photo):\n    """Identify the driver."""\n    question = "who is this"\n    return question\n'
    tree = ast.parse(source)
    index = build_index(tree, source_lines(source), tree.body, frozenset({"create"}), frozenset())
    function = index.owners[1]
    assert function.texts == [] and index.module_owner.texts == []
    assert [(item.kind, item.text) for item in function.items] == [
        ("docstring", "Identify the driver."), ("string", "who is this"), ("name", "describe"), ("name", "photo"), ("name", "question"),
    ]
    assert ("string", "Read the plate.") in [(item.kind, item.text) for item in index.module_owner.texts]  # read once, for every owner
