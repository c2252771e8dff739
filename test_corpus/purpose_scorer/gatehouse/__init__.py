"""Gatehouse assistant: sends the night-shift camera stills to the model with the prompts below."""
