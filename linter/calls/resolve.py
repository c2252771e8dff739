"""Which client an expression holds, of which family, and whether that client talks to Azure.

Follows a receiver through the module and, through imports, the project's other modules (variables,
`self` attributes, factory functions, `with ... as`, chains built with `|`, agents and kernels given
a client) to the constructor that made it, and classifies that constructor with the catalog in
rules/clients.yaml.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from flake8_azure_face_policy.calls.dataflow import load_argument_labels
from flake8_azure_face_policy.model import Evidence, Level
from flake8_azure_face_policy.source.index import Binding, ModuleIndex, Scope
from flake8_azure_face_policy.source.project_index import ProjectIndex
from flake8_azure_face_policy.source.syntax import dotted_name, keyword_argument, string_text
from flake8_azure_face_policy.calls.providers import classify_endpoint, endpoint_text, load_provider_data
from flake8_azure_face_policy.ruledata import data_file
from flake8_azure_face_policy.source.tree import DEFINITIONS, descendants

_MAX_DEPTH = 12
_PROVIDER_PREFIX = re.compile(r"[A-Za-z][\w-]*[:/](?!/)\S")


@dataclass(frozen=True)
class Resolution:
    status: str  # azure | not_azure | unknown
    evidence: Evidence
    family: str | None = None  # the family of the client found, when one was found


@dataclass(frozen=True)
class Catalog:
    constructors: dict[str, tuple[str, str]]  # qualified name -> (family, kind)
    packages: tuple[tuple[str, str, str], ...]  # (package prefix, family, kind) for "name." entries
    first_argument_wrappers: frozenset[str]
    second_argument_wrappers: frozenset[str]
    wrapper_keywords: tuple[str, ...]
    adding_methods: frozenset[str]
    azure_methods: frozenset[str]
    azure_prefixes: tuple[str, ...]
    provider_keywords: frozenset[str]
    azure_keywords: frozenset[str]

    def lookup(self, qualified: str) -> tuple[str, str] | None:
        found = self.constructors.get(qualified)
        if found is not None:
            return found
        for prefix, family, kind in self.packages:
            if qualified.startswith(prefix):
                return family, kind
        return None

    def names_azure(self, text: str) -> bool:
        head = text.strip().lower()
        return any(head.startswith(prefix + sep) for prefix in self.azure_prefixes for sep in ("/", ":"))

    def model_string_provider(self, text: str) -> str | None:
        """'azure' for "azure:gpt-4o" / "azure/dep", 'not_azure' for another named provider
        ("openai:gpt-4o"), None for a bare model name."""
        if self.names_azure(text):
            return "azure"
        return "not_azure" if _PROVIDER_PREFIX.match(text.strip()) else None


@lru_cache(maxsize=None)
def load_catalog() -> Catalog:
    data = data_file("clients.yaml")
    constructors: dict[str, tuple[str, str]] = {}
    packages: list[tuple[str, str, str]] = []
    for family, kinds in data["families"].items():
        for kind, names in kinds.items():
            for name in names:
                if name.endswith("."):
                    packages.append((name, family, kind))
                else:
                    constructors[name] = (family, kind)
    wrappers = data["wrappers"]
    return Catalog(
        constructors=constructors,
        packages=tuple(packages),
        first_argument_wrappers=frozenset(wrappers["first_argument"]),
        second_argument_wrappers=frozenset(wrappers["second_argument"]),
        wrapper_keywords=tuple(wrappers["keywords"]),
        adding_methods=frozenset(wrappers["adding_methods"]),
        azure_methods=frozenset(data["azure_methods"]),
        azure_prefixes=tuple(sorted(data["azure_provider_prefixes"], key=len, reverse=True)),
        provider_keywords=frozenset(data["provider_keywords"]),
        azure_keywords=frozenset(data["azure_keywords"]),
    )


def returned_values(function: ast.FunctionDef | ast.AsyncFunctionDef) -> Iterator[ast.expr]:
    """Values of the function's own `return` statements (not those of nested functions)."""
    for statement in function.body:
        for node in descendants(statement, stop=(*DEFINITIONS, ast.Lambda)):
            if isinstance(node, ast.Return) and node.value is not None:
                yield node.value


def combine(results: list[Resolution | None]) -> Resolution | None:
    """Any Azure client wins; another provider only when every path shows one."""
    known = [result for result in results if result is not None]
    for result in known:
        if result.status == "azure":
            return result
    if known and len(known) == len(results) and all(result.status == "not_azure" for result in known):
        return known[0]
    return next((result for result in known if result.status == "unknown"), None)


