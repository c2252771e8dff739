"""Functions that hand the input to an agent given as their first argument: the OpenAI Agents SDK's
`Runner.run(agent, input=[...])`, `run_sync`, `run_streamed`. The provider is the agent's model
client (`Agent(model=OpenAIChatCompletionsModel(model=..., openai_client=AsyncAzureOpenAI(...)))`),
else the run's `run_config=`, else the module's `set_default_openai_client(...)`."""

from __future__ import annotations

from flake8_azure_face_policy.calls.families.base import CallShape, provider_of
from flake8_azure_face_policy.calls.resolve import ClientResolver, Resolution, combine
from flake8_azure_face_policy.source.index import CallCandidate
from flake8_azure_face_policy.source.syntax import keyword_argument
from flake8_azure_face_policy.ruledata import data_file


class AgentRunners:
    def __init__(self, name: str, functions: list[str], default_client: list[str]):
        self.name = name
        self.functions = frozenset(functions)
        self.default_client_functions = frozenset(default_client)
        # the default-client setters are candidates too, so that the index records where they are
        self.request_method_names = frozenset(name.rsplit(".", 1)[-1] for name in self.functions | self.default_client_functions)

    def match(self, candidate: CallCandidate, resolver: ClientResolver) -> CallShape | None:
        call = candidate.node
        qualified = resolver.index.qualify(call.func) or ""
        if qualified not in self.functions:
            return None
        agent = call.args[0] if call.args else getattr(keyword_argument(call, ("starting_agent",)), "value", None)
        resolution = resolver.resolve(agent, candidate.scope) if agent is not None else None
        if resolution is None or resolution.status == "unknown":
            run_config = keyword_argument(call, ("run_config",))
            resolution = (resolver.resolve(run_config.value, candidate.scope) if run_config is not None else None) or resolution
        if resolution is None or resolution.status == "unknown":
            resolution = self._default_client(resolver) or resolution
        return CallShape(self.name, qualified.rsplit(".", 1)[-1], None, provider_of(resolution))

    def _default_client(self, resolver: ClientResolver) -> Resolution | None:
        """set_default_openai_client(AsyncAzureOpenAI(...)) anywhere in the module."""
        found = [
            resolver.resolve(setter.node.args[0], setter.scope)
            for setter in resolver.index.candidates
            if setter.node.args and resolver.index.qualify(setter.node.func) in self.default_client_functions
        ]
        return combine(found) if found else None


def agent_runner_families() -> list[AgentRunners]:
    return [AgentRunners(name, spec["functions"], spec["default_client"]) for name, spec in data_file("clients.yaml")["runners"].items()]
