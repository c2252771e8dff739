"""The `openai` package: its request methods, and whether a client is bound to Azure."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import libcst as cst

from linter.clients.base import CallShape
from linter.dataflow import ArgumentLabels
from linter.model import Evidence, Level, Provider
from linter.module_index import Binding, CallCandidate, ModuleIndex, Scope, dotted_name, string_text
from linter.providers import classify_endpoint, endpoint_text, load_provider_data
from linter.ruledata import data_file

_MAX_DEPTH = 12


def _returned_values(function: cst.FunctionDef) -> Iterator[cst.BaseExpression]:
    """Values of the function's own `return` statements (not those of nested functions)."""
    stack: list[cst.CSTNode] = [function.body]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.Return):
            if node.value is not None:
                yield node.value
        elif not isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            stack.extend(node.children)


def _client_evidence(index: ModuleIndex, node: cst.CSTNode, text: str, kind: str = "client") -> Evidence:
    return Evidence(kind, index.line_of(node), text, Level.CALL)


@dataclass(frozen=True)
class _Resolution:
    status: str  # azure | not_azure | unknown
    evidence: Evidence


def _combine(results: list[_Resolution | None]) -> _Resolution | None:
    known = [result for result in results if result is not None]
    for result in known:
        if result.status == "azure":
            return result
    if known and len(known) == len(results) and all(result.status == "not_azure" for result in known):
        return known[0]
    unknown = [result for result in known if result.status == "unknown"]
    return unknown[0] if unknown else None


