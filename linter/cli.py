"""azure-face-policy: the standalone command. `check` reports findings, `inventory` lists every
vision call. Both share the engine with the flake8 plugin and read flake8's own settings through
flake8 (see flake8_view), so they show what flake8 shows; this module finds files, runs them (on all
cores, with output identical to one process) and formats."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, NoReturn

from flake8_azure_face_policy import __version__
from flake8_azure_face_policy.context.config_files import config_format
from flake8_azure_face_policy.context.project import display_path, project_context
from flake8_azure_face_policy.engine import analyse, failure_reason, vision_calls
from flake8_azure_face_policy.flake8_view import Flake8SettingsError, Flake8View, flake8_lines
from flake8_azure_face_policy.model import Finding, Result, Settings, VisionCall
from flake8_azure_face_policy.report import baseline
from flake8_azure_face_policy.report.inventory import inventory_entry, render_json, render_markdown
from flake8_azure_face_policy.report.safe_text import safe_json, safe_text
from flake8_azure_face_policy.report.sarif import sarif_document
from flake8_azure_face_policy.source.files import SkippedFile, is_python_script, python_files, read_source
from flake8_azure_face_policy.source.project_files import ROOT_MARKERS

# 2: the command could not do its job (a usage error, or its own failure: never 1 for that)
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
REPORT_VERSION = 1  # of the JSON documents of `check` and `inventory`
PROGRESS_THRESHOLD = 200  # files; below this a run is quick enough to need no progress line
# Files whose change changes the analysis of the Python files under their folder (pre-commit passes them)
PROJECT_FILES = frozenset({"pyproject.toml", *ROOT_MARKERS}) - {".git"}


class UsageError(Exception):
    """A bad option or path: shown as one line, exit 2."""


@dataclass(frozen=True)
class FileOutcome:
    path: str  # relative to the working directory
    findings: tuple[Finding, ...] = ()
    calls: tuple[VisionCall, ...] = ()
    skipped: tuple[tuple[str, str], ...] = ()
    lines: tuple[str, ...] = ()  # the source, when something was found: flake8's noqa check reads it


def check_file(task: tuple[str, Settings]) -> FileOutcome:
    path, settings = task
    source = read_source(Path(path))
    if isinstance(source, SkippedFile):
        return FileOutcome(path, skipped=((path, source.reason),))
    findings = tuple(analyse(source, path, settings))
    return FileOutcome(path, findings=findings, lines=tuple(flake8_lines(source)) if findings else ())


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
    return FileOutcome(path, calls=tuple(calls), skipped=config_skipped, lines=tuple(flake8_lines(source)) if calls else ())


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


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr (exit 2), never the usage block."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see --help)")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog="azure-face-policy", description="Flags Azure OpenAI vision calls that serve facial recognition the code of conduct forbids.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=OneLineParser)
    for name, formats, default, help_text in (
        ("check", ("text", "json", "sarif"), "text", "report findings; exit 1 when anything unsuppressed is found"),
        ("inventory", ("markdown", "json", "cyclonedx"), "markdown", "list every vision call with the context inferred for it"),
    ):
        command = commands.add_parser(name, help=help_text, description=help_text)
        command.add_argument("paths", nargs="+", metavar="PATH", help="files and folders to analyse; a changed configuration file stands for the Python files under its folder")
        command.add_argument("--format", choices=formats, default=default)
        command.add_argument("--output", "-o", metavar="FILE", help="write the report to this file (its folder is created) instead of standard output")
        command.add_argument("--jobs", "-j", type=int, default=0, help="processes to use (default: all cores)")
        flake8 = command.add_argument_group("flake8 settings", "passed to flake8's own option parsing, over the [flake8] section it finds")
        flake8.add_argument("--exclude", metavar="GLOBS", help="comma-separated globs to skip, replacing flake8's exclude")
        flake8.add_argument("--extend-exclude", metavar="GLOBS", help="comma-separated globs to skip as well")
        flake8.add_argument("--per-file-ignores", metavar="MAPPING", help="as flake8's --per-file-ignores")
        flake8.add_argument("--afp-context", metavar="TEXT", help="free text describing who uses this code and how")
        flake8.add_argument("--afp-jurisdiction", metavar="CODES", help="ISO 3166 alpha-2 codes of the jurisdictions served, e.g. US,CA")
        flake8.add_argument("--config", metavar="FILE", help="flake8 configuration file to read instead of the one found")
        flake8.add_argument("--append-config", action="append", default=[], metavar="FILE", help="another flake8 configuration file to read")
        flake8.add_argument("--isolated", action="store_true", help="ignore flake8 configuration files")
        flake8.add_argument("--disable-noqa", action="store_true", help="report what `# noqa` comments silence, as flake8's option")
        if name == "check":
            adoption = command.add_argument_group("adoption on an existing codebase (docs/adoption.md)")
            adoption.add_argument("--add-noqa", metavar="REASON", help="write `# noqa: AFPnnn  REASON` on the line of every current finding, then exit")
            adoption.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in this baseline")
            adoption.add_argument("--write-baseline", metavar="FILE", help="record every current finding in this baseline file, then exit")
    return parser


def flake8_arguments(args: argparse.Namespace) -> list[str]:
    arguments = [f"--{name.replace('_', '-')}={value}" for name in ("exclude", "extend_exclude", "per_file_ignores", "afp_context", "afp_jurisdiction", "config") if (value := getattr(args, name)) is not None]
    arguments += [f"--append-config={value}" for value in args.append_config]
    return arguments + ["--isolated"] * args.isolated + ["--disable-noqa"] * args.disable_noqa


def is_project_file(name: str) -> bool:
    return name in PROJECT_FILES or config_format(name) is not None


def targets(paths: list[str], view: Flake8View) -> tuple[list[str], list[tuple[str, str]]]:
    """The Python files to analyse and the named files skipped. A configuration file (a `.env`,
    `config.*`, `pyproject.toml`...) stands for the Python files under its folder: those whose
    analysis reads it."""
    folders, named, skipped = [], [], []
    for given in paths:
        path = Path(given)
        if path.is_dir() or path.suffix == ".py" or (path.is_file() and not path.suffix and is_python_script(path)):
            named.append(given)
        elif is_project_file(path.name):
            folders.append(str(path.parent))
        else:
            skipped.append((display_path(path), "not a Python file"))
    files = [display_path(path) for path in python_files(named + folders, view.excluded)]
    return sorted(set(files)), skipped


def with_suppressions(outcomes: list[FileOutcome], view: Flake8View) -> list[Result]:
    results = []
    for outcome in outcomes:
        if not outcome.findings:
            continue
        noqa = view.file_noqa(outcome.path, list(outcome.lines))
        results += [Result(outcome.path, finding, suppression) for finding, suppression in view.visible(outcome.path, list(outcome.findings), noqa)]
    return results


def finding_json(result: Result) -> dict:
    finding = result.finding
    item = {
        "path": result.path,
        "line": finding.line,
        "column": finding.column + 1,
        "code": finding.code,
        "message": finding.message,
        "fingerprint": baseline.fingerprint(finding),
        "evidence": [
            {"kind": e.kind, "path": e.path or None, "line": e.line, "text": e.text, "source": e.source or None, "key": e.key or None} for e in finding.evidence
        ],
    }
    if result.suppression is not None:
        item["suppression"] = {"kind": result.suppression.kind, "justification": result.suppression.justification}
    return item


def check_report(results: list[Result], output_format: str) -> str:
    if output_format == "sarif":
        return json.dumps(safe_json(sarif_document(results, Path.cwd())), indent=2, ensure_ascii=False) + "\n"
    shown = [result for result in results if result.shown]
    if output_format == "json":
        document = {
            "version": REPORT_VERSION,
            "tool": f"flake8-azure-face-policy {__version__}",
            "findings": [finding_json(result) for result in shown],
            "suppressed": [finding_json(result) for result in results if result.suppression is not None],
            "baselined": [finding_json(result) for result in results if result.baseline_state == "unchanged" and result.suppression is None],
        }
        return json.dumps(safe_json(document), indent=2, ensure_ascii=False) + "\n"
    return "".join(f"{safe_text(r.path)}:{r.finding.line}:{r.finding.column + 1}: {r.finding.code} {safe_text(r.finding.message)}\n" for r in shown)


def inventory_report(outcomes: list[FileOutcome], output_format: str, view: Flake8View, skipped_named: list[tuple[str, str]]) -> str:
    entries = []
    for outcome in outcomes:
        if not outcome.calls:
            continue
        noqa = view.file_noqa(outcome.path, list(outcome.lines))
        for call in outcome.calls:
            entry = inventory_entry(call, outcome.path)
            suppressions = [found for code in entry.rules if (found := view.suppression(outcome.path, code, call.line, noqa)) is not None]
            entries.append(entry.with_suppressions(suppressions))
    skipped = sorted(dict.fromkeys([*skipped_named, *(item for outcome in outcomes for item in outcome.skipped)]))
    if output_format == "cyclonedx":
        from flake8_azure_face_policy.report.cyclonedx import MissingLibrary, render_cyclonedx

        try:
            return render_cyclonedx(entries, skipped)
        except MissingLibrary as error:
            raise UsageError(f"azure-face-policy: {error}") from error
    if output_format == "json":
        return render_json(entries, skipped, REPORT_VERSION)
    return render_markdown(entries, skipped)


def _file_mode(target: Path) -> int:
    """The mode the report would have had if written in place: the old file's, else the umask's."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_report(report: str, output: str | None) -> None:
    """To the file (its folder created), replaced whole only once the report is complete (never left
    empty or cut), or to stdout."""
    if not output:
        sys.stdout.write(report)
        return
    target = Path(output)
    if target.is_dir():
        raise UsageError(f"azure-face-policy: --output {safe_text(output)} is a folder; give a file name")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=target.parent, prefix=f".{target.name}.", delete=False)
    except OSError as error:
        raise UsageError(f"azure-face-policy: cannot write {safe_text(output)}: {error.strerror or type(error).__name__}") from error
    try:
        with handle:
            handle.write(report)
        os.chmod(handle.name, _file_mode(target))
        os.replace(handle.name, target)
    except BaseException:
        os.unlink(handle.name)
        raise


