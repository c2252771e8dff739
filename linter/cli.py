"""azure-face-policy: the standalone command. `check` reports findings, `inventory` lists every
vision call. Both share the engine with the flake8 plugin; this module only finds files, runs them
(on all cores, with output identical to one process) and formats."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from flake8_azure_face_policy import __version__
from flake8_azure_face_policy.engine import analyse, failure_reason, vision_calls
from flake8_azure_face_policy.source.files import SkippedFile, python_files, read_source
from flake8_azure_face_policy.report.inventory import inventory_entry, render_json, render_markdown
from flake8_azure_face_policy.model import Finding, Settings, VisionCall
from flake8_azure_face_policy.context.project import project_context
from flake8_azure_face_policy.report.safe_text import safe_json, safe_text
from flake8_azure_face_policy.report.sarif import sarif_document

# 2: the command could not do its job (a usage error, through argparse, or its own failure)
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
PROGRESS_THRESHOLD = 200  # files; below this a run is quick enough to need no progress line


@dataclass(frozen=True)
class FileOutcome:
    path: str  # relative to the working directory
    findings: tuple[Finding, ...] = ()
    calls: tuple[VisionCall, ...] = ()
    skipped: tuple[tuple[str, str], ...] = ()


def display_path(path: Path) -> str:
    return Path(os.path.relpath(path)).as_posix()


def check_file(task: tuple[str, Settings]) -> FileOutcome:
    path, settings = task
    source = read_source(Path(path))
    if isinstance(source, SkippedFile):
        return FileOutcome(path, skipped=((path, source.reason),))
    return FileOutcome(path, findings=tuple(analyse(source, path, settings)))


def inventory_file(task: tuple[str, Settings]) -> FileOutcome:
    path, settings = task
    source = read_source(Path(path))
    if isinstance(source, SkippedFile):
        return FileOutcome(path, skipped=((path, source.reason),))
    try:
        config_skipped = tuple((display_path(item.path), item.reason) for item in project_context(Path(path)).skipped)
        calls = vision_calls(source, path, settings, other_providers=True, unresolved=True)
    except Exception as error:  # one file's failure is reported with that file, not for the run
        return FileOutcome(path, skipped=((path, failure_reason(error)),))
    return FileOutcome(path, calls=tuple(calls), skipped=config_skipped)


def run_all(worker, paths: list[str], settings: Settings, jobs: int) -> Iterator[FileOutcome]:
    tasks = [(path, settings) for path in paths]
    progress = sys.stderr.isatty() and len(tasks) >= PROGRESS_THRESHOLD
    if jobs <= 1 or len(tasks) < 2 * jobs:
        outcomes: Iterable[FileOutcome] = map(worker, tasks)
        yield from _with_progress(outcomes, len(tasks), progress)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:  # map keeps input order: same output as one process
        yield from _with_progress(pool.map(worker, tasks, chunksize=16), len(tasks), progress)


def _with_progress(outcomes: Iterable[FileOutcome], total: int, show: bool) -> Iterator[FileOutcome]:
    for done, outcome in enumerate(outcomes, start=1):
        if show and (done % 50 == 0 or done == total):
            print(f"\razure-face-policy: {done}/{total} files", end="\n" if done == total else "", file=sys.stderr, flush=True)
        yield outcome


def _codes(text: str) -> tuple[str, ...]:
    return tuple(code.strip().upper() for code in text.replace(",", " ").split() if code.strip())


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="azure-face-policy", description="Flags Azure OpenAI vision calls that serve facial recognition the code of conduct forbids.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, formats, default, help_text in (
        ("check", ("text", "json", "sarif"), "text", "report findings; exit 1 when anything is found"),
        ("inventory", ("markdown", "json"), "markdown", "list every vision call with the context inferred for it"),
    ):
        command = commands.add_parser(name, help=help_text, description=help_text)
        command.add_argument("paths", nargs="+", metavar="PATH", help="files and folders to analyse")
        command.add_argument("--format", choices=formats, default=default)
        command.add_argument("--output", "-o", help="write the report to this file instead of standard output")
        command.add_argument("--exclude", action="append", default=[], metavar="GLOBS", help="comma-separated globs to skip, as flake8's --exclude")
        command.add_argument("--jobs", "-j", type=int, default=0, help="processes to use (default: all cores)")
        command.add_argument("--afp-context", default="", help="free text describing who uses this code and how")
        command.add_argument("--afp-jurisdiction", default="", help="ISO 3166 alpha-2 codes of the jurisdictions served, e.g. US")
    return parser


def check_report(outcomes: list[FileOutcome], output_format: str) -> str:
    findings = [(outcome.path, finding) for outcome in outcomes for finding in outcome.findings]
    if output_format == "sarif":
        return json.dumps(safe_json(sarif_document(findings, Path.cwd())), indent=2, ensure_ascii=False) + "\n"
    if output_format == "json":
        items = [
            {
                "path": path,
                "line": finding.line,
                "column": finding.column + 1,
                "code": finding.code,
                "message": finding.message,
                "evidence": [
                    {"kind": e.kind, "path": e.path or None, "line": e.line, "text": e.text, "source": e.source or None, "key": e.key or None}
                    for e in finding.evidence
                ],
            }
            for path, finding in findings
        ]
        return json.dumps(safe_json(items), indent=2, ensure_ascii=False) + "\n"
    return "".join(f"{safe_text(path)}:{finding.line}:{finding.column + 1}: {finding.code} {safe_text(finding.message)}\n" for path, finding in findings)


def inventory_report(outcomes: list[FileOutcome], output_format: str) -> str:
    entries = [inventory_entry(call, outcome.path) for outcome in outcomes for call in outcome.calls]
    skipped = sorted(dict.fromkeys(item for outcome in outcomes for item in outcome.skipped))
    return render_json(entries, skipped) if output_format == "json" else render_markdown(entries, skipped)


def _file_mode(target: Path) -> int:
    """The mode the report would have had if written in place: the old file's, else the umask's."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_report(report: str, output: str | None) -> None:
    """To the file, replaced whole only once the report is complete (never left empty or cut), or to stdout."""
    if not output:
        sys.stdout.write(report)
        return
    target = Path(output)
    handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=target.parent, prefix=f".{target.name}.", delete=False)
    try:
        with handle:
            handle.write(report)
        os.chmod(handle.name, _file_mode(target))
        os.replace(handle.name, target)
    except BaseException:
        os.unlink(handle.name)
        raise


