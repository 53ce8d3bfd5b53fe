"""salary, cost and path --to/--from (built in core/pay.py, core/cost.py, core/path.py)."""

from __future__ import annotations

from typing import Annotated, Literal, Optional, Union

from typing_extensions import TypedDict

from certplan.contract.base import CLOSED, BasisRule, Doc, EligibilityStatus, SchemaVersion, SourceKind, Statistic, Url
from certplan.contract.eligible import ChosenPathway, Profile

# A current figure is never dated; an unknown amount is always marked unknown.
NEVER_CURRENT_IF_DATED = {
    "if": {"properties": {"current": {"const": True}}},
    "then": {"properties": {"dated": {"const": False}}},
}
AGED = {**CLOSED, "json_schema_extra": {"allOf": [NEVER_CURRENT_IF_DATED]}}
AgeStatus = Literal["current", "latest-dated", "superseded"]
Latest = Annotated[bool, Doc("no newer figure of the same kind is in the catalog")]
Dated = Annotated[bool, Doc("its year is more than three years before today's year")]
Current = Annotated[bool, Doc("latest and not dated")]
Period = Annotated[str, Doc(minLength=1)]


class PayFigure(TypedDict):
    __pydantic_config__ = AGED
    amount: float
    currency: str
    unit: Literal["year", "hour"]
    statistic: Statistic
    statistic_words: str
    period: Period
    year: int
    population: str
    population_kind: Annotated[Literal["member-survey", "other"], Doc("who the figure describes")]
    latest: Latest
    dated: Dated
    current: Current
    status: AgeStatus
    superseded_by: Annotated[Optional[str], Doc("the period of the newer figure")]
    note: Optional[str]
    source: Url
    source_kind: Optional[SourceKind]


class OccupationFigure(TypedDict):
    __pydantic_config__ = AGED
    measure: Literal[
        "median-annual-wage",
        "median-hourly-wage",
        "mean-annual-wage",
        "pct10-annual-wage",
        "pct90-annual-wage",
        "employment",
        "outlook-percent",
        "annual-openings",
    ]
    measure_words: str
    statistic: Literal["median", "mean", "pct10", "pct90", None]
    unit: Literal["year", "hour", None]
    kind: Literal["money", "count", "percent"]
    amount: float
    period: Period
    year: int
    population: str
    population_kind: Literal["all-us-workers"]
    latest: Latest
    dated: Dated
    current: Current
    status: AgeStatus
    superseded_by: Optional[str]
    note: Optional[str]
    source: Url
    source_kind: Optional[SourceKind]


class Note(TypedDict):
    __pydantic_config__ = CLOSED
    text: str
    source: Url


class EntryEducation(TypedDict):
    __pydantic_config__ = CLOSED
    value: Optional[str]
    note: Optional[str]
    source: Url
    source_kind: Optional[SourceKind]


class Occupation(TypedDict):
    __pydantic_config__ = CLOSED
    soc: Annotated[str, Doc(pattern=r"^\d{2}-\d{4}$")]
    title: str
    population: str
    figures: list[OccupationFigure]
    entry_education: Optional[EntryEducation]
    notes: list[Note]


class Conflict(TypedDict):
    __pydantic_config__ = CLOSED
    value: Union[int, float, str, bool, None]
    note: str
    source: Url


class Premium(TypedDict):
    __pydantic_config__ = AGED
    id: str
    year: int
    period: str
    applies_to: Annotated[list[str], Doc("SOC codes of the workers the source surveyed")]
    percent: Annotated[Optional[float], Doc("how much more certified respondents earned, in percent")]
    text: str
    statistic: Annotated[Literal["mean", None], Doc("null when the source does not say")]
    statistic_words: str
    population: str
    population_kind: Literal["member-survey", "other"]
    certified_amount: Optional[float]
    not_certified_amount: Optional[float]
    difference_per_year: Annotated[Optional[float], Doc("certified minus not certified, when the source states both")]
    difference_approximate: bool
    latest: Latest
    dated: Dated
    current: Current
    status: AgeStatus
    conflicts: list[Conflict]
    note: Optional[str]
    source: Url
    source_kind: Optional[SourceKind]


