"""A Quart chat app whose client is set up on the blueprint when the app starts."""
import json
import os

from openai import AsyncOpenAI
from quart import Blueprint, request

bp = Blueprint("chat", __name__)


@bp.before_app_serving
async def configure_openai():
    bp.model_name = os.getenv("OPENAI_MODEL", "gpt-4o")
    if os.getenv("OPENAI_HOST") == "local":
        bp.openai_client = AsyncOpenAI(api_key="no-key-required", base_url=os.getenv("LOCAL_OPENAI_ENDPOINT"))
    else:
        bp.openai_client = AsyncOpenAI(base_url=os.environ["AZURE_OPENAI_ENDPOINT"].rstrip("/") + "/openai/v1", api_key=os.environ["AZURE_OPENAI_KEY"])


@bp.post("/chat")
async def chat_handler():
    request_json = await request.get_json()
    image = request_json["context"]["file"]
    user_content = request_json["messages"][-1]["content"] + [{"type": "input_image", "image_url": image}]
    # ok: AFP201
    response = await bp.openai_client.responses.create(model=bp.model_name, input=[{"role": "user", "content": user_content}], store=False)
    return json.dumps({"text": response.output_text})


@bp.post("/platform")
async def platform_handler():
    request_json = await request.get_json()
    platform = AsyncOpenAI(api_key=os.environ["OPENAI_API_KEY"])
    # OpenAI's own key and no base_url: api.openai.com.
    # ok: no-vision-call
    response = await platform.responses.create(model="gpt-4o", input=[{"role": "user", "content": [{"type": "input_image", "image_url": request_json["image"]}]}])
    return json.dumps({"text": response.output_text})
