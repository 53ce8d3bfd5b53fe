"""Eligibility: which pathway a person meets, what is missing, and how long until it is met.

Pure functions over catalog models and a :class:`Profile`; no I/O.

Rules modelled:
- a credential's eligibility is an OR of pathways, each an AND of requirements;
- membership of the body is something a person buys when registering, not a barrier:
  it is reported under ``to_do``, never as ``missing``;
- ``months_until_eligible`` is given only when experience is all that is missing;
- a credential with an apprentice designation (CPC-A, COC-A) can be sat by an eligible
  person who lacks the experience: the status is then ``apprentice`` and the result says
  what removes the designation and when;
- recommended preparation is advice and never changes the status.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from certplan.catalog.records import (
    EDUCATION_LEVELS,
    Catalog,
    ClinicalHoursReq,
    CourseReq,
    Credential,
    CredentialReq,
    EducationReq,
    ExperienceReq,
    MembershipReq,
    OtherReq,
    Pathway,
    PracticodeReq,
    ProgramReq,
)
from certplan.core import words

STATUS_ORDER = {"not-eligible": 0, "apprentice": 1, "eligible": 2}
PROGRAM_EDUCATION = {
    "associate": "associate",
    "bachelor": "bachelor",
    "master": "master",
    "post-baccalaureate": "bachelor",
}
MAX_EXPERIENCE_YEARS = 60.0


@dataclass(frozen=True)
class Profile:
    education: str = "high-school"
    accredited_program: str | None = None
    experience_years: float = 0.0
    experience_kinds: tuple[str, ...] = ()
    held: tuple[str, ...] = ()
    course_hours: int = 0
    practicode: bool = False
    member: tuple[str, ...] = ()
    clinical_hours: int = 0

    def education_rank(self) -> int:
        rank = EDUCATION_LEVELS.index(self.education)
        if self.accredited_program:
            rank = max(rank, EDUCATION_LEVELS.index(PROGRAM_EDUCATION[self.accredited_program]))
        return rank

    def to_dict(self) -> dict[str, Any]:
        return {
            "education": self.education,
            "accredited_program": self.accredited_program,
            "experience_years": self.experience_years,
            "experience_kinds": list(self.experience_kinds),
            "held": list(self.held),
            "course_hours": self.course_hours,
            "practicode": self.practicode,
            "member": list(self.member),
            "clinical_hours": self.clinical_hours,
        }


@dataclass
class PathwayCheck:
    pathway: Pathway
    missing: list[str] = field(default_factory=list)
    to_do: list[str] = field(default_factory=list)
    experience_months: int = 0  # months of experience still to gain
    other_missing: int = 0  # missing items that are not experience

    @property
    def met(self) -> bool:
        return not self.missing

    @property
    def months(self) -> int | None:
        """Months until met when only experience is missing, else None."""
        if self.other_missing:
            return None
        return self.experience_months

    def closeness(self, index: int) -> tuple[int, int, int]:
        return (self.other_missing, self.experience_months, index)


def months_between(years_needed: float, years_have: float) -> int:
    gap = years_needed - years_have
    if gap <= 0:
        return 0
    return math.ceil(round(gap * 12, 6))


def held_set(cat: Catalog | None, held: tuple[str, ...]) -> set[str]:
    """Codes held, plus those they replace (holding RHIA satisfies a requirement for RHIT)."""
    out = {h.upper() for h in held}
    if cat is not None:
        by_code = {c.code.upper(): c for c in cat.credentials}
        changed = True
        while changed:
            changed = False
            for code in list(out):
                for r in by_code[code].replaces if code in by_code else []:
                    if r.upper() not in out:
                        out.add(r.upper())
                        changed = True
    return out


def check_pathway(p: Pathway, person: Profile, held: set[str]) -> PathwayCheck:
    res = PathwayCheck(p)
    for req in p.requirements:
        if isinstance(req, EducationReq):
            if person.education_rank() < EDUCATION_LEVELS.index(req.level):
                res.missing.append(words.requirement(req))
                res.other_missing += 1
        elif isinstance(req, ProgramReq):
            if person.accredited_program not in req.levels:
                res.missing.append(words.requirement(req))
                res.other_missing += 1
        elif isinstance(req, ExperienceReq):
            kinds = set(person.experience_kinds)
            have = person.experience_years if kinds & set(req.of) else 0.0
            gap = months_between(req.years, have)
            if gap:
                have_txt = words.years_words(have) if have else "none yet"
                res.missing.append(
                    f"{words.requirement(req)} (you have {have_txt}; {gap} more month" + ("s" if gap != 1 else "") + ")"
                )
                res.experience_months = max(res.experience_months, gap)
        elif isinstance(req, CredentialReq):
            if not {c.upper() for c in req.any_of} & held:
                res.missing.append(words.requirement(req))
                res.other_missing += 1
        elif isinstance(req, MembershipReq):
            if req.body.upper() not in {m.upper() for m in person.member}:
                res.to_do.append(f"join {req.body} (membership is required to register)")
        elif isinstance(req, CourseReq):
            if person.course_hours < req.hours:
                res.missing.append(words.requirement(req))
                res.other_missing += 1
        elif isinstance(req, PracticodeReq):
            if not person.practicode:
                res.missing.append(words.requirement(req))
                res.other_missing += 1
        elif isinstance(req, ClinicalHoursReq):
            if person.clinical_hours < req.hours:
                res.missing.append(f"{words.requirement(req)} (you have {person.clinical_hours})")
                res.other_missing += 1
        elif isinstance(req, OtherReq):
            if req.check == "step":
                res.to_do.append(req.text)
                continue
            res.missing.append(f"{req.text} (certplan cannot check this; confirm it with the body)")
            res.other_missing += 1
    return res


def best(checks: list[PathwayCheck]) -> PathwayCheck:
    met = [c for c in checks if c.met]
    if met:
        return met[0]
    return min(enumerate(checks), key=lambda ic: ic[1].closeness(ic[0]))[1]


def fastest_by_experience(checks: list[PathwayCheck]) -> PathwayCheck | None:
    timed = [(c.months, i, c) for i, c in enumerate(checks) if c.months is not None]
    if not timed:
        return None
    return min(timed, key=lambda t: (t[0], t[1]))[2]


def evaluate(
    cred: Credential, person: Profile, cat: Catalog | None = None, urls: dict[str, str] | None = None
) -> dict[str, Any]:
    """The eligibility answer for one credential (the ``eligible --json`` item)."""
    urls = urls or {}
    held = held_set(cat, person.held)
    out: dict[str, Any] = {
        "code": cred.code,
        "name": cred.name,
        "status": "not-eligible",
        "pathway": None,
        "missing": [],
        "to_do": [],
        "months_until_eligible": None,
        "apprentice": None,
        "advice": [],
        "source": None,
    }
    if cred.status != "current" or cred.eligibility is None:
        out["missing"] = [
            f"{cred.code} is {cred.status}; it cannot be earned"
            + (f" (see {', '.join(cred.see_also)})" if cred.see_also else "")
        ]
        return out
    if cred.code.upper() in held:
        out["advice"].append(f"you already hold {cred.code}")
    checks = [check_pathway(p, person, held) for p in cred.eligibility.pathways]
    chosen = best(checks)
    out["pathway"] = {
        "id": chosen.pathway.id,
        "label": chosen.pathway.label,
        "text": words.pathway(chosen.pathway),
        "source": urls.get(chosen.pathway.source),
    }
    out["source"] = urls.get(chosen.pathway.source)
    out["missing"] = chosen.missing
    out["to_do"] = chosen.to_do
    if chosen.met:
        out["status"] = "eligible"
        out["months_until_eligible"] = 0
    else:
        quick = fastest_by_experience(checks)
        if quick is not None:
            if quick is not chosen:
                chosen = quick
                out["pathway"] = {
                    "id": quick.pathway.id,
                    "label": quick.pathway.label,
                    "text": words.pathway(quick.pathway),
                    "source": urls.get(quick.pathway.source),
                }
                out["missing"] = quick.missing
                out["to_do"] = quick.to_do
            out["months_until_eligible"] = quick.months
    if out["status"] == "eligible" and cred.apprentice is not None:
        a = cred.apprentice
        rchecks = [check_pathway(p, person, held) for p in a.removal]
        if not any(c.met for c in rchecks):
            out["status"] = "apprentice"
            fast = fastest_by_experience(rchecks)
            near = fast or best(rchecks)
            out["apprentice"] = {
                "designation": a.designation,
                "rule": a.rule,
                "removal": [words.pathway(p) for p in a.removal],
                "removal_pathway": words.pathway(near.pathway),
                "removal_missing": near.missing,
                "months_to_full_credential": fast.months if fast else None,
            }
            for c in rchecks:
                if (
                    c is not near
                    and c.months is None
                    and c.other_missing
                    and c.experience_months < (near.experience_months if near else 0)
                ):
                    out["advice"].append(f"to lose the {a.designation} sooner: {' and '.join(c.missing)}")
    for note in cred.eligibility.recommended:
        out["advice"].append(f"recommended: {note.text}")
    return out


def evaluate_all(cat: Catalog, person: Profile, creds: list[Credential] | None = None) -> list[dict[str, Any]]:
    urls = {s.id: s.url for s in cat.sources}
    chosen = creds if creds is not None else [c for c in cat.credentials if c.status == "current"]
    return [evaluate(c, person, cat, urls) for c in chosen]
