"""Class rosters as advisors keep them: CSV (comma, semicolon or tab), .xlsx, YAML, JSON, JSON Lines.

:func:`open_roster` checks the file and its header row up front (a :class:`RosterError` is a
whole-file problem: exit 2) and returns a :class:`Roster` whose iteration yields one
:class:`RosterRow` per student, as a stream: a CSV or workbook is never held in memory whole.
Each row is either a plain dict of profile fields (the names ``certplan.profile`` uses) plus an
id and a name, or an error naming what is wrong with that row. Nothing here knows how a person
is modelled.
"""

from __future__ import annotations

import csv
import difflib
import math
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from certplan.catalog.vocab import EDUCATION_LEVELS, EXPERIENCE_KINDS, PROGRAM_LEVELS
from certplan.core.person import FIELDS

MAX_FIELD_CHARS = 131_072  # Python's csv default; a longer cell is a row error, not a crash
MAX_TABLE_BYTES = 256 * 1024 * 1024  # CSV and .xlsx are streamed; this only refuses absurd files
MAX_DOCUMENT_BYTES = 32 * 1024 * 1024  # YAML and JSON are parsed whole
MAX_EXPERIENCE_YEARS = 60.0
MAX_HOURS = 100_000

# normalized header -> field. "id", "name", "first_name" and "last_name" name the student.
SYNONYMS: dict[str, str] = {}
for _field, _names in {
    "id": ["id", "student id", "student number", "student no", "learner id", "person id", "identifier"],
    "name": ["name", "student", "student name", "full name", "person", "learner"],
    "first_name": ["first name", "first", "given name", "forename", "firstname"],
    "last_name": ["last name", "last", "surname", "family name", "lastname"],
    "education": [
        "education",
        "highest education",
        "education level",
        "highest education level",
        "highest level of education",
        "degree",
        "highest degree",
    ],
    "accredited_program": [
        "accredited program",
        "accredited_program",
        "program",
        "cahiim program",
        "accredited him program",
        "him program",
    ],
    "experience_years": [
        "experience",
        "experience years",
        "years",
        "years of experience",
        "years experience",
        "experience in years",
        "work experience",
    ],
    "experience_kinds": [
        "experience kind",
        "experience kinds",
        "kind of experience",
        "kinds of experience",
        "experience type",
        "kind",
    ],
    "held": [
        "held",
        "credentials",
        "credentials held",
        "held credentials",
        "certifications",
        "certifications held",
        "current credentials",
    ],
    "course_hours": ["course hours", "coursework hours", "hours of coursework", "course"],
    "training_program": [
        "training program",
        "training program completed",
        "completed training program",
        "training",
        "billing coding program",
    ],
    "training_hours": ["training hours", "training program hours", "program hours"],
    "practicode": ["practicode", "practicode completed"],
    "member": ["member", "members", "membership", "memberships", "member of"],
    "clinical_hours": ["clinical hours", "hours clinical"],
}.items():
    for _n in _names:
        SYNONYMS[_n] = _field
PROFILE_FIELDS = FIELDS  # the person's fields, named once in core.person
TRUE = {"yes", "y", "true", "1", "x", "done", "completed"}
FALSE = {"no", "n", "false", "0", "", "-", "none"}
EDUCATION_WORDS = {
    "none": "none",
    "no diploma": "none",
    "high school": "high-school",
    "high school diploma": "high-school",
    "hs": "high-school",
    "hs diploma": "high-school",
    "ged": "high-school",
    "diploma": "high-school",
    "associate": "associate",
    "associates": "associate",
    "associate s": "associate",
    "associate degree": "associate",
    "associate s degree": "associate",
    "bachelor": "bachelor",
    "bachelors": "bachelor",
    "bachelor s": "bachelor",
    "bachelor degree": "bachelor",
    "bachelor s degree": "bachelor",
    "master": "master",
    "masters": "master",
    "master s": "master",
    "master s degree": "master",
    "doctorate": "doctorate",
    "doctoral": "doctorate",
    "phd": "doctorate",
}
PROGRAM_WORDS = {
    **{k: v for k, v in EDUCATION_WORDS.items() if v in ("associate", "bachelor", "master")},
    "post baccalaureate": "post-baccalaureate",
    "post bacc": "post-baccalaureate",
    "certificate": "post-baccalaureate",
}


