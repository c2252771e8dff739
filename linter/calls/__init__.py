"""Stage 2, calls: which candidates are vision calls.

Takes the module index and gives, per request call, its client family and shape, its provider
(Azure, another provider, or not visible) and the data flow of its arguments: the media it sends
and the text items it reaches.
"""
