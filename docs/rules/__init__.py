"""The rule pages, shipped in the wheel as `linter.rule_docs` so SARIF output can carry them."""
