"""Model names and their context windows."""

CONTEXT_WINDOWS = {"gpt-4o": 128_000, "gpt-4o-mini": 128_000, "gpt-4.1": 1_047_576}
RETIRED = {"gpt-4-vision-preview", "gpt-4-32k"}


def context_window(model: str) -> int:
    if model.startswith("ft:"):
        model = model.split(":")[1]
    if model in RETIRED:
        raise ValueError(f"OpenAI model {model} has been discontinued. Please choose another model.")
    if model not in CONTEXT_WINDOWS:
        raise ValueError(
            f"Unknown model {model!r}. Please provide a valid OpenAI model name in:"
            f" {', '.join(CONTEXT_WINDOWS)}"
        )
    return CONTEXT_WINDOWS[model]


def max_output_tokens(model: str) -> int:
    return min(16_384, context_window(model) // 8)
