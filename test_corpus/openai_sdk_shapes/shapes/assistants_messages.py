"""Assistants API: the image goes in with the thread message, the run comes later."""
from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://staffing.openai.azure.com", api_version="2024-05-01-preview")


def identify_worker(photo_path: str, assistant_id: str) -> str:
    uploaded = client.files.create(file=open(photo_path, "rb"), purpose="vision")
    thread = client.beta.threads.create()
    # ruleid: AFP201
    client.beta.threads.messages.create(
        thread_id=thread.id,
        role="user",
        content=[
            {"type": "text", "text": "Identify this worker from the contractor photos you were given."},
            {"type": "image_file", "image_file": {"file_id": uploaded.id}},
        ],
    )
    run = client.beta.threads.runs.create_and_poll(thread_id=thread.id, assistant_id=assistant_id)
    return run.status
