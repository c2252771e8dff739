"""Texts of the kiosk (a cycle of imports: greeting.py imports this module, and this module imports it)."""
from kiosk.greeting import STYLE

GREETING_PROMPT = "Tell me the name of the visitor in the photo so the kiosk can greet them. " + STYLE
