import base64

from openai import AsyncAzureOpenAI, AzureOpenAI

aclient = AsyncAzureOpenAI(azure_endpoint="https://staffing.openai.azure.com", api_version="2024-10-01-preview")
client = AzureOpenAI(azure_endpoint="https://staffing.openai.azure.com", api_version="2024-05-01-preview")


async def ask_realtime(jpeg: bytes) -> None:
    image = {"type": "input_image", "image_url": "data:image/jpeg;base64," + base64.b64encode(jpeg).decode()}
    async with aclient.beta.realtime.connect(model="gpt-4o-realtime-preview") as connection:
        # ruleid: AFP201
        await connection.conversation.item.create(item={"type": "message", "role": "user", "content": [
            {"type": "input_text", "text": "Identify the person in this picture."}, image]})
        await connection.response.create()


def streamed_run(assistant_id: str, photo_url: str) -> None:
    # ruleid: AFP201
    with client.beta.threads.create_and_run_stream(assistant_id=assistant_id, thread={"messages": [{"role": "user", "content": [
        {"type": "text", "text": "Identify the contractor in this photo."},
        {"type": "image_url", "image_url": {"url": photo_url}}]}]}) as stream:
        stream.until_done()
