"""Which provider an endpoint string names: Azure OpenAI, another provider, or it cannot be seen."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import ast

from flake8_azure_face_policy.source.index import ModuleIndex, Scope

from flake8_azure_face_policy.source.syntax import dotted_name, environment_read, string_text
from flake8_azure_face_policy.ruledata import data_file

_URL_HOST = re.compile(r"\b(?:https?|wss?)://([^\s/:{}?#]+)", re.IGNORECASE)
_MAX_DEPTH = 8


@dataclass(frozen=True)
class ProviderData:
    azure_endpoint: re.Pattern[str]
    azure_env: re.Pattern[str]
    non_azure_packages: tuple[str, ...]

    def is_non_azure_package(self, qualified: str) -> bool:
        return any(qualified == package or qualified.startswith(package + ".") for package in self.non_azure_packages)


@lru_cache(maxsize=None)
def load_provider_data() -> ProviderData:
    data = data_file("providers.yaml")
    return ProviderData(
        azure_endpoint=re.compile("|".join(data["azure_endpoint_patterns"]), re.IGNORECASE),
        azure_env=re.compile(data["azure_env_pattern"]),
        non_azure_packages=tuple(data["non_azure_packages"]),
    )


def classify_endpoint(text: str) -> str | None:
    """'azure', 'not_azure' (a concrete other host), or None when the text does not tell."""
    data = load_provider_data()
    if data.azure_endpoint.search(text):
        return "azure"
    for variable in re.findall(r"\$(\w+)", text):
        if data.azure_env.search(variable):
            return "azure"
    host = _URL_HOST.search(text)
    if host and host.group(1):
        return "not_azure"
    return None


def endpoint_text(node: ast.AST, scope: Scope, index: ModuleIndex, depth: int = 0) -> str | None:
    """What an endpoint expression evaluates to, as far as the module shows.

    Environment reads become `$NAME` (plus their default), f-string placeholders `{}`.
    """
    if depth > _MAX_DEPTH:
        return None
    text = string_text(node)
    if text is not None:
        return text
    if isinstance(node, ast.Name) or (isinstance(node, ast.Attribute) and dotted_name(node)):
        bindings = index.attribute_bindings(dotted_name(node) or "", scope) if isinstance(node, ast.Attribute) else index.lookup(node.id, scope)
        values = [b for b in bindings if b.kind == "assign" and b.value is not None]
        return endpoint_text(values[-1].value, values[-1].scope, index, depth + 1) if values else None
    read = environment_read(node)
    if read is not None:
        variable, default = read
        default_text = endpoint_text(default, scope, index, depth + 1) if default is not None else None
        return f"${variable} {default_text or ''}".strip()
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left = endpoint_text(node.left, scope, index, depth + 1)
        right = endpoint_text(node.right, scope, index, depth + 1)
        return (left or "{}") + (right or "{}") if left or right else None
    return None
