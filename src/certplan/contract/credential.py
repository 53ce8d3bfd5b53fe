"""show, list, compare and bodies: the catalog's records as plain data (built in core/views.py)."""

from __future__ import annotations

from typing import Annotated, Literal, Optional, Union

from typing_extensions import TypedDict

from certplan.contract.base import (
    CLOSED,
    BasisRule,
    Doc,
    EducationLevel,
    ExperienceKind,
    Focus,
    Level,
    ProgramLevel,
    SchemaVersion,
    Setting,
    SourceKind,
    Statistic,
    Status,
    Url,
)


class Money(TypedDict):
    __pydantic_config__ = CLOSED
    amount: Annotated[Optional[float], Doc("null when unknown")]
    currency: str
    member: Annotated[Optional[bool], Doc("true member price, false non-member, null for anyone")]
    student: bool
    what: Optional[str]
    attempts: Optional[int]
    note: Optional[str]
    source: Url


# One shape per requirement kind: the catalog's fields plus ``text``, the requirement in plain words.
class EducationRequirement(TypedDict):
    __pydantic_config__ = CLOSED
    kind: Literal["education"]
    level: EducationLevel
    text: Annotated[str, Doc("the requirement in plain words")]


class ProgramRequirement(TypedDict):
    __pydantic_config__ = CLOSED
    kind: Literal["accredited-program"]
    levels: list[ProgramLevel]
    accreditor: str
    final_term_ok: bool
    text: str


class ExperienceRequirement(TypedDict):
    __pydantic_config__ = CLOSED
    kind: Literal["experience"]
    years: float
    of: Annotated[list[ExperienceKind], Doc("any of these kinds counts")]
    text: str


class CredentialRequirement(TypedDict):
    __pydantic_config__ = CLOSED
    kind: Literal["credential"]
    any_of: list[str]
    text: str


class MembershipRequirement(TypedDict):
    __pydantic_config__ = CLOSED
    kind: Literal["membership"]
    body: str
    text: str


class CourseRequirement(TypedDict):
    __pydantic_config__ = CLOSED
    kind: Literal["course"]
    hours: int
    topic: str
    text: str


class PracticodeRequirement(TypedDict):
    __pydantic_config__ = CLOSED
    kind: Literal["practicode"]
    text: str


class ClinicalHoursRequirement(TypedDict):
    __pydantic_config__ = CLOSED
    kind: Literal["clinical-hours"]
    hours: int
    text: str


class TrainingProgramRequirement(TypedDict):
    __pydantic_config__ = CLOSED
    kind: Literal["training-program"]
    topic: Annotated[str, Doc("what the program teaches, as the body says it")]
    hours: Annotated[Optional[int], Doc("minimum program length in hours, when the body sets one")]
    within_years: Annotated[Optional[int], Doc("completed within this many years, when the body says")]
    text: str


class OtherRequirement(TypedDict):
    __pydantic_config__ = CLOSED
    kind: Literal["other"]
    text: str
    check: Annotated[
        Literal["blocking", "step"],
        Doc(
            "blocking: a condition certplan cannot check (the person must confirm it); "
            "step: something done when registering (sign an affidavit, pass the exam), never a barrier"
        ),
    ]


Requirement = Union[
    EducationRequirement,
    ProgramRequirement,
    ExperienceRequirement,
    CredentialRequirement,
    MembershipRequirement,
    CourseRequirement,
    PracticodeRequirement,
    ClinicalHoursRequirement,
    TrainingProgramRequirement,
    OtherRequirement,
]


class Pathway(TypedDict):
    __pydantic_config__ = CLOSED
    id: str
    label: str
    text: str
    requirements: Annotated[list[Requirement], Doc("all must hold")]
    note: Optional[str]
    source: Url


class Note(TypedDict):
    __pydantic_config__ = CLOSED
    text: str
    source: Url


