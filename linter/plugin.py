"""The flake8 front end: options in, findings out, nothing else."""

from __future__ import annotations

import argparse
import ast
from typing import Any, Iterator

from flake8_azure_face_policy import __version__
from flake8_azure_face_policy.model import Settings, split_codes
from flake8_azure_face_policy.source.prefilter import might_send_media
from flake8_azure_face_policy.source.project_files import imports_may_send
from flake8_azure_face_policy.report.noqa import unreasoned_noqa_findings
from flake8_azure_face_policy.ruledata import rule_by_code


def settings_from_options(options: argparse.Namespace) -> Settings:
    """The --afp-* options as flake8 parsed them (command line over `[flake8]`); the command reads them the same way."""
    return Settings(context=getattr(options, "afp_context", "") or "", jurisdictions=split_codes(getattr(options, "afp_jurisdiction", "") or ""))


class AzureFacePolicyPlugin:
    name = "flake8-azure-face-policy"
    version = __version__

    settings = Settings()

    def __init__(self, tree: ast.Module, lines: list[str], filename: str = "stdin"):
        # flake8 only loads plugins that take `tree`, and runs them once `ast` has parsed the file.
        # The analysis reads that tree, and comments from `lines` (never from the file on disk:
        # editors send unsaved buffers on stdin).
        self.tree = tree
        self.lines = lines
        self.filename = filename

    @classmethod
    def add_options(cls, option_manager: Any) -> None:
        option_manager.add_option(
            "--afp-context",
            default="",
            parse_from_config=True,
            help="Free text describing who uses this code and how, read like a comment (azure-face-policy).",
        )
        option_manager.add_option(
            "--afp-jurisdiction",
            default="",
            parse_from_config=True,
            comma_separated_list=True,
            help="ISO 3166 alpha-2 codes of the jurisdictions this code serves, e.g. US (azure-face-policy).",
        )

    @classmethod
    def parse_options(cls, options: argparse.Namespace) -> None:
        cls.settings = settings_from_options(options)

    def run(self) -> Iterator[tuple[int, int, str, type]]:
        source = "".join(self.lines)
        # without --stdin-display-name, a buffer on stdin belongs to the working directory's project
        path = "stdin.py" if self.filename in ("stdin", "-") else self.filename
        try:
            if not might_send_media(source) and not imports_may_send(source, path):
                # the engine (below) reports these too, with everything else
                for finding in unreasoned_noqa_findings(source):
                    yield finding.line, finding.column, f"{finding.code} {finding.message}", type(self)
                return
            # the engine loads only once a file names a client, or imports a module that leads to one:
            # editors start flake8 for each file
            from flake8_azure_face_policy.engine import analyse
        except Exception as error:  # even a broken install must not abort the user's flake8 run
            yield 1, 0, f"AFP900 {rule_by_code('AFP900').message}: cannot load the analysis ({type(error).__name__}: {error})", type(self)
            return
        for finding in analyse(source, path, self.settings, self.tree):
            yield finding.line, finding.column, f"{finding.code} {finding.message}", type(self)
