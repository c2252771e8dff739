GALLERY_MATCH = "Find this person among the booking photos of prior inmates that follow. Reply with the index of the matching photo."
