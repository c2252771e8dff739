"""Know-your-customer step: selfie against the photo on the identity document."""
from openai import AzureOpenAI
from openai.types.chat import (
    ChatCompletionContentPartImageParam,
    ChatCompletionContentPartTextParam,
    ChatCompletionUserMessageParam,
)

client = AzureOpenAI(azure_endpoint="https://payfast-kyc.openai.azure.com", api_version="2024-10-21")


def selfie_matches_document(selfie_url: str, document_url: str) -> str:
    question = ChatCompletionContentPartTextParam(type="text", text="Is the selfie the same person as the portrait on the document?")
    selfie = ChatCompletionContentPartImageParam(type="image_url", image_url={"url": selfie_url, "detail": "high"})
    document = ChatCompletionContentPartImageParam(type="image_url", image_url={"url": document_url, "detail": "high"})
    message = ChatCompletionUserMessageParam(role="user", content=[question, selfie, document])
    # ruleid: AFP201
    raw = client.chat.completions.with_raw_response.create(model="kyc", messages=[message])
    return raw.parse().choices[0].message.content
