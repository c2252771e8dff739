"""Writes rules/purposes_index.json: the index of the purpose frames of rules/purposes.yaml.

Indexing the frames means reading the first position of each of their templates, slots included
(a few hundred words each): 17 to 20 ms at every start. The index is the same every time, so it is
shipped as data, with the SHA-256 of the purposes.yaml it was made from; the reader uses it only
when that digest is the shipped file's, and otherwise indexes the YAML data itself.
`python tools/compile_purposes.py` rewrites the file; `--check` only says whether it is current.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from flake8_azure_face_policy.context.purposes import COMPILED_INDEX, PurposeReader
from flake8_azure_face_policy.ruledata import read_yaml, rule_digest

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "rules" / COMPILED_INDEX


def compiled_text() -> str:
    index = PurposeReader(read_yaml("purposes.yaml")).compiled_index()
    data = {
        "about": "tools/compile_purposes.py writes this file from purposes.yaml; docs/purposes.md explains it",
        "source_sha256": rule_digest("purposes.yaml"),
        "index": index,
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def main(arguments: list[str]) -> int:
    text = compiled_text()
    if "--check" in arguments:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        print(f"rules/{COMPILED_INDEX} is current" if current == text else f"rules/{COMPILED_INDEX} differs: run tools/compile_purposes.py")
        return 0 if current == text else 1
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}: {len(text)} characters")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
