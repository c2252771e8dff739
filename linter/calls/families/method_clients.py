"""Families whose requests are methods of a client object: azure-ai-inference `complete`, LangChain
`invoke`, Semantic Kernel `get_chat_message_content` and agents' `invoke` / `get_response`, LlamaIndex
`chat` / `complete`, autogen `create` / `run`, litellm's Router, Agent Framework `agent.run` /
`client.get_response`, azure-ai-agents `agents_client.messages.create`, pydantic-ai `agent.run_sync`.
The method names are common, so the receiver must resolve to a client of the family
(rules/clients.yaml)."""

from __future__ import annotations

import ast

from flake8_azure_face_policy.calls.families.base import CallShape, provider_of
from flake8_azure_face_policy.calls.resolve import ClientResolver
from flake8_azure_face_policy.source.index import CallCandidate
from flake8_azure_face_policy.ruledata import data_file


class MethodClientFamily:
    def __init__(self, name: str, method_names: frozenset[str], media_keywords: dict[str, str] | None = None):
        self.name = name
        # "messages.create" is matched as the end of the attribute chain, longest first
        self.method_paths = tuple(sorted((tuple(reversed(method.split("."))) for method in method_names), key=len, reverse=True))
        self.request_method_names = frozenset(path[0] for path in self.method_paths)
        self.media_keywords = media_keywords or {}

    def _method_and_receiver(self, func: ast.expr) -> tuple[str, ast.expr] | None:
        for path in self.method_paths:
            node = func
            for name in path:
                if not isinstance(node, ast.Attribute) or node.attr != name:
                    break
                node = node.value
            else:
                return ".".join(reversed(path)), node
        return None

    def match(self, candidate: CallCandidate, resolver: ClientResolver) -> CallShape | None:
        found = self._method_and_receiver(candidate.node.func)
        if found is None:
            return None
        method, receiver = found
        resolution = resolver.resolve(receiver, candidate.scope)
        if resolution is None or resolution.family != self.name:
            return None
        return CallShape(self.name, method, receiver, provider_of(resolution), self._keyword_media(candidate.node))

    def _keyword_media(self, call: ast.Call) -> frozenset[str]:
        """complete(prompt=..., image_documents=docs): the keyword itself says what the value carries."""
        return frozenset(
            self.media_keywords[keyword.arg]
            for keyword in call.keywords
            if keyword.arg in self.media_keywords and not _is_empty(keyword.value)
        )


def _is_empty(node: ast.expr) -> bool:
    return (isinstance(node, (ast.List, ast.Tuple)) and not node.elts) or (isinstance(node, ast.Constant) and node.value is None)


def method_client_families() -> list[MethodClientFamily]:
    return [
        MethodClientFamily(name, frozenset(spec["names"]), spec.get("media_keywords"))
        for name, spec in data_file("clients.yaml")["methods"].items()
    ]