class RosterError(Exception):
    """The file as a whole cannot be read (exit 2)."""


@dataclass
class RosterRow:
    number: int  # 1-based student number in the file
    line: int | None  # CSV line, or worksheet row, where the student starts
    id: str | None
    name: str | None
    data: dict[str, Any] | None  # profile fields; None when the row has an error
    error: str | None = None
    key: tuple | None = None  # the raw values, hashable: equal keys, equal data (for memos)

    @property
    def where(self) -> str:
        """'row 3 (Ana Diaz), line 4' - how messages name the row."""
        label = f" ({self.name or self.id})" if (self.name or self.id) else ""
        return f"row {self.number}{label}" + (f", line {self.line}" if self.line else "")


def norm_header(h: Any) -> str:
    text = str(h if h is not None else "").strip().lower().replace("\ufeff", "")
    text = re.sub(r"\(.*?\)", " ", text)  # "Experience (years)"
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


_NON_WORD = re.compile(r"[^a-z0-9]+")
_YEARS = re.compile(r"([0-9]*\.?[0-9]+)\s*(years?|yrs?|y|months?|mos?|m)?")
_HOURS_UNIT = re.compile(r"\s*(hours?|hrs?|h)$")
_DIGITS = re.compile(r"[0-9]+")
_LIST_SEP = re.compile(r"[;,|/\n]")


def _words(text: str) -> str:
    return _NON_WORD.sub(" ", text.lower()).strip()


@dataclass
class Header:
    """Which column gives which field."""

    columns: list[str]
    index: dict[str, int] = field(default_factory=dict)  # field -> column index
    ignored: list[str] = field(default_factory=list)

    @property
    def warning(self) -> str | None:
        if not self.ignored:
            return None
        used = [self.columns[i] for i in sorted(self.index.values())]
        return f"ignoring column(s) {', '.join(_q(c) for c in self.ignored)}; using {', '.join(_q(c) for c in used)}"


def _q(text: str) -> str:
    return f'"{text}"'


def match_header(columns: list[Any], source: str) -> Header:
    """Map the header row to fields; a misspelt known name or a duplicate is a RosterError."""
    cols = ["" if c is None else str(c).strip().lstrip("\ufeff") for c in columns]
    h = Header(cols)
    known = sorted(SYNONYMS)
    for i, col in enumerate(cols):
        key = norm_header(col)
        if not key:
            continue
        f = SYNONYMS.get(key) or SYNONYMS.get(key.replace(" ", ""))
        if f is None and key.endswith("s") and key[:-1] in SYNONYMS:
            f = SYNONYMS[key[:-1]]
        if f is None:
            near = difflib.get_close_matches(key, known, n=1, cutoff=0.8)
            if near:
                raise RosterError(
                    f'{source}: column "{col}" is not one certplan reads; did you mean "{near[0]}"? '
                    "(rename or remove the column)"
                )
            h.ignored.append(col)
            continue
        if f in h.index:
            raise RosterError(f'{source}: columns "{cols[h.index[f]]}" and "{col}" both give {f}; keep one')
        h.index[f] = i
    if not ({"id", "name"} & set(h.index) or {"first_name", "last_name"} <= set(h.index)):
        raise RosterError(
            f"{source}: no column names the students; add one of: Student ID, ID, Name, or First Name and Last Name"
        )
    return h


# --------------------------------------------------------------------------- values


def _text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def split_list(v: Any) -> list[str]:
    if v is None:
        return []
    if isinstance(v, (list, tuple)):
        return [_text(x) for x in v if _text(x)]
    return [p.strip() for p in _LIST_SEP.split(_text(v)) if p.strip()]


def _years(v: Any) -> float:
    if isinstance(v, bool):
        raise ValueError
    if isinstance(v, (int, float)):
        x = float(v)
    else:
        s = _text(v).lower().replace(",", ".")
        m = _YEARS.fullmatch(s)
        if not m:
            raise ValueError
        x = float(m.group(1))
        if m.group(2) and m.group(2).startswith("m"):
            x = x / 12
    if not math.isfinite(x) or not 0 <= x <= MAX_EXPERIENCE_YEARS:
        raise ValueError
    return round(x, 4)


