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
from certplan.core.person import Person

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
        from certplan.core.catalog_index import index_of

        self.cat = cat
        idx = index_of(cat)
        self.creds = creds if creds is not None else list(idx.current)
        self.urls = idx.urls
        self.keys = [_projector(c) for c in self.creds]
        self.memo = Memo(MEMO_SIZE * 4)  # (credential, what it looks at) -> answer
        self.people = Memo(MEMO_SIZE * 8)  # person -> every answer (a list of shared answers)

    def evaluate(self, person: Person) -> list[dict[str, Any]]:
        """The same answers as ``evaluate_all(cat, person, creds)``; shared between people (do not mutate)."""
        whole = self.people.data.get(person)
        if whole is not None:
            return whole
        out = []
        for cred, key in zip(self.creds, self.keys):
            k = (cred.code, key(person) if key else person)
            r = self.memo.data.get(k)
            if r is None:
                r = self.memo.get(k, lambda c=cred: eligibility.evaluate(c, person, self.cat, self.urls))
            out.append(r)
        return self.people.get(person, lambda: out)


KNOWN_KINDS = frozenset(
    (
        "education",
        "accredited-program",
        "experience",
        "credential",
        "membership",
        "course",
        "practicode",
        "clinical-hours",
        "training-program",
        "other",
    )
)


def _projector(cred: Credential):
    """The part of a person that ``eligibility.evaluate(cred, person)`` reads, as a function; None: all of it.

    Mirrors core/requirements.check and core/eligibility.evaluate: whether the person holds this credential
    (directly, through a credential that supersedes it, as an apprentice), and per requirement kind the
    fields that kind reads. ``other`` requirements read nothing of the person.
    """
    pathways = list(cred.eligibility.pathways) if cred.eligibility else []
    if cred.apprentice is not None:
        pathways += list(cred.apprentice.removal)
    reqs = [r for p in pathways for r in p.requirements]
    kinds_used = {getattr(r, "kind", None) for r in reqs}
    if not kinds_used <= KNOWN_KINDS:
        return None
    code = cred.code.upper()
    edu = "education" in kinds_used
    prog = "accredited-program" in kinds_used
    exp_kinds = frozenset(k for r in reqs if r.kind == "experience" for k in r.of)
    codes = frozenset(c.upper() for r in reqs if r.kind == "credential" for c in r.any_of)
    bodies = frozenset(r.body.upper() for r in reqs if r.kind == "membership")
    course = "course" in kinds_used
    practicode = "practicode" in kinds_used
    clinical = "clinical-hours" in kinds_used
    training = "training-program" in kinds_used

    def key(p: Person):
        ks = tuple(sorted(exp_kinds.intersection(p.experience_kinds))) if exp_kinds else ()
        return (
            p.holds(code),
            code in {h.upper() for h in p.held},
            cred.code in p.apprentice,
            p.education_rank() if edu else None,
            p.accredited_program if prog else None,
            (p.experience_years if ks else 0.0, ks),
            tuple(sorted(c for c in codes if p.holds(c))),
            tuple(sorted(b for b in bodies if p.is_member(b))),
            p.course_hours if course else None,
            p.practicode if practicode else None,
            p.clinical_hours if clinical else None,
            (p.training_program, p.training_hours) if training else None,
        )

    return key


class FirstYearCosts:
    """First-year cost of a credential for a person, as ``recommend`` and ``compare`` give it (memoized)."""

    def __init__(self, cat: Catalog):
        from certplan.core.catalog_index import index_of

        self.cat = cat
        self.by_code = index_of(cat).by_code
        self.memo = Memo()

    def of(self, code: str, person: Person) -> float | None:
        key = (code, person.held, person.held_effective, person.member, person.members_effective, person.apprentice)

        def make():
            cred = self.by_code.get(code.upper()) or self.by_code.get(code)
            return cost.cheapest(cred, self.cat, None, person)["first_year"]

        return self.memo.get(key, make)


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

    def __init__(self, costs: FirstYearCosts):
        self.costs = costs
        self.tallies: dict[str, _Tally] = {}
        self.students = 0

    def add(self, results: list[dict[str, Any]], person: Person) -> None:
        self.students += 1
        for r in results:
            t = self.tallies.get(r["code"])
            if t is None:
                t = self.tallies[r["code"]] = _Tally(r["code"], r["name"])
            status = r["status"]
            if status == "held":
                t.already_held += 1
                continue
            if status in ("eligible", "apprentice"):
                if status == "eligible":
                    t.eligible += 1
                else:
                    t.apprentice += 1
                amount = self.costs.of(r["code"], person)
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
