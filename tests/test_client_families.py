"""Each client family's call sites carry the family's name and the method that sends the image."""

from __future__ import annotations

import pytest

from corpus import CORPUS
from flake8_azure_face_policy.engine import vision_calls
from flake8_azure_face_policy.model import Level

EXPECTED = {
    "fam_azure_ai_inference/app/kiosk.py": {("azure-ai-inference", "complete")},
    "fam_azure_ai_inference/app/async_dicts.py": {("azure-ai-inference", "complete")},
    "fam_langchain/app/models.py": {("langchain", "invoke"), ("langchain", "ainvoke"), ("langchain", "stream"), ("langchain", "batch")},
    "fam_langchain/app/community_and_factory.py": {("langchain", "invoke"), ("langchain", "astream")},
    "fam_semantic_kernel/app/frontdesk.py": {("semantic-kernel", "get_chat_message_content"), ("semantic-kernel", "invoke"), ("semantic-kernel", "get_response")},
    "fam_llamaindex/app/vision.py": {("llamaindex", "chat"), ("llamaindex", "achat"), ("llamaindex", "complete")},
    "fam_autogen_instructor/app/agents.py": {("autogen", "create"), ("autogen", "run")},
    "fam_autogen_instructor/app/structured.py": {("openai", "chat.completions.create")},
    "fam_rest/app/raw_http.py": {("rest", "post (HTTP)"), ("rest", "urlopen (HTTP)")},
    "fam_litellm/app/routing.py": {("litellm", "completion"), ("litellm", "acompletion")},
    "fam_speaker_id/app/diarize.py": {("openai", "audio.transcriptions.create")},
    "fam_text_only/app/text_calls.py": set(),
    "fam_agent_framework/app/desk_agent.py": {("agent-framework", "run"), ("agent-framework", "get_response")},
    "fam_agent_framework/app/preview_agent.py": {("agent-framework", "run"), ("agent-framework", "run_stream"), ("agent-framework", "get_streaming_response")},
    "fam_foundry/app/project_responses.py": {("openai", "responses.create"), ("openai", "chat.completions.create")},
    "fam_foundry/app/inspection_agents.py": {("azure-ai-agents", "messages.create"), ("azure-ai-agents", "threads.create")},
    "fam_openai_agents/app/triage.py": {("openai-agents", "run")},
    "fam_openai_agents/app/models.py": {("openai-agents", "run_sync"), ("openai-agents", "run_streamed")},
    "fam_pydantic_ai/app/shelf.py": {("pydantic-ai", "run_sync"), ("pydantic-ai", "run"), ("pydantic-ai", "run_stream")},
    "fam_sk_agents/app/assistants.py": {("semantic-kernel", "invoke_stream"), ("semantic-kernel", "invoke"), ("semantic-kernel", "get_response")},
    "fam_llamaindex/app/document_images.py": {("llamaindex", "complete"), ("llamaindex", "acomplete")},
    "fam_rest/app/templated_urls.py": {("rest", "post (HTTP)")},
}


@pytest.mark.parametrize("relative", sorted(EXPECTED))
def test_family_and_method_of_each_call(relative):
    path = CORPUS / relative
    found = {(call.family, call.method) for call in vision_calls(path.read_text(encoding="utf-8"), str(path))}
    assert found == EXPECTED[relative]


def test_speaker_references_make_an_audio_call_without_any_content_part():
    (call,) = [c for c in vision_calls((CORPUS / "fam_speaker_id/app/diarize.py").read_text()) if c.method == "audio.transcriptions.create"]
    assert call.media == frozenset({"audio"})


def test_an_agents_instructions_are_evidence_of_the_call_that_hands_it_the_image():
    path = CORPUS / "fam_agent_framework/app/desk_agent.py"
    (call,) = [c for c in vision_calls(path.read_text(), str(path)) if c.line == 19]
    identity = [signal for signal in call.signals if signal.name == "identity"]
    assert identity and identity[0].evidence.level == Level.CALL and identity[0].evidence.line == 12


@pytest.mark.parametrize(
    ("relative", "line", "provider"),
    [
        ("fam_openai_agents/app/triage.py", 23, "azure"),  # set_default_openai_client(AsyncAzureOpenAI(...))
        ("fam_openai_agents/app/models.py", 26, "azure"),  # OpenAIResponsesModel("gpt-4o", azure)
        ("fam_openai_agents/app/models.py", 33, "not_azure"),  # openai_client on localhost
        ("fam_pydantic_ai/app/shelf.py", 30, "azure"),  # Agent("azure:gpt-4o-mini")
        ("fam_pydantic_ai/app/shelf.py", 48, "not_azure"),  # Agent("openai:gpt-4o")
        ("fam_agent_framework/app/desk_agent.py", 77, "not_azure"),  # OllamaChatClient
        ("fam_sk_agents/app/assistants.py", 60, "not_azure"),  # OpenAIAssistantAgent
    ],
)
def test_provider_of_agent_calls(relative, line, provider):
    path = CORPUS / relative
    (call,) = [c for c in vision_calls(path.read_text(), str(path), other_providers=True) if c.line == line]
    assert call.provider.status == provider


@pytest.mark.parametrize(
    ("relative", "line", "deployment"),
    [
        ("fam_agent_framework/app/desk_agent.py", 19, "gpt-4o"),  # OpenAIChatClient(model="gpt-4o") behind the agent
        ("fam_agent_framework/app/preview_agent.py", 14, "gpt-4o"),  # AzureOpenAIChatClient(deployment_name="gpt-4o")
        ("fam_openai_agents/app/models.py", 20, "gpt-4o"),  # OpenAIChatCompletionsModel(model="gpt-4o") in the agent
        ("fam_llamaindex/app/vision.py", 27, "gpt4v"),  # AzureOpenAIMultiModal(engine="gpt4v")
    ],
)
def test_deployment_of_a_call_without_a_model_argument_is_its_clients(relative, line, deployment):
    path = CORPUS / relative
    (call,) = [c for c in vision_calls(path.read_text(), str(path)) if c.line == line]
    assert call.deployment == deployment
