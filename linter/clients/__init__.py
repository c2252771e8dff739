"""Client families: each recognises its request calls and tells whether a client is bound to Azure.

Adding a family means adding a module here, its data file in rules/, and an entry below.
"""

from __future__ import annotations

from functools import lru_cache

from linter.clients.base import CallShape, ClientFamily
from linter.clients.openai_sdk import OpenAIFamily


@lru_cache(maxsize=None)
def client_families() -> tuple[ClientFamily, ...]:
    return (OpenAIFamily(),)


__all__ = ["CallShape", "ClientFamily", "client_families"]
