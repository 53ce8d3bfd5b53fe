"""One person: flags, the saved profile, a roster row and the tracker resolve to one :class:`Person` here.

Pure: callers hand in plain mappings (what each place says about the person) and the catalog; nothing
is read from disk or the environment.  What a held credential implies is worked out once, here:

- the credentials it supersedes (holding RHIA counts as holding RHIT: ``Person.held_effective``);
- the body's membership it requires to keep (holding a CPC means being an AAPC member:
  ``Person.members_effective``), so no command asks a CPC holder to "join AAPC";
- an apprentice designation typed as a code (``--held CPC-A``) is the credential held as an apprentice
  (``Person.apprentice``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from certplan.catalog.vocab import EDUCATION_LEVELS, EXPERIENCE_KINDS, PROGRAM_LEVELS
from certplan.core.catalog_index import index_of, norm
from certplan.fsutil import short

MAX_EXPERIENCE_YEARS = 60.0
MAX_HOURS = 100_000
PROGRAM_EDUCATION = {
    "associate": "associate",
    "bachelor": "bachelor",
    "master": "master",
    "post-baccalaureate": "bachelor",
}
# The fields a person has, in the order they are described; the stored profile uses the same names.
FIELDS = (
    "education",
    "accredited_program",
    "experience_years",
    "experience_kinds",
    "held",
    "course_hours",
    "training_program",
    "training_hours",
    "practicode",
    "member",
    "clinical_hours",
)
DEFAULT_EDUCATION = "high-school"
DEFAULT_EXPERIENCE_KIND = "coding"


class PersonError(ValueError):
    """A value about the person that cannot be used; ``field`` names it (the CLI maps it to its option)."""

    def __init__(self, field_name: str, message: str, where: str | None = None):
        self.field = field_name
        self.where = where
        super().__init__(message)


@dataclass(frozen=True)
class Person:
    education: str = DEFAULT_EDUCATION
    accredited_program: str | None = None
    experience_years: float = 0.0
    experience_kinds: tuple[str, ...] = ()
    held: tuple[str, ...] = ()
    course_hours: int = 0
    training_program: bool = False
    training_hours: int = 0
    practicode: bool = False
    member: tuple[str, ...] = ()
    clinical_hours: int = 0
    # derived from the catalog by build(); empty when a Person is made by hand (tests)
    held_effective: frozenset[str] = frozenset()
    members_effective: frozenset[str] = frozenset()
    apprentice: tuple[str, ...] = ()  # codes held with their apprentice designation (CPC held as CPC-A)

    def education_rank(self) -> int:
        rank = EDUCATION_LEVELS.index(self.education)
        if self.accredited_program:
            rank = max(rank, EDUCATION_LEVELS.index(PROGRAM_EDUCATION[self.accredited_program]))
        return rank

    def holds(self, code: str) -> bool:
        c = code.upper()
        return c in self.held_effective or c in {h.upper() for h in self.held}

    def is_member(self, body: str) -> bool:
        b = body.upper()
        return b in self.members_effective or b in {m.upper() for m in self.member}

    def years_of(self, kinds: Iterable[str]) -> float:
        """Years of experience of any of these kinds (all of the person's experience counts, or none)."""
        return self.experience_years if set(self.experience_kinds) & set(kinds) else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "education": self.education,
            "accredited_program": self.accredited_program,
            "experience_years": self.experience_years,
            "experience_kinds": list(self.experience_kinds),
            "held": list(self.held),
            "course_hours": self.course_hours,
            "training_program": self.training_program,
            "training_hours": self.training_hours,
            "practicode": self.practicode,
            "member": list(self.member),
            "clinical_hours": self.clinical_hours,
        }

    def with_changes(self, cat: Any = None, **changes: Any) -> Person:
        """A copy with some fields changed, its derived sets worked out again when ``cat`` is given."""
        from dataclasses import replace

        p = replace(self, **changes)
        return derive(p, cat) if cat is not None else p


@dataclass
class Resolved:
    person: Person
    assumed: list[tuple[str, str]] = field(default_factory=list)  # (field, what certplan assumed) where nobody said
    origin: dict[str, str] = field(default_factory=dict)  # field -> where its value came from
    implied: list[str] = field(default_factory=list)  # what held credentials imply, in words

    def summary(self) -> str | None:
        """One line saying where the answers came from, e.g.
        ``using saved profile: education associate, 3 years coding experience, holds CPC``."""
        by_place: dict[str, list[str]] = {}
        for name in FIELDS:
            place = self.origin.get(name)
            if place is None:
                continue
            text = describe_field(self.person, name)
            if text:
                by_place.setdefault(place, []).append(text)
        if not by_place:
            return None
        return "; ".join(f"using {place}: {', '.join(items)}" for place, items in by_place.items())


