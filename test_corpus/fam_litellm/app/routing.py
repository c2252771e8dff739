"""litellm in front of Azure OpenAI deployments."""
import os

import litellm
from litellm import Router, acompletion, completion

CONTENT = [{"type": "text", "text": "Identify the person in the photo."}, {"type": "image_url", "image_url": {"url": "https://example.com/p.jpg"}}]

router = Router(model_list=[{"model_name": "vision", "litellm_params": {
    "model": "azure/gpt4o-vision", "api_base": os.environ["AZURE_API_BASE"], "api_version": "2024-10-21"}}])


def identify() -> str:
    # ruleid: AFP201
    reply = completion(model="azure/gpt4o-vision", messages=[{"role": "user", "content": CONTENT}])
    return reply.choices[0].message.content


async def identify_async() -> str:
    # ruleid: AFP201
    reply = await acompletion(model="azure/gpt4o-vision", messages=[{"role": "user", "content": CONTENT}])
    return reply.choices[0].message.content


def identify_module_style() -> str:
    # ruleid: AFP201
    reply = litellm.completion(model=f"azure/{os.environ['VISION_DEPLOYMENT']}", messages=[{"role": "user", "content": CONTENT}])
    return reply.choices[0].message.content


def identify_routed() -> str:
    # ruleid: AFP201
    reply = router.completion(model="vision", messages=[{"role": "user", "content": CONTENT}])
    return reply.choices[0].message.content


def other_providers() -> list[str]:
    # ok: no-vision-call
    first = completion(model="openai/gpt-4o", messages=[{"role": "user", "content": CONTENT}])
    # ok: no-vision-call
    second = completion(model="ollama/llava", messages=[{"role": "user", "content": CONTENT}])
    # ok: no-vision-call
    third = completion(model="gpt-4o", messages=[{"role": "user", "content": CONTENT}])
    return [first.choices[0].message.content, second.choices[0].message.content, third.choices[0].message.content]
