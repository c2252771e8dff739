"""Works out which profile value a form input expects, from its label and attributes."""


def classify_input(label: str, name_attr: str) -> tuple[str, str | None]:
    text = f"{label} {name_attr}".lower()
    if "email" in text:
        return ("email", "email")
    if "first" in text and "name" in text:
        return ("first_name", None)
    if "full" in text and "name" in text:
        return ("full_name", None)
    if "passport" in text:
        return ("passport_number", None)
    if "birth" in text or "dob" in text:
        return ("date_of_birth", "date")
    return ("other", None)
