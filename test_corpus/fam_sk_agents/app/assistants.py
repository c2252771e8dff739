"""Warehouse assistants on Semantic Kernel agents (Azure Assistants and Responses)."""
from azure.identity import AzureCliCredential
from semantic_kernel.agents import AzureAssistantAgent, AzureResponsesAgent, OpenAIAssistantAgent
from semantic_kernel.contents import AuthorRole, ChatMessageContent, FileReferenceContent, ImageContent, TextContent

client = AzureAssistantAgent.create_client(credential=AzureCliCredential())


async def make_gate_agent() -> AzureAssistantAgent:
    definition = await client.beta.assistants.create(model="gpt-4o", instructions="Identify the driver at the gate from the camera still.", name="Gate")
    return AzureAssistantAgent(client=client, definition=definition)


async def gate_check(photo_url: str, still_file_id: str) -> list[str]:
    agent = AzureAssistantAgent(client=client, definition=await client.beta.assistants.create(model="gpt-4o", name="Gate"))
    message = ChatMessageContent(role=AuthorRole.USER, items=[TextContent(text="Who is this driver?"), ImageContent(uri=photo_url), FileReferenceContent(file_id=still_file_id)])
    replies = []
    # ruleid: AFP201
    async for response in agent.invoke_stream(messages=message):
        replies.append(str(response))
    return replies


async def pallet_labels(photo_url: str) -> list[str]:
    agent = AzureAssistantAgent(client=client, definition=await client.beta.assistants.create(model="gpt-4o", name="Labels"))
    replies = []
    # ok: AFP201
    async for response in agent.invoke(messages=ChatMessageContent(role=AuthorRole.USER, items=[TextContent(text="Read the pallet labels."), ImageContent(uri=photo_url)])):
        replies.append(str(response))
    return replies


responses_agent = AzureResponsesAgent(
    ai_model_id="gpt-4o",
    client=AzureResponsesAgent.create_client(credential=AzureCliCredential(), deployment_name="gpt-4o"),
    instructions="You check forklift damage.",
    name="Forklifts",
)


async def forklift_damage(photo_path: str) -> str:
    # ok: AFP201
    response = await responses_agent.get_response(messages=ChatMessageContent(role=AuthorRole.USER, items=[ImageContent.from_image_file(photo_path)]))
    return str(response)


async def shift_summary(notes: str) -> str:
    # ok: no-vision-call
    response = await responses_agent.get_response(messages=f"Summarise the shift notes: {notes}")
    return str(response)


openai_client = OpenAIAssistantAgent.create_client(api_key="sk-placeholder")


async def on_openai(photo_url: str) -> str:
    agent = OpenAIAssistantAgent(client=openai_client, definition=await openai_client.beta.assistants.create(model="gpt-4o"))
    # OpenAI's own Assistants API, not Azure.
    # ok: no-vision-call
    response = await agent.get_response(messages=ChatMessageContent(role=AuthorRole.USER, items=[ImageContent(uri=photo_url)]))
    return str(response)