class SalaryCredential(TypedDict):
    __pydantic_config__ = CLOSED
    code: str
    name: str
    body: Optional[str]
    status: str
    pay: list[PayFigure]
    occupations: Annotated[list[str], Doc("SOC codes")]
    premium_applies: Annotated[
        bool,
        Doc(
            "whether the certified-vs-not difference (a survey of coding and billing specialists)"
            " is relevant to this credential"
        ),
    ]


class Salary(TypedDict):
    """certplan salary [CODE ...] --json"""

    __pydantic_config__ = CLOSED
    schema_version: SchemaVersion
    today: Annotated[str, Doc("today's date (CERTPLAN_TODAY pins it): it decides which figures are dated")]
    dated_after_years: Annotated[int, Doc("a figure more than this many years old is dated")]
    credentials: list[SalaryCredential]
    occupations: list[Occupation]
    certification_premium: list[Premium]
    notes: list[str]


# --------------------------------------------------------------------------- cost

UNKNOWN_IS_NULL = {
    **CLOSED,
    "json_schema_extra": {
        "allOf": [
            {
                "if": {"properties": {"amount": {"type": "null"}}},
                "then": {"properties": {"basis": {"const": "unknown"}}},
            },
            {
                "if": {"properties": {"basis": {"const": "unknown"}}},
                "then": {"properties": {"amount": {"type": "null"}}},
            },
        ]
    },
}


class Payment(TypedDict):
    __pydantic_config__ = CLOSED
    year: Annotated[int, Doc("1 is the first year")]
    amount: Optional[float]


class CostLine(TypedDict):
    __pydantic_config__ = UNKNOWN_IS_NULL
    schedule: Annotated[list[Payment], Doc("the years the amount falls in, and how much in each")]
    id: Literal["exam", "membership", "renewal", "ceus", "study"]
    label: str
    amount: Annotated[Optional[float], Doc("null when unknown (never 0 for unknown)")]
    unit_amount: Optional[float]
    count: int
    period: Period
    basis: Literal["sourced", "estimate", "unknown"]
    source: Url
    note: Optional[str]
    fee: Annotated[bool, Doc("a fee of the body (exam, membership, renewal), used to pick the basis")]
    in_total: bool


class ConditionalFee(TypedDict):
    __pydantic_config__ = CLOSED
    label: str
    amount: Optional[float]
    source: Url
    note: Optional[str]


class Fact(TypedDict):
    __pydantic_config__ = CLOSED
    id: str
    text: str
    value: Optional[float]
    source: Url


class Ceus(TypedDict):
    __pydantic_config__ = CLOSED
    body: Optional[str]
    credentials_after: list[str]
    per_cycle_now: Optional[int]
    per_cycle_after: Optional[int]
    added_per_cycle: Optional[int]
    cycle_years: Optional[int]
    cycles_in_period: Optional[int]
    added_in_period: Optional[int]
    rule: str
    cost_per_ceu: Optional[float]
    cost_source: Url
    cost_facts: list[Fact]
    source: Annotated[Optional[str], Doc("source of the CEU rule")]


class Difference(TypedDict):
    __pydantic_config__ = CLOSED
    id: str
    year: int
    percent: Optional[float]
    certified_amount: Optional[float]
    not_certified_amount: Optional[float]
    difference_per_year: float
    difference_approximate: bool
    statistic: Literal["mean", None]
    population: str
    dated: bool
    current: bool
    source: Url
    source_kind: Optional[SourceKind]


class Alternative(Difference):
    __pydantic_config__ = CLOSED
    break_even_months: int


class Roi(TypedDict):
    __pydantic_config__ = CLOSED
    applies: bool
    difference: Optional[Difference]
    cost: Annotated[float, Doc("the known part of the total")]
    cost_complete: bool
    unknown_parts: list[str]
    break_even_months: Annotated[Optional[int], Doc("null: no sourced figure")]
    break_even_is_lower_bound: bool
    alternatives: list[Alternative]
    text: str
    note: str


FundedPart = Literal["exam", "membership", "renewal", "ceus", "study", "course"]


