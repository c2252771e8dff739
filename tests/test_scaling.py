"""Work grows linearly with the input, and a file that would need more stops with AFP900.

Each pathological input is built at a size and at twice that size; the work counters of the file's
budget (characters scanned, nodes visited, signals gathered: counted, never timed) may at most
double, with a little slack for fixed costs. What is still superlinear (a chain of lists each built
from the one before, each sent) is cut by the file's budget, which is linear in the file's size.
"""

from __future__ import annotations

import os

import pytest

from flake8_azure_face_policy.budget import WorkBudget, WorkBudgetExceeded
from flake8_azure_face_policy.context.config_files import MAX_NODES, ConfigFile, read_config_file
from flake8_azure_face_policy.context.project import MAX_PROJECT_BYTES, MAX_PROJECT_NODES, project_context
from flake8_azure_face_policy.engine import analyse, failure, failure_reason, vision_calls
from flake8_azure_face_policy.model import Level

HEAD = "from openai import AzureOpenAI\nclient = AzureOpenAI(api_version='v')\n"
IMAGE = "{'type': 'image_url', 'image_url': {'url': u}}"


def send(text: str) -> str:
    return f"client.chat.completions.create(model='d', messages=[{{'role': 'user', 'content': [{{'type': 'text', 'text': {text}}}, {IMAGE}]}}])\n"


PATHOLOGICAL = {
    # 6: one long clause full of matches (each match used to re-split the text from its start)
    "repeated_words": lambda n: HEAD + f"PROMPT = '{'police ' * (20 * n)}'\n" + send("PROMPT"),
    # 6: an implicit concatenation of thousands of lines
    "implicit_concatenation": lambda n: HEAD + "PROMPT = (\n" + "".join(f"    'identify the police suspect {i} '\n" for i in range(n)) + ")\n" + send("PROMPT"),
    # 8: thousands of calls in one function (each call copied and sorted all the function's signals)
    "calls_in_one_function": lambda n: HEAD + "def patrol(u):\n    '''Springfield police.'''\n" + "".join("    " + send(f"'Identify the suspect {i}'") for i in range(n)),
    # 8: calls nested in functions nested in functions
    "nested_functions": lambda n: HEAD + "".join("    " * i + f"def level_{i}(u):\n" + "    " * (i + 1) + send(f"'police suspect {i}'") for i in range(n)),
    # 7: a line of many strings holding `#`
    "hash_strings": lambda n: HEAD + "COLOURS = [" + ", ".join(f"'#{i:06x}'" for i in range(n)) + "]\n" + send("'Identify the suspect'"),
}


def work(source: str) -> int:
    budget = WorkBudget(10**12)
    vision_calls(source, None, budget=budget)
    return budget.total


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_work_at_most_doubles_when_the_input_doubles(name):
    build = PATHOLOGICAL[name]
    sizes = (20, 40, 80) if name == "nested_functions" else (250, 500, 1000)  # Python nests at most 100 blocks
    spent = [work(build(n)) for n in sizes]
    assert spent[0] > 0
    for smaller, larger in zip(spent, spent[1:]):
        assert larger <= 2.2 * smaller, (name, spent)


def appends_and_sends(n: int) -> str:
    """9: n appends to one list, sent n times: the appends are walked once, not once per send."""
    parts = "".join(f"messages.append({{'role': 'user', 'content': [{{'type': 'text', 'text': 'part {i}'}}, {IMAGE}]}})\n" for i in range(n))
    return HEAD + "messages = []\n" + parts + "client.chat.completions.create(model='d', messages=messages)\n" * n


PATHOLOGICAL["appends_and_sends"] = appends_and_sends


def test_many_sends_of_a_long_list_are_analysed_in_full():
    source = appends_and_sends(400)  # walking the appends once per send needed about 25 million units
    budget = WorkBudget.for_source(source)
    calls = vision_calls(source, None, budget=budget)
    assert len(calls) == 400 and all(call.media == {"image"} for call in calls)
    assert budget.spent["data flow"] < 100_000  # 400 appends walked once, 400 reuses
    assert [finding.code for finding in analyse(source)] == []  # no AFP900


def calls_of_a_wrapper_sending_a_catalogue_twice(calls: int, alias: bool) -> str:
    """A wrapper sends a large dict and (with `alias`) a list holding it beside its prompt, once per call."""
    entries = ", ".join(f"'field_{i}': record.get('field_{i}')" for i in range(150))
    return HEAD + (
        "def send(prompt, record, u):\n"
        f"    catalogue = {{{entries}}}\n"
        f"    request = {'[catalogue, prompt]' if alias else '[prompt]'}\n"
        "    return client.chat.completions.create(model='d', messages=[{'role': 'user', 'content': ["
        f"{{'type': 'text', 'text': str(catalogue)}}, {{'type': 'text', 'text': str(request)}}, {IMAGE}]}}])\n"
    ) + "".join(f"send('Describe item {i}.', {{'id': {i}}}, 'https://x/{i}.png')\n" for i in range(calls))


