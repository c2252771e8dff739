"""Writing a file the tools generate into rules/, or with `--check` only saying whether it is current."""

from __future__ import annotations

from pathlib import Path


def write_or_check(target: Path, text: str, arguments: list[str], tool: str) -> int:
    """0 when written, or (with `--check`) when the file already holds the text; 1 when it differs."""
    name = f"{target.parent.name}/{target.name}"
    if "--check" in arguments:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        print(f"{name} is current" if current == text else f"{name} differs from what {tool} writes")
        return 0 if current == text else 1
    target.write_text(text, encoding="utf-8")
    print(f"wrote {name}: {text.count(chr(10))} lines, {len(text)} characters")
    return 0
