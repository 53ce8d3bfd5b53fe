"""Rules in force on a day: every dated rule applies from ``effective_from`` (inclusive) to
``effective_until`` (exclusive); an open end is null.  Stdlib only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, TypeVar

T = TypeVar("T")


def start_of(text: str | None) -> dt.date | None:
    """The first day a YYYY, YYYY-MM or YYYY-MM-DD date names (None for None)."""
    if not text:
        return None
    parts = [int(p) for p in text.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return dt.date(*parts)


def applies_on(rule: Any, day: dt.date) -> bool:
    """True when ``rule`` (anything with optional effective_from/effective_until) is in force on ``day``."""
    start = start_of(getattr(rule, "effective_from", None))
    end = start_of(getattr(rule, "effective_until", None))
    return (start is None or start <= day) and (end is None or day < end)


def in_force(rules: Iterable[T], day: dt.date) -> list[T]:
    """The rules of ``rules`` in force on ``day``, in their order."""
    return [r for r in rules if applies_on(r, day)]


def uncovered_day(rules: Iterable[Any]) -> dt.date | None:
    """The first day on which none of ``rules`` is in force, or None when every day has one.

    Only the days where a period starts or ends can begin a gap, so those (and the far past) are checked.
    """
    rules = list(rules)
    if not any(getattr(r, "effective_from", None) or getattr(r, "effective_until", None) for r in rules):
        return None  # undated rules are in force every day (and an empty list has nothing to check)
    edges = {dt.date.min}
    for r in rules:
        for text in (getattr(r, "effective_from", None), getattr(r, "effective_until", None)):
            day = start_of(text)
            if day is not None:
                edges.add(day)
    for day in sorted(edges):
        if not any(applies_on(r, day) for r in rules):
            return day
    return None


# --------------------------------------------------------------------------- the catalog on a day

_VIEWS: dict[tuple[int, dt.date], tuple[Any, Any]] = {}
_MAX_VIEWS = 16


def catalog_on(cat: Any, day: dt.date) -> Any:
    """A view of ``cat`` (a Catalog) with only the fees and eligibility pathways in force on ``day``.

    Fees: exam fees, upkeep fees of credentials, membership and renewal fees of bodies. Pathways: eligibility
    pathways and apprentice removal pathways. Records without dated rules are shared with ``cat`` (no copy);
    the catalog itself comes back unchanged when nothing in it is dated. Cached per (catalog, day).
    """
    key = (id(cat), day)
    hit = _VIEWS.get(key)
    if hit is not None and hit[0] is cat:
        return hit[1]
    view = _build_view(cat, day)
    if len(_VIEWS) >= _MAX_VIEWS:
        _VIEWS.pop(next(iter(_VIEWS)))
    _VIEWS[key] = (cat, view)
    return view


def _any_dated(items: list) -> bool:
    for i in items:  # a plain loop: this runs for every list of every record (see benchmarks/catalog_on.py)
        if i.effective_from is not None or i.effective_until is not None:
            return True
    return False


def _filtered(model: Any, day: dt.date, fields: tuple[str, ...]) -> Any:
    """``model`` with each list field in ``fields`` cut to its rules in force on ``day`` (the same object if none changes)."""
    update = {}
    for name in fields:
        items = getattr(model, name)
        if _any_dated(items):
            kept = in_force(items, day)
            if len(kept) != len(items):
                update[name] = kept
    return model.model_copy(update=update) if update else model


def _credential_dated(c: Any) -> bool:
    e, m, el, a = c.exam, c.maintenance, c.eligibility, c.apprentice
    return (
        (e is not None and _any_dated(e.fees))
        or (m is not None and _any_dated(m.fees))
        or (el is not None and _any_dated(el.pathways))
        or (a is not None and _any_dated(a.removal))
    )


def _build_view(cat: Any, day: dt.date) -> Any:
    creds = []
    changed = False
    for c in cat.credentials:
        if not _credential_dated(c):
            creds.append(c)
            continue
        update = {}
        if c.exam is not None:
            e = _filtered(c.exam, day, ("fees",))
            if e is not c.exam:
                update["exam"] = e
        if c.maintenance is not None:
            m = _filtered(c.maintenance, day, ("fees",))
            if m is not c.maintenance:
                update["maintenance"] = m
        if c.eligibility is not None:
            el = _filtered(c.eligibility, day, ("pathways",))
            if el is not c.eligibility:
                update["eligibility"] = el
        if c.apprentice is not None:
            a = _filtered(c.apprentice, day, ("removal",))
            if a is not c.apprentice:
                update["apprentice"] = a
        if update:
            changed = True
            c = c.model_copy(update=update)
        creds.append(c)
    bodies = []
    for b in cat.bodies:
        nb = _filtered(b, day, ("membership",))
        if b.renewal is not None:
            r = _filtered(b.renewal, day, ("fees",))
            if r is not b.renewal:
                nb = nb.model_copy(update={"renewal": r})
        changed = changed or nb is not b
        bodies.append(nb)
    if not changed:
        return cat
    return cat.model_copy(update={"credentials": creds, "bodies": bodies})


def _dated_rules(cat: Any):
    for c in cat.credentials:
        if c.exam is not None:
            yield from c.exam.fees
        if c.maintenance is not None:
            yield from c.maintenance.fees
        if c.eligibility is not None:
            yield from c.eligibility.pathways
        if c.apprentice is not None:
            yield from c.apprentice.removal
    for b in cat.bodies:
        yield from b.membership
        if b.renewal is not None:
            yield from b.renewal.fees


def same_rules_span(cat: Any, day: dt.date) -> tuple[str | None, str | None]:
    """The period around ``day`` in which :func:`catalog_on` gives the same view: (first day, first day after),
    as ISO dates, None for an open end. A cache of views built on ``day`` is good for any day in it."""
    lo: dt.date | None = None
    hi: dt.date | None = None
    for r in _dated_rules(cat):
        for text in (getattr(r, "effective_from", None), getattr(r, "effective_until", None)):
            edge = start_of(text)
            if edge is None:
                continue
            if edge <= day:
                lo = edge if lo is None or edge > lo else lo
            else:
                hi = edge if hi is None or edge < hi else hi
    return (lo.isoformat() if lo else None, hi.isoformat() if hi else None)


def span_holds(span: Any, day: dt.date) -> bool:
    """True when ``day`` lies in a span from :func:`same_rules_span` (a missing span holds on any day)."""
    if not span:
        return True
    lo, hi = span
    return (lo is None or dt.date.fromisoformat(lo) <= day) and (hi is None or day < dt.date.fromisoformat(hi))