def main(argv: list[str] | None = None) -> int:
    """Exit 0 clean, 1 findings, 2 when the command could not do its job (never 1 for its own failure)."""
    try:
        return run_command(argv)
    except Exception as error:
        print(f"azure-face-policy: internal error, no report written: {safe_text(f'{type(error).__name__}: {error}')}", file=sys.stderr)
        return EXIT_ERROR


def run_command(argv: list[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    missing = [path for path in args.paths if not os.path.exists(path)]
    if missing:
        parser.error(f"no such file or folder: {safe_text(', '.join(missing))}")
    if args.jobs < 0:
        parser.error("--jobs must be 0 (all cores) or more")
    excludes = tuple(glob for value in args.exclude for glob in value.split(",") if glob.strip())
    settings = Settings(args.afp_context, _codes(args.afp_jurisdiction), "command line")
    paths = [display_path(path) for path in python_files(args.paths, excludes)]
    worker = check_file if args.command == "check" else inventory_file
    outcomes = list(run_all(worker, paths, settings, args.jobs or os.cpu_count() or 1))
    report = check_report(outcomes, args.format) if args.command == "check" else inventory_report(outcomes, args.format)
    write_report(report, args.output)
    if args.command == "check" and any(outcome.findings for outcome in outcomes):
        return EXIT_FINDINGS
    return EXIT_CLEAN
