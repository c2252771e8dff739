"""The rule pages, shipped in the wheel as `flake8_azure_face_policy.rule_docs` so SARIF output can carry them."""
