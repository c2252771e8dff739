"""What every client family provides to the engine."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import ast

from flake8_azure_face_policy.calls.resolve import ClientResolver, Resolution
from flake8_azure_face_policy.model import Evidence, Level, Provider, Signal
from flake8_azure_face_policy.source.index import CallCandidate, Scope
from flake8_azure_face_policy.source.syntax import SELF_NAMES, dotted_name


@dataclass(frozen=True)
class CallShape:
    """A request call recognised by a family: which method, on which client, to which provider."""

    family: str
    method: str
    receiver: ast.expr | None  # the client expression, followed for context and media
    provider: Provider
    implied_media: frozenset[str] = frozenset()  # media the call's shape itself says it sends
    implied_signals: tuple[Signal, ...] = ()  # what the call's shape itself says it does
    unresolved: str = ""  # set when no family recognised the call: why its client is not known


def provider_of(resolution: Resolution | None) -> Provider:
    if resolution is None:
        return Provider("unknown", Evidence("client", None, "provider not visible, treated as Azure", Level.CALL))
    return Provider(resolution.status, resolution.evidence)


class ClientFamily(Protocol):
    name: str
    request_method_names: frozenset[str]

    def match(self, candidate: CallCandidate, resolver: ClientResolver) -> CallShape | None: ...


_HTTP_METHODS = frozenset({"post", "request", "urlopen"})


def unresolved_shape(candidate: CallCandidate, resolver: ClientResolver, not_requests: frozenset[str]) -> CallShape | None:
    """A call named like a request that no family recognised: if it carries an image, the inventory
    lists it as a possible vision call, with why its client is not known."""
    func = candidate.node.func
    qualified = resolver.index.qualify(func) or ""
    if qualified in not_requests:
        return None
    if isinstance(func, ast.Attribute) and getattr(resolver.resolve(func.value, candidate.scope), "family", None) is not None:
        return None  # a known client's method that sends nothing (client.evals.runs.create)
    method = func.attr if isinstance(func, ast.Attribute) else qualified.rsplit(".", 1)[-1]
    if method in _HTTP_METHODS:
        why = "its URL does not show an Azure OpenAI endpoint"
    elif isinstance(func, ast.Attribute):
        why = _receiver_unknown(func.value, candidate, resolver)
    else:
        why = f"`{qualified or '...'}()` is not a known client function"
    reason = f"client not resolved: {why}"
    return CallShape("", method, None, Provider("unknown", Evidence("client", resolver.index.line_of(candidate.node), reason, Level.CALL)), unresolved=reason)


def _receiver_unknown(receiver: ast.expr, candidate: CallCandidate, resolver: ClientResolver) -> str:
    dotted = dotted_name(receiver)
    if dotted is None:
        return "the object it is called on is not traced to a client constructor"
    root, _, rest = dotted.partition(".")
    if root in SELF_NAMES and rest:  # self.agent = agent in __init__
        attribute = f"{root}.{rest.split('.')[0]}"
        values = [binding for binding in resolver.index.attribute_bindings(attribute, candidate.scope) if binding.value is not None]
        if any(isinstance(binding.value, ast.Name) and _is_parameter(resolver, binding.value.id, binding.scope) for binding in values):
            return f"`{attribute}` is set from a parameter"
    elif _is_parameter(resolver, root, candidate.scope):
        return f"`{dotted}` comes from a parameter"
    bindings = resolver.index.lookup(root, candidate.scope)
    imported = next((binding.qualified for binding in bindings if binding.kind == "import"), None)
    if imported is not None:
        return f"`{root}` is imported from `{imported}`"
    made_by = next((binding.value.func for binding in bindings if isinstance(binding.value, ast.Call)), None)
    maker = resolver.index.qualify(made_by) if made_by is not None else None
    if maker and maker.split(".")[0] != (dotted_name(made_by) or "").split(".")[0]:  # a factory imported from elsewhere
        return f"`{root}` is made by `{maker}()`, which is not traced to a client constructor"
    return f"`{dotted}` is not traced to a client constructor"


def _is_parameter(resolver: ClientResolver, name: str, scope: Scope) -> bool:
    return any(binding.kind == "param" for binding in resolver.index.lookup(name, scope))
