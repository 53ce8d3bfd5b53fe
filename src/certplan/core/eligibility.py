"""Eligibility: which pathway a person meets, what is missing, and how long until it is met.

Pure functions over catalog models and a :class:`~certplan.core.person.Person`; no I/O.  Every
requirement is checked by :mod:`certplan.core.requirements`, the one engine for requirement kinds.

Rules modelled:
- a credential's eligibility is an OR of pathways, each an AND of requirements;
- a credential the person already holds (or one superseded by a credential they hold) has status ``held``;
- membership of the body is something a person buys when registering, not a barrier: it is reported
  under ``to_do``, never as ``missing``, and not at all when the person is a member (or holds a credential
  whose upkeep requires that membership);
- ``months_until_eligible`` is given only when time (experience) is all that is missing;
- a credential with an apprentice designation (CPC-A, COC-A) can be sat by an eligible person who lacks
  the experience: the status is then ``apprentice`` and the result says what removes the designation and
  when;
- recommended preparation is advice and never changes the status.
"""

from __future__ import annotations

from typing import Any

from certplan.core import requirements as rq
from certplan.core.catalog_index import index_of
from certplan.core.person import MAX_EXPERIENCE_YEARS, PROGRAM_EDUCATION, Person  # noqa: F401  (re-exported)

STATUSES = ("held", "eligible", "apprentice", "not-eligible")
STATUS_ORDER = {"not-eligible": 0, "apprentice": 1, "eligible": 2, "held": 3}

# Kept for callers that still say Profile; the person is one class.
Profile = Person
months_between = rq.months_between


def _pathway_ref(c: rq.PathwayCheck, urls: dict[str, str]) -> dict[str, Any]:
    return {
        "id": c.pathway.id,
        "label": c.pathway.label,
        "text": rq.describe_pathway(c.pathway),
        "source": urls.get(c.pathway.source),
    }


def _pathway_row(c: rq.PathwayCheck, urls: dict[str, str]) -> dict[str, Any]:
    return {
        **_pathway_ref(c, urls),
        "met": c.met,
        "missing": c.missing,
        "to_do": c.to_do,
        "months_until_met": c.months,
        "needs_confirmation": c.needs_confirmation,
    }


def apprentice_status(cred: Any, person: Person) -> dict[str, Any] | None:
    """For a credential with an apprentice designation: whether the person would carry it (None if not)."""
    a = cred.apprentice
    if a is None:
        return None
    rchecks = [rq.check_pathway(p, person) for p in a.removal]
    if any(c.met for c in rchecks):
        return None
    fast = rq.fastest_by_time(rchecks)
    near = fast or rq.best(rchecks)
    advice = []
    for c in rchecks:
        if c is not near and c.months is None and c.other_missing and c.experience_months < near.experience_months:
            advice.append(f"to lose the {a.designation} sooner: {' and '.join(c.missing)}")
    return {
        "designation": a.designation,
        "rule": a.rule,
        "removal": [rq.describe_pathway(p) for p in a.removal],
        "removal_pathway": rq.describe_pathway(near.pathway),
        "removal_missing": near.missing,
        "months_to_full_credential": fast.months if fast else None,
        "_advice": advice,
    }


def evaluate(cred: Any, person: Person, cat: Any = None, urls: dict[str, str] | None = None) -> dict[str, Any]:
    """The eligibility answer for one credential (the ``eligible --json`` item)."""
    if urls is None:
        urls = index_of(cat).urls if cat is not None else {}
    out: dict[str, Any] = {
        "code": cred.code,
        "name": cred.name,
        "status": "not-eligible",
        "pathway": None,
        "pathways": [],
        "missing": [],
        "to_do": [],
        "months_until_eligible": None,
        "apprentice": None,
        "advice": [],
        "source": None,
    }
    if person.holds(cred.code):
        out["status"] = "held"
        out["months_until_eligible"] = 0
        direct = cred.code.upper() in {h.upper() for h in person.held}
        out["advice"].append(
            f"you already hold {cred.code}" if direct else f"{cred.code} is covered by a credential you hold"
        )
        if cred.code in person.apprentice and cred.apprentice is not None:
            a = apprentice_status(cred, person)
            if a is not None:
                out["advice"] += a.pop("_advice")
                out["apprentice"] = a
        return out
    if cred.status != "current" or cred.eligibility is None:
        out["missing"] = [
            f"{cred.code} is {cred.status}; it cannot be earned"
            + (f" (see {', '.join(cred.see_also)})" if cred.see_also else "")
        ]
        return out
    checks = [rq.check_pathway(p, person) for p in cred.eligibility.pathways]
    out["pathways"] = [_pathway_row(c, urls) for c in checks]
    chosen = rq.best(checks)
    if not chosen.met:
        quick = rq.fastest_by_time(checks)
        if quick is not None:
            chosen = quick
            out["months_until_eligible"] = quick.months
    else:
        out["status"] = "eligible"
        out["months_until_eligible"] = 0
    out["pathway"] = _pathway_ref(chosen, urls)
    out["source"] = urls.get(chosen.pathway.source)
    out["missing"] = chosen.missing
    out["to_do"] = chosen.to_do
    if out["status"] == "eligible":
        a = apprentice_status(cred, person)
        if a is not None:
            out["status"] = "apprentice"
            out["advice"] += a.pop("_advice")
            out["apprentice"] = a
    for note in cred.eligibility.recommended:
        out["advice"].append(f"recommended: {note.text}")
    return out


def evaluate_all(cat: Any, person: Person, creds: list[Any] | None = None) -> list[dict[str, Any]]:
    idx = index_of(cat)
    chosen = creds if creds is not None else idx.current
    return [evaluate(c, person, cat, idx.urls) for c in chosen]


def status_of(cat: Any, cred: Any, person: Person) -> str:
    """Just the status (held, eligible, apprentice, not-eligible): what every command reports for this pair."""
    return evaluate(cred, person, cat)["status"]
