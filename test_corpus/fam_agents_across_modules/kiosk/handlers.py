"""Kiosk request handlers: the agents come from kiosk.agents."""
from agent_framework import Content, Message
from agents import Runner
from pydantic_ai import BinaryContent

from kiosk.agents import checkin_agent, key_card_agent, luggage_agent


async def check_in(jpeg: bytes) -> str:
    # ruleid: AFP201
    result = await checkin_agent.run(Message(role="user", contents=[Content.from_data(jpeg, "image/jpeg")]))
    return result.text


def luggage(jpeg: bytes) -> str:
    # ok: AFP201
    return luggage_agent.run_sync([BinaryContent(data=jpeg, media_type="image/jpeg")]).output


async def key_card(selfie_url: str) -> str:
    # ruleid: AFP201
    result = await Runner.run(key_card_agent, [{"role": "user", "content": [{"type": "input_image", "image_url": selfie_url}]}])
    return result.final_output


async def lobby_hours() -> str:
    # ok: no-vision-call
    result = await checkin_agent.run("When does the lobby open?")
    return result.text