def note(message: str) -> None:
    print(f"azure-face-policy: {safe_text(message)}", file=sys.stderr)


def run(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    missing = [path for path in args.paths if not os.path.lexists(path)]
    if missing:
        raise UsageError(f"azure-face-policy: no such file or folder: {safe_text(', '.join(missing))}")
    if args.jobs < 0:
        raise UsageError("azure-face-policy: --jobs must be 0 (all cores) or more")
    if args.command == "check" and args.add_noqa is not None and not args.add_noqa.strip():
        raise UsageError("azure-face-policy: --add-noqa needs the reviewer's reason, e.g. --add-noqa \"reviewed 2026-11: no identification\"")
    try:
        known = baseline.load(args.baseline) if args.command == "check" and args.baseline else None
    except baseline.BaselineError as error:
        raise UsageError(f"azure-face-policy: {error}") from error
    try:
        view = Flake8View.load(flake8_arguments(args))
    except Flake8SettingsError as error:
        raise UsageError(f"azure-face-policy: {error}") from error
    paths, skipped_named = targets(args.paths, view)
    for path, reason in skipped_named:
        note(f"skipped {path}: {reason}")
    if not paths:
        note(f"no Python files to analyse in {', '.join(args.paths)}")
    worker = check_file if args.command == "check" else inventory_file
    outcomes = list(run_all(worker, paths, view.settings, args.jobs or os.cpu_count() or 1))
    if args.command == "inventory":
        write_report(inventory_report(outcomes, args.format, view, skipped_named), args.output)
        return EXIT_CLEAN
    results = with_suppressions(outcomes, view)
    for path, reason in sorted({item for outcome in outcomes for item in outcome.skipped}):
        note(f"skipped {path}: {reason}")
    if args.add_noqa is not None:
        from flake8_azure_face_policy.add_noqa import add_noqa

        return add_noqa([result for result in results if result.suppression is None], args.add_noqa.strip(), view, note)
    if args.write_baseline:
        try:
            baseline.write(args.write_baseline, [result for result in results if result.suppression is None])
        except OSError as error:
            raise UsageError(f"azure-face-policy: cannot write baseline {args.write_baseline}: {error.strerror or type(error).__name__}") from error
        note(f"recorded {sum(result.suppression is None for result in results)} findings in {args.write_baseline}")
        return EXIT_CLEAN
    if known is not None:
        results = baseline.apply(results, known)
    write_report(check_report(results, args.format), args.output)
    return EXIT_FINDINGS if any(result.shown for result in results) else EXIT_CLEAN


def main(argv: list[str] | None = None) -> int:
    """Exit 0 clean, 1 findings, 2 when the command could not do its job (never 1 for its own failure)."""
    try:
        return run(argv)
    except UsageError as error:
        print(safe_text(" ".join(str(error).split())), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug of ours: one line, never a traceback
        print(f"azure-face-policy: internal error, no report written: {safe_text(f'{type(error).__name__}: {error}')}", file=sys.stderr)
        return EXIT_ERROR
