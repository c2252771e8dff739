"""Prompts of the retired face-recognition pilot; kept for the audit trail, imported by nothing."""

IDENTIFY_GUEST = "Identify the guest in this photo by their face and give their full name and room number."