def _hours(v: Any) -> int:
    if isinstance(v, bool):
        raise ValueError
    if isinstance(v, float):
        if not v.is_integer():
            raise ValueError
        v = int(v)
    if isinstance(v, int):
        x = v
    else:
        s = _HOURS_UNIT.sub("", _text(v).lower())
        if not _DIGITS.fullmatch(s):
            raise ValueError
        x = int(s)
    if not 0 <= x <= MAX_HOURS:
        raise ValueError
    return x


def parse_fields(raw: dict[str, Any]) -> dict[str, Any]:
    """Profile fields from raw cell values (field -> value); ValueError names the bad value."""
    out: dict[str, Any] = {}
    for k, v in raw.items():
        if v is None or (isinstance(v, str) and not v.strip()) or (isinstance(v, list) and not v):
            continue
        if k == "education":
            key = _words(_text(v))
            val = EDUCATION_WORDS.get(key) or (
                key.replace(" ", "-") if key.replace(" ", "-") in EDUCATION_LEVELS else None
            )
            if val is None:
                raise ValueError(f"education {_text(v)!r} is not one of {', '.join(EDUCATION_LEVELS)}")
            out[k] = val
        elif k == "accredited_program":
            key = _words(_text(v))
            if key in FALSE:
                continue
            val = PROGRAM_WORDS.get(key) or (key.replace(" ", "-") if key.replace(" ", "-") in PROGRAM_LEVELS else None)
            if val is None:
                raise ValueError(f"accredited_program {_text(v)!r} is not one of {', '.join(PROGRAM_LEVELS)}")
            out[k] = val
        elif k == "experience_years":
            try:
                out[k] = _years(v)
            except ValueError:
                raise ValueError(
                    f"experience {_text(v)!r} is not a number of years from 0 to {MAX_EXPERIENCE_YEARS:g}"
                ) from None
        elif k in ("course_hours", "clinical_hours", "training_hours"):
            try:
                out[k] = _hours(v)
            except ValueError:
                raise ValueError(f"{k} {_text(v)!r} is not a whole number of hours") from None
        elif k in ("practicode", "training_program"):
            s = _text(v).lower() if not isinstance(v, bool) else ("yes" if v else "no")
            if s not in TRUE | FALSE:
                raise ValueError(f"{k.replace('_', ' ')} {_text(v)!r} is not yes or no")
            out[k] = s in TRUE
        elif k == "experience_kinds":
            kinds = []
            for x in split_list(v):
                kx = x.lower().replace(" ", "-").replace("_", "-")
                if kx not in EXPERIENCE_KINDS:
                    near = difflib.get_close_matches(kx, EXPERIENCE_KINDS, n=1, cutoff=0.6)
                    raise ValueError(
                        f"experience kind {x!r} is not one of {', '.join(EXPERIENCE_KINDS)}"
                        + (f" (did you mean {near[0]}?)" if near else "")
                    )
                kinds.append(kx)
            out[k] = list(dict.fromkeys(kinds))
        elif k in ("held", "member"):
            vals = [x.upper() for x in split_list(v) if x.strip().lower() not in FALSE]
            if vals:
                out[k] = list(dict.fromkeys(vals))
    return out


def build_row(number: int, line: int | None, raw: dict[str, Any]) -> RosterRow:
    """One student from raw values keyed by field (id/name/first_name/last_name and profile fields)."""
    ident = _text(raw.get("id"))
    name = _text(raw.get("name"))
    if not name:
        name = " ".join(x for x in (_text(raw.get("first_name")), _text(raw.get("last_name"))) if x)
    for k, v in raw.items():
        if isinstance(v, str) and len(v) > MAX_FIELD_CHARS:
            return RosterRow(
                number,
                line,
                ident[:40] or None,
                name[:40] or None,
                None,
                f"the {k} value is {len(v):,} characters long (at most {MAX_FIELD_CHARS:,})",
            )
    ident = ident or name
    if not ident:
        return RosterRow(number, line, None, None, None, "no name or id")
    name = name or ident
    fields = {k: v for k, v in raw.items() if k in PROFILE_FIELDS}
    try:
        key: tuple | None = tuple(sorted(fields.items()))
        hash(key)
    except TypeError:  # a list from YAML or JSON
        key = None
    got = _PARSED.get(key) if key is not None else None
    if got is None:
        try:
            got = (parse_fields(fields), None)
        except ValueError as exc:
            got = (None, str(exc))
        if key is not None:
            if len(_PARSED) >= 8192:
                _PARSED.clear()
            _PARSED[key] = got
    data, error = got
    # rows with the same values share ``data`` (and ``key``): treat both as read-only
    return RosterRow(number, line, ident, name, data, error, key)


