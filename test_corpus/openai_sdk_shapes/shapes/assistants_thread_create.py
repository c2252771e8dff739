from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint="https://staffing.openai.azure.com", api_version="2024-05-01-preview")
IDENTIFY = "Which of our contractors is in this photo? Identify them by name."


def image_message(url: str) -> dict:
    return {"role": "user", "content": [
        {"type": "text", "text": IDENTIFY},
        {"type": "image_url", "image_url": {"url": url, "detail": "high"}},
    ]}


def start_thread(url: str):
    # ruleid: AFP201
    return client.beta.threads.create(messages=[image_message(url)])


def one_shot(url: str, assistant_id: str):
    # ruleid: AFP201
    return client.beta.threads.create_and_run_poll(assistant_id=assistant_id, thread={"messages": [image_message(url)]})


def follow_up(thread_id: str, url: str, assistant_id: str):
    # ruleid: AFP201
    return client.beta.threads.runs.create(thread_id=thread_id, assistant_id=assistant_id, additional_messages=[image_message(url)])
