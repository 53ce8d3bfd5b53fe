"""Many students at once: eligibility with per-catalog work done once, and the cohort summary.

Pure: no files, clock or environment. The batch engine (cli/batch.py) feeds it one person at a
time, so a roster of any length is answered in bounded memory.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from certplan.catalog.models import Catalog, Credential
from certplan.core import cost, eligibility

MEMO_SIZE = 4096  # distinct profiles remembered (a class has few distinct answers)


class Memo:
    """A small bounded memo (oldest entry dropped first), so repeated profiles cost nothing."""

    def __init__(self, size: int = MEMO_SIZE):
        self.size = size
        self.data: dict[Any, Any] = {}

    def get(self, key, make):
        try:
            return self.data[key]
        except KeyError:
            pass
        value = make()
        if len(self.data) >= self.size:
            self.data.pop(next(iter(self.data)))
        self.data[key] = value
        return value


class CohortEligibility:
    """``eligibility.evaluate_all`` for many people, with the catalog's indexes built once.

    Each credential's answer depends only on the part of a person its requirements look at (its
    experience kinds, the credentials and bodies it names, ...): people who agree on that part share
    one answer, computed once. A requirement kind this module does not know makes that credential
    key on the whole person instead, so a new kind can never give a wrong shared answer.
    """

    def __init__(self, cat: Catalog, creds: list[Credential] | None = None):
        self.cat = cat
        self.creds = creds if creds is not None else [c for c in cat.credentials if c.status == "current"]
        self.urls = {s.id: s.url for s in cat.sources}
        self.replaces = {c.code.upper(): [r.upper() for r in c.replaces] for c in cat.credentials}
        self.keys = [_projector(c) for c in self.creds]
        self.memo = Memo(MEMO_SIZE * 4)  # (credential, what it looks at) -> answer
        self.people = Memo(MEMO_SIZE * 8)  # person -> every answer (a list of shared answers)
        self._held = Memo()

    def held(self, held: tuple[str, ...]) -> tuple[str, ...]:
        """The codes held plus those they replace (what ``eligibility.held_set`` computes), sorted."""
        got = self._held.data.get(held)
        if got is not None:
            return got

        def make():
            out = {h.upper() for h in held}
            todo = list(out)
            while todo:
                for r in self.replaces.get(todo.pop(), ()):
                    if r not in out:
                        out.add(r)
                        todo.append(r)
            return tuple(sorted(out))

        return self._held.get(held, make)

    def evaluate(self, person: eligibility.Profile) -> list[dict[str, Any]]:
        """The same answers as ``evaluate_all(cat, person, creds)``; shared between people (do not mutate)."""
        import dataclasses

        whole = self.people.data.get(person)
        if whole is not None:
            return whole
        expanded = None
        held = self.held(person.held)
        out = []
        for cred, key in zip(self.creds, self.keys):
            k = (cred.code, key(person, held) if key else (person, held))
            r = self.memo.data.get(k)
            if r is None:
                if expanded is None:
                    expanded = dataclasses.replace(person, held=held)
                r = self.memo.get(k, lambda c=cred, e=expanded: eligibility.evaluate(c, e, None, self.urls))
            out.append(r)
        return self.people.get(person, lambda: out)


def _projector(cred: Credential):
    """A function giving the part of (person, expanded held) that ``evaluate(cred, ...)`` depends on; None: all."""
    from certplan.catalog.models import (
        ClinicalHoursReq,
        CourseReq,
        CredentialReq,
        EducationReq,
        ExperienceReq,
        MembershipReq,
        OtherReq,
        PracticodeReq,
        ProgramReq,
    )

    pathways = list(cred.eligibility.pathways) if cred.eligibility else []
    if cred.apprentice is not None:
        pathways += list(cred.apprentice.removal)
    reqs = [r for p in pathways for r in p.requirements]
    known = (
        EducationReq,
        ProgramReq,
        ExperienceReq,
        CredentialReq,
        MembershipReq,
        CourseReq,
        PracticodeReq,
        ClinicalHoursReq,
        OtherReq,
    )
    if any(not isinstance(r, known) for r in reqs):
        return None
    edu = any(isinstance(r, EducationReq) for r in reqs)
    prog = any(isinstance(r, ProgramReq) for r in reqs)
    kinds = frozenset(k for r in reqs if isinstance(r, ExperienceReq) for k in r.of)
    codes = frozenset([cred.code.upper()] + [c.upper() for r in reqs if isinstance(r, CredentialReq) for c in r.any_of])
    bodies = frozenset(r.body.upper() for r in reqs if isinstance(r, MembershipReq))
    course = any(isinstance(r, CourseReq) for r in reqs)
    practicode = any(isinstance(r, PracticodeReq) for r in reqs)
    clinical = any(isinstance(r, ClinicalHoursReq) for r in reqs)

    def key(p: eligibility.Profile, held: tuple[str, ...]):
        ks = tuple(sorted(kinds.intersection(p.experience_kinds))) if kinds else ()
        return (
            p.education_rank() if edu else None,
            p.accredited_program if prog else None,
            (p.experience_years if ks else 0.0, ks),
            tuple(h for h in held if h in codes),
            tuple(sorted(m.upper() for m in p.member if m.upper() in bodies)) if bodies else (),
            p.course_hours if course else None,
            p.practicode if practicode else None,
            p.clinical_hours if clinical else None,
        )

    return key


def first_year_costs(cat: Catalog, creds: list[Credential]) -> dict[str, float | None]:
    """First-year cost per credential on its cheapest basis (as ``compare`` and ``recommend`` give it)."""
    return {c.code: cost.cheapest(c, cat)["first_year"] for c in creds}


_PERSONAL = re.compile(r" \((you have|certplan cannot check).*$")


def requirement_of(missing: str) -> str:
    """A missing item without the person's own figures ('2 years of coding experience (you have 1 year...)')."""
    return _PERSONAL.sub("", missing)