def test_a_reference_a_walk_could_not_reuse_is_not_followed_alone_again():
    """`request` holds the catalogue the walk has already met, so its flow followed alone cannot be
    reused; each call's walk (a different frame each time) followed it alone again for nothing."""
    spent = {}
    for alias in (True, False):
        budget = WorkBudget(10**12)
        assert len(vision_calls(calls_of_a_wrapper_sending_a_catalogue_twice(40, alias), None, budget=budget)) == 41
        spent[alias] = budget.spent["data flow"]
    assert spent[True] < 1.1 * spent[False], spent  # about twice before


def sends_of_one_history(sends: int) -> str:
    """One conversation built by appends (purpose words, comments), sent several times and extended once."""
    return HEAD + (
        "u = 'data:image/png;base64,AAAA'\n"
        "messages = [{'role': 'system', 'content': 'You are a camera assistant.'}]  # for the Springfield police\n"
        "messages.append({'role': 'user', 'content': [{'type': 'text', 'text': 'Who is this person?'}, {'type': 'image_url', 'image_url': {'url': u}}]})\n"
        "# not a face search: describe the scene\n"
        "messages.append({'role': 'user', 'content': 'Describe the scene.'})\n"
    ) + "client.chat.completions.create(model='vision', messages=messages)\n" * sends + "client.chat.completions.create(model='vision', messages=[*messages, {'role': 'user', 'content': 'again'}])\n"


def test_each_send_of_a_reused_flow_has_the_evidence_of_a_single_send():
    alone = vision_calls(sends_of_one_history(1))
    many = vision_calls(sends_of_one_history(5))
    assert len(alone) == 2 and len(many) == 6
    for calls in (alone, many):
        sends, extended = calls[:-1], calls[-1]
        for call in sends:  # what each send carries is the history's, with its lines and closeness
            assert (call.signals, call.media, call.deployment, call.sources) == (alone[0].signals, alone[0].media, alone[0].deployment, alone[0].sources)
        assert set(alone[0].signals) <= set(extended.signals)  # the extended history carries all of it
    evidence = {(signal.name, signal.evidence.kind, signal.evidence.line, signal.evidence.text, signal.evidence.level) for signal in alone[0].signals}
    assert ("identity", "prompt", 5, "Who is this person", Level.CALL) in evidence  # the append's line
    assert ("law_enforcement", "comment", 4, "police", Level.CALL) in evidence  # the assignment's comment
    findings = [analyse(sends_of_one_history(sends)) for sends in (1, 5)]
    assert [(finding.code, finding.message) for finding in findings[1][:5]] == [(findings[0][0].code, findings[0][0].message)] * 5


def chained_sends(n: int) -> str:
    """Each list built from the one before and sent: every send walks the whole chain below it."""
    steps = "".join(f"step_{i} = step_{i - 1} + [{{'role': 'user', 'content': 'part {i}'}}]\nclient.chat.completions.create(model='d', messages=step_{i})\n" for i in range(1, n))
    return HEAD + f"u = 'x'\nstep_0 = [{{'role': 'user', 'content': [{IMAGE}]}}]\n" + steps


def test_superlinear_data_flow_is_cut_by_the_file_budget():
    assert len(vision_calls(chained_sends(20))) == 19  # small: analysed in full
    source = chained_sends(400)
    budget = WorkBudget.for_source(source)
    with pytest.raises(WorkBudgetExceeded) as stopped:
        vision_calls(source, None, budget=budget)
    assert budget.limit < budget.total <= budget.limit + 200_000  # stopped at the first charge past it
    assert budget.spent["data flow"] > budget.spent["vocabulary"]
    finding = failure(failure_reason(stopped.value))
    assert finding.code == "AFP900" and "more analysis work than its budget" in finding.message and "data flow" in finding.message


def test_budget_is_linear_in_the_file_and_far_above_real_needs():
    small, large = WorkBudget.for_source("x" * 1000), WorkBudget.for_source("x" * 2000)
    assert large.limit - small.limit == small.limit - WorkBudget.for_source("").limit


# 10: configuration bombs are bounded in nodes per file and in files, bytes and entries per project


