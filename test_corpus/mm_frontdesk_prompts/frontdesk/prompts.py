"""Prompt texts shared by the front-desk tools."""

GUEST_MATCH_PROMPT = (
    "Is the person in the lobby photo the same person as in the passport photo on file? "
    "Answer MATCH or NO MATCH."
)

ROOM_PHOTO_PROMPT = "Reply in JSON with the keys bed_made, towels_replaced and minibar_opened."


def archived_pilot_notes() -> str:
    """Notes of the 2023 pilot that tried to recognise returning guests by their face."""
    # the pilot asked the model to identify each guest by face and look up their name
    return "Identify the guest in the photo by their face and give their full name."
