"""Raw HTTP requests to Azure OpenAI (requests, httpx, aiohttp, urllib): a POST whose URL names an
Azure OpenAI host or an `/openai/deployments/<dep>/...` path, with the image in its body."""

from __future__ import annotations

import ast
import re

from flake8_azure_face_policy.calls.families.base import CallShape
from flake8_azure_face_policy.calls.resolve import ClientResolver
from flake8_azure_face_policy.model import Evidence, Level, Provider
from flake8_azure_face_policy.source.index import CallCandidate, Scope
from flake8_azure_face_policy.source.syntax import dotted_name, keyword_argument, string_text
from flake8_azure_face_policy.calls.providers import classify_endpoint, endpoint_text

# A model API path, so that a POST to another Azure service (blob storage, Face) is not taken for one.
_MODEL_PATH = re.compile(r"(?:^|[/}])(?:openai|models)/|chat/completions|/responses\b", re.IGNORECASE)


class RestFamily:
    name = "rest"
    request_method_names = frozenset({"post", "request", "urlopen"})

    def match(self, candidate: CallCandidate, resolver: ClientResolver) -> CallShape | None:
        call = candidate.node
        method = call.func.attr if isinstance(call.func, ast.Attribute) else dotted_name(call.func)
        url = self._url(call, method or "", candidate.scope, resolver)
        if url is None:
            return None
        text = endpoint_text(url, candidate.scope, resolver.index)
        if not text or not _MODEL_PATH.search(text):
            return None
        status = classify_endpoint(text)
        if status is None:
            return None
        evidence = Evidence("endpoint", resolver.index.line_of(url), f"POST {text}", Level.CALL)
        return CallShape(self.name, f"{method} (HTTP)", None, Provider(status, evidence))

    def _url(self, call: ast.Call, method: str, scope: Scope, resolver: ClientResolver) -> ast.expr | None:
        positional = call.args
        named = keyword_argument(call, ("url",))
        if method == "post":
            return named.value if named is not None else (positional[0] if positional else None)
        if method == "request":  # session.request("POST", url, json=...)
            if len(positional) >= 2 and (string_text(positional[0]) or "").upper() == "POST":
                return positional[1]
            return None
        if method == "urlopen" and positional:  # urlopen(Request(url, data=...)) or a request built earlier
            request = positional[0]
            if isinstance(request, ast.Name):
                values = [b.value for b in resolver.index.lookup(request.id, scope) if b.kind == "assign" and b.value is not None]
                request = values[-1] if values else request
            if isinstance(request, ast.Call) and (dotted_name(request.func) or "").endswith("Request"):
                inner = keyword_argument(request, ("url",))
                return inner.value if inner is not None else (request.args[0] if request.args else None)
        return None
