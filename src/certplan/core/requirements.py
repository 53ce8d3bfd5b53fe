"""The requirement engine: for each requirement kind, how to check it against a person and how to say it.

One ``match`` per kind, here and nowhere else.  Eligibility, plan readiness, path steps and recommend all
call :func:`check`/:func:`check_pathway`; adding a requirement kind touches this module (and the model).

An :class:`Outcome` is one of:
- ``met``: the person meets it;
- ``missing``: the person lacks it (``months`` is set when only time, i.e. experience, is missing);
- ``step``: something done when registering, never a barrier (join the body, sign an affidavit): ``to_do``;
- ``unchecked``: a condition certplan cannot check; the person must confirm it with the body.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Literal

from certplan.catalog.vocab import EDUCATION_LEVELS
from certplan.core.person import Person, years_words

State = Literal["met", "missing", "step", "unchecked"]

EDUCATION_WORDS = {
    "none": "no formal education",
    "high-school": "a high-school diploma or equivalent",
    "associate": "an associate degree",
    "bachelor": "a bachelor's degree",
    "master": "a master's degree",
    "doctorate": "a doctorate",
}
PROGRAM_WORDS = {
    "associate": "associate",
    "bachelor": "bachelor's",
    "master": "master's",
    "post-baccalaureate": "post-baccalaureate certificate",
}
KIND_WORDS = {"him": "HIM", "cdi": "CDI"}


@dataclass(frozen=True)
class Outcome:
    req: Any
    state: State
    text: str  # what it is, in words (describe(req)), with what the person has where that helps
    months: int | None = None  # for missing experience: the months still to gain

    @property
    def met(self) -> bool:
        return self.state in ("met", "step")

    @property
    def blocking(self) -> bool:
        return self.state in ("missing", "unchecked")


def months_between(years_needed: float, years_have: float) -> int:
    gap = years_needed - years_have
    if gap <= 0:
        return 0
    return math.ceil(round(gap * 12, 6))


def article(word: str) -> str:
    """'a' or 'an' before a word or a number as it is spoken (an 80-hour, an 11-hour, an 18-hour)."""
    w = word.lower()
    if w[:1].isdigit():
        spoken_vowel = w.startswith("8") or w in ("11", "18") or (w.startswith(("11", "18")) and len(w) in (5, 6))
        return "an" if spoken_vowel else "a"
    return "an" if w[:1] in "aeiou" else "a"


def or_list(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]


def kind_words(kinds) -> str:
    return or_list([KIND_WORDS.get(k, k) for k in kinds])


def describe(req: Any) -> str:
    """The requirement in plain words."""
    match req.kind:
        case "education":
            if req.level == "none":
                return "no education requirement"
            return EDUCATION_WORDS[req.level] + (" (or higher)" if req.level != "doctorate" else "")
        case "accredited-program":
            levels = or_list([PROGRAM_WORDS[lv] for lv in req.levels])
            text = f"a {req.accreditor}-accredited HIM program completed ({levels})"
            if req.final_term_ok:
                text += "; students in their final term may test early"
            return text
        case "experience":
            return f"{years_words(req.years)} of {kind_words(list(req.of))} experience"
        case "credential":
            return "holding " + or_list(list(req.any_of))
        case "membership":
            return f"{req.body} membership"
        case "course":
            return f"{article(str(req.hours))} {req.hours}-hour {req.topic} course"
        case "practicode":
            return "completing Practicode (AAPC's practical coding module)"
        case "clinical-hours":
            return f"{req.hours} clinical hours"
        case "training-program":
            text = f"a completed {req.topic} training program"
            if req.hours:
                text += f" of at least {req.hours} hours"
            if req.within_years:
                text += f", finished within the last {years_words(req.within_years)}"
            return text
        case "other":
            return req.text
    raise TypeError(f"unknown requirement kind {req.kind!r}")  # pragma: no cover


def check(req: Any, person: Person) -> Outcome:
    """How ``person`` stands against one requirement."""
    text = describe(req)
    match req.kind:
        case "education":
            ok = person.education_rank() >= EDUCATION_LEVELS.index(req.level)
            return Outcome(req, "met" if ok else "missing", text)
        case "accredited-program":
            ok = person.accredited_program in req.levels
            return Outcome(req, "met" if ok else "missing", text)
        case "experience":
            have = person.years_of(req.of)
            gap = months_between(req.years, have)
            if not gap:
                return Outcome(req, "met", text)
            have_txt = years_words(have) if have else "none yet"
            more = f"{gap} more month" + ("s" if gap != 1 else "")
            return Outcome(req, "missing", f"{text} (you have {have_txt}; {more})", months=gap)
        case "credential":
            ok = any(person.holds(c) for c in req.any_of)
            return Outcome(req, "met" if ok else "missing", text)
        case "membership":
            if person.is_member(req.body):
                return Outcome(req, "met", text)
            return Outcome(req, "step", f"join {req.body} (membership is required to register)")
        case "course":
            ok = person.course_hours >= req.hours
            return Outcome(req, "met" if ok else "missing", text)
        case "practicode":
            return Outcome(req, "met" if person.practicode else "missing", text)
        case "clinical-hours":
            if person.clinical_hours >= req.hours:
                return Outcome(req, "met", text)
            return Outcome(req, "missing", f"{text} (you have {person.clinical_hours})")
        case "training-program":
            ok = person.training_program and (not req.hours or person.training_hours >= req.hours)
            if ok:
                return Outcome(req, "met", text)
            return Outcome(req, "missing", text)
        case "other":
            if req.check == "step":
                return Outcome(req, "step", req.text)
            return Outcome(req, "unchecked", f"{req.text} (certplan cannot check this; confirm it with the body)")
    raise TypeError(f"unknown requirement kind {req.kind!r}")  # pragma: no cover


@dataclass
class PathwayCheck:
    """A pathway (an AND of requirements) checked against a person."""

    pathway: Any
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def missing(self) -> list[str]:
        return [o.text for o in self.outcomes if o.blocking]

    @property
    def to_do(self) -> list[str]:
        return [o.text for o in self.outcomes if o.state == "step"]

    @property
    def met(self) -> bool:
        return not any(o.blocking for o in self.outcomes)

    @property
    def experience_months(self) -> int:
        return max([o.months or 0 for o in self.outcomes if o.state == "missing"], default=0)

    @property
    def other_missing(self) -> int:
        return sum(1 for o in self.outcomes if o.blocking and o.months is None)

    @property
    def needs_confirmation(self) -> bool:
        return any(o.state == "unchecked" for o in self.outcomes)

    @property
    def months(self) -> int | None:
        """Months until met when only experience is missing, else None."""
        if self.other_missing:
            return None
        return self.experience_months

    def closeness(self, index: int) -> tuple[int, int, int]:
        return (self.other_missing, self.experience_months, index)


def check_pathway(pathway: Any, person: Person) -> PathwayCheck:
    return PathwayCheck(pathway, [check(r, person) for r in pathway.requirements])


def describe_pathway(pathway: Any) -> str:
    return " and ".join(describe(r) for r in pathway.requirements)


def best(checks: list[PathwayCheck]) -> PathwayCheck:
    """The first pathway met, else the closest (fewest non-time gaps, then fewest months, then catalog order)."""
    met = [c for c in checks if c.met]
    if met:
        return met[0]
    return min(enumerate(checks), key=lambda ic: ic[1].closeness(ic[0]))[1]


def fastest_by_time(checks: list[PathwayCheck]) -> PathwayCheck | None:
    """Of the pathways where only time is missing, the one met soonest."""
    timed = [(c.months, i, c) for i, c in enumerate(checks) if c.months is not None]
    if not timed:
        return None
    return min(timed, key=lambda t: (t[0], t[1]))[2]
