"""Meeting transcripts with speakers matched to enrolled voices."""
import base64

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://notes.openai.azure.com", api_version="2025-03-01-preview")


def reference(path: str) -> str:
    with open(path, "rb") as clip:
        return "data:audio/wav;base64," + base64.b64encode(clip.read()).decode()


def transcript_with_names(recording: str) -> str:
    with open(recording, "rb") as audio:
        # ruleid: AFP202
        result = client.audio.transcriptions.create(
            model="gpt-4o-transcribe-diarize",
            file=audio,
            response_format="diarized_json",
            chunking_strategy="auto",
            known_speaker_names=["alice", "bob"],
            known_speaker_references=[reference("alice.wav"), reference("bob.wav")],
        )
    return result.text


def plain_transcript(recording: str) -> str:
    with open(recording, "rb") as audio:
        # ok: no-vision-call
        result = client.audio.transcriptions.create(model="gpt-4o-transcribe", file=audio)
    return result.text