_PARSED: dict[tuple, tuple[dict[str, Any] | None, str | None]] = {}


# --------------------------------------------------------------------------- files


def _name(path: Any) -> str:
    """The file as messages name it: at most 120 characters (a huge argument is never echoed whole)."""
    from certplan.fsutil import short

    return short(path)


def _open_regular(path: Path, limit: int):
    """Open a regular file for reading in binary, refusing directories, FIFOs, devices and files over ``limit``.

    Opened with O_NONBLOCK (as fsutil.read_limited does), so a FIFO with no writer cannot hang the open;
    the file is then read as a stream.
    """
    import errno

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except ValueError:
        raise RosterError(f"{_name(path)}: not a usable file name") from None
    except OSError as exc:
        if exc.errno == errno.ENOENT:
            raise RosterError(f"{_name(path)}: no such file") from None
        if exc.errno == errno.EISDIR:
            raise RosterError(f"{_name(path)}: is a directory, not a roster file") from None
        raise RosterError(f"{_name(path)}: cannot read: {exc.strerror}") from None
    st = os.fstat(fd)
    if stat.S_ISDIR(st.st_mode):
        os.close(fd)
        raise RosterError(f"{_name(path)}: is a directory, not a roster file")
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        raise RosterError(f"{_name(path)}: not a regular file (a device, FIFO or socket cannot be a roster)")
    if st.st_size > limit:
        os.close(fd)
        raise RosterError(f"{_name(path)}: {st.st_size:,} bytes is more than a roster may have ({limit:,})")
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


class Roster:
    """A roster whose header has been checked; iterate for its rows (a stream)."""

    def __init__(self, path: Path, header: Header | None, rows: Iterator[RosterRow], kind: str):
        self.path = path
        self.header = header
        self.kind = kind
        self._rows = rows
        self.warnings: list[str] = []
        if header is not None and header.warning:
            self.warnings.append(f"{_name(path)}: {header.warning}")

    def __iter__(self) -> Iterator[RosterRow]:
        return self._rows


def open_roster(path: str | Path, sheet: str | None = None) -> Roster:
    """The roster at ``path`` (``-``: a CSV on standard input), its header checked; RosterError if unusable."""
    if str(path) == "-":
        if sheet is not None:
            raise RosterError("-: --sheet is only for .xlsx workbooks")
        return _csv(Path("-"))
    p = Path(path)
    suffix = p.suffix.lower()
    if sheet is not None and suffix not in (".xlsx", ".xlsm"):
        raise RosterError(f"{_name(p)}: --sheet is only for .xlsx workbooks")
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx(p, sheet)
    if suffix == ".xls":
        raise RosterError(f"{_name(p)}: old .xls workbooks are not read; save it as .xlsx or CSV UTF-8")
    if suffix in (".yaml", ".yml", ".json"):
        return _document(p, suffix)
    if suffix in (".jsonl", ".ndjson"):
        return _jsonl(p)
    return _csv(p)


# ---- CSV


class _Lines:
    """Physical lines of a text file, with push-back (to re-read lines a stray quote swallowed)."""

    def __init__(self, fh: Iterable[str], path: Path):
        self._it = iter(fh)
        self._back: list[tuple[int, str]] = []
        self.path = path
        self.line = 0  # number of the last line handed out
        self.taken: list[tuple[int, str]] = []

    def __iter__(self):
        return self

    def __next__(self) -> str:
        if self._back:
            self.line, text = self._back.pop()
        else:
            try:
                text = next(self._it)
            except UnicodeDecodeError:
                raise RosterError(
                    f"{_name(self.path)}: line {self.line + 1}: not UTF-8 text; save it as CSV UTF-8"
                ) from None
            self.line += 1
        self.taken.append((self.line, text))
        return text

    def push_back(self, lines: list[tuple[int, str]]) -> None:
        self._back.extend(reversed(lines))


