"""After the exam: results, the apprentice designation, CEUs and the first renewal, and registration notes."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from certplan.core import ceu
from certplan.core.person import Person
from certplan.core.plan.rules import (
    add_months,
    add_years,
)

if TYPE_CHECKING:  # pragma: no cover
    from certplan.catalog.records import Catalog, Credential

Profile = Person


def registration_notes(cat: Catalog, cred: Credential, urls: dict[str, str]) -> list[dict[str, Any]]:
    """The body's sourced notes about scheduling the exam (read generically from the catalog)."""
    body = next((b for b in cat.bodies if b.code == cred.body), None)
    pat = re.compile(r"schedul|authori[sz]ation to test|book (the|your) exam", re.I)
    notes = []
    for n in list(body.notes if body else []) + list(cred.notes):
        if pat.search(n.text):
            notes.append({"text": n.text, "source": urls.get(n.source)})
    return notes


def after_exam(
    cred: Credential,
    cat: Catalog,
    person: Profile,
    ev: dict[str, Any],
    exam_date: dt.date,
    today: dt.date,
    urls: dict[str, str],
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    exam = cred.exam
    if exam is not None and exam.retake.value:
        out.append(
            {
                "kind": "retake",
                "title": "If you do not pass",
                "detail": exam.retake.value,
                "date": None,
                "source": urls.get(exam.retake.source),
            }
        )
    a = ev.get("apprentice")
    if a and cred.apprentice is not None:
        months = a.get("months_to_full_credential")
        date = None
        if months is not None:
            date = max(exam_date, add_months(today, months))
        detail = (
            f"Passing now gives {a['designation']}. Ways to remove it: "
            + "; ".join(a["removal"])
            + f". Nearest for you: {a['removal_pathway']}"
            + (
                f", about {months} more months of experience from today"
                if months
                else (f" (missing: {'; '.join(a['removal_missing'])})" if a["removal_missing"] else "")
            )
            + "."
        )
        out.append(
            {
                "kind": "apprentice",
                "title": f"Remove the {a['designation']} designation",
                "detail": detail,
                "date": date.isoformat() if date else None,
                "source": urls.get(cred.apprentice.source),
            }
        )
    body = next((b for b in cat.bodies if b.code == cred.body), None)
    held = ceu.effective_held(cat, [*person.held, cred.code])
    ceus = None
    basis = ""
    cycle = cred.maintenance.cycle_years.value if cred.maintenance else None
    if body is not None:
        r = ceu.required(body, held)
        ceus, basis = r["ceus"], r["basis"]
        cycle = cycle or r["cycle_years"]
    elif cred.maintenance is not None:
        ceus, basis = cred.maintenance.ceus.value, f"{cred.code}'s own requirement"
    if cred.maintenance is not None:
        cyc = f"every {cycle} year{'s' if cycle != 1 else ''}" if cycle else "per cycle (cycle length unknown)"
        detail = (
            f"{ceus if ceus is not None else 'an unknown number of'} CEUs {cyc} ({basis}); the cycle starts when "
            "you pass and the body sets its exact dates."
        )
        for t in cred.maintenance.topic_rules:
            detail += f" {t.text}"
        out.append(
            {
                "kind": "ceu-cycle",
                "title": "First CEU cycle",
                "detail": detail,
                "date": add_years(exam_date, cycle).isoformat() if cycle else None,
                "source": urls.get(cred.maintenance.ceus.source),
            }
        )
    if cred.next:
        out.append(
            {
                "kind": "next",
                "title": "Credentials often taken next",
                "detail": ", ".join(cred.next),
                "date": None,
                "source": None,
            }
        )
    return out