def acronym_article(acronym: str) -> str:
    """'an' before an acronym spoken letter by letter that starts with a vowel sound (an AAPC, an NHA, a CCB)."""
    return "an" if acronym[:1].upper() in "AEFHILMNORSX" else "a"


def years_words(years: float) -> str:
    if years == int(years):
        n = int(years)
        return f"{n} year" + ("" if n == 1 else "s")
    return f"{years:g} years"


def describe_field(p: Person, name: str) -> str | None:
    if name == "education":
        return f"education {p.education}"
    if name == "accredited_program":
        return f"accredited {p.accredited_program} program" if p.accredited_program else None
    if name == "experience_years":
        kinds = "/".join(k.upper() if k in ("him", "cdi") else k for k in p.experience_kinds) or "no kind of"
        return f"{years_words(p.experience_years)} {kinds} experience"
    if name == "experience_kinds":
        return None  # said with the years
    if name == "held":
        return ("holds " + ", ".join(p.held)) if p.held else "holds no credential"
    if name == "course_hours":
        return f"{p.course_hours} course hours"
    if name == "training_program":
        return "completed a training program" if p.training_program else "no training program"
    if name == "training_hours":
        return f"{p.training_hours} training-program hours" if p.training_hours else None
    if name == "practicode":
        return "completed Practicode" if p.practicode else "no Practicode"
    if name == "member":
        return ("member of " + ", ".join(p.member)) if p.member else None
    if name == "clinical_hours":
        return f"{p.clinical_hours} clinical hours"
    return None


def _number(name: str, value: Any, hi: float, whole: bool, where: str | None) -> float:
    if whole:
        ok = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= hi
        if not ok:
            raise PersonError(name, f"{name} must be a whole number of hours, 0 or more", where)
        return value
    ok = (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(value)
        and 0 <= value <= hi
    )
    if not ok:
        raise PersonError(name, f"{name} must be a number from 0 to {hi:g}", where)
    return value


def check_fields(data: Mapping[str, Any], where: str | None = None) -> dict[str, Any]:
    """Validate one layer of answers (names as in FIELDS; None means not said); return it normalised."""
    unknown = sorted(set(data) - set(FIELDS))
    if unknown:
        raise PersonError(
            unknown[0], f"unknown field(s) {', '.join(unknown)}; known fields: {', '.join(FIELDS)}", where
        )
    out: dict[str, Any] = {}
    for key, value in data.items():
        if value is None:
            continue
        if key == "education":
            if value not in EDUCATION_LEVELS:
                raise PersonError(key, f"education {short(repr(value), 60)} is not one of {', '.join(EDUCATION_LEVELS)}", where)
        elif key == "accredited_program":
            if value not in PROGRAM_LEVELS:
                raise PersonError(
                    key, f"accredited_program {short(repr(value), 60)} is not one of {', '.join(PROGRAM_LEVELS)}", where
                )
        elif key == "experience_years":
            value = float(_number(key, value, MAX_EXPERIENCE_YEARS, False, where))
        elif key in ("course_hours", "clinical_hours", "training_hours"):
            value = int(_number(key, value, MAX_HOURS, True, where))
        elif key in ("practicode", "training_program"):
            if not isinstance(value, bool):
                raise PersonError(key, f"{key} must be true or false", where)
        elif key in ("experience_kinds", "held", "member"):
            if not isinstance(value, (list, tuple)) or not all(isinstance(x, str) for x in value):
                raise PersonError(key, f"{key} must be a list of strings", where)
            value = [x.strip() for x in value if x.strip()]
            if key == "experience_kinds":
                for k in value:
                    if k.lower() not in EXPERIENCE_KINDS:
                        raise PersonError(
                            key, f"experience kind {short(repr(k), 60)} is not one of: {', '.join(EXPERIENCE_KINDS)}", where
                        )
                value = [k.lower() for k in value]
        out[key] = value
    return out


def _suggest(word: str, candidates: Iterable[str]) -> list[str]:
    from certplan.core.lookup import suggest

    return suggest(word, candidates)


def resolve_held(cat: Any, codes: Iterable[str], where: str | None = None) -> tuple[list[str], list[str]]:
    """Typed held codes -> (canonical codes, codes held as apprentice).  ``CPC-A`` is CPC held as an apprentice."""
    idx = index_of(cat)
    designations = idx.memo.get("apprentice_designations")
    if designations is None:  # once per catalog: a roster resolves thousands of people
        designations = idx.memo["apprentice_designations"] = {
            norm(c.apprentice.designation): c for c in cat.credentials if getattr(c, "apprentice", None) is not None
        }
    held: list[str] = []
    appr: list[str] = []
    for typed in codes:
        cred = designations.get(norm(typed)) or idx.credential(typed)
        if cred is None:
            hint = _suggest(typed, [c.code for c in cat.credentials])
            raise PersonError(
                "held",
                f"unknown credential code {short(repr(typed), 60)}" + (f"; did you mean {', '.join(hint)}?" if hint else ""),
                where,
            )
        if cred.code not in held:
            held.append(cred.code)
        if norm(typed) in designations and cred.code not in appr:
            appr.append(cred.code)
    return held, appr


