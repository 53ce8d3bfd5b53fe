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
    """``eligibility.evaluate_all`` for many people, with the catalog's indexes built once."""

    def __init__(self, cat: Catalog, creds: list[Credential] | None = None):
        self.cat = cat
        self.creds = creds if creds is not None else [c for c in cat.credentials if c.status == "current"]
        self.urls = {s.id: s.url for s in cat.sources}
        self.replaces = {c.code.upper(): [r.upper() for r in c.replaces] for c in cat.credentials}
        self.memo = Memo()

    def held(self, held: tuple[str, ...]) -> tuple[str, ...]:
        """The codes held plus those they replace (what ``eligibility.held_set`` computes), sorted."""
        out = {h.upper() for h in held}
        todo = list(out)
        while todo:
            for r in self.replaces.get(todo.pop(), ()):
                if r not in out:
                    out.add(r)
                    todo.append(r)
        return tuple(sorted(out))

    def evaluate(self, person: eligibility.Profile) -> list[dict[str, Any]]:
        """The same answers as ``evaluate_all(cat, person, creds)``; shared between equal people (do not mutate)."""

        def make():
            import dataclasses

            expanded = dataclasses.replace(person, held=self.held(person.held))
            return [eligibility.evaluate(c, expanded, None, self.urls) for c in self.creds]

        return self.memo.get(person, make)


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
