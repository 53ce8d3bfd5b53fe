"""Requirements and pathways in plain words."""

from __future__ import annotations

from certplan.catalog.records import (
    ClinicalHoursReq,
    CourseReq,
    CredentialReq,
    EducationReq,
    ExperienceReq,
    MembershipReq,
    OtherReq,
    Pathway,
    PracticodeReq,
    ProgramReq,
)

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


def years_words(years: float) -> str:
    if years == int(years):
        n = int(years)
        return f"{n} year" + ("" if n == 1 else "s")
    return f"{years:g} years"


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


def requirement(req) -> str:
    if isinstance(req, EducationReq):
        if req.level == "none":
            return "no education requirement"
        return EDUCATION_WORDS[req.level] + (" (or higher)" if req.level != "doctorate" else "")
    if isinstance(req, ProgramReq):
        levels = or_list([PROGRAM_WORDS[lv] for lv in req.levels])
        text = f"a {req.accreditor}-accredited HIM program completed ({levels})"
        if req.final_term_ok:
            text += "; students in their final term may test early"
        return text
    if isinstance(req, ExperienceReq):
        return f"{years_words(req.years)} of {or_list(list(req.of))} experience"
    if isinstance(req, CredentialReq):
        return "holding " + or_list(list(req.any_of))
    if isinstance(req, MembershipReq):
        return f"{req.body} membership"
    if isinstance(req, CourseReq):
        return f"{article(str(req.hours))} {req.hours}-hour {req.topic} course"
    if isinstance(req, PracticodeReq):
        return "completing Practicode (AAPC's practical coding module)"
    if isinstance(req, ClinicalHoursReq):
        return f"{req.hours} clinical hours"
    if isinstance(req, OtherReq):
        return req.text
    raise TypeError(type(req))  # pragma: no cover


def pathway(p: Pathway) -> str:
    return " and ".join(requirement(r) for r in p.requirements)
