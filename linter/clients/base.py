"""What every client family provides to the engine."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import libcst as cst

from linter.dataflow import ArgumentLabels
from linter.model import Provider
from linter.module_index import CallCandidate, ModuleIndex


@dataclass(frozen=True)
class CallShape:
    """A request call recognised by a family: which method, and the client expression it is made on."""

    family: str
    method: str
    receiver: cst.BaseExpression


class ClientFamily(Protocol):
    name: str
    prefilter_tokens: tuple[str, ...]
    request_method_names: frozenset[str]
    labels: ArgumentLabels

    def match(self, call: cst.Call) -> CallShape | None: ...

    def provider(self, shape: CallShape, candidate: CallCandidate, index: ModuleIndex) -> Provider: ...
