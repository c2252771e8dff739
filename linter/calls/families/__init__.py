"""Client families: each recognises its request calls; the shared resolver tells which client a
call is made on and whether it talks to Azure.

Adding a family means adding its data to rules/clients.yaml (methods on a client), or a module here
for a new call shape, and an entry below.
"""

from __future__ import annotations

from functools import lru_cache

from flake8_azure_face_policy.calls.families.agent_runners import agent_runner_families
from flake8_azure_face_policy.calls.families.base import CallShape, ClientFamily
from flake8_azure_face_policy.calls.families.litellm_functions import LiteLLMFunctions
from flake8_azure_face_policy.calls.families.method_clients import method_client_families
from flake8_azure_face_policy.calls.families.openai_sdk import OpenAIFamily
from flake8_azure_face_policy.calls.resolve import ClientResolver
from flake8_azure_face_policy.calls.families.rest import RestFamily


@lru_cache(maxsize=None)
def client_families() -> tuple[ClientFamily, ...]:
    return (OpenAIFamily(), *method_client_families(), *agent_runner_families(), LiteLLMFunctions(), RestFamily())


__all__ = ["CallShape", "ClientFamily", "ClientResolver", "client_families"]
