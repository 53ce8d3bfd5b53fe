"""Spreadsheet-safe CSV: every CSV certplan writes goes through :func:`writer` (OWASP's CSV-injection rule).

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return could be run as a
formula when the file is opened in a spreadsheet (names and notes come from advisors'
spreadsheets, so they are untrusted). Such a cell is written with a leading single quote, which
spreadsheets show as text. Plain numbers (``-2``, ``+1.5``) and a lone ``-`` are not formulas and
are written as they are.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import IO, Any

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def safe_cell(value: Any) -> Any:
    """The cell with a leading ``'`` when it could start a formula; other values unchanged."""
    if not isinstance(value, str) or not value or value[0] not in TRIGGERS:
        return value
    if value == "-" or _NUMBER.fullmatch(value):
        return value
    return "'" + value


class SafeWriter:
    """``csv.writer`` whose rows are made spreadsheet-safe."""

    def __init__(self, stream: IO[str], **kwargs: Any):
        kwargs.setdefault("lineterminator", "\n")
        self._w = csv.writer(stream, **kwargs)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._w.writerow([safe_cell(v) for v in row])

    def writerow_safe(self, cells: list[Any]) -> Any:
        """Write cells already passed through :func:`safe_cell` (for callers that cache them)."""
        return self._w.writerow(cells)

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for r in rows:
            self.writerow(r)


def writer(stream: IO[str], **kwargs: Any) -> SafeWriter:
    return SafeWriter(stream, **kwargs)
