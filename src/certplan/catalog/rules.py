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
