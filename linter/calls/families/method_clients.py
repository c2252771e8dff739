"""Families whose requests are methods of a client object: azure-ai-inference `complete`, LangChain
`invoke`, Semantic Kernel `get_chat_message_content`, LlamaIndex `chat`, autogen `create` / `run`,
litellm's Router. The method names are common, so the receiver must resolve to a client of the
family (rules/clients.yaml)."""

from __future__ import annotations

import ast

from flake8_azure_face_policy.calls.families.base import CallShape, provider_of
from flake8_azure_face_policy.calls.resolve import ClientResolver
from flake8_azure_face_policy.source.index import CallCandidate
from flake8_azure_face_policy.ruledata import data_file


class MethodClientFamily:
    def __init__(self, name: str, method_names: frozenset[str]):
        self.name = name
        self.request_method_names = method_names

    def match(self, candidate: CallCandidate, resolver: ClientResolver) -> CallShape | None:
        func = candidate.node.func
        if not isinstance(func, ast.Attribute) or func.attr not in self.request_method_names:
            return None
        resolution = resolver.resolve(func.value, candidate.scope)
        if resolution is None or resolution.family != self.name:
            return None
        return CallShape(self.name, func.attr, func.value, provider_of(resolution))


def method_client_families() -> list[MethodClientFamily]:
    return [
        MethodClientFamily(name, frozenset(spec["names"]))
        for name, spec in data_file("clients.yaml")["methods"].items()
    ]