class FundingCap(TypedDict):
    __pydantic_config__ = CLOSED
    amount: Annotated[Optional[float], Doc("null when no source gives it")]
    per: Literal["year", "fiscal-year", "career", "total"]
    text: str
    effective_from: Optional[str]
    effective_until: Optional[str]
    note: Optional[str]
    source: Optional[Url]


class FundedFor(TypedDict):
    __pydantic_config__ = CLOSED
    part: FundedPart
    words: str
    cap: Optional[float]
    cap_per: Literal["test", "credential", None]
    note: Optional[str]
    source: Optional[Url]


class FundingNote(TypedDict):
    __pydantic_config__ = CLOSED
    text: str
    source: Optional[Url]


class Payer(TypedDict):
    __pydantic_config__ = CLOSED
    id: Annotated[str, Doc("the catalog's funding id, or 'employer'")]
    name: str
    kind: Literal["military", "veterans", "workforce", "employer"]
    applies: Annotated[
        Literal["listed", "if-approved", "user-supplied"],
        Doc(
            "listed: a source lists the credential for it; if-approved: the sources do not say, the amounts "
            "assume it applies; user-supplied: an amount you gave"
        ),
    ]
    applies_source: Optional[Url]
    applies_note: Optional[str]
    who: Annotated[Optional[str], Doc("who qualifies, in the source's terms")]
    who_source: Optional[Url]
    cap: Optional[FundingCap]
    pays_for: list[FundedFor]
    does_not_pay: list[str]
    pays: Annotated[Optional[float], Doc("what it pays over the period; null when unknown")]
    pays_at_most_known: Annotated[float, Doc("the most it pays towards the known costs")]
    notes: list[FundingNote]


class Gross(TypedDict):
    __pydantic_config__ = CLOSED
    total: Optional[float]
    total_known: float
    unknown_parts: list[str]


class Covered(TypedDict):
    __pydantic_config__ = CLOSED
    by: str
    amount: Optional[float]


class FundedLine(TypedDict):
    __pydantic_config__ = CLOSED
    id: str
    label: str
    amount: Optional[float]
    source: Optional[Url]
    covered: list[Covered]
    you_pay: Optional[float]


class Funding(TypedDict):
    __pydantic_config__ = CLOSED
    code: str
    years: int
    day: Annotated[str, Doc("the day whose rules (caps in force) were used")]
    gross: Gross
    payers: list[Payer]
    lines: list[FundedLine]
    you_pay: Annotated[Optional[float], Doc("what is left for you; null when any part is unknown")]
    you_pay_at_least: Annotated[float, Doc("what you pay for the known parts, at the least")]
    notes: list[str]


class Cost(TypedDict):
    """certplan cost CODE --json"""

    __pydantic_config__ = CLOSED
    schema_version: SchemaVersion
    code: str
    name: str
    body: Optional[str]
    basis: Annotated[Literal["member", "non-member"], Doc("the fee basis used: member or non-member prices")]
    basis_reason: Annotated[str, Doc("why that basis")]
    basis_rule: BasisRule
    years: Annotated[int, Doc("the period costed (--years)")]
    attempts: Annotated[int, Doc("exam attempts budgeted (--attempts)")]
    retake: Annotated[Optional[str], Doc("the body's retake rule")]
    lines: list[CostLine]
    conditional: Annotated[list[ConditionalFee], Doc("fees paid only when something happens; never added")]
    ceus: Ceus
    study_materials: Annotated[
        list[Fact], Doc("catalog facts about books and preparation for this credential (value null: no price)")
    ]
    fees_total: Annotated[Optional[float], Doc("the sum of the body's fees in the total; null when one is unknown")]
    total_known: Annotated[float, Doc("the sum of the known parts")]
    total: Annotated[Optional[float], Doc("null when any part is unknown")]
    unknown_parts: Annotated[list[str], Doc("labels of the parts whose amount is unknown")]
    unknown_count: int
    line_count: int
    notes: list[str]
    roi: Annotated[Optional[Roi], Doc("null without --roi")]
    funding: Annotated[Optional[Funding], Doc("null without --funding or --employer-pays")]


# --------------------------------------------------------------------------- path