@dataclass
class _Tally:
    code: str
    name: str
    eligible: int = 0
    apprentice: int = 0
    not_eligible: int = 0
    already_held: int = 0
    months: list[int] = field(default_factory=list)
    missing: Counter = field(default_factory=Counter)
    cost_known: float = 0.0
    cost_unknown: int = 0


class CohortSummary:
    """Per credential: how many are eligible now, apprentice-eligible, not yet; median months; what is missing."""

    def __init__(self, costs: dict[str, float | None]):
        self.costs = costs
        self.tallies: dict[str, _Tally] = {}
        self.students = 0

    def add(self, results: list[dict[str, Any]], held: tuple[str, ...] = ()) -> None:
        self.students += 1
        held_up = {h.upper() for h in held}
        for r in results:
            t = self.tallies.get(r["code"])
            if t is None:
                t = self.tallies[r["code"]] = _Tally(r["code"], r["name"])
            if r["code"].upper() in held_up:
                t.already_held += 1
                continue
            status = r["status"]
            if status in ("eligible", "apprentice"):
                if status == "eligible":
                    t.eligible += 1
                else:
                    t.apprentice += 1
                amount = self.costs.get(r["code"])
                if amount is None:
                    t.cost_unknown += 1
                else:
                    t.cost_known += amount
            else:
                t.not_eligible += 1
                if r["months_until_eligible"] is not None:
                    t.months.append(r["months_until_eligible"])
                for m in dict.fromkeys(requirement_of(x) for x in r["missing"]):
                    t.missing[m] += 1

    def rows(self) -> list[dict[str, Any]]:
        out = []
        for t in self.tallies.values():
            common = sorted(t.missing.items(), key=lambda kv: (-kv[1], kv[0]))
            sitting = t.eligible + t.apprentice
            out.append(
                {
                    "code": t.code,
                    "name": t.name,
                    "students": t.eligible + t.apprentice + t.not_eligible + t.already_held,
                    "eligible": t.eligible,
                    "apprentice": t.apprentice,
                    "not_eligible": t.not_eligible,
                    "already_held": t.already_held,
                    "median_months_until_eligible": statistics.median(t.months) if t.months else None,
                    "months_known": len(t.months),
                    "most_common_missing": common[0][0] if common else None,
                    "most_common_missing_count": common[0][1] if common else 0,
                    "first_year_cost_total": None if t.cost_unknown else (t.cost_known if sitting else 0),
                    "first_year_cost_known": t.cost_known,
                    "first_year_cost_unknown_students": t.cost_unknown,
                }
            )
        return out
