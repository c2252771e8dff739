"""`azure-face-policy check --add-noqa REASON`: a reviewed suppression on the line of every current
finding, as ruff's `--add-noqa` does, with the reason the contract asks for.

The file is rewritten through libcst's concrete syntax tree, so only the trailing comment of the
lines concerned changes: the encoding (coding cookie, BOM), line endings and everything else come
back byte for byte. A comment goes where flake8 looks for it: at the end of the finding's line, or of
the last line of the multi-line string or backslash-continued line it is part of. An existing
`# noqa: E501` gets the AFP codes added (`# noqa: E501, AFP101  REASON`), another comment keeps its
place before the new `# noqa`, and a `# noqa: AFP201` without a reason (AFP901) gets the reason.
Running it again changes nothing: every finding is silenced by then."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Callable

from flake8_azure_face_policy.flake8_view import Flake8View, Violation, flake8_lines
from flake8_azure_face_policy.model import Result
from flake8_azure_face_policy.report.noqa import UNREASONED_CODE, find_noqa
from flake8_azure_face_policy.source.files import read_source

NOT_SUPPRESSIBLE = ("AFP900", "AFP902")  # the file or the configuration needs fixing, not a review
EXIT_DONE, EXIT_NOT_PLACED, EXIT_MISSING_LIBRARY = 0, 1, 2


def silences(comment: str, code: str) -> bool:
    """flake8's own test of a comment against a code."""
    return Violation(code, "", 1, 1, "", comment).is_inline_ignored(False)


def merged_comment(existing: str | None, codes: list[str], reason: str) -> str | None:
    """The trailing comment that silences `codes` with `reason`, or None when `existing` already does."""
    if existing is None:
        return f"# noqa: {', '.join(codes)}  {reason}"
    noqa = find_noqa(existing)
    if noqa is None:
        return f"{existing}  # noqa: {', '.join(codes)}  {reason}"
    if noqa.codes is None:  # a bare noqa silences everything already
        return None
    missing = [code for code in codes if not silences(existing, code)]
    if not missing and noqa.reason:
        return None
    head = existing[noqa.start : noqa.end].rstrip().rstrip(",")
    if missing:
        head += ", " + ", ".join(missing)
    after = existing[noqa.end :]
    if not noqa.reason:
        after = f"{reason}  {after}" if after.strip() else reason
    return f"{existing[: noqa.start]}{head}  {after}".rstrip()


def comment_lines(wanted: dict[int, list[str]], noqa_line: Callable[[int], str | None]) -> dict[int, list[str]]:
    """Each finding's line moved to the last line flake8 reads the same noqa text for."""
    placed: dict[int, list[str]] = defaultdict(list)
    for line, codes in wanted.items():
        text, last = noqa_line(line), line
        while text is not None and noqa_line(last + 1) == text:
            last += 1
        placed[last] += [code for code in codes if code not in placed[last]]
    return placed


def rewrite(source: bytes, wanted: dict[int, list[str]], reason: str) -> tuple[bytes, list[int]]:
    """The source with the comments written, and the lines that have no place for one."""
    import libcst
    from libcst.metadata import MetadataWrapper, PositionProvider

    class NoqaWriter(libcst.CSTTransformer):
        METADATA_DEPENDENCIES = (PositionProvider,)

        def __init__(self) -> None:
            super().__init__()
            self.done: set[int] = set()

        def _comment(self, original, updated):
            line = self.get_metadata(PositionProvider, original).start.line
            if line not in wanted or line in self.done:
                return updated
            self.done.add(line)
            existing = updated.comment.value if updated.comment is not None else None
            comment = merged_comment(existing, sorted(code for code in wanted[line] if code != UNREASONED_CODE), reason)
            if comment is None:
                return updated
            whitespace = updated.whitespace if existing is not None or updated.whitespace.value else libcst.SimpleWhitespace("  ")
            return updated.with_changes(whitespace=whitespace, comment=libcst.Comment(comment))

        def leave_TrailingWhitespace(self, original, updated):
            return self._comment(original, updated)

        def leave_EmptyLine(self, original, updated):  # a comment on a line of its own (an AFP901 there)
            return self._comment(original, updated) if updated.comment is not None else updated

    module = libcst.parse_module(source)
    writer = NoqaWriter()
    changed = MetadataWrapper(module, unsafe_skip_copy=True).visit(writer)
    return changed.bytes, sorted(set(wanted) - writer.done)


def add_noqa(results: list[Result], reason: str, view: Flake8View, note: Callable[[str], None]) -> int:
    try:
        import libcst
    except ImportError:
        note("--add-noqa needs libcst: pip install 'flake8-azure-face-policy[fix]'")
        return EXIT_MISSING_LIBRARY
    by_path: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for result in results:
        if result.finding.code not in NOT_SUPPRESSIBLE:
            by_path[result.path][result.finding.line].append(result.finding.code)
    written, not_placed = 0, 0
    for path, wanted in sorted(by_path.items()):
        source = Path(path).read_bytes()
        text = read_source(Path(path))
        noqa = view.file_noqa(path, flake8_lines(text if isinstance(text, str) else ""))
        try:
            changed, missed = rewrite(source, comment_lines(wanted, noqa.line), reason)
        except libcst.ParserSyntaxError as error:
            note(f"{path}: not changed, libcst cannot parse it (line {error.raw_line})")
            not_placed += 1
            continue
        for line in missed:
            note(f"{path}:{line}: no place for a trailing comment (write the noqa by hand)")
        not_placed += len(missed)
        if changed != source:
            Path(path).write_bytes(changed)
            written += 1
    count = sum(len(lines) for lines in by_path.values())
    note(f"added noqa comments for {count - not_placed} lines in {written} files")
    return EXIT_NOT_PLACED if not_placed else EXIT_DONE
