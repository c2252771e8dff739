"""Client families: each recognises its request calls; the shared resolver tells which client a
call is made on and whether it talks to Azure.

Adding a family means adding its data to rules/clients.yaml (methods on a client), or a module here
for a new call shape, and an entry below.
"""

from __future__ import annotations

from functools import lru_cache

from linter.clients.base import CallShape, ClientFamily
from linter.clients.litellm_functions import LiteLLMFunctions
from linter.clients.method_clients import method_client_families
from linter.clients.openai_sdk import OpenAIFamily
from linter.clients.resolve import ClientResolver
from linter.clients.rest import RestFamily


@lru_cache(maxsize=None)
def client_families() -> tuple[ClientFamily, ...]:
    return (OpenAIFamily(), *method_client_families(), LiteLLMFunctions(), RestFamily())


__all__ = ["CallShape", "ClientFamily", "ClientResolver", "client_families"]
