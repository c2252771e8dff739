"""Each client family's call sites carry the family's name and the method that sends the image."""

from __future__ import annotations

import pytest

from corpus import CORPUS
from flake8_azure_face_policy.engine import vision_calls

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
}


@pytest.mark.parametrize("relative", sorted(EXPECTED))
def test_family_and_method_of_each_call(relative):
    path = CORPUS / relative
    found = {(call.family, call.method) for call in vision_calls(path.read_text(encoding="utf-8"), str(path))}
    assert found == EXPECTED[relative]


def test_speaker_references_make_an_audio_call_without_any_content_part():
    (call,) = [c for c in vision_calls((CORPUS / "fam_speaker_id/app/diarize.py").read_text()) if c.method == "audio.transcriptions.create"]
    assert call.media == frozenset({"audio"})
