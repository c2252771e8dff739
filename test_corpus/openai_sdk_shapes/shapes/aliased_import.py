from openai import AzureOpenAI as Client

vision = Client(azure_endpoint="https://staffing.openai.azure.com", api_version="2024-10-21")


def who_is_on_site(photo_url: str) -> str:
    # ruleid: AFP201
    raw = vision.chat.completions.with_raw_response.create(
        model="staff",
        messages=[{"role": "user", "content": [
            {"type": "text", "text": "Who is this person? Use the contractor roster names."},
            {"type": "image_url", "image_url": {"url": photo_url}},
        ]}],
    )
    return raw.parse().choices[0].message.content
