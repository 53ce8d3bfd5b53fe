"""Queries over the catalog: filtering, sources, stale facts."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

from certplan.catalog.records import Catalog, Credential, Record


def cited(obj: Any, prefix: str = "") -> list[tuple[str, str]]:
    """(field path, source id) for every citation inside ``obj``."""
    found: list[tuple[str, str]] = []

    def walk(o: Any, path: str) -> None:
        if isinstance(o, Record):
            for name in type(o).model_fields:
                v = getattr(o, name)
                if name == "source" and isinstance(v, str):
                    found.append((path, v))
                else:
                    walk(v, f"{path}.{name}" if path else name)
        elif isinstance(o, list):
            for i, item in enumerate(o):
                walk(item, f"{path}[{i}]")

    walk(obj, prefix)
    return found


def all_citations(cat: Catalog) -> list[tuple[str, str, str]]:
    """(record, field path, source id) across the catalog."""
    out: list[tuple[str, str, str]] = []
    for b in cat.bodies:
        out += [(f"body {b.code}", p, s) for p, s in cited(b)]
    for c in cat.credentials:
        out += [(c.code, p, s) for p, s in cited(c)]
    for o in cat.occupations:
        out += [(f"SOC {o.soc}", p, s) for p, s in cited(o)]
    for pdiff in cat.pay_differences:
        out += [(f"pay difference {pdiff.id}", p or "(record)", s) for p, s in cited(pdiff)]
    for f in cat.facts:
        out += [(f"fact {f.id}", p or "text", s) for p, s in cited(f)]
    return out


def source_rows(cat: Catalog, scope: Credential | None = None) -> list[dict[str, Any]]:
    cites = [(r, p, s) for r, p, s in all_citations(cat) if scope is None or r == scope.code]
    counts: dict[str, int] = {}
    for _, _, s in cites:
        counts[s] = counts.get(s, 0) + 1
    rows = []
    for s in cat.sources:
        if scope is not None and s.id not in counts:
            continue
        rows.append(
            {
                "id": s.id,
                "kind": s.kind,
                "tier": s.tier,
                "date": s.date,
                "date_kind": s.date_kind,
                "facts": counts.get(s.id, 0),
                "url": s.url,
                "title": s.title,
            }
        )
    return rows


_AGE = re.compile(r"^\s*(\d{1,4})\s*([dwmy])\s*$", re.I)


def cutoff_date(today: dt.date, age: str) -> dt.date:
    m = _AGE.match(age or "")
    if not m:
        raise ValueError(f"--older-than {age!r} is not an age such as 18m, 2y, 6w or 90d")
    n, unit = int(m.group(1)), m.group(2).lower()
    if unit == "d":
        return today - dt.timedelta(days=n)
    if unit == "w":
        return today - dt.timedelta(weeks=n)
    months = n * (12 if unit == "y" else 1)
    y, mo = divmod(today.year * 12 + today.month - 1 - months, 12)
    if y < 1:
        raise ValueError(f"--older-than {age!r} reaches before year 1")
    day = min(today.day, calendar.monthrange(y, mo + 1)[1])
    return dt.date(y, mo + 1, day)


def source_start(date: str) -> dt.date:
    """The first day a partial date (YYYY or YYYY-MM) can mean."""
    parts = [int(x) for x in date.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return dt.date(*parts)


def stale_facts(cat: Catalog, cutoff: dt.date) -> list[dict[str, Any]]:
    src = {s.id: s for s in cat.sources}
    rows = []
    for record, path, sid in all_citations(cat):
        s = src.get(sid)
        if s is None:
            continue
        if source_start(s.date) < cutoff:
            rows.append({"record": record, "field": path or "(record)", "date": s.date, "kind": s.kind, "url": s.url})
    return rows
