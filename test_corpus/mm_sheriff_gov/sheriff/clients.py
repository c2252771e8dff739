"""Client factory for the Maricopa County Sheriff's Office field tools (Azure Government)."""
import os

from openai import AzureOpenAI


def make_client() -> AzureOpenAI:
    return AzureOpenAI(
        azure_endpoint="https://mcso-field.openai.azure.us",
        api_key=os.environ["MCSO_AOAI_KEY"],
        api_version="2024-10-21",
    )
