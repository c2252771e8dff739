"""Fast, iterative traversal of a libcst tree.

libcst's `visit` and `children` rebuild each node's children through its transformer machinery,
which cost more than the whole analysis; reading the node dataclasses' fields directly gives the
same children for a fraction of the cost, and walking with an explicit stack never meets Python's
recursion limit however deep the code is nested.
"""

from __future__ import annotations

import dataclasses
from typing import Callable, Iterator

import libcst as cst

_CHILD_FIELDS: dict[type, tuple[str, ...]] = {}


def is_node_type(node_type: type, of: type = cst.CSTNode, _cache: dict = {}) -> bool:
    """issubclass, cached: isinstance against libcst's abstract base classes is slow."""
    key = (node_type, of)
    found = _cache.get(key)
    if found is None:
        found = _cache[key] = issubclass(node_type, of)
    return found


def children(node: cst.CSTNode) -> list[cst.CSTNode]:
    names = _CHILD_FIELDS.get(type(node))
    if names is None:
        names = _CHILD_FIELDS[type(node)] = tuple(field.name for field in dataclasses.fields(node))
    found: list[cst.CSTNode] = []
    for name in names:
        value = getattr(node, name)
        value_type = type(value)
        if value_type is list or value_type is tuple:
            found.extend(item for item in value if is_node_type(type(item)))
        elif is_node_type(value_type):
            found.append(value)
    return found


def walk(root: cst.CSTNode, enter: Callable[[cst.CSTNode], bool], leave: Callable[[cst.CSTNode], None]) -> None:
    """Depth-first: `enter(node)` before its children (return False to skip them), `leave(node)` after."""
    stack: list[tuple[cst.CSTNode, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            leave(node)
            continue
        stack.append((node, True))
        if enter(node) is not False:
            stack.extend((child, False) for child in reversed(children(node)))


def descendants(root: cst.CSTNode, stop: tuple[type, ...] = ()) -> Iterator[cst.CSTNode]:
    """Every node under `root` (not inside nodes of the `stop` types, whose own node is still yielded)."""
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        if node is root or not isinstance(node, stop):
            stack.extend(children(node))
