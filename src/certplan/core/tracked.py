"""What a holder records after the exam: held credentials, CEUs, experience (plain data, no I/O).

The SQLite tracker (``certplan.store.tracker``) reads and writes these; the rules in
``ceu_status``, ``renewal`` and ``apprentice_removal`` compute over them.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Held:
    code: str
    earned: dt.date
    cycle_start: dt.date | None = None  # as the body's portal shows it
    apprentice: bool = False  # holds the -A designation (CPC-A, COC-A)


@dataclass(frozen=True)
class CeuEntry:
    id: int
    date: dt.date
    ceus: float
    title: str
    provider: str | None = None
    approval: str | None = None
    category: str | None = None
    for_codes: tuple[str, ...] = field(default_factory=tuple)
    certificate: str | None = None
    certificate_sha256: str | None = None


@dataclass(frozen=True)
class ExperienceEntry:
    id: int
    start: dt.date
    end: dt.date | None  # None: still going on
    kind: str
    employer: str | None = None


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def whole_months(start: dt.date, end_exclusive: dt.date) -> int:
    """Whole months from ``start`` up to ``end_exclusive``."""
    months = (end_exclusive.year - start.year) * 12 + end_exclusive.month - start.month
    if end_exclusive.day < start.day:
        months -= 1
    return max(months, 0)
