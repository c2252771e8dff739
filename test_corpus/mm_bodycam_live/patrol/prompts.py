FACE_CHECK = "Identify the person in front of the officer by their face and give their name."
