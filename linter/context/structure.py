"""A call's purpose from its structure, for calls whose words state none (docs/purposes.md).

A probe image sent together with reference photos of people taken from a collection (a loop over
roster, database or folder rows, each photo with the row's id or name beside it) asks who matches:
identification. A captured or live photo sent with one person's document or profile photo asks
whether they are the same person: verification. Both read the call's data flow, not its words, so
they work whatever the prompt's language.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterator

from flake8_azure_face_policy.calls.dataflow import Flow
from flake8_azure_face_policy.context.purposes import WordClass, split_words
from flake8_azure_face_policy.context.vocabulary import load_vocabulary
from flake8_azure_face_policy.ruledata import RuleDataError, data_file
from flake8_azure_face_policy.source.index import ModuleIndex, Scope
from flake8_azure_face_policy.source.syntax import dotted_name, split_identifier, string_text

_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)
_LOOPS = (ast.For, ast.AsyncFor, *_COMPREHENSIONS)
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)


@dataclass(frozen=True)
class StructuralPurpose:
    line: int
    text: str  # what the structure shows, as evidence: 'reference photos from roster'


class StructureWords:
    """The word classes of purposes.yaml `structure`: people, documents, captures."""

    def __init__(self, data: dict[str, Any], word_class):
        section = data.get("structure")
        if not isinstance(section, dict):
            raise RuleDataError("purposes.yaml: expected a mapping under 'structure'")
        self.classes: dict[str, WordClass] = {}
        for name in ("people", "document", "capture"):
            spec = section.get(name)
            if not isinstance(spec, str) or not spec:
                raise RuleDataError(f"purposes.yaml structure: expected words under '{name}'")
            self.classes[name] = word_class(spec, f"purposes.yaml structure {name}")

    def first(self, name: str, text: str) -> str | None:
        """The first word of the class in an identifier-like text, as written."""
        words = split_words(text)
        word_class = self.classes[name]
        for at in range(len(words.forms)):
            end = next(word_class.ends(words, at, words.sentence[at]), None)
            if end is not None:
                return text[words.spans[at][0] : words.spans[end - 1][1]]
        return None


@lru_cache(maxsize=16)
def _parents(tree: ast.AST) -> dict[int, ast.AST]:
    parents: dict[int, ast.AST] = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[id(child)] = node
    return parents


def _ancestors(tree: ast.AST, node: ast.AST) -> Iterator[tuple[ast.AST, ast.AST, ast.AST]]:
    """(ancestor, its child on the way, that child's child) from the node up to the module."""
    parents = _parents(tree)
    child, grandchild = node, node
    while id(child) in parents:
        parent = parents[id(child)]
        yield parent, child, grandchild
        child, grandchild = parent, child


def _enclosing(tree: ast.AST, node: ast.AST, kinds: tuple[type, ...]) -> ast.AST | None:
    """The innermost node of these kinds that runs the node once per item (a loop's collection is
    evaluated outside the loop)."""
    for ancestor, child, grandchild in _ancestors(tree, node):
        if isinstance(ancestor, kinds):
            if isinstance(ancestor, (ast.For, ast.AsyncFor)) and child is ancestor.iter:
                continue
            if isinstance(ancestor, _COMPREHENSIONS) and child is ancestor.generators[0] and grandchild is child.iter:
                continue
            return ancestor
    return None


def _words_of(node: ast.AST) -> str:
    """The identifiers and strings of an expression, split into words."""
    parts = []
    for child in ast.walk(node):
        if isinstance(child, ast.Name):
            parts.append(split_identifier(child.id))
        elif isinstance(child, ast.Attribute):
            parts.append(split_identifier(child.attr))
        elif isinstance(child, ast.arg):
            parts.append(split_identifier(child.arg))
        elif isinstance(child, ast.Constant) and isinstance(child.value, str) and len(child.value) < 200:
            parts.append(split_identifier(child.value.replace("/", " ").replace(".", " ")))
    return " ; ".join(parts)


def _loop_parts(loop: ast.AST) -> tuple[list[ast.AST], list[ast.AST], list[ast.AST]]:
    """(targets, iterables, body) of a for statement or a comprehension."""
    if isinstance(loop, (ast.For, ast.AsyncFor)):
        return [loop.target], [loop.iter], list(loop.body)
    generators = loop.generators
    body = [loop.key, loop.value] if isinstance(loop, ast.DictComp) else [loop.elt]
    body += [g.iter for g in generators[1:]] + [condition for g in generators for condition in g.ifs]
    return [g.target for g in generators], [generators[0].iter], body


def _names(targets: list[ast.AST]) -> set[str]:
    return {node.id for target in targets for node in ast.walk(target) if isinstance(node, ast.Name)}


def _labels_each_row(body: list[ast.AST], row_names: set[str]) -> ast.AST | None:
    """A text built from the loop's row (its id or name beside each photo), if the body has one."""
    for statement in body:
        for node in ast.walk(statement):
            built = isinstance(node, ast.JoinedStr) or (
                isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)) and any(string_text(side) is not None for side in (node.left, node.right))
            ) or (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format" and string_text(node.func.value) is not None)
            if built and any(isinstance(name, ast.Name) and name.id in row_names for name in ast.walk(node)):
                return node
    return None


def _image_instances(index: ModuleIndex, flow: Flow) -> list[ast.AST]:
    """Each image the request carries: its parts, and for a part built by a helper function, each
    call of that helper (the part itself is written once)."""
    tree = index.tree
    found: dict[int, ast.AST] = {}
    helpers: set[str] = set()
    calls = list(flow.every("calls"))
    for part in flow.every("image_parts"):
        helper = _enclosing(tree, part, _FUNCTIONS)
        if isinstance(helper, (ast.FunctionDef, ast.AsyncFunctionDef)) and any(
            (dotted_name(call.func) or "").rsplit(".", 1)[-1] == helper.name for call in calls
        ):
            helpers.add(helper.name)
        else:
            found.setdefault(id(part), part)
    for call in calls:
        if (dotted_name(call.func) or "").rsplit(".", 1)[-1] in helpers:
            found.setdefault(id(call), call)
    return list(found.values())


def structural_purpose(index: ModuleIndex, flow: Flow, words: StructureWords) -> StructuralPurpose | None:
    images = _image_instances(index, flow)
    if len(images) < 2:
        return None
    gallery = _reference_gallery(index, images, words)
    if gallery is not None:
        return gallery
    return _verification(index, images, words)


def _reference_gallery(index: ModuleIndex, images: list[ast.AST], words: StructureWords) -> StructuralPurpose | None:
    tree = index.tree
    for image in images:
        loop = _enclosing(tree, image, _LOOPS)
        if loop is None:
            continue
        targets, iterables, body = _loop_parts(loop)
        label = _labels_each_row(body, _names(targets))
        if label is None or not any(_enclosing(tree, other, _LOOPS) is not loop for other in images if other is not image):
            continue
        collection = " ; ".join(_words_of(node) for node in (*iterables, *targets, label, image))
        person = words.first("people", collection)
        if person is not None:
            source = " ".join(index.source_of(iterables[0]).split())
            return StructuralPurpose(loop.lineno, f"reference photos from {source if len(source) <= 40 else person}")
    return None


def _verification(index: ModuleIndex, images: list[ast.AST], words: StructureWords) -> StructuralPurpose | None:
    scopes = [index.module_scope, *_scopes(index)]  # once, not once per image
    described = [(image, _words_of(image) + " ; " + _bound_words(scopes, image)) for image in images]
    for image, text in described:
        document = words.first("document", text)
        if document is None:
            continue
        for other, other_text in described:
            capture = words.first("capture", other_text) if other is not image else None
            if capture is not None and words.first("document", other_text) is None:
                return StructuralPurpose(getattr(image, "lineno", 1), f"{capture} sent with {document} photo")
    return None


def _bound_words(scopes: list[Scope], node: ast.AST) -> str:
    """Words of what the names in an expression were assigned (one step back), in any of the scopes."""
    parts = []
    for name in {child.id for child in ast.walk(node) if isinstance(child, ast.Name)}:
        for scope in scopes:
            for binding in scope.bindings.get(name, ()):
                if binding.value is not None and binding.kind in ("assign", "with", "loop"):
                    parts.append(_words_of(binding.value))
    return " ; ".join(parts)


def _scopes(index: ModuleIndex):
    seen = set()
    for candidate in index.candidates:
        scope = candidate.scope
        while scope is not None and id(scope) not in seen:
            seen.add(id(scope))
            yield scope
            scope = scope.parent


@lru_cache(maxsize=None)
def load_structure_words() -> StructureWords:
    return StructureWords(data_file("purposes.yaml"), load_vocabulary().purposes.word_class)
