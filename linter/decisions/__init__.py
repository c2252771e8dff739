"""Stage 4, decisions: which rules fire.

Takes a vision call's signals and gives the rules whose conditions hold, each with the evidence
that decided it: the purpose from the closest place that states one, context added up from all.
"""
