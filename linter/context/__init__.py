"""Stage 3, context: what the code and its project say about a call.

Takes a vision call with its data flow and gives its signals, each with evidence and closeness:
the code's words (comments, docstrings, strings, names), configuration files near the file and
the declared context, matched against the vocabularies.
"""
