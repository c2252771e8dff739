"""The `openai` package: request methods found by their attribute path on a client."""

from __future__ import annotations

import ast

from flake8_azure_face_policy.calls.families.base import CallShape, provider_of
from flake8_azure_face_policy.calls.resolve import ClientResolver, Resolution
from flake8_azure_face_policy.model import Evidence, Level, Signal
from flake8_azure_face_policy.source.index import CallCandidate
from flake8_azure_face_policy.source.syntax import keyword_argument
from flake8_azure_face_policy.ruledata import data_file


class OpenAIFamily:
    name = "openai"

    def __init__(self) -> None:
        data = data_file("openai_sdk.yaml")
        self.wrapper_attributes = frozenset(data["wrapper_attributes"])
        self.wrapper_calls = frozenset(data["wrapper_calls"])
        self.azure_only_arguments = frozenset(data["azure_only_arguments"])
        self.speaker_reference_arguments = frozenset(data["speaker_reference_arguments"])
        paths = sorted((tuple(reversed(method.split("."))) for method in data["request_methods"]), key=len, reverse=True)
        self.request_paths = tuple(paths)
        self.request_method_names = frozenset(path[0] for path in paths)

    def _path_and_receiver(self, call: ast.Call) -> tuple[str, ast.expr] | None:
        names: list[str] = []
        receivers: list[ast.expr] = []
        node: ast.expr = call.func
        while len(names) <= 8:
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in self.wrapper_calls:
                node = node.func.value
            elif isinstance(node, ast.Attribute):
                if node.attr not in self.wrapper_attributes:
                    names.append(node.attr)
                    receivers.append(node.value)
                node = node.value
            else:
                break
        for path in self.request_paths:
            if tuple(names[: len(path)]) == path:
                return ".".join(reversed(path)), receivers[len(path) - 1]
        return None

    def match(self, candidate: CallCandidate, resolver: ClientResolver) -> CallShape | None:
        found = self._path_and_receiver(candidate.node)
        if found is None:
            return None
        method, receiver = found
        resolution = resolver.resolve(receiver, candidate.scope)
        if resolution is not None and resolution.family not in (None, self.name):
            return None  # agents_client.threads.create(...): a client of another family, which has its own methods
        if resolution is None or resolution.status != "azure":
            legacy = keyword_argument(candidate.node, self.azure_only_arguments)
            if legacy is not None:
                resolution = Resolution("azure", resolver.evidence(legacy, f"{legacy.arg}= (Azure deployment)"), self.name)
        media, signals = self._speaker_identification(candidate, resolver)
        return CallShape(self.name, method, receiver, provider_of(resolution), media, signals)

    def _speaker_identification(self, candidate: CallCandidate, resolver: ClientResolver) -> tuple[frozenset[str], tuple[Signal, ...]]:
        """audio.transcriptions.create(known_speaker_references=[...]) identifies speakers by their voice."""
        speakers = keyword_argument(candidate.node, self.speaker_reference_arguments)
        if speakers is not None:
            evidence = Evidence("code", speakers.lineno, speakers.arg, Level.CALL)
            return frozenset({"audio"}), (Signal("identity", "purpose", False, evidence), Signal("other_trait", "trait", False, evidence))
        return frozenset(), ()