def _delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in (",", ";", "\t")}
    best = max(counts.values())
    if best == 0:
        return ","
    for d in (",", ";", "\t"):
        if counts[d] == best:
            return d
    return ","


def _stdin():
    import sys

    stream = getattr(sys.stdin, "buffer", None)
    if stream is None or stream.closed:
        raise RosterError("-: standard input is closed; give a roster file")
    return stream


def _csv(p: Path) -> Roster:
    import io

    fh = _stdin() if str(p) == "-" else _open_regular(p, MAX_TABLE_BYTES)
    text = io.TextIOWrapper(fh, encoding="utf-8-sig", newline="")
    lines = _Lines(text, p)
    try:
        first = next(lines)
    except StopIteration:
        text.close()
        raise RosterError(f"{_name(p)}: the file is empty; the first row must name the columns") from None
    delim = _delimiter(first)
    hdr = next(csv.reader([first], delimiter=delim))
    header = match_header(hdr, _name(p))
    lines.taken.clear()
    return Roster(p, header, _csv_rows(text, lines, header, delim), "csv")


def _who(cells: list[str], header: Header) -> tuple[str | None, str | None]:
    """(id, name) of a row that cannot be read whole, from the cells that can, to name it in messages."""

    def cell(f: str) -> str:
        i = header.index.get(f)
        v = cells[i].strip() if i is not None and i < len(cells) else ""
        return v if 0 < len(v) <= 80 and "\n" not in v else ""

    name = cell("name") or " ".join(x for x in (cell("first_name"), cell("last_name")) if x)
    ident = cell("id") or name
    return ident or None, name or ident or None


def _looks_like_rows(continuation: list[str], delim: str, ncols: int) -> bool:
    need = max(1, ncols - 1)
    return any(ln.count(delim) >= need for ln in continuation)


def _csv_rows(text, lines: _Lines, header: Header, delim: str) -> Iterator[RosterRow]:
    csv.field_size_limit(MAX_TABLE_BYTES)
    reader = csv.reader(lines, delimiter=delim)
    ncols = len(header.columns)
    number = 0
    try:
        while True:
            lines.taken.clear()
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                number += 1
                start = lines.taken[0][0] if lines.taken else lines.line
                yield RosterRow(number, start, None, None, None, f"cannot be read as CSV ({exc})")
                continue
            taken = list(lines.taken)
            if not taken:
                return
            start = taken[0][0]
            if not any(c.strip() for c in cells):
                continue  # blank line
            number += 1
            if len(taken) > 1 and _looks_like_rows([t for _, t in taken[1:]], delim, ncols):
                lines.push_back(taken[1:])
                yield RosterRow(
                    number,
                    start,
                    *_who(cells, header),
                    None,
                    f'a quote (") opened on line {start} is not closed, so it would swallow the next '
                    f"{len(taken) - 1} line(s); fix the quote (the lines after it are read on their own)",
                )
                continue
            huge = next((i for i, c in enumerate(cells) if len(c) > MAX_FIELD_CHARS), None)
            if huge is not None:
                col = header.columns[huge] if huge < ncols else f"column {huge + 1}"
                yield RosterRow(
                    number,
                    start,
                    *_who(cells, header),
                    None,
                    f'the "{col}" cell is {len(cells[huge]):,} characters long (at most {MAX_FIELD_CHARS:,})',
                )
                continue
            if len(cells) > ncols and any(c.strip() for c in cells[ncols:]):
                yield RosterRow(
                    number,
                    start,
                    None,
                    None,
                    None,
                    f"{len(cells)} values but the header has {ncols} columns",
                )
                continue
            raw = {f: (cells[i] if i < len(cells) else None) for f, i in header.index.items()}
            yield build_row(number, start, raw)
    finally:
        text.close()


# ---- xlsx


