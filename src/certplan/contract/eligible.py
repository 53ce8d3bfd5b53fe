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
    accredited_program: Optional[ProgramLevel]
    experience_years: float
    experience_kinds: list[ExperienceKind]
    held: list[str]
    course_hours: int
    practicode: bool
    member: Annotated[list[str], Doc("codes of the bodies the person belongs to")]
    clinical_hours: int


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
    rank: int
    score: int
    score_parts: ScoreParts
    status: EligibilityStatus
    months_until_eligible: Optional[int]
    first_year_cost: Optional[float]
    reasons: list[str]
    tradeoffs: list[str]
    what_would_change: list[str]


Recommend = Annotated[list[Recommendation], Doc("certplan recommend --json: ranked, best first")]
