"""The same service against OpenAI's platform, not Azure."""
from semantic_kernel.connectors.ai.open_ai import OpenAIChatCompletion
from semantic_kernel.contents import ChatHistory, ImageContent, TextContent

service = OpenAIChatCompletion(ai_model_id="gpt-4o")


async def who(photo_url: str) -> str:
    history = ChatHistory()
    history.add_user_message([TextContent(text="Who is this person?"), ImageContent(uri=photo_url)])
    # ok: no-vision-call
    return str(await service.get_chat_message_content(history, None))