class ClientResolver:
    """Resolves the clients of one module's calls (`index`), following names across the `project`."""

    def __init__(self, index: ModuleIndex, project: ProjectIndex, catalog: Catalog | None = None):
        self.index = index
        self.project = project
        self.catalog = catalog or load_catalog()

    def evidence(self, node: ast.AST, text: str, kind: str = "client", scope: Scope | None = None) -> Evidence:
        """Evidence at a node of this module, or of the module `scope` belongs to."""
        path = self.project.label_of(scope) if scope is not None else self.project.label_of(self.index.module_scope)
        return Evidence(kind, self.index.line_of(node), text, Level.CALL, path=path)

    def resolve(self, node: ast.AST, scope: Scope, depth: int = 0) -> Resolution | None:
        if depth > _MAX_DEPTH:
            return None
        if isinstance(node, ast.Await):
            return self.resolve(node.value, scope, depth + 1)
        if isinstance(node, ast.Call):
            return self._from_call(node, scope, depth)
        if isinstance(node, ast.IfExp):
            return combine([self.resolve(node.body, scope, depth + 1), self.resolve(node.orelse, scope, depth + 1)])
        if isinstance(node, ast.BoolOp):  # `a or b`
            return combine([self.resolve(value, scope, depth + 1) for value in node.values])
        if isinstance(node, ast.BinOp):  # LangChain `prompt | llm`
            return combine([self.resolve(node.left, scope, depth + 1), self.resolve(node.right, scope, depth + 1)])
        if isinstance(node, ast.Name):
            return self._from_bindings(self.project.lookup(node.id, scope), depth)
        if isinstance(node, ast.Constant) and isinstance(node.value, str):  # a model string given for a client
            status = self.catalog.model_string_provider(node.value)
            return Resolution(status, self.evidence(node, f"model {node.value!r}", "model", scope)) if status else None
        if isinstance(node, ast.Attribute):
            dotted = dotted_name(node)
            bindings = self.project.attribute_bindings(dotted, scope) if dotted else []
            if any(binding.kind != "mutation" for binding in bindings):
                return self._from_bindings(bindings, depth)
            return self.resolve(node.value, scope, depth + 1)
        return None

    def _from_bindings(self, bindings: list[Binding], depth: int) -> Resolution | None:
        results: list[Resolution | None] = []
        for binding in bindings:
            if binding.kind == "import":
                results.append(self._module_client(binding) if binding.qualified == "openai" else None)
            elif binding.kind == "param":
                results.append(self._from_annotation(binding))
            elif binding.kind in ("function", "class"):
                results.append(None)
            elif binding.kind == "mutation":
                # kernel.add_service(AzureChatCompletion()): the kernel now holds that client
                found = self.resolve(binding.value, binding.scope, depth + 1) if binding.value is not None and binding.via in self.catalog.adding_methods else None
                if found is not None:
                    results.append(found)
            elif binding.value is not None:
                results.append(self.resolve(binding.value, binding.scope, depth + 1))
        return combine(results) if results else None

    def _from_annotation(self, binding: Binding) -> Resolution | None:
        annotation = binding.annotation
        if annotation is None:
            return None
        if isinstance(annotation, ast.Subscript):  # Optional[X], Union[X, Y]
            annotation = annotation.slice.elts[0] if isinstance(annotation.slice, ast.Tuple) and annotation.slice.elts else annotation.slice
        qualified = self.project.qualify(annotation, binding.scope) or ""
        found = self.catalog.lookup(qualified)
        short = qualified.rsplit(".", 1)[-1]
        if found is not None and found[1] == "azure":
            return Resolution("azure", self.evidence(binding.annotation, f"parameter annotated {short}", scope=binding.scope), found[0])
        if found is not None:
            return Resolution("unknown", self.evidence(binding.annotation, f"parameter annotated {short}, treated as Azure", scope=binding.scope), found[0])
        return None

    def _from_call(self, call: ast.Call, scope: Scope, depth: int) -> Resolution | None:
        qualified = self.project.qualify(call.func, scope) or ""
        short = qualified.rsplit(".", 1)[-1]
        found = self.catalog.lookup(qualified) if qualified else None
        if found is not None:
            family, kind = found
            if kind == "azure":
                return Resolution("azure", self.evidence(call, short, scope=scope), family)
            if kind == "not_azure":
                return Resolution("not_azure", self.evidence(call, qualified, scope=scope), family)
            if kind == "endpoint":
                return self._configured_client(call, scope, short, family)
            if kind == "named":
                return self._named_provider(call, scope, depth, short, family)
            if kind == "model_list":
                return self._model_list(call, scope, short, family)
        if qualified and load_provider_data().is_non_azure_package(qualified):
            return Resolution("not_azure", self.evidence(call, qualified, scope=scope))
        position = 0 if qualified in self.catalog.first_argument_wrappers else 1 if qualified in self.catalog.second_argument_wrappers else None
        if position is not None and len(call.args) > position:
            given = self.resolve(call.args[position], scope, depth + 1)
            if given is not None:
                return given
        functions = self._callee_functions(call.func, scope)
        if functions:
            return combine([self.resolve(value, info.scope, depth + 1) for info in functions for value in returned_values(info.node)])
        given = self._given_client(call, scope, depth)
        if given is not None:
            return given
        if isinstance(call.func, ast.Attribute):
            if call.func.attr in self.catalog.azure_methods:
                return Resolution("azure", self.evidence(call, call.func.attr + "()", scope=scope), "openai")
            # client.with_options(...), client.realtime.connect(...), llm.with_structured_output(M)
            return self.resolve(call.func.value, scope, depth + 1)
        return None

    def _given_client(self, call: ast.Call, scope: Scope, depth: int) -> Resolution | None:
        """The client handed to an agent, model or chain: Agent(client=...), OpenAIChatCompletionsModel(model=..., openai_client=...)."""
        found = [self.resolve(keyword.value, scope, depth + 1) for keyword in call.keywords if keyword.arg in self.catalog.wrapper_keywords]
        return combine([result for result in found if result is not None]) if any(found) else None

    def _callee_functions(self, func: ast.expr, scope: Scope) -> list:
        if isinstance(func, ast.Name):
            bindings = self.project.lookup(func.id, scope)
        elif isinstance(func, ast.Attribute) and dotted_name(func):
            bindings = self.project.attribute_bindings(dotted_name(func) or "", scope)
        else:
            return []
        return [binding.function for binding in bindings if binding.function is not None]

    def endpoint_resolution(self, call: ast.Call, scope: Scope, short: str, family: str | None) -> Resolution | None:
        """Azure, or another provider, when an endpoint argument of the call names one."""
        for argument in call.keywords:
            if argument.arg in load_argument_labels().endpoint:
                text = endpoint_text(argument.value, scope, self.project)
                status = classify_endpoint(text) if text else None
                if status is not None:
                    return Resolution(status, self.evidence(argument.value, f"{short}({argument.arg}={text})", "endpoint", scope), family)
        return None

    def _configured_client(self, call: ast.Call, scope: Scope, short: str, family: str) -> Resolution:
        """OpenAI(base_url=...): an Azure endpoint, or Azure's api-version / api-key on a gateway, means Azure."""
        for argument in call.keywords:
            if argument.arg in ("default_query", "default_headers") and isinstance(argument.value, ast.Dict):
                keys = {string_text(key) for key in argument.value.keys}
                azure_keys = sorted(keys & {"api-version", "api-key"})
                if azure_keys:
                    return Resolution("azure", self.evidence(argument.value, f"{short}({argument.arg} with Azure {azure_keys[0]})", scope=scope), family)
        endpoint = self.endpoint_resolution(call, scope, short, family)
        if endpoint is not None:
            return endpoint
        azure_keyword = keyword_argument(call, self.catalog.azure_keywords)
        if azure_keyword is not None:
            return Resolution("azure", self.evidence(azure_keyword.value, f"{short}({azure_keyword.arg}=...)", scope=scope), family)
        given = self._given_client(call, scope, 0)  # OpenAIChatClient(async_client=AsyncAzureOpenAI(...))
        if given is not None and given.status != "unknown":
            return Resolution(given.status, given.evidence, family)
        key = keyword_argument(call, ("api_key",))
        platform_key = self._openai_platform_key(key.value, scope) if key is not None else None
        if platform_key is not None:
            return Resolution("not_azure", self.evidence(key.value, f"{short}(api_key from {platform_key}, no endpoint)", "endpoint", scope), family)
        return Resolution("unknown", self.evidence(call, f"{short}() with no endpoint in the file, treated as Azure", scope=scope), family)

    def _named_provider(self, call: ast.Call, scope: Scope, depth: int, short: str, family: str) -> Resolution:
        """init_chat_model("azure_openai:gpt-4o"), init_chat_model(m, model_provider="azure_openai"),
        instructor.from_provider("azure_openai/dep"), pydantic-ai Agent("azure:gpt-4o") or
        OpenAIChatModel(m, provider=AzureProvider(...)): the provider is the keyword, or the prefix of
        the model (first argument or model=); a provider or model object given there is resolved."""
        named = keyword_argument(call, self.catalog.provider_keywords)
        provider = string_text(named.value) if named is not None else None
        model = call.args[0] if call.args else getattr(keyword_argument(call, ("model",)), "value", None)
        given = named.value if named is not None and provider is None else (model if model is not None and string_text(model) is None else None)
        if given is not None:
            found = self.resolve(given, scope, depth + 1)
            if found is not None:
                return Resolution(found.status, found.evidence, family)
        if provider is None and model is not None:
            first = string_text(model) or ""
            provider = re.split(r"[/:]", first, maxsplit=1)[0] if re.search(r"[/:]", first) else None
        if provider is None or "{}" in provider:
            return Resolution("unknown", self.evidence(call, f"{short}() with no provider in the file, treated as Azure", scope=scope), family)
        status = "azure" if provider.lower().startswith(self.catalog.azure_prefixes) else "not_azure"
        return Resolution(status, self.evidence(call, f"{short}(provider {provider!r})", scope=scope), family)

    def _model_list(self, call: ast.Call, scope: Scope, short: str, family: str) -> Resolution:
        """litellm.Router(model_list=[{"litellm_params": {"model": "azure/dep"}}])."""
        models = [text for node in _strings_under(call) if (text := string_text(node)) and "/" in text]
        for text in models:
            if self.catalog.names_azure(text):
                return Resolution("azure", self.evidence(call, f"{short} model {text!r}", scope=scope), family)
        if models:
            return Resolution("not_azure", self.evidence(call, f"{short} model {models[0]!r}", scope=scope), family)
        return Resolution("unknown", self.evidence(call, f"{short} with no model in the file, treated as Azure", scope=scope), family)

    def _module_client(self, binding: Binding) -> Resolution | None:
        """`import openai` used directly: the module-level settings of the module that imports it decide."""
        index = self.project.view_of(binding.scope).index
        alias = next((local for local, qualified in index.imports.items() if qualified == "openai"), "openai")
        scope = index.module_scope
        for assignment in index.lookup(f"{alias}.api_type", scope):
            value = string_text(assignment.value) if assignment.value is not None else None
            if value is not None:
                status = "azure" if value.lower() in ("azure", "azure_ad", "azuread") else "not_azure"
                return Resolution(status, self.evidence(assignment.value, f"{alias}.api_type = {value!r}", scope=scope), "openai")
        for setting in ("azure_endpoint", "base_url", "api_base"):
            for assignment in index.lookup(f"{alias}.{setting}", scope):
                if assignment.value is None:
                    continue
                text = endpoint_text(assignment.value, assignment.scope, self.project)
                status = "azure" if setting == "azure_endpoint" else (classify_endpoint(text) if text else None)
                if status is not None:
                    return Resolution(status, self.evidence(assignment.value, f"{alias}.{setting} = {text or '...'}", "endpoint", scope), "openai")
        for assignment in index.lookup(f"{alias}.api_key", scope):
            key = self._openai_platform_key(assignment.value, assignment.scope)
            if key is not None:
                return Resolution("not_azure", self.evidence(assignment.value, f"{alias}.api_key from {key}, no api_type 'azure'", "endpoint", scope), "openai")
        return None

    def _openai_platform_key(self, value: ast.AST | None, scope: Scope) -> str | None:
        """`$OPENAI_API_KEY` when the key is read from OpenAI's own environment variable (only its name is read)."""
        text = endpoint_text(value, scope, self.project) if value is not None else None
        variable = text[1:].split(" ", 1)[0] if text and text.startswith("$") else None
        return f"${variable}" if variable in load_provider_data().openai_key_variables else None


def _strings_under(node: ast.AST) -> Iterator[ast.AST]:
    return (item for item in descendants(node) if isinstance(item, (ast.Constant, ast.JoinedStr)))
