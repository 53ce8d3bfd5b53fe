"""Exam domains: time shared out by published weight (or question counts), evenly where none are published."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from certplan.core.plan.rules import (
    UNIT_MINUTES,
)

if TYPE_CHECKING:  # pragma: no cover
    from certplan.catalog.records import Credential


# --------------------------------------------------------------------------- domains


OTHER_CONTENT = "Other exam content (not itemised in the catalog)"


def domain_shares(cred: Credential) -> tuple[list[dict[str, Any]], str, bool]:
    """Each domain's share of the domain hours, how the shares were set, and whether it is an even split."""
    exam = cred.exam
    doms = exam.domains if exam else []
    q_total = exam.questions.value if exam else None
    if not doms:
        return (
            [{"name": "Exam content", "weight_percent": None, "questions": None, "share_percent": 100.0}],
            "the catalog lists no content domains for this exam: the domain hours go to its content as a whole",
            True,
        )
    figs: list[float | None] = []
    used_questions = False
    for d in doms:
        if d.weight_percent is not None:
            figs.append(float(d.weight_percent))
        elif d.questions is not None and q_total:
            figs.append(100.0 * d.questions / q_total)
            used_questions = True
        else:
            figs.append(None)
    known = [f for f in figs if f is not None]
    rows = [{"name": d.name, "weight_percent": d.weight_percent, "questions": d.questions} for d in doms]
    what = "published weights" + (" and question counts" if used_questions else "")
    if all(d.weight_percent is None for d in doms) and used_questions:
        what = "published question counts"
    even = False
    if not known:
        shares = [100.0 / len(doms)] * len(doms)
        basis = "no weights are published for these domains: each gets the same time (an even split, not a weighting)"
        even = True
    elif len(known) == len(figs):
        total = sum(known)
        if total < 99.5:
            rows.append({"name": OTHER_CONTENT, "weight_percent": round(100 - total, 2), "questions": None})
            figs.append(100 - total)
            basis = (
                f"in proportion to the {what}; the listed domains cover {total:g}% of the exam, the remaining "
                f"{100 - total:g}% is planned as other exam content"
            )
        elif total > 100.5:
            basis = f"in proportion to the {what} (they add up to {total:g}%, so they are scaled to 100%)"
        else:
            basis = f"in proportion to the {what}"
        shares = [f / sum(figs) * 100 for f in figs]  # type: ignore[operator]
    else:
        missing = len(figs) - len(known)
        remainder = 100 - sum(known)
        if remainder > 0.5:
            fill = remainder / missing
            basis = (
                f"in proportion to the {what}; the {missing} domain(s) without a published figure share the "
                f"remaining {remainder:g}% evenly"
            )
        else:
            fill = sum(known) / len(known)
            basis = (
                f"in proportion to the {what}; the {missing} domain(s) without a published figure get the average "
                "of the others"
            )
        figs = [fill if f is None else f for f in figs]
        shares = [f / sum(figs) * 100 for f in figs]  # type: ignore[operator,arg-type]
    for r, s in zip(rows, shares):
        r["share_percent"] = round(s, 2)
    return rows, basis, even


def share_out(total: int, shares: list[float], unit: int = UNIT_MINUTES) -> list[int]:
    """Split ``total`` minutes by ``shares`` in whole units (largest remainder; ties go to the first)."""
    units = total // unit
    raw = [units * s / sum(shares) for s in shares] if sum(shares) else [0.0] * len(shares)
    got = [int(math.floor(r)) for r in raw]
    left = units - sum(got)
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i] - got[i]), i))
    for i in order[:left]:
        got[i] += 1
    out = [g * unit for g in got]
    if out:
        out[-1] += total - units * unit
    return out
