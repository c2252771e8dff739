"""Browser agent for the back office: picks the next element to act on from a screenshot."""
import base64
import os

from openai import AzureOpenAI

client = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")

QUERY_PROMPT = (
    "You are asked to complete the following task: {task}\n"
    "The screenshot below shows the webpage you see. For each one of the elements on the page, "
    "decide whether it can be clicked, typed into or selected."
)
REFERRING_PROMPT = (
    "Below is a multi-choice question, where the choices are elements in the webpage. "
    "From the screenshot, find out where and what each one is on the webpage, taking into account "
    "both their text content and HTML details. Then tell me which one of them is the element you "
    "want to act on, and which one of the buttons should be clicked next. Answer with the letter."
)


def next_action(screenshot_png: bytes, task: str, choices: str) -> str:
    image = base64.b64encode(screenshot_png).decode()
    # ok: AFP201
    reply = client.chat.completions.create(model="gpt-4o", messages=[
        {"role": "system", "content": QUERY_PROMPT.format(task=task)},
        {"role": "user", "content": [
            {"type": "text", "text": REFERRING_PROMPT + "\n" + choices},
            {"type": "image_url", "image_url": {"url": f"data:image/png;base64,{image}"}}]}])
    return reply.choices[0].message.content