def alias_bomb(leaf: str, depth: int) -> str:
    lines = [f"a0: &a0 [{', '.join([leaf] * 9)}]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, depth)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("leaf", ["null", "police", "!!pairs [a: police, b: null]", "[]", "{}"])
def test_yaml_alias_bombs_walk_a_bounded_number_of_nodes(tmp_path, leaf):
    text = alias_bomb(leaf, 10)
    assert len(text) < 1024  # 9^10 leaves
    (tmp_path / "config.yaml").write_text(text)
    result = read_config_file(tmp_path / "config.yaml", tmp_path)
    assert isinstance(result, ConfigFile)
    assert f"more than {MAX_NODES} nodes" in result.unread or (len(result.entries) == 5000 and "entries" in result.unread)
    (tmp_path / "setup.cfg").write_text("")
    context = project_context(tmp_path / "app.py")  # and what was left unread is listed
    assert [item.reason for item in context.skipped] == [f"partly read: {result.unread}"]


def test_many_big_config_files_are_bounded_per_project_and_listed(tmp_path):
    (tmp_path / "setup.cfg").write_text("")
    line = "AGENCY_NOTE=" + "police " * 140 + "\n"
    for number in range(40):
        (tmp_path / f".env.{number:03}").write_text(line * (1024 * 1024 // len(line) - 1))
    context = project_context(tmp_path / "app.py")
    read = sum(os.path.getsize(config.path) for config in context.config_files)
    assert read <= MAX_PROJECT_BYTES and len(context.config_files) >= 1
    assert len(context.config_files) + len(context.skipped) == 40
    assert all(item.reason.startswith("not read: ") for item in context.skipped)


def test_many_alias_bombs_are_bounded_in_nodes_per_project(tmp_path):
    (tmp_path / "setup.cfg").write_text("")
    for number in range(12):
        (tmp_path / f"config.{number:02}.yaml").write_text(alias_bomb("null", 10))
    context = project_context(tmp_path / "app.py")
    assert sum(config.nodes for config in context.config_files) <= MAX_PROJECT_NODES + MAX_NODES + 1
    refused = [item.reason for item in context.skipped if item.reason.startswith("not read: ")]
    assert refused and all(f"more than {MAX_PROJECT_NODES} nodes" in reason for reason in refused)
    assert len(context.config_files) + len(refused) == 12


def test_an_instance_is_traced_once_per_expression_however_its_attributes_branch(monkeypatch):
    """`self.a6` was assigned from `self.a5` in two methods, and so on down to the instance: each
    expression's classes are computed once, not once per path (2 ** 6 paths here)."""
    from flake8_azure_face_policy.calls.wrappers import Wrappers

    chain = range(1, 7)
    source = HEAD + (
        "class Camera:\n    def ask(self, parts):\n        return client.chat.completions.create(model='d', messages=[{'role': 'user', 'content': parts}])\n"
        + "class Chain:\n    def __init__(self):\n        self.a0 = Camera()\n"
        + "".join(f"        self.a{i} = self.a{i - 1}\n" for i in chain)
        + "    def reset(self):\n"
        + "".join(f"        self.a{i} = self.a{i - 1}\n" for i in chain)
        + f"    def run(self, u):\n        return self.a6.ask([{{'type': 'text', 'text': 'Describe the scene'}}, {IMAGE}])\n"
    )
    traced = []
    original = Wrappers._instance_classes
    monkeypatch.setattr(Wrappers, "_instance_classes", lambda self, node, scope, depth: traced.append(node) or original(self, node, scope, depth))
    calls = vision_calls(source, None)
    assert [call.line for call in calls] == [23]  # through the chain
    assert len(traced) <= 3 * len(chain), len(traced)


def test_which_parameters_reach_a_request_is_found_within_the_wrapper(monkeypatch):
    """A framework's agent class: the request also sends state other methods built (`self.history`,
    assigned from a chain of attributes). Which of `run`'s parameters reach the request is settled in
    `run` itself, at a cost that does not grow with the rest of the class."""
    from flake8_azure_face_policy.calls.wrappers import Wrappers

    def agent(steps: int) -> str:
        return HEAD + (
            "class Agent:\n    def __init__(self):\n        self.step_0 = []\n"
            + "".join(f"    def step_{i}(self):\n        self.step_{i} = self.step_{i - 1} + [{{'role': 'user', 'content': 'note {i}'}}]\n" for i in range(1, steps))
            + f"    def run(self, task):\n        self.history = self.step_{steps - 1}\n"
            + "        return client.chat.completions.create(model='d', messages=self.history + [{'role': 'user', 'content': task}])\n"
            + f"Agent().run([{{'type': 'text', 'text': 'Describe the scene'}}, {IMAGE}])\n"
        )

    spent = []
    original = Wrappers._reached

    def reached(self, roots, function):
        before = self.follower.budget.total
        found = original(self, roots, function)
        spent.append(self.follower.budget.total - before)
        return found

    monkeypatch.setattr(Wrappers, "_reached", reached)
    costs = []
    for steps in (20, 200):
        spent.clear()
        calls = vision_calls(agent(steps), None, budget=WorkBudget(10**12))
        assert [call.media for call in calls] == [frozenset({"image"})]
        costs.append(sum(spent))
    assert 0 < costs[1] == costs[0], costs  # a walk of the whole class grew with it (138 to 498 units)