# ``for`` and ``from`` are Python keywords, so these two use TypedDict's functional form.
Step = TypedDict(
    "Step",
    {
        "kind": Literal[
            "degree",
            "program",
            "experience",
            "course",
            "practicode",
            "clinical-hours",
            "training-program",
            "membership",
            "confirm",
            "exam",
            "apprentice-removal",
        ],
        "for": Annotated[str, Doc("the credential this step serves (the goal or a prerequisite)")],
        "text": str,
        "months": Annotated[Optional[int], Doc("null when no source gives the time")],
        "months_basis": Literal["sourced", "estimate", "unknown", "none"],
        "months_source": Url,
        "cost": Annotated[Optional[float], Doc("null when no source gives the cost")],
        "cost_basis": Literal["sourced", "unknown", "none"],
        "cost_source": Url,
        "note": Optional[str],
        "cost_note": Optional[str],
        "cumulative_months": int,
        "cumulative_months_complete": bool,
        "cumulative_cost": float,
        "cumulative_cost_complete": bool,
    },
)
Step.__pydantic_config__ = CLOSED


class Route(TypedDict):
    __pydantic_config__ = CLOSED
    id: str
    label: str
    pathway: Optional[ChosenPathway]
    steps: list[Step]
    months: Annotated[int, Doc("known months added up")]
    months_complete: bool
    months_unknown: list[str]
    cost: Annotated[float, Doc("known costs added up")]
    cost_complete: bool
    cost_unknown: list[str]
    needs_confirmation: bool
    fastest: bool
    cheapest: bool


class Goal(TypedDict):
    __pydantic_config__ = CLOSED
    code: str
    name: str
    body: Optional[str]
    status: str


class PathFact(TypedDict):
    __pydantic_config__ = CLOSED
    id: str
    value: Optional[float]
    text: str
    source: Url


class PathTo(TypedDict):
    """certplan path --to CODE --json"""

    __pydantic_config__ = CLOSED
    schema_version: SchemaVersion
    goal: Goal
    profile: Annotated[Profile, Doc("the person the routes start from")]
    status_now: Annotated[EligibilityStatus, Doc("eligibility today, as eligible gives it")]
    routes: Annotated[list[Route], Doc("fastest first")]
    fastest: Annotated[
        Optional[str], Doc("id of the fastest route: nothing to confirm, every duration known, fewest months")
    ]
    cheapest: Annotated[Optional[str], Doc("id of the route with the lowest known cost, then fewest unknown costs")]
    facts: list[PathFact]
    notes: list[str]


class Node(TypedDict):
    __pydantic_config__ = CLOSED
    code: str
    name: Optional[str]
    body: Optional[str]
    level: Optional[str]
    status: Optional[str]
    next: list[Node]
    repeat: Annotated[bool, Doc("shown (with its next steps) elsewhere in the tree")]
    expanded_under: Annotated[Optional[str], Doc("the credential under which its next steps are shown")]


class From(TypedDict):
    __pydantic_config__ = CLOSED
    code: str
    name: str
    body: Optional[str]
    level: Optional[str]
    status: str


class Requires(TypedDict):
    __pydantic_config__ = CLOSED
    label: str
    text: str
    source: Url


class NextCredential(TypedDict):
    __pydantic_config__ = CLOSED
    code: str
    name: Optional[str]
    body: Optional[str]
    level: Optional[str]
    status: Optional[str]
    requires: list[Requires]
    this_counts: Annotated[bool, Doc("holding the --from credential meets a requirement")]
    pay: list[PayFigure]
    occupations: list[str]


class FromOccupation(TypedDict):
    __pydantic_config__ = CLOSED
    soc: str
    title: Optional[str]
    population: str
    figures: list[OccupationFigure]


PathFrom = TypedDict(
    "PathFrom",
    {
        "schema_version": SchemaVersion,
        "from": From,
        "pay": list[PayFigure],
        "next": list[NextCredential],
        "occupations": list[FromOccupation],
        "tree": Node,
        "notes": list[str],
    },
)
PathFrom.__doc__ = "certplan path --from CODE --json"
PathFrom.__pydantic_config__ = CLOSED


Path = Union[PathTo, PathFrom]
