"""Tasks and weeks: filling weekly budgets in order, and the least weekly budget that fits."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from certplan.core.plan.rules import (
    MAX_WEEKS,
    STEP_MINUTES,
)

# --------------------------------------------------------------------------- tasks and weeks


@dataclass
class Task:
    name: str
    kind: str  # prerequisite, foundations, domain, code-books, review, practice-exam, practice-review
    minutes: int
    whole: bool = False  # one sitting: never split across weeks
    practice: int = 0  # practice exam number, for the sittings


@dataclass
class Week:
    parts: list[tuple[Task, int]] = field(default_factory=list)

    @property
    def minutes(self) -> int:
        return sum(m for _, m in self.parts)


def fill(tasks: list[Task], cap: int) -> list[Week]:
    """Lay tasks into weeks of ``cap`` minutes, in order; a one-sitting task is never split and two practice
    exams never share a week."""
    weeks: list[Week] = []
    cur = Week()

    def close() -> None:
        nonlocal cur
        if cur.parts:
            weeks.append(cur)
        cur = Week()

    for t in tasks:
        if t.minutes <= 0:
            continue
        if t.whole:
            has_practice = any(p.practice for p, _ in cur.parts)
            if cur.parts and (cur.minutes + t.minutes > cap or (t.practice and has_practice)):
                close()
            cur.parts.append((t, t.minutes))
            if cur.minutes >= cap:
                close()
            continue
        left = t.minutes
        while left > 0:
            take = min(left, cap - cur.minutes)
            if take <= 0:
                close()
                continue
            cur.parts.append((t, take))
            left -= take
            if cur.minutes >= cap:
                close()
        if len(weeks) > MAX_WEEKS * 4:  # a tiny weekly budget: stop, the caller refuses it
            break
    close()
    return weeks


FINAL_KINDS = ("review", "practice-exam", "practice-review")


def weeks_needed(content: list[Task], final: list[Task], cap: int) -> int:
    return len(fill(content + final, cap))


def layout(content: list[Task], final: list[Task], cap: int, n_weeks: int | None = None) -> list[Week | None]:
    """The weeks in order; ``None`` is a buffer week.  With room to spare the review phase starts on a week of
    its own and the spare weeks come just before it; otherwise the tasks run on without a gap."""
    if n_weeks is not None:
        c, f = fill(content, cap), fill(final, cap)
        if len(c) + len(f) <= n_weeks:
            return [*c, *([None] * (n_weeks - len(c) - len(f))), *f]
    weeks: list[Week | None] = list(fill(content + final, cap))
    if n_weeks is None or len(weeks) >= n_weeks:
        return weeks
    first = next(
        (i for i, w in enumerate(weeks) if w is not None and any(t.kind in FINAL_KINDS for t, _ in w.parts)),
        len(weeks),
    )
    return [*weeks[:first], *([None] * (n_weeks - len(weeks))), *weeks[first:]]


def min_cap(content: list[Task], final: list[Task], n_weeks: int, lo: int, hi: int) -> int | None:
    """The smallest weekly budget (half-hour steps from ``lo``) that fits in ``n_weeks``, or None up to ``hi``."""
    total = sum(t.minutes for t in content + final)
    start = max(lo, int(math.ceil(total / max(n_weeks, 1) / STEP_MINUTES)) * STEP_MINUTES, STEP_MINUTES)
    cap = start
    while cap <= hi:
        if weeks_needed(content, final, cap) <= n_weeks:
            return cap
        cap += STEP_MINUTES
    return None
