"""eligible, eligible --profiles (batch), profile show and recommend (built in core/eligibility.py, core/recommend.py)."""

from __future__ import annotations

from typing import Annotated, Optional

from typing_extensions import TypedDict

from certplan.contract.base import CLOSED, Doc, EducationLevel, EligibilityStatus, ExperienceKind, ProgramLevel, Url


class ChosenPathway(TypedDict):
    __pydantic_config__ = CLOSED
    id: str
    label: str
    text: str
    source: Url


class PathwayRow(TypedDict):
    __pydantic_config__ = CLOSED
    id: str
    label: str
    text: str
    source: Url
    met: bool
    missing: list[str]
    to_do: list[str]
    months_until_met: Annotated[Optional[int], Doc("months when only time (experience) is missing; null otherwise")]
    needs_confirmation: Annotated[bool, Doc("a condition certplan cannot check: confirm it with the body")]


class ApprenticeStatus(TypedDict):
    __pydantic_config__ = CLOSED
    designation: Annotated[str, Doc("e.g. CPC-A")]
    rule: Annotated[str, Doc("the body's rule, in its words")]
    removal: Annotated[list[str], Doc("every way to remove the designation, in words")]
    removal_pathway: Annotated[Optional[str], Doc("the removal way nearest for this person")]
    removal_missing: list[str]
    months_to_full_credential: Optional[int]


class EligibleItem(TypedDict):
    __pydantic_config__ = CLOSED
    code: str
    name: str
    status: EligibilityStatus
    pathway: Annotated[Optional[ChosenPathway], Doc("the pathway met, or the nearest one")]
    pathways: Annotated[
        list[PathwayRow], Doc("every pathway, as checked for this person (empty when held or not current)")
    ]
    missing: Annotated[list[str], Doc("what the person still lacks, in plain words")]
    to_do: Annotated[list[str], Doc("things bought or done when registering (e.g. join the body), not missing")]
    months_until_eligible: Annotated[
        Optional[int], Doc("0 when eligible; months when only experience is missing; null otherwise")
    ]
    apprentice: Annotated[Optional[ApprenticeStatus], Doc("set when status is apprentice")]
    advice: Annotated[list[str], Doc("recommended preparation and shortcuts")]
    source: Url


Eligible = Annotated[list[EligibleItem], Doc("certplan eligible [CODE...] --json")]


class BatchAnswer(TypedDict):
    __pydantic_config__ = CLOSED
    id: Annotated[str, Doc("the person's id from the profiles file")]
    results: list[EligibleItem]


EligibleBatch = Annotated[list[BatchAnswer], Doc("certplan eligible --profiles FILE --json: one answer per person")]


class Profile(TypedDict):
    """certplan profile show --json"""

    __pydantic_config__ = CLOSED
    education: Annotated[
        Optional[EducationLevel], Doc("null when not given (eligibility then assumes a high-school diploma)")
    ]
    accredited_program: Annotated[Optional[ProgramLevel], Doc("the level of a completed CAHIIM-accredited program")]
    experience_years: Annotated[float, Doc("years of experience")]
    experience_kinds: Annotated[list[ExperienceKind], Doc("the kinds of that experience (none given: coding)")]
    held: Annotated[list[str], Doc("codes of the credentials held")]
    course_hours: Annotated[int, Doc("hours of a completed coding course")]
    training_program: Annotated[bool, Doc("a training program completed (a school or vendor program, not a degree)")]
    training_hours: Annotated[int, Doc("that program's length in hours")]
    practicode: Annotated[bool, Doc("AAPC's Practicode completed")]
    member: Annotated[list[str], Doc("codes of the bodies the person belongs to")]
    clinical_hours: Annotated[int, Doc("hours of clinical experience")]


class ScoreParts(TypedDict, total=False):
    """The parts of the score; a part not scored is left out. The README gives the weights."""

    __pydantic_config__ = CLOSED
    setting: int
    focus: int
    eligibility: int
    level: int
    cost: int
    recognition: int


class Recommendation(TypedDict):
    __pydantic_config__ = CLOSED
    code: str
    name: str
    rank: Annotated[int, Doc("1 is the best fit")]
    score: Annotated[int, Doc("the sum of score_parts")]
    score_parts: ScoreParts
    status: EligibilityStatus
    months_until_eligible: Annotated[Optional[int], Doc("as eligible gives it")]
    first_year_cost: Annotated[
        Optional[float], Doc("one exam attempt plus the membership needed, as compare gives it; null when unknown")
    ]
    reasons: Annotated[list[str], Doc("why it ranks where it does")]
    tradeoffs: Annotated[list[str], Doc("what speaks against it")]
    what_would_change: Annotated[list[str], Doc("what would change the result")]


Recommend = Annotated[list[Recommendation], Doc("certplan recommend --json: ranked, best first")]
