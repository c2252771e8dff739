"""What every client family provides to the engine."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import ast

from flake8_azure_face_policy.calls.resolve import ClientResolver, Resolution
from flake8_azure_face_policy.model import Evidence, Level, Provider, Signal
from flake8_azure_face_policy.source.index import CallCandidate


@dataclass(frozen=True)
class CallShape:
    """A request call recognised by a family: which method, on which client, to which provider."""

    family: str
    method: str
    receiver: ast.expr | None  # the client expression, followed for context and media
    provider: Provider
    implied_media: frozenset[str] = frozenset()  # media the call's shape itself says it sends
    implied_signals: tuple[Signal, ...] = ()  # what the call's shape itself says it does


def provider_of(resolution: Resolution | None) -> Provider:
    if resolution is None:
        return Provider("unknown", Evidence("client", None, "provider not visible, treated as Azure", Level.CALL))
    return Provider(resolution.status, resolution.evidence)


class ClientFamily(Protocol):
    name: str
    request_method_names: frozenset[str]

    def match(self, candidate: CallCandidate, resolver: ClientResolver) -> CallShape | None: ...