def resolve_members(cat: Any, bodies: Iterable[str], where: str | None = None) -> list[str]:
    idx = index_of(cat)
    out: list[str] = []
    for typed in bodies:
        b = idx.bodies.get(typed.strip().upper())
        if b is None:
            hint = _suggest(typed, [b.code for b in cat.bodies])
            raise PersonError(
                "member", f"unknown body {short(repr(typed), 60)}" + (f"; did you mean {', '.join(hint)}?" if hint else ""), where
            )
        if b.code not in out:
            out.append(b.code)
    return out


def membership_required_to_keep(cred: Any, body: Any) -> bool:
    m = getattr(cred, "maintenance", None)
    if m is not None and m.membership_required is not None and m.membership_required.value is not None:
        return bool(m.membership_required.value)
    r = getattr(body, "renewal", None) if body is not None else None
    if r is not None and r.membership_required is not None and r.membership_required.value is not None:
        return bool(r.membership_required.value)
    return False


def held_closure(cat: Any, codes: Iterable[str]) -> frozenset[str]:
    """Upper-case codes held, plus every credential they supersede (holding RHIA counts as holding RHIT)."""
    idx = index_of(cat)
    held = {h.upper() for h in codes}
    todo = list(held)
    while todo:
        c = idx.by_code.get(todo.pop())
        for r in c.replaces if c is not None else []:
            if r.upper() not in held:
                held.add(r.upper())
                todo.append(r.upper())
    return frozenset(held)


def derive(p: Person, cat: Any) -> Person:
    """Work out what the held credentials imply (supersession, membership) from the catalog."""
    from dataclasses import replace

    idx = index_of(cat)
    held = held_closure(cat, p.held)
    members = {m.upper() for m in p.member}
    for code in p.held:
        c = idx.by_code.get(code.upper())
        if c is None or not c.body:
            continue
        if membership_required_to_keep(c, idx.body_of(c)):
            members.add(c.body.upper())
    return replace(p, held_effective=frozenset(held), members_effective=frozenset(members))


def from_fields(data: Mapping[str, Any]) -> tuple[Person, list[tuple[str, str]]]:
    """A Person from checked fields, without the catalog (codes as given, nothing derived), and what was assumed."""
    assumed: list[tuple[str, str]] = []
    education = data.get("education")
    if education is None:
        education = DEFAULT_EDUCATION
        assumed.append(("education", "assuming a high-school diploma or equivalent"))
    years = float(data.get("experience_years") or 0.0)
    kinds = tuple(data.get("experience_kinds") or ())
    if years > 0 and not kinds:
        kinds = (DEFAULT_EXPERIENCE_KIND,)
        assumed.append(("experience_kinds", "counting the experience as coding experience"))
    person = Person(
        education=education,
        accredited_program=data.get("accredited_program"),
        experience_years=years,
        experience_kinds=kinds,
        held=tuple(x.upper() for x in data.get("held") or ()),
        course_hours=int(data.get("course_hours") or 0),
        training_program=bool(data.get("training_program") or data.get("training_hours")),
        training_hours=int(data.get("training_hours") or 0),
        practicode=bool(data.get("practicode") or False),
        member=tuple(x.upper() for x in data.get("member") or ()),
        clinical_hours=int(data.get("clinical_hours") or 0),
    )
    return person, assumed


def build(cat: Any, layers: Iterable[tuple[str, Mapping[str, Any]]]) -> Resolved:
    """One person from layers of answers, later layers overriding earlier ones field by field.

    ``layers`` is e.g. ``[("saved profile", saved), ("tracker", tracked), ("flags", flags)]``; each mapping uses
    the names in FIELDS, and None means "not said".  Raises :class:`PersonError` naming the field.
    """
    data: dict[str, Any] = {}
    origin: dict[str, str] = {}
    for place, layer in layers:
        checked = check_fields(layer, place)
        for k, v in checked.items():
            data[k] = v
            origin[k] = place
    plain, assumed = from_fields(data)
    held, appr = resolve_held(cat, data.get("held") or (), origin.get("held"))
    members = resolve_members(cat, data.get("member") or (), origin.get("member"))
    person = derive(replace(plain, held=tuple(held), member=tuple(members), apprentice=tuple(appr)), cat)
    implied: list[str] = []
    idx = index_of(cat)
    for code in held:
        c = idx.by_code.get(code.upper())
        if c is not None and c.body and c.body.upper() in person.members_effective and c.body not in members:
            implied.append(f"holding {code} means being {acronym_article(c.body)} {c.body} member")
    return Resolved(person=person, assumed=assumed, origin=origin, implied=implied)
