"""Plugins handed an agent or a gateway URL by the host application: the client is not in this project."""
import asyncio
import base64

import requests
from pydantic_ai import ImageUrl


async def describe_for(agent, photo_url: str) -> str:
    # A possible vision call: where it goes is not in this project.
    # ok: no-vision-call
    result = await agent.run(["Describe the photo.", ImageUrl(url=photo_url)])
    return result.output


def through_gateway(gateway_url: str, jpeg: bytes) -> dict:
    encoded = base64.b64encode(jpeg).decode()
    # ok: no-vision-call
    return requests.post(gateway_url, json={"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": f"data:image/jpeg;base64,{encoded}"}}]}]}).json()


class Plugin:
    def __init__(self, llm):
        self.llm = llm

    def caption(self, photo_url: str) -> str:
        # ok: no-vision-call
        return self.llm.invoke([{"role": "user", "content": [{"type": "image_url", "image_url": {"url": photo_url}}]}])


async def main() -> None:
    print(await describe_for(None, "https://example.com/cat.jpg"))


if __name__ == "__main__":
    # Runs the coroutine; not a request of its own.
    # ok: no-vision-call
    asyncio.run(main())
