"""plan CODE --json: the dated weekly study plan (built in core/plan.py)."""

from __future__ import annotations

from typing import Annotated, Literal, Optional

from typing_extensions import NotRequired, TypedDict

from certplan.contract.base import CLOSED, Date, Doc, EligibilityStatus, OptDate, SchemaVersion, Url
from certplan.contract.eligible import ApprenticeStatus, ChosenPathway


class Milestone(TypedDict):
    __pydantic_config__ = CLOSED
    date: Date
    kind: Literal["prerequisite", "code-books", "registration", "practice-exam", "exam"]
    title: str
    detail: Optional[str]
    source: Annotated[Optional[str], Doc("URL of the catalog source, where the milestone rests on one")]


class Task(TypedDict):
    __pydantic_config__ = CLOSED
    name: str
    kind: Literal["prerequisite", "foundations", "domain", "code-books", "review", "practice-exam", "practice-review"]
    hours: Annotated[float, Doc("rounded to 2 decimals; minutes is exact")]
    minutes: int


class Week(TypedDict):
    __pydantic_config__ = CLOSED
    week: Annotated[int, Doc("1-based; the last entry is the exam week (0 study hours)")]
    start: Date
    end: Annotated[Date, Doc("inclusive; for the exam week, the exam date")]
    phase: Literal["prerequisites", "foundations", "study", "buffer", "review", "exam"]
    focus: Annotated[list[str], Doc("what to study that week, each with its hours")]
    tasks: list[Task]
    hours: Annotated[float, Doc("study hours planned that week (2 decimals)")]
    minutes: Annotated[int, Doc("the same, exact, in minutes")]
    milestones: list[Milestone]


class PlanCost(TypedDict):
    __pydantic_config__ = CLOSED
    kind: Literal["exam", "membership", "books"]
    label: str
    amount: Annotated[Optional[float], Doc("null when unknown")]
    currency: str
    source: Url
    note: Optional[str]


class After(TypedDict):
    __pydantic_config__ = CLOSED
    kind: Literal["retake", "apprentice", "ceu-cycle", "next"]
    title: str
    detail: str
    date: Annotated[OptDate, Doc("an approximate date, where one can be computed")]
    source: Url


class BaseHours(TypedDict):
    __pydantic_config__ = CLOSED
    value: float
    estimate: bool
    certplan_default: Annotated[
        bool, Doc("true when the catalog has no figure and certplan's planning default is used")
    ]
    source: Url
    note: Optional[str]
    basis: str


class Adjustment(TypedDict):
    __pydantic_config__ = CLOSED
    rule: Literal["experience", "credential", "course", "floor", "foundations"]
    hours: float
    reason: str


class Breakdown(TypedDict):
    __pydantic_config__ = CLOSED
    prerequisites: float
    foundations: float
    domains: float
    code_books: float
    review: float
    practice_exams: float


class PlanDomain(TypedDict):
    __pydantic_config__ = CLOSED
    name: str
    weight_percent: Optional[float]
    questions: Optional[int]
    share_percent: float
    hours: float


class PlanExam(TypedDict):
    __pydantic_config__ = CLOSED
    questions: Optional[int]
    duration_minutes: Optional[int]
    practice_exam_minutes: int
    passing_score: Optional[str]
    open_book: Optional[bool]
    delivery: Optional[list[str]]
    source: Url


class BookNote(TypedDict):
    __pydantic_config__ = CLOSED
    id: str
    text: str
    value: Optional[float]
    note: Optional[str]
    source: Url


class CodeBooks(TypedDict):
    __pydantic_config__ = CLOSED
    year: int
    open_book: Optional[bool]
    references: list[str]
    allowed: Optional[str]
    references_note: Optional[str]
    source: Url
    tabbing_and_notes: str
    hours: float
    notes: Annotated[list[BookNote], Doc("catalog facts (id book-...) about this credential's or body's books")]


class Prerequisite(TypedDict):
    __pydantic_config__ = CLOSED
    kind: Literal["membership", "course", "practicode", "confirm"]
    text: str
    hours: Optional[int]


class PlanEligibility(TypedDict):
    __pydantic_config__ = CLOSED
    status: EligibilityStatus
    pathway: Optional[ChosenPathway]
    missing: list[str]
    to_do: list[str]
    months_until_eligible: Optional[int]
    eligible_from: OptDate
    apprentice: Optional[ApprenticeStatus]
    prerequisites: list[Prerequisite]
    advice: list[str]


class Feasibility(TypedDict):
    __pydantic_config__ = CLOSED
    status: Literal["ok", "tight"]
    weeks_needed_at_hours: int
    weeks_available: NotRequired[Annotated[int, Doc("with --exam-date or --weeks")]]
    earliest_exam_date_at_hours: NotRequired[Date]
    hours_per_week_needed: NotRequired[float]


class AdjustmentRules(TypedDict):
    """certplan's planning rules, in words."""

    __pydantic_config__ = CLOSED
    course: str
    credential: str
    experience: str
    floor: str
    foundations: str


class Plan(TypedDict):
    """certplan plan CODE --json"""

    __pydantic_config__ = CLOSED
    schema_version: SchemaVersion
    code: str
    name: str
    body: Optional[str]
    generated_on: Annotated[Date, Doc("today (CERTPLAN_TODAY pins it); the iCalendar DTSTAMP")]
    start: Annotated[Date, Doc("the first day of the first study week")]
    exam_date: Date
    registration_deadline: Annotated[Date, Doc("book the exam by this date (certplan's booking lead)")]
    book_ahead_weeks: Annotated[int, Doc("how many weeks before the exam it is booked (--book-ahead, default 6)")]
    study_weeks: Annotated[int, Doc("weeks before the exam week")]
    total_hours: Annotated[float, Doc("sum of the weeks' hours (2 decimals)")]
    total_minutes: Annotated[int, Doc("sum of the weeks' minutes (exact)")]
    hours_per_week: Annotated[float, Doc("the weekly budget the plan uses")]
    requested_hours_per_week: Annotated[Optional[float], Doc("--hours-per-week as given; null when not given")]
    hours_per_week_basis: Annotated[str, Doc("why hours_per_week is what it is, in words")]
    base_hours: BaseHours
    hours_basis: Annotated[str, Doc("where the study-hour figure comes from, in words")]
    study_hours: Annotated[float, Doc("the study-hour figure after the profile adjustments")]
    adjustments: list[Adjustment]
    breakdown: Breakdown
    domains: list[PlanDomain]
    domain_weighting: Annotated[str, Doc("how the domains' time was shared out, in words")]
    exam: PlanExam
    code_books: CodeBooks
    eligibility: PlanEligibility
    weeks: list[Week]
    milestones: Annotated[list[Milestone], Doc("every milestone, by date")]
    after: list[After]
    costs: list[PlanCost]
    cost_total: Annotated[Optional[float], Doc("null when any line is unknown")]
    cost_known_subtotal: Annotated[float, Doc("the sum of the known cost lines")]
    cost_unknown_parts: Annotated[list[str], Doc("the cost lines that are unknown")]
    cost_basis: Annotated[str, Doc("member or non-member prices, and why")]
    feasibility: Feasibility
    rules: AdjustmentRules
    warnings: Annotated[list[str], Doc("also written to stderr")]
    notes: Annotated[list[str], Doc("also written to stderr")]
