"""What flake8 would show: the command reads flake8's settings through flake8 itself.

flake8's own application parses the command line, finds `[flake8]` in setup.cfg / tox.ini / .flake8
of the working directory, and loads the plugins' options (so `afp-context` and `afp-jurisdiction`
are read as the plugin reads them). Its style guide then decides `select` / `ignore` /
`per-file-ignores`, its file processor finds the line a `# noqa` is looked for on (a multi-line
string shares one), and its noqa pattern decides what is silenced. Nothing of that is copied here.
"""

from __future__ import annotations

import argparse
import io
import logging

from flake8 import utils
from flake8.processor import FileProcessor
from flake8.style_guide import Decision

try:
    from flake8.violation import Violation
except ImportError:  # flake8 before 6.1 kept it in the style guide module
    from flake8.style_guide import Violation  # type: ignore[attr-defined,no-redef]

from flake8_azure_face_policy.model import Finding, Settings, Suppression
from flake8_azure_face_policy.plugin import settings_from_options
from flake8_azure_face_policy.report.noqa import find_noqa

LOG = logging.getLogger(__name__)
FILE_NOQA_REASON = "the file carries `# flake8: noqa`"


def flake8_lines(source: str) -> list[str]:
    """The lines of a file as flake8 reads them (universal newlines)."""
    return io.StringIO(source, newline=None).readlines()


class Flake8SettingsError(Exception):
    """flake8 could not read its settings; the message says why, in one line."""


class FileNoqa:
    """One file's lines as flake8's noqa check sees them."""

    def __init__(self, path: str, lines: list[str], options: argparse.Namespace) -> None:
        self._processor = FileProcessor(path, options, lines=list(lines))
        self.ignored_file = self._processor.should_ignore_file()  # `# flake8: noqa` on a line of its own

    def line(self, number: int) -> str | None:
        return self._processor.noqa_line_for(number)


class Flake8View:
    def __init__(self, options: argparse.Namespace, guide) -> None:
        self.options = options
        self.guide = guide

    @classmethod
    def load(cls, arguments: list[str]) -> "Flake8View":
        """flake8's settings for `flake8 --select AFP <arguments>` run in the working directory."""
        from flake8.main.application import Application

        application = Application()
        try:
            application.initialize(["--select=AFP", *arguments])
        except SystemExit as error:  # flake8's argparse rejected a value in the configuration
            raise Flake8SettingsError(f"flake8 could not read its configuration (exit {error.code})") from error
        except Exception as error:  # flake8 raises ValueError, ExecutionError... on a bad [flake8] section
            raise Flake8SettingsError(f"flake8 could not read its configuration: {' '.join(str(error).split())}") from error
        return cls(application.options, application.guide)

    @property
    def settings(self) -> Settings:
        return settings_from_options(self.options)

    def excluded(self, path: str) -> bool:
        """flake8's test for --exclude and --extend-exclude: a glob against the base name or the absolute path."""
        patterns = [*(self.options.exclude or ()), *(getattr(self.options, "extend_exclude", None) or ())]
        return utils.matches_filename(path, patterns=patterns, log_message='"%(path)s" has %(whether)sbeen excluded', logger=LOG)

    def file_noqa(self, path: str, lines: list[str]) -> FileNoqa:
        return FileNoqa(path, lines, self.options)

    def suppression(self, path: str, code: str, line: int, noqa: FileNoqa) -> Suppression | None:
        """Why flake8 would not show `code` at `line` of `path`, or None when it would."""
        guide = self.guide.style_guide_for(path)
        if guide.should_report_error(code) is not Decision.Selected:
            if guide is not self.guide.default_style_guide and self.guide.default_style_guide.should_report_error(code) is Decision.Selected:
                return Suppression(code, "external", f"per-file-ignores `{guide.filename}` in the flake8 configuration")
            return Suppression(code, "external", "ignored by the flake8 configuration")
        if self.options.disable_noqa:
            return None
        if noqa.ignored_file:
            return Suppression(code, "inSource", FILE_NOQA_REASON)
        physical_line = noqa.line(line)
        if not Violation(code, path, line, 1, "", physical_line).is_inline_ignored(False):
            return None
        comment = find_noqa(physical_line or "")
        return Suppression(code, "inSource", comment.reason if comment is not None else "")

    def visible(self, path: str, findings: list[Finding], noqa: FileNoqa) -> list[tuple[Finding, Suppression | None]]:
        return [(finding, self.suppression(path, finding.code, finding.line, noqa)) for finding in findings]