def _xlsx(p: Path, sheet: str | None) -> Roster:
    fh = _open_regular(p, MAX_TABLE_BYTES)
    import zipfile

    try:
        from openpyxl import load_workbook
    except ImportError:  # pragma: no cover - a dependency
        fh.close()
        raise RosterError(f"{_name(p)}: reading .xlsx needs the openpyxl package") from None
    try:
        wb = load_workbook(fh, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        fh.close()
        raise RosterError(f"{_name(p)}: not a readable .xlsx workbook ({exc})") from None
    names = wb.sheetnames
    if sheet is None:
        if not names:
            raise RosterError(f"{_name(p)}: the workbook has no sheet")
        ws = wb[names[0]]
    elif sheet in names:
        ws = wb[sheet]
    else:
        near = difflib.get_close_matches(sheet, names, n=1, cutoff=0.5)
        wb.close()
        fh.close()
        raise RosterError(
            f'{_name(p)}: no sheet "{sheet}"; its sheets: {", ".join(names)}'
            + (f' (did you mean "{near[0]}"?)' if near else "")
        )
    it = ws.iter_rows(values_only=True)
    try:
        first = next(it)
    except StopIteration:
        wb.close()
        fh.close()
        raise RosterError(f"{_name(p)}: the sheet {ws.title!r} is empty; its first row must name the columns") from None
    header = match_header(list(first), f"{_name(p)} (sheet {ws.title})")

    def rows() -> Iterator[RosterRow]:
        number = 0
        try:
            for line, cells in enumerate(it, 2):
                if not any(_text(c) for c in cells):
                    continue
                number += 1
                raw = {f: (cells[i] if i < len(cells) else None) for f, i in header.index.items()}
                yield build_row(number, line, raw)
        finally:
            wb.close()
            fh.close()

    return Roster(p, header, rows(), "xlsx")


# ---- YAML / JSON / JSON Lines


def _document(p: Path, suffix: str) -> Roster:
    fh = _open_regular(p, MAX_DOCUMENT_BYTES)
    with fh:
        raw = fh.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RosterError(f"{_name(p)}: not UTF-8 text") from None
    if suffix == ".json":
        import json

        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise RosterError(f"{_name(p)}:{exc.lineno}: not valid JSON ({exc.msg})") from None
    else:
        from certplan.yamlsafe import PlainYamlError, load_plain_yaml

        try:
            data = load_plain_yaml(text)  # no anchors, aliases or tags (an alias bomb is refused unbuilt)
        except PlainYamlError as exc:
            raise RosterError(f"{_name(p)}" + (f":{exc.line}" if exc.line else "") + f": {exc.problem}") from None
    if isinstance(data, dict):
        for key in ("students", "people", "roster"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
    if not isinstance(data, list):
        raise RosterError(f"{_name(p)}: expected a list of students (or a mapping with a 'students' or 'people' list)")
    header = _record_header(data, p)
    return Roster(p, header, _records(((None, r) for r in data), header), suffix[1:])


def _record_header(records: list[Any], p: Path) -> Header:
    keys: dict[str, None] = {}
    for r in records:
        if isinstance(r, dict):
            for k in r:
                keys.setdefault(str(k), None)
    if not keys:
        return Header([], {"id": -1})
    return match_header(list(keys), _name(p))


def _records(items: Iterable[tuple[int | None, Any]], header: Header) -> Iterator[RosterRow]:
    lookup = {header.columns[i]: f for f, i in header.index.items() if i >= 0}
    for number, (line, rec) in enumerate(items, 1):
        if not isinstance(rec, dict):
            yield RosterRow(number, line, None, None, None, "not a mapping of fields")
            continue
        raw: dict[str, Any] = {}
        for k, v in rec.items():
            f = lookup.get(str(k))
            if f is None:
                f = SYNONYMS.get(norm_header(k))
            if f is not None:
                raw[f] = v
        yield build_row(number, line, raw)


def _jsonl(p: Path) -> Roster:
    import io
    import json

    fh = _open_regular(p, MAX_TABLE_BYTES)
    text = io.TextIOWrapper(fh, encoding="utf-8-sig")

    def items():
        try:
            for line, s in enumerate(text, 1):
                if not s.strip():
                    continue
                try:
                    yield line, json.loads(s)
                except json.JSONDecodeError as exc:
                    yield line, f"not valid JSON ({exc.msg})"
        finally:
            text.close()

    def rows():
        number = 0
        for line, rec in items():
            if isinstance(rec, str):
                number += 1
                yield RosterRow(number, line, None, None, None, rec)
                continue
            number += 1
            for r in _records([(line, rec)], Header([], {})):
                r.number = number
                yield r

    return Roster(p, None, rows(), "jsonl")
