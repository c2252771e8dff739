"""The work budget of one file's analysis: every stage counts what it does, in units of roughly
constant cost (a character scanned, a node visited, a signal gathered), and a file that needs more
than its budget stops with the reason instead of running for minutes. Counting, not timing, keeps
results the same on every machine, and lets tests check that work grows linearly with the input."""

from __future__ import annotations

from collections import Counter
from typing import Callable

BASE_UNITS = 1_000_000  # far above what real modules need (the corpus peaks near 22 000; a unit is about 1.5 µs)
UNITS_PER_SOURCE_CHARACTER = 60  # prose scans at about 25 units a character, code at under 8 (the corpus)


Charge = Callable[[str, int], None]  # WorkBudget.charge, or no_charge


def no_charge(stage: str, units: int = 1) -> None:
    """Counts nothing: for a scan made outside a file's analysis (configuration values, tests)."""


class WorkBudgetExceeded(Exception):
    """The file needs more work than its budget; the message is the reason shown with AFP900."""


class WorkBudget:
    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.spent: Counter[str] = Counter()  # stage -> units
        self.total = 0

    @classmethod
    def for_source(cls, source: str) -> "WorkBudget":
        return cls(BASE_UNITS + UNITS_PER_SOURCE_CHARACTER * len(source))

    def charge(self, stage: str, units: int = 1) -> None:
        self.spent[stage] += units
        self.total += units
        if self.total > self.limit:
            stages = ", ".join(f"{name} {count}" for name, count in self.spent.most_common(3))
            raise WorkBudgetExceeded(f"stopped: the file needs more analysis work than its budget of {self.limit} units ({stages})")

