"""litellm's module functions: `litellm.completion(model="azure/<deployment>", messages=[...])`."""

from __future__ import annotations

from flake8_azure_face_policy.calls.families.base import CallShape, provider_of
from flake8_azure_face_policy.calls.resolve import ClientResolver, Resolution
from flake8_azure_face_policy.source.index import CallCandidate
from flake8_azure_face_policy.source.syntax import keyword_argument
from flake8_azure_face_policy.calls.providers import endpoint_text
from flake8_azure_face_policy.ruledata import data_file


class LiteLLMFunctions:
    name = "litellm"

    def __init__(self) -> None:
        self.functions = frozenset(data_file("clients.yaml")["functions"][self.name])
        self.request_method_names = frozenset(name.rsplit(".", 1)[-1] for name in self.functions)

    def match(self, candidate: CallCandidate, resolver: ClientResolver) -> CallShape | None:
        call = candidate.node
        qualified = resolver.index.qualify(call.func)
        if qualified not in self.functions:
            return None
        return CallShape(self.name, qualified.rsplit(".", 1)[-1], None, provider_of(self._provider(candidate, resolver)))

    def _provider(self, candidate: CallCandidate, resolver: ClientResolver) -> Resolution | None:
        call = candidate.node
        short = (resolver.index.qualify(call.func) or "").rsplit(".", 1)[-1]
        endpoint = resolver.endpoint_resolution(call, candidate.scope, short, self.name)
        if endpoint is not None and endpoint.status == "azure":
            return endpoint
        named = keyword_argument(call, ("model",))
        model = named.value if named is not None else (call.args[0] if call.args else None)
        text = endpoint_text(model, candidate.scope, resolver.index) if model is not None else None
        if text is None or "$" in text:
            return endpoint
        evidence = resolver.evidence(model, f"model={text!r}", "model")
        if resolver.catalog.names_azure(text):
            return Resolution("azure", evidence, self.name)
        if "{}" not in text.split("/")[0]:  # "openai/gpt-4o", or "gpt-4o", which litellm sends to OpenAI
            return endpoint or Resolution("not_azure", evidence, self.name)
        return endpoint
