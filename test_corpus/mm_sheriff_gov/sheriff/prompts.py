"""Prompt texts for the field tools."""

WARRANT_MATCH = "Identify the person in this photo by their face and give the name on the matching warrant."
SCENE_NOTES = "Describe the scene: vehicles, road conditions and visible damage."
