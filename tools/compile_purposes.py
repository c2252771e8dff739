"""Writes rules/purposes.compiled.json: rules/purposes.yaml as JSON, and the index of its frames.

Reading purposes.yaml (about 11 ms with libyaml) and indexing its frames (reading the first position
of each template, slots included: 17 to 20 ms) happen at every start, with the same result each
time, so both are shipped as data with a checksum of the purposes.yaml they were made from. The
linter uses them only when that checksum is the shipped file's (flake8_azure_face_policy.ruledata
`compiled_data`), and otherwise reads the YAML and indexes it itself.
`python tools/compile_purposes.py` rewrites the file; `--check` only says whether it is current.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from generated_files import write_or_check

from flake8_azure_face_policy.context.purposes import PurposeReader
from flake8_azure_face_policy.ruledata import compiled_name, read_yaml, rule_digest

ROOT = Path(__file__).resolve().parent.parent
SOURCE = "purposes.yaml"
TARGET = ROOT / "rules" / compiled_name(SOURCE)


def compiled_text() -> str:
    data = read_yaml(SOURCE)
    compiled = {
        "about": "tools/compile_purposes.py writes this file from purposes.yaml; docs/purposes.md explains it",
        "source_checksum": rule_digest(SOURCE),
        "data": data,
        "index": PurposeReader(data).compiled_index(),
    }
    # keys in the order written: the templates are numbered in the order the YAML data gives them
    return json.dumps(compiled, ensure_ascii=False, separators=(",", ":")) + "\n"


if __name__ == "__main__":
    sys.exit(write_or_check(TARGET, compiled_text(), sys.argv[1:], "tools/compile_purposes.py"))
