"""Which provider an endpoint string names: Azure OpenAI, another provider, or it cannot be seen."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import lru_cache

import ast

from flake8_azure_face_policy.source.index import ModuleIndex, Scope
from flake8_azure_face_policy.source.project_index import ProjectIndex

from flake8_azure_face_policy.source.syntax import dotted_name, environment_read, string_text
from flake8_azure_face_policy.ruledata import data_file

_URL_HOST = re.compile(r"\b(?:https?|wss?)://([^\s/:{}?#]+)", re.IGNORECASE)
_MAX_DEPTH = 8


@dataclass(frozen=True)
class ProviderData:
    azure_endpoint: re.Pattern[str]
    azure_env: re.Pattern[str]
    non_azure_packages: tuple[str, ...]
    openai_key_variables: frozenset[str]

    def is_non_azure_package(self, qualified: str) -> bool:
        return any(qualified == package or qualified.startswith(package + ".") for package in self.non_azure_packages)


@lru_cache(maxsize=None)
def load_provider_data() -> ProviderData:
    data = data_file("providers.yaml")
    return ProviderData(
        azure_endpoint=re.compile("|".join(data["azure_endpoint_patterns"]), re.IGNORECASE),
        azure_env=re.compile(data["azure_env_pattern"]),
        non_azure_packages=tuple(data["non_azure_packages"]),
        openai_key_variables=frozenset(data["openai_key_variables"]),
    )


def classify_endpoint(text: str) -> str | None:
    """'azure', 'not_azure' (a concrete other host), or None when the text does not tell."""
    data = load_provider_data()
    if data.azure_endpoint.search(text):
        return "azure"
    for variable in re.findall(r"\$\{?(\w+)", text):
        if data.azure_env.search(variable):
            return "azure"
    host = _URL_HOST.search(text)
    if host and host.group(1):
        return "not_azure"
    return None


def endpoint_text(node: ast.AST, scope: Scope, index: ModuleIndex | ProjectIndex, depth: int = 0) -> str | None:
    """What an endpoint expression evaluates to, as far as the module (or, given the project, the
    modules it imports) shows.

    Environment reads become `$NAME` (plus their default); what cannot be seen becomes `{}`: the
    placeholders of f-strings, `str.format`, `%` and `string.Template` that the module does not fill.
    """
    if depth > _MAX_DEPTH:
        return None
    if isinstance(node, ast.JoinedStr):
        return "".join(part.value if isinstance(part, ast.Constant) else _filled(endpoint_text(part.value, scope, index, depth + 1)) for part in node.values)
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
    if isinstance(node, ast.Subscript) and (key := string_text(node.slice)) is not None:  # cfg["endpoint"]
        return _mapping_texts(node.value, scope, index, depth).get(key)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):  # "%s/openai/deployments/%s" % (host, dep)
        template = endpoint_text(node.left, scope, index, depth + 1)
        return _percent_filled(template, node.right, scope, index, depth) if template is not None else None
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return _method_text(node, scope, index, depth)
    return None


_STRING_METHODS = frozenset({"strip", "rstrip", "lstrip", "removesuffix", "removeprefix", "lower"})
_PERCENT_FIELD = re.compile(r"%(?:\((\w+)\))?[-#0 +]*\d*(?:\.\d+)?[sdirf]")
_TEMPLATE_FIELD = re.compile(r"\$(?:\{(\w+)\}|(\w+))")


def _filled(text: str | None) -> str:
    """A template placeholder's value: `{}` when unknown, `${NAME}` for a bare environment variable
    (so that `f"{ENDPOINT}openai/deployments/..."` keeps the path's boundary)."""
    if text is None:
        return "{}"
    return "${%s}" % text[1:] if re.fullmatch(r"\$\w+", text) else text


def _method_text(call: ast.Call, scope: Scope, index: ModuleIndex, depth: int) -> str | None:
    """`base.rstrip("/")`, `TEMPLATE.format(**cfg)`, `Template(t).substitute(cfg)`."""
    method, receiver = call.func.attr, call.func.value
    if method in _STRING_METHODS:
        return endpoint_text(receiver, scope, index, depth + 1)
    if method == "format":
        template = endpoint_text(receiver, scope, index, depth + 1)
        if template is None:
            return None
        named = _call_fields(call, scope, index, depth)
        positional = [endpoint_text(value, scope, index, depth + 1) for value in call.args]
        return _format_filled(template, named, positional)
    if method in ("substitute", "safe_substitute") and isinstance(receiver, ast.Call) and (index.qualify(receiver.func) or "").endswith("Template") and receiver.args:
        template = endpoint_text(receiver.args[0], scope, index, depth + 1)
        if template is None:
            return None
        named = _call_fields(call, scope, index, depth)
        if call.args:
            named = {**_mapping_texts(call.args[0], scope, index, depth), **named}
        return _TEMPLATE_FIELD.sub(lambda match: _filled(named.get(match.group(1) or match.group(2))), template)
    return None


def _call_fields(call: ast.Call, scope: Scope, index: ModuleIndex, depth: int) -> dict[str, str | None]:
    """The named values a call fills a template with: keywords, and `**mapping`."""
    fields: dict[str, str | None] = {}
    for keyword in call.keywords:
        if keyword.arg is None:
            fields.update(_mapping_texts(keyword.value, scope, index, depth))
        else:
            fields[keyword.arg] = endpoint_text(keyword.value, scope, index, depth + 1)
    return fields


def _mapping_texts(node: ast.AST, scope: Scope, index: ModuleIndex, depth: int) -> dict[str, str | None]:
    """A dict literal, or a name bound to one: its string keys and what their values evaluate to."""
    if isinstance(node, ast.Name):
        values = [b.value for b in index.lookup(node.id, scope) if b.kind == "assign" and b.value is not None]
        node = values[-1] if values else node
    if not isinstance(node, ast.Dict):
        return {}
    return {key: endpoint_text(value, scope, index, depth + 1) for key_node, value in zip(node.keys, node.values) if key_node is not None and (key := string_text(key_node)) is not None}


def _format_filled(template: str, named: dict[str, str | None], positional: list[str | None]) -> str:
    parts: list[str] = []
    automatic = 0
    try:
        fields = list(string.Formatter().parse(template))
    except ValueError:  # not a format template after all
        return template
    for literal, field, _spec, _conversion in fields:
        parts.append(literal)
        if field is None:
            continue
        head = re.split(r"[.\[]", field, maxsplit=1)[0]
        if head == "":
            head, automatic = str(automatic), automatic + 1
        value = positional[int(head)] if head.isdigit() and int(head) < len(positional) else named.get(head)
        parts.append(_filled(value))
    return "".join(parts)


def _percent_filled(template: str, values: ast.AST, scope: Scope, index: ModuleIndex, depth: int) -> str:
    named = _mapping_texts(values, scope, index, depth)
    items = values.elts if isinstance(values, ast.Tuple) else [values]
    positional = iter([endpoint_text(item, scope, index, depth + 1) for item in items])
    return _PERCENT_FIELD.sub(lambda match: _filled(named.get(match.group(1)) if match.group(1) else next(positional, None)), template)
