"""Front desk assistant on Semantic Kernel."""
from semantic_kernel import Kernel
from semantic_kernel.agents import ChatCompletionAgent
from semantic_kernel.connectors.ai.open_ai import AzureChatCompletion, AzureChatPromptExecutionSettings
from semantic_kernel.contents import AuthorRole, ChatHistory, ChatMessageContent, ImageContent, TextContent
from semantic_kernel.functions import KernelArguments

service = AzureChatCompletion(deployment_name="gpt4o-vision")  # endpoint and key from AZURE_OPENAI_* settings


async def who_is_at_the_desk(camera_still: str) -> str:
    history = ChatHistory()
    history.add_user_message([TextContent(text="Who is this person at the front desk?"), ImageContent.from_image_file(camera_still)])
    # ruleid: AFP201
    reply = await service.get_chat_message_content(history, AzureChatPromptExecutionSettings())
    return str(reply)


kernel = Kernel()
kernel.add_service(AzureChatCompletion(service_id="vision", deployment_name="gpt4o-vision"))
match_function = kernel.add_function(plugin_name="desk", function_name="match", prompt="{{$chat_history}}")


async def match_with_kernel(photo_url: str) -> str:
    history = ChatHistory()
    history.add_message(ChatMessageContent(role=AuthorRole.USER, items=[
        TextContent(text="Match the face against the staff photos and say who it is."),
        ImageContent(uri=photo_url),
    ]))
    # ruleid: AFP201
    result = await kernel.invoke(match_function, KernelArguments(chat_history=history))
    return str(result)


agent = ChatCompletionAgent(service=AzureChatCompletion(deployment_name="gpt4o-vision"), name="Desk", instructions="You help front desk staff.")


async def describe_parcel(photo_url: str) -> str:
    message = ChatMessageContent(role=AuthorRole.USER, items=[TextContent(text="Describe the parcel and its label."), ImageContent(uri=photo_url)])
    # ok: AFP201
    response = await agent.get_response(messages=message)
    return str(response)