class Source(TypedDict):
    __pydantic_config__ = CLOSED
    id: str
    url: str
    kind: SourceKind
    tier: Annotated[
        Literal[1, 2, 3],
        Doc("1 the body's (or data publisher's) own page; 2 quotes an official page with its date; 3 other"),
    ]
    date: Annotated[str, Doc(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
    date_kind: Literal["stated", "checked"]
    title: Optional[str]


class Pay(TypedDict):
    __pydantic_config__ = CLOSED
    amount: float
    currency: str
    unit: Literal["year", "hour"]
    statistic: Statistic
    period: str
    year: int
    population: str
    dated: Annotated[bool, Doc("true when the figure is more than three years old")]
    note: Optional[str]
    source: Url
    source_kind: Optional[SourceKind]
    source_tier: Annotated[Optional[Literal[1, 2, 3]], Doc("the tier of the figure's source")]


class Domain(TypedDict):
    __pydantic_config__ = CLOSED
    name: str
    weight_percent: Optional[float]
    questions: Optional[int]


class Exam(TypedDict):
    __pydantic_config__ = CLOSED
    questions: Optional[int]
    duration_minutes: Optional[int]
    passing_score: Optional[str]
    open_book: Optional[bool]
    references: Optional[list[str]]
    delivery: Optional[list[str]]
    retake: Optional[str]
    fees: list[Money]
    domains: list[Domain]
    study_hours: Optional[float]
    study_hours_estimate: bool


class Eligibility(TypedDict):
    __pydantic_config__ = CLOSED
    pathways: Annotated[list[Pathway], Doc("alternatives: any one pathway is enough")]
    recommended: Annotated[list[Note], Doc("advice, never a requirement")]


class Apprentice(TypedDict):
    __pydantic_config__ = CLOSED
    designation: str
    rule: str
    removal: list[Pathway]
    source: Url


class TopicRule(TypedDict):
    __pydantic_config__ = CLOSED
    text: str
    ceus: Optional[int]
    source: Url


class Maintenance(TypedDict):
    __pydantic_config__ = CLOSED
    ceus: Annotated[Optional[int], Doc("CEUs per cycle, as the only credential of that body")]
    cycle_years: Optional[int]
    topic_rules: list[TopicRule]
    fees: list[Money]
    membership_required: Optional[bool]


class OccupationRef(TypedDict):
    __pydantic_config__ = CLOSED
    soc: str
    title: Optional[str]


class Retired(TypedDict):
    __pydantic_config__ = CLOSED
    date: Optional[str]
    successor: Optional[str]
    note: Optional[str]


class Recognition(TypedDict):
    __pydantic_config__ = CLOSED
    text: str
    signal: Literal["employer-demand", "accreditation", "body-claim", "historical", None]
    source: Url


class Provenance(TypedDict):
    __pydantic_config__ = CLOSED
    source: Url
    note: Optional[str]
    estimate: bool


class Show(TypedDict):
    """certplan show CODE --json"""

    __pydantic_config__ = CLOSED
    schema_version: SchemaVersion
    code: Annotated[str, Doc("the credential's code, e.g. CPC")]
    name: str
    body: Annotated[Optional[str], Doc("the certifying body's code; null when no body could be verified")]
    body_name: Optional[str]
    level: Annotated[Optional[Level], Doc("certplan's classification (editorial)")]
    status: Annotated[Status, Doc("only current credentials can be earned")]
    aliases: Annotated[list[str], Doc("other names and old codes it is known by")]
    settings: Annotated[list[Setting], Doc("work settings where it is used, the main one first")]
    focus: Annotated[list[Focus], Doc("kinds of work, the main one first")]
    description: str
    exam: Annotated[Optional[Exam], Doc("null when it has no exam of its own")]
    eligibility: Annotated[Optional[Eligibility], Doc("who may sit the exam")]
    apprentice: Annotated[Optional[Apprentice], Doc("the -A designation given to those who pass without experience")]
    maintenance: Annotated[Optional[Maintenance], Doc("what keeping it takes: CEUs per cycle, fees")]
    salary: Annotated[
        list[Pay], Doc("pay figures from salary surveys, each with statistic, period, population and source")
    ]
    occupations: Annotated[list[OccupationRef], Doc("the BLS occupations (SOC codes) it leads to")]
    next: Annotated[list[str], Doc("credentials people commonly take next (editorial)")]
    replaces: Annotated[list[str], Doc("credentials it replaced")]
    replaced_by: Annotated[Optional[str], Doc("the credential that replaced it")]
    retired: Optional[Retired]
    see_also: Annotated[
        list[str], Doc("related records to look at (for a retired, alias or pairing record: where to go instead)")
    ]
    recognition: Annotated[list[Recognition], Doc("sourced statements about who asks for it")]
    notes: Annotated[list[Note], Doc("sourced statements")]
    unknown: Annotated[list[str], Doc("field paths whose value is unknown")]
    provenance: Annotated[dict[str, Provenance], Doc("field path -> where the value came from")]
    sources: Annotated[list[Source], Doc("every source cited in the record")]


List = Annotated[list[Show], Doc("certplan list --json: one show object per credential, in catalog order")]


class CostLine(TypedDict):
    __pydantic_config__ = CLOSED
    label: str
    amount: Optional[float]
    period: str
    source: Url
    note: Optional[str]


class CompareCost(TypedDict):
    __pydantic_config__ = CLOSED
    code: str
    first_year: Annotated[Optional[float], Doc("one exam attempt plus the membership needed; null when unknown")]
    two_year_upkeep: Optional[float]
    basis: Literal["member", "non-member"]
    basis_reason: str
    basis_rule: BasisRule
    lines: list[CostLine]
    unknown_parts: list[str]


class Compare(TypedDict):
    """certplan compare CODE CODE... --json"""

    __pydantic_config__ = CLOSED
    schema_version: SchemaVersion
    credentials: list[Show]
    differences: Annotated[list[str], Doc("field paths whose values differ between the credentials")]
    costs: list[CompareCost]


class CeuSchedule(TypedDict):
    __pydantic_config__ = CLOSED
    by_count: Annotated[Optional[list[int]], Doc("CEUs per cycle for 1, 2, 3... credentials held")]
    increment: Optional[int]
    cap: Optional[int]
    note: Optional[str]


class Renewal(TypedDict):
    __pydantic_config__ = CLOSED
    cycle_years: Optional[int]
    ceus: Optional[CeuSchedule]
    fees: list[Money]
    grace_period_days: Optional[int]
    lapse: Optional[str]
    membership_required: Optional[bool]
    rules: list[Note]


class CeusHeld(TypedDict):
    __pydantic_config__ = CLOSED
    held: int
    min: int
    max: int


class Body(TypedDict):
    __pydantic_config__ = CLOSED
    schema_version: SchemaVersion
    code: str
    name: Optional[str]
    website: Optional[str]
    membership: list[Money]
    credentials: Annotated[list[str], Doc("its current credentials")]
    credential_count: Annotated[int, Doc("how many current credentials it awards")]
    renewal: Optional[Renewal]
    ceus_by_credentials_held: Annotated[
        list[CeusHeld],
        Doc(
            "CEUs per cycle for a holder of 1..5 credentials of this body (min and max differ where the rule depends on which)"
        ),
    ]
    exam_delivery: Annotated[Optional[list[str]], Doc("how its exams are delivered")]
    accreditation: list[Note]
    notes: list[Note]
    sources: list[Source]


Bodies = Annotated[list[Body], Doc("certplan bodies [BODY...] --json")]
