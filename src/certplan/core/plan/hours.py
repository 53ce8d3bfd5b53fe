"""Study hours: the catalog's figure (or certplan's default) and the profile adjustments."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from certplan.core import requirements as rq
from certplan.core.person import Person, held_closure
from certplan.core.plan.rules import (
    ADJUSTMENT_RULES,
    COURSE_CAP_SHARE,
    CREDENTIAL_FACTOR,
    DEFAULT_STUDY_HOURS,
    EXPERIENCE_FACTOR,
    EXPERIENCE_YEARS,
    FLOOR_SHARE,
    FOCUS_KINDS,
    FOUNDATION_FOCUS,
    FOUNDATIONS,
    NEWCOMER_KINDS,
    NEWCOMER_MAX_COURSE_HOURS,
    NEWCOMER_MAX_YEARS,
    round_units,
)

if TYPE_CHECKING:  # pragma: no cover
    from certplan.catalog.records import Catalog, Credential

Profile = Person


# --------------------------------------------------------------------------- study hours


def base_hours(cred: Credential, urls: dict[str, str]) -> dict[str, Any]:
    """The catalog's study-hour figure, or certplan's labelled planning default."""
    f = cred.exam.study_hours if cred.exam else None
    if f is not None and f.value is not None:
        src = urls.get(f.source)
        if f.estimate:
            basis = f"{f.value:g} hours: an estimate in the catalog ({f.note})"
        else:
            basis = f"{f.value:g} hours, from the catalog" + (f" ({f.note})" if f.note else "")
        return {
            "value": float(f.value),
            "estimate": bool(f.estimate),
            "certplan_default": False,
            "source": src,
            "note": f.note,
            "basis": basis,
        }
    note = f.note if f is not None else "the catalog has no study-hour entry for this credential"
    return {
        "value": DEFAULT_STUDY_HOURS,
        "estimate": True,
        "certplan_default": True,
        "source": urls.get(f.source) if f is not None else None,
        "note": note,
        "basis": f"no sourced figure ({note}); certplan's planning default of {DEFAULT_STUDY_HOURS:g} hours",
    }


def related_kinds(cred: Credential) -> list[str]:
    kinds: list[str] = []
    for focus in cred.focus or ["coding"]:
        for k in FOCUS_KINDS.get(focus, ()):
            if k not in kinds:
                kinds.append(k)
    return kinds


def is_newcomer(person: Profile, held_current: list[Credential]) -> bool:
    if held_current or person.held:
        return False
    if person.course_hours >= NEWCOMER_MAX_COURSE_HOURS:
        return False
    if person.experience_years >= NEWCOMER_MAX_YEARS and set(person.experience_kinds) & NEWCOMER_KINDS:
        return False
    return True


def adjust(
    cred: Credential, cat: Catalog, person: Profile, base: float
) -> tuple[int, list[dict[str, Any]], list[tuple[str, int]]]:
    """Adjusted study minutes, the adjustments made (each explained) and the foundations to add."""
    adjustments: list[dict[str, Any]] = []
    by_code = {c.code.upper(): c for c in cat.credentials}
    held_codes = [c for c in held_closure(cat, person.held) if c in by_code]
    held_current = [by_code[c] for c in sorted(held_codes) if by_code[c].status == "current"]
    hours = base
    kinds = related_kinds(cred)
    mine = [k for k in person.experience_kinds if k in kinds]
    if person.experience_years >= EXPERIENCE_YEARS and mine:
        new = hours * EXPERIENCE_FACTOR
        adjustments.append(
            {
                "rule": "experience",
                "hours": round(new - hours, 2),
                "reason": f"{rq.years_words(person.experience_years)} of {', '.join(mine)} experience: "
                f"{ADJUSTMENT_RULES['experience']}",
            }
        )
        hours = new
    target_focus = set(cred.focus or ["coding"])
    related = [c for c in held_current if c.code != cred.code and set(c.focus or ["coding"]) & target_focus]
    if related:
        new = hours * CREDENTIAL_FACTOR
        adjustments.append(
            {
                "rule": "credential",
                "hours": round(new - hours, 2),
                "reason": f"you hold {', '.join(c.code for c in related)}: {ADJUSTMENT_RULES['credential']}",
            }
        )
        hours = new
    if person.course_hours > 0:
        cut = min(float(person.course_hours), base * COURSE_CAP_SHARE)
        adjustments.append(
            {
                "rule": "course",
                "hours": round(-cut, 2),
                "reason": f"{person.course_hours} hours of coursework completed: {ADJUSTMENT_RULES['course']}",
            }
        )
        hours -= cut
    if hours < base * FLOOR_SHARE:
        adjustments.append(
            {
                "rule": "floor",
                "hours": round(base * FLOOR_SHARE - hours, 2),
                "reason": ADJUSTMENT_RULES["floor"],
            }
        )
        hours = base * FLOOR_SHARE
    minutes = round_units(hours * 60, 60)  # whole hours
    foundations: list[tuple[str, int]] = []
    if is_newcomer(person, held_current):
        clinical = not cred.focus or bool(set(cred.focus) & FOUNDATION_FOCUS)
        foundations = [(n, h) for n, h in FOUNDATIONS if clinical or n == "Medical terminology"]
        adjustments.append(
            {
                "rule": "foundations",
                "hours": sum(h for _, h in foundations),
                "reason": "no credential, little healthcare experience and little coursework in your profile: "
                + ADJUSTMENT_RULES["foundations"],
            }
        )
    return minutes, adjustments, foundations
