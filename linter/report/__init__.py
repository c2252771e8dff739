"""Stage 5, report: findings as people read them.

Takes findings and vision calls and gives flake8 message text, JSON, SARIF and the inventory.
Front ends (`plugin`, `cli`) only choose among these.
"""
