"""Readiness: what each eligibility pathway still needs before (or instead of) studying."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from certplan.core import requirements as rq
from certplan.core.person import Person

if TYPE_CHECKING:  # pragma: no cover
    from certplan.catalog.records import Catalog, Credential, Pathway

Profile = Person


# --------------------------------------------------------------------------- eligibility for the plan


# requirement kinds a study plan cannot stand in for: the person must meet them first
HARD = ("education", "accredited-program", "credential", "clinical-hours")


@dataclass
class PathwayPlan:
    pathway: Pathway
    index: int
    hard: list[str] = field(default_factory=list)  # cannot be met by a study plan
    confirm: list[str] = field(default_factory=list)  # certplan cannot check: the person confirms
    courses: list[Any] = field(default_factory=list)
    practicode: bool = False
    months: int = 0  # months of experience still to gain
    experience: list[str] = field(default_factory=list)
    membership: list[str] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)
    credentials_needed: list[str] = field(default_factory=list)

    def key(self) -> tuple:
        items = len(self.confirm) + len(self.courses) + int(self.practicode)
        return (bool(self.hard), self.months > 0, items, self.months, self.index)


def pathway_plans(cred: Credential, person: Profile, cat: Catalog) -> list[PathwayPlan]:
    out = []
    for i, p in enumerate(cred.eligibility.pathways if cred.eligibility else []):
        pp = PathwayPlan(p, i)
        for req in p.requirements:
            o = rq.check(req, person)
            if o.state == "met":
                continue
            if o.state == "step":
                (pp.membership if req.kind == "membership" else pp.steps).append(o.text)
                continue
            match req.kind:
                case kind if kind in HARD:
                    pp.hard.append(o.text)
                    if kind == "credential":
                        pp.credentials_needed.extend(req.any_of)
                case "experience":
                    pp.months = max(pp.months, o.months or 0)
                    pp.experience.append(o.text)
                case "course":
                    pp.courses.append(req)
                case "practicode":
                    pp.practicode = True
                case "other":
                    pp.confirm.append(req.text)
                case "training-program":  # done outside the study plan, like a condition to confirm
                    pp.confirm.append(o.text)
                case _:  # pragma: no cover - a new kind must be placed above
                    raise TypeError(f"requirement kind {req.kind!r} has no place in a study plan")
        out.append(pp)
    return out


def _missing(pp: PathwayPlan) -> list[str]:
    out = list(pp.experience)
    out += [rq.describe(c) for c in pp.courses]
    if pp.practicode:
        out.append("completing Practicode (AAPC's practical coding module)")
    out += [f"{t} (certplan cannot check this; confirm it with the body)" for t in pp.confirm]
    return out
