"""Read a CEU log from CSV with tolerant headers (case, spaces, punctuation, a BOM, common synonyms;
comma, semicolon or tab separated), the way batch rosters are read.

h14's ``store/roster.py`` (the roster reader) was not on main when this was written; this is a small
normalizer of the same kind.  Returns raw text rows with the line each came from; the CLI validates them.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

MAX_BYTES = 5_000_000

# canonical field -> the header spellings accepted (after normalising: lower case, [^a-z0-9] -> _)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "date": ("date", "completed", "completion_date", "date_completed", "completed_on", "earned", "date_earned"),
    "ceus": ("ceus", "ceu", "credits", "ce_credits", "ceu_credits", "units", "hours", "ce_hours", "contact_hours"),
    "title": ("title", "course", "activity", "program", "event", "name", "description", "course_title"),
    "provider": ("provider", "vendor", "sponsor", "organization", "organisation", "presenter"),
    "approval": ("approval", "approval_id", "approval_number", "index", "index_number", "approval_code", "ceu_id"),
    "category": ("category", "topic", "domain", "type"),
    "for": ("for", "credential", "credentials", "for_credential", "for_credentials", "applies_to"),
    "certificate": ("certificate", "certificate_file", "certificate_path", "file", "proof"),
}
REQUIRED = ("date", "ceus", "title")


class CsvProblem(ValueError):
    pass


def norm_header(h: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", h.replace("\ufeff", "").strip().lower()).strip("_")


def header_map(headers: list[str]) -> dict[int, str]:
    """Column index -> canonical field; raises CsvProblem for a missing required column or a repeated one."""
    lookup = {syn: field for field, syns in SYNONYMS.items() for syn in syns}
    out: dict[int, str] = {}
    seen: dict[str, str] = {}
    for i, h in enumerate(headers):
        field = lookup.get(norm_header(h))
        if field is None:
            continue
        if field in seen:
            raise CsvProblem(f"columns {seen[field]!r} and {h!r} both mean {field}")
        seen[field] = h
        out[i] = field
    missing = [f for f in REQUIRED if f not in seen]
    if missing:
        raise CsvProblem(
            "missing column(s): " + ", ".join(missing) + f"; headers found: {', '.join(headers) or '(none)'}"
        )
    return out


def read_rows(path: str | Path) -> list[tuple[int, dict[str, str]]]:
    """(line number, {field: text}) for every non-empty row of the CSV file; CsvProblem messages name it."""
    from certplan.fsutil import FileProblem, read_limited

    p = Path(path)
    try:
        raw = read_limited(p, MAX_BYTES, "CEU CSV")
    except FileProblem as exc:
        raise CsvProblem(str(exc)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    first = text.split("\n", 1)[0]
    delim = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=delim)
    try:
        headers = next(reader)
    except StopIteration:
        raise CsvProblem(f"{p}: the file is empty") from None
    try:
        cols = header_map(headers)
    except CsvProblem as exc:
        raise CsvProblem(f"{p}: {exc}") from None
    rows = []
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        rows.append((reader.line_num, {f: row[i].strip() for i, f in cols.items() if i < len(row)}))
    return rows
