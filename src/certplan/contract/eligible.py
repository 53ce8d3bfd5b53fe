"""eligible, eligible --profiles (batch), profile show and recommend (built in core/eligibility.py, core/recommend.py)."""

from __future__ import annotations

from typing import Annotated, Optional

from typing_extensions import NotRequired, TypedDict

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
    row: Annotated[int, Doc("the student's number in the roster, from 1")]
    id: Annotated[Optional[str], Doc("the student's id from the roster (else the name); null when unreadable")]
    name: Annotated[Optional[str], Doc("the student's name from the roster (else the id); null when unreadable")]
    results: Annotated[NotRequired[list[EligibleItem]], Doc("the answers, for a row answered")]
    error: Annotated[NotRequired[str], Doc("why the row could not be answered (also on stderr); then no results")]


class BatchNotAnswered(TypedDict):
    __pydantic_config__ = CLOSED
    row: Annotated[int, Doc("the student's number in the roster, from 1")]
    id: Annotated[Optional[str], Doc("null when the row gives none that could be read")]
    name: Annotated[Optional[str], Doc("null when the row gives none that could be read")]
    error: Annotated[str, Doc("why this row could not be answered (also said on stderr)")]


EligibleBatch = Annotated[
    list[BatchAnswer], Doc("certplan eligible --profiles FILE --json: one object per student, answered or not")
]


class CohortCredential(TypedDict):
    __pydantic_config__ = CLOSED
    code: str
    name: str
    students: Annotated[int, Doc("students answered for this credential")]
    eligible: Annotated[int, Doc("eligible now")]
    apprentice: Annotated[int, Doc("may sit now; passing gives an apprentice designation (CPC-A ...)")]
    not_eligible: Annotated[int, Doc("not yet")]
    already_held: Annotated[int, Doc("hold it already (status held); not counted in the others")]
    median_months_until_eligible: Annotated[
        Optional[float], Doc("over the students not yet eligible whose months are known; null when none")
    ]
    months_known: Annotated[int, Doc("how many students that median is over")]
    most_common_missing: Annotated[Optional[str], Doc("the requirement most often missing, without personal figures")]
    most_common_missing_count: int
    first_year_cost_total: Annotated[
        Optional[float], Doc("first-year cost summed over those who can sit now; null when a fee is unknown")
    ]
    first_year_cost_known: Annotated[float, Doc("the known part of that sum")]
    first_year_cost_unknown_students: Annotated[int, Doc("students whose first-year cost is unknown")]


class CohortSummary(TypedDict):
    """certplan eligible --profiles FILE --summary --json"""

    __pydantic_config__ = CLOSED
    schema_version: int
    students: Annotated[int, Doc("rows read")]
    answered: int
    credentials: list[CohortCredential]
    not_answered: list[BatchNotAnswered]


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