class OpenAIFamily:
    name = "openai"

    def __init__(self) -> None:
        data = data_file("openai_sdk.yaml")
        self.prefilter_tokens = tuple(data["prefilter"])
        self.azure_clients = frozenset(data["azure_clients"])
        self.configurable_clients = frozenset(data["configurable_clients"])
        self.azure_client_methods = frozenset(data["azure_client_methods"])
        self.wrapper_attributes = frozenset(data["wrapper_attributes"])
        self.wrapper_calls = frozenset(data["wrapper_calls"])
        self.module_api_type_azure = frozenset(data["module_api_type_azure"])
        self.azure_only_arguments = frozenset(data["azure_only_arguments"])
        self.endpoint_arguments = frozenset(data["endpoint_arguments"])
        paths = sorted((tuple(reversed(method.split("."))) for method in data["request_methods"]), key=len, reverse=True)
        self.request_paths = tuple(paths)
        self.request_method_names = frozenset(path[0] for path in paths)
        self.labels = ArgumentLabels(
            model=frozenset(data["deployment_arguments"]),
            endpoint=self.endpoint_arguments,
            secret=frozenset(data["secret_arguments"]),
        )

    # -- the call ----------------------------------------------------------------------------
    def match(self, call: cst.Call) -> CallShape | None:
        names: list[str] = []
        receivers: list[cst.BaseExpression] = []
        node: cst.BaseExpression = call.func
        while len(names) <= 8:
            if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value in self.wrapper_calls:
                node = node.func.value
            elif isinstance(node, cst.Attribute):
                if node.attr.value not in self.wrapper_attributes:
                    names.append(node.attr.value)
                    receivers.append(node.value)
                node = node.value
            else:
                break
        for path in self.request_paths:
            if tuple(names[: len(path)]) == path:
                return CallShape(self.name, ".".join(reversed(path)), receivers[len(path) - 1])
        return None

    # -- the provider ------------------------------------------------------------------------
    def provider(self, shape: CallShape, candidate: CallCandidate, index: ModuleIndex) -> Provider:
        resolved = self._resolve(shape.receiver, candidate.scope, index, 0)
        if (resolved is None or resolved.status == "unknown") and self._has_azure_only_argument(candidate.node):
            keyword = next(arg.keyword.value for arg in candidate.node.args if arg.keyword and arg.keyword.value in self.azure_only_arguments)
            resolved = _Resolution("azure", _client_evidence(index, candidate.node, f"{keyword}= (Azure deployment)"))
        if resolved is None:
            resolved = _Resolution("unknown", Evidence("client", None, "provider not visible, treated as Azure", Level.CALL))
        return Provider(resolved.status, resolved.evidence)

    def _has_azure_only_argument(self, call: cst.Call) -> bool:
        return any(arg.keyword is not None and arg.keyword.value in self.azure_only_arguments for arg in call.args)

    def _resolve(self, node: cst.CSTNode, scope: Scope, index: ModuleIndex, depth: int) -> _Resolution | None:
        if depth > _MAX_DEPTH:
            return None
        if isinstance(node, cst.Await):
            return self._resolve(node.expression, scope, index, depth + 1)
        if isinstance(node, cst.Call):
            return self._from_call(node, scope, index, depth)
        if isinstance(node, cst.IfExp):
            return _combine([self._resolve(node.body, scope, index, depth + 1), self._resolve(node.orelse, scope, index, depth + 1)])
        if isinstance(node, cst.BooleanOperation):
            return _combine([self._resolve(node.left, scope, index, depth + 1), self._resolve(node.right, scope, index, depth + 1)])
        if isinstance(node, cst.Name):
            return self._from_bindings(index.lookup(node.value, scope), index, depth)
        if isinstance(node, cst.Attribute):
            dotted = dotted_name(node)
            bindings = index.attribute_bindings(dotted, scope) if dotted else []
            if any(binding.kind != "mutation" for binding in bindings):
                return self._from_bindings(bindings, index, depth)
            return self._resolve(node.value, scope, index, depth + 1)
        return None

    def _from_bindings(self, bindings: list[Binding], index: ModuleIndex, depth: int) -> _Resolution | None:
        results = []
        for binding in bindings:
            if binding.kind == "mutation":
                continue
            if binding.kind == "import":
                results.append(self._module_client(binding, index) if binding.qualified == "openai" else None)
            elif binding.kind == "param":
                results.append(self._from_annotation(binding, index))
            elif binding.kind in ("function", "class"):
                results.append(None)
            elif binding.value is not None:
                results.append(self._resolve(binding.value, binding.scope, index, depth + 1))
        return _combine(results) if results else None

    def _from_annotation(self, binding: Binding, index: ModuleIndex) -> _Resolution | None:
        if binding.annotation is None:
            return None
        annotation = binding.annotation
        if isinstance(annotation, cst.Subscript):  # Optional[AzureOpenAI]
            annotation = annotation.slice[0].slice.value if isinstance(annotation.slice[0].slice, cst.Index) else annotation
        qualified = index.qualify(annotation) or ""
        if qualified in self.azure_clients:
            return _Resolution("azure", _client_evidence(index, binding.annotation, f"parameter annotated {qualified.rsplit('.', 1)[-1]}"))
        return None

    def _from_call(self, call: cst.Call, scope: Scope, index: ModuleIndex, depth: int) -> _Resolution | None:
        qualified = index.qualify(call.func) or ""
        short = qualified.rsplit(".", 1)[-1]
        if qualified in self.azure_clients:
            return _Resolution("azure", _client_evidence(index, call, short))
        if qualified in self.configurable_clients:
            return self._configured_client(call, scope, index, short)
        if qualified and load_provider_data().is_non_azure_package(qualified):
            return _Resolution("not_azure", _client_evidence(index, call, qualified))
        functions = self._callee_functions(call.func, scope, index)
        if functions:
            return _combine(
                [self._resolve(value, info.scope, index, depth + 1) for info in functions for value in _returned_values(info.node)]
            )
        if isinstance(call.func, cst.Attribute):
            if call.func.attr.value in self.azure_client_methods:
                return _Resolution("azure", _client_evidence(index, call, call.func.attr.value + "()"))
            # client.with_options(...), client.realtime.connect(...): same provider as the client
            return self._resolve(call.func.value, scope, index, depth + 1)
        return None

    @staticmethod
    def _callee_functions(func: cst.BaseExpression, scope: Scope, index: ModuleIndex) -> list:
        if isinstance(func, cst.Name):
            bindings = index.lookup(func.value, scope)
        elif isinstance(func, cst.Attribute) and dotted_name(func):
            bindings = index.attribute_bindings(dotted_name(func) or "", scope)
        else:
            return []
        return [binding.function for binding in bindings if binding.function is not None]

    def _configured_client(self, call: cst.Call, scope: Scope, index: ModuleIndex, short: str) -> _Resolution:
        """OpenAI(base_url=...): an Azure endpoint, or Azure's api-version / api-key on a gateway, means Azure."""
        endpoint: _Resolution | None = None
        for arg in call.args:
            keyword = arg.keyword.value if arg.keyword is not None else None
            if keyword in ("default_query", "default_headers") and isinstance(arg.value, cst.Dict):
                keys = {string_text(element.key) for element in arg.value.elements if isinstance(element, cst.DictElement)}
                azure_keys = sorted(keys & {"api-version", "api-key"})
                if azure_keys:
                    return _Resolution("azure", _client_evidence(index, arg.value, f"{short}({keyword} with Azure {azure_keys[0]})"))
            if keyword in self.endpoint_arguments and endpoint is None:
                text = endpoint_text(arg.value, scope, index)
                status = classify_endpoint(text) if text else None
                if status is not None:
                    endpoint = _Resolution(status, _client_evidence(index, arg.value, f"{short}({keyword}={text})", "endpoint"))
        return endpoint or _Resolution("unknown", _client_evidence(index, call, f"{short}() with no endpoint in the file, treated as Azure"))

    def _module_client(self, binding: Binding, index: ModuleIndex) -> _Resolution | None:
        """`import openai` used directly: its module-level settings decide."""
        alias = next((local for local, qualified in index.imports.items() if qualified == "openai"), "openai")
        scope = index.module_scope
        for assignment in index.lookup(f"{alias}.api_type", scope):
            value = string_text(assignment.value) if assignment.value is not None else None
            if value is not None:
                status = "azure" if value.lower() in self.module_api_type_azure else "not_azure"
                return _Resolution(status, _client_evidence(index, assignment.value, f"{alias}.api_type = {value!r}"))
        for setting in ("azure_endpoint", "base_url", "api_base"):
            for assignment in index.lookup(f"{alias}.{setting}", scope):
                if assignment.value is None:
                    continue
                text = endpoint_text(assignment.value, assignment.scope, index)
                status = "azure" if setting == "azure_endpoint" else (classify_endpoint(text) if text else None)
                if status is not None:
                    return _Resolution(status, _client_evidence(index, assignment.value, f"{alias}.{setting} = {text or '...'}", "endpoint"))
        return None
