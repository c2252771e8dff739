"""Stage 1, source: what the code does.

Takes a file's text (and flake8's `ast` tree when there is one) and gives the module index: a
text prefilter, which top-level statements can matter, scopes and bindings, and the request-call
candidates. `files` finds and reads the command's input files; `syntax` holds the small readers of
`ast` nodes every later stage uses.
"""
