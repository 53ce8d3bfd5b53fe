"""Pydantic models of the credential catalog (``data/certifications.yaml``).

Every fact carries provenance: a ``source`` that names an entry of the catalog's
top-level ``sources`` list (URL, official/third-party, date).  A fact whose value is
unknown is ``value: null`` and must say why in ``note``.  Nothing here does I/O.
"""

from __future__ import annotations

from typing import Annotated, Generic, Literal, TypeVar, Union

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

T = TypeVar("T")

from certplan.catalog.vocab import (  # noqa: E402,F401
    EDUCATION_LEVELS,
    EXPERIENCE_KINDS,
    FOCUS,
    LEVELS,
    PROGRAM_LEVELS,
    SETTINGS,
    STATUSES,
)

# Literal types built from the vocabulary tuples (typing flattens a tuple into the Literal's values),
# so each list of allowed values is written once, in vocab.py.
Education = Literal[EDUCATION_LEVELS]  # type: ignore[valid-type]
ProgramLevel = Literal[PROGRAM_LEVELS]  # type: ignore[valid-type]
Level = Literal[LEVELS]  # type: ignore[valid-type]
Status = Literal[STATUSES]  # type: ignore[valid-type]
Setting = Literal[SETTINGS]  # type: ignore[valid-type]
ExperienceKind = Literal[EXPERIENCE_KINDS]  # type: ignore[valid-type]
Focus = Literal[FOCUS]  # type: ignore[valid-type]


class Strict(BaseModel):
    # allow_inf_nan=False: NaN and infinities are refused in every float field (they are not JSON).
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


# --------------------------------------------------------------------------- value bounds
# Every count, duration, amount, percentage and date has a range that makes sense: a negative
# fee, 10**400 questions or 1e12 study hours is a typo, refused with file:line like any other.

Questions = Annotated[int, Field(ge=1, le=2_000)]
Minutes = Annotated[int, Field(ge=1, le=3 * 24 * 60)]
StudyHours = Annotated[float, Field(ge=0, le=5_000)]
Ceus = Annotated[int, Field(ge=0, le=1_000)]
CycleYears = Annotated[int, Field(ge=1, le=20)]
Days = Annotated[int, Field(ge=0, le=3_650)]
Pay = Annotated[float, Field(gt=0, le=10_000_000)]
Hours = Annotated[int, Field(gt=0, le=20_000)]


def _real_date(text: str | None) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real day (no 2027-02-30, month 13 or year 0)."""
    if text is None:
        return None
    import datetime as _dt

    parts = [int(p) for p in text.split("-")]
    year, month, day = (parts + [1, 1])[:3]
    if not 1900 <= year <= 2100:
        raise ValueError("the year must be from 1900 to 2100")
    try:
        _dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"{text} is not a real date") from None
    return text


# --------------------------------------------------------------------------- provenance


class Source(Strict):
    """One public page that facts cite."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")
    url: str = Field(pattern=r"^https?://")
    kind: Literal["official", "third-party"]
    tier: Literal[1, 2, 3] = Field(
        description="How authoritative the page is: 1 the certifying body's (or the data publisher's) own page; "
        "2 a page that quotes an official one and gives its date; 3 any other page.",
    )
    date: Annotated[str, AfterValidator(_real_date)] = Field(
        pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$",
        description="YYYY, YYYY-MM or YYYY-MM-DD: the date the page states, or the date it was checked.",
    )
    date_kind: Literal["stated", "checked"] = "checked"
    title: str | None = None


DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class Dated(Strict):
    """A rule that applies only in a period: ``effective_from`` (inclusive) to ``effective_until`` (exclusive).

    Dates are YYYY, YYYY-MM or YYYY-MM-DD; null means open-ended.  Use
    :func:`certplan.catalog.rules.in_force` to pick the rules in force on a day.
    """

    effective_from: Annotated[str, AfterValidator(_real_date)] | None = Field(None, pattern=DATE_PATTERN)
    effective_until: Annotated[str, AfterValidator(_real_date)] | None = Field(None, pattern=DATE_PATTERN)

    @model_validator(mode="after")
    def _period_in_order(self):
        from certplan.catalog.rules import start_of

        start, end = start_of(self.effective_from), start_of(self.effective_until)
        if start is not None and end is not None and end <= start:
            raise ValueError(
                f"effective_until ({self.effective_until}) must be after effective_from ({self.effective_from})"
            )
        return self


def _always_one(rules: list, what: str) -> None:
    """Raise unless at least one of ``rules`` is in force on every day (a dated list may not leave a gap)."""
    from certplan.catalog.rules import uncovered_day

    gap = uncovered_day(rules)
    if gap is not None:
        raise ValueError(f"no {what} is in force on {gap.isoformat()}; dated rules must leave none without one")


class Sourced(Strict):
    """Base for anything that cites a source and may carry a note."""

    source: str
    note: str | None = None
    # Where another (usually third-party) source disagrees, it is kept here, never used.
    conflicts: list[Conflict] = []


class Conflict(Strict):
    value: Union[int, float, str, bool, None] = None
    source: str
    note: str


class Fact(Sourced, Generic[T]):
    value: T | None
    estimate: bool = False

    @model_validator(mode="after")
    def _null_needs_note(self):
        if self.value is None and not self.note:
            raise ValueError("an unknown value (null) needs a note saying what is missing")
        if self.estimate and not self.note:
            raise ValueError("an estimate needs a note giving its basis")
        return self


class Money(Sourced, Dated):
    """A fee; dated (``effective_from``/``effective_until``) when the source says in which period it applied."""

    amount: float | None = Field(ge=0, le=1_000_000)
    currency: Literal["USD"] = "USD"
    member: bool | None = None
    student: bool = False
    what: str | None = Field(None, description="What the fee is for or includes.")
    attempts: int | None = Field(None, ge=1, le=100)
    per: Literal["once", "attempt", "year", "cycle", "additional-credential", "event"] | None = Field(
        None,
        description=(
            "How often it is paid. For upkeep fees null means once per renewal cycle; 'event' is a fee paid only"
            " when something happens (late payment, extension, reinstatement) and is never part of a plain total."
        ),
    )
    event: Literal["late", "extension", "reinstatement"] | None = Field(
        None, description="For per: event fees, which event: `certplan renew` reports each by this name."
    )

    @model_validator(mode="after")
    def _null_needs_note(self):
        if self.amount is None and not self.note:
            raise ValueError("an unknown amount (null) needs a note saying what is missing")
        return self


class Note(Sourced):
    text: str
    signal: Literal["employer-demand", "accreditation", "body-claim", "historical"] | None = Field(
        None,
        description="For recognition notes: what kind of evidence it is. employer-demand: an employer, job data or "
        "a workforce listing (e.g. US Army COOL 'In-Demand'); accreditation: a current third-party accreditation "
        "(NCCA, ANAB); body-claim: the certifying body's own words; historical: no longer current.",
    )


# --------------------------------------------------------------------------- eligibility


class EducationReq(Strict):
    kind: Literal["education"]
    level: Education


class ProgramReq(Strict):
    kind: Literal["accredited-program"]
    levels: list[ProgramLevel] = Field(min_length=1)
    accreditor: str = "CAHIIM"
    final_term_ok: bool = False


class ExperienceReq(Strict):
    kind: Literal["experience"]
    years: float = Field(gt=0, le=40)
    of: list[ExperienceKind] = Field(min_length=1, description="Any of these kinds counts.")


class CredentialReq(Strict):
    kind: Literal["credential"]
    any_of: list[str] = Field(min_length=1)


class MembershipReq(Strict):
    kind: Literal["membership"]
    body: str


class CourseReq(Strict):
    kind: Literal["course"]
    hours: Hours
    topic: str = "medical coding"


class PracticodeReq(Strict):
    kind: Literal["practicode"]


class ClinicalHoursReq(Strict):
    kind: Literal["clinical-hours"]
    hours: Hours


class TrainingProgramReq(Strict):
    """A completed training program (a school or vendor program, not a degree), e.g. NHA's CBCS route."""

    kind: Literal["training-program"]
    topic: str = Field(description="What the program teaches, as the body says it (e.g. 'medical billing and coding').")
    hours: int | None = Field(
        None, gt=0, le=20_000, description="Minimum program length in hours, when the body sets one."
    )
    within_years: int | None = Field(
        None, gt=0, le=50, description="Completed within this many years, when the body says."
    )


class OtherReq(Strict):
    kind: Literal["other"]
    text: str
    check: Literal["blocking", "step"] = Field(
        "blocking",
        description="blocking: a condition certplan cannot check (the person must confirm it); "
        "step: something done when registering (sign an affidavit, pass the exam), never a barrier.",
    )


Requirement = Annotated[
    Union[
        EducationReq,
        ProgramReq,
        ExperienceReq,
        CredentialReq,
        MembershipReq,
        CourseReq,
        PracticodeReq,
        ClinicalHoursReq,
        TrainingProgramReq,
        OtherReq,
    ],
    Field(discriminator="kind"),
]


class Pathway(Sourced, Dated):
    """One way to qualify; dated when the source says in which period the route was open."""

    id: str
    label: str
    requirements: list[Requirement] = Field(min_length=1)


class Eligibility(Strict):
    pathways: list[Pathway] = Field(min_length=1)
    recommended: list[Note] = []

    @model_validator(mode="after")
    def _a_pathway_every_day(self):
        _always_one(self.pathways, "pathway")
        return self


class Evidence(Sourced):
    """What the body wants as proof that a removal requirement of this kind is met."""

    kind: Literal["experience", "course", "practicode"]
    text: str


class Apprentice(Sourced):
    designation: str
    rule: str
    removal: list[Pathway] = Field(min_length=1)
    evidence: list[Evidence] = []

    @model_validator(mode="after")
    def _a_removal_every_day(self):
        _always_one(self.removal, "removal pathway")
        return self


# --------------------------------------------------------------------------- exam and upkeep


class Domain(Strict):
    name: str
    weight_percent: float | None = Field(None, ge=0, le=100)
    questions: int | None = Field(None, ge=0, le=2_000)
    source: str
    note: str | None = None


class Exam(Strict):
    questions: Fact[Questions]
    duration_minutes: Fact[Minutes]
    passing_score: Fact[str]
    open_book: Fact[bool]
    references: Fact[list[str]]
    delivery: Fact[list[Literal["online-proctored", "test-center", "paper", "other"]]]
    fees: list[Money] = Field(min_length=1)
    retake: Fact[str]
    domains: list[Domain] = []
    study_hours: Fact[StudyHours] | None = None

    @model_validator(mode="after")
    def _a_fee_every_day(self):
        _always_one(self.fees, "exam fee")
        return self


class TopicRule(Sourced):
    text: str
    ceus: Ceus | None = None


class Maintenance(Strict):
    ceus: Fact[Ceus] = Field(description="CEUs per cycle when this is the only credential held.")
    cycle_years: Fact[CycleYears]
    topic_rules: list[TopicRule] = []
    fees: list[Money] = []
    membership_required: Fact[bool] | None = None


class PayFigure(Sourced):
    amount: Pay
    currency: Literal["USD"] = "USD"
    unit: Literal["year", "hour"] = "year"
    statistic: Literal["median", "mean", "pct10", "pct25", "pct75", "pct90"]
    period: str
    year: int = Field(ge=1990, le=2100)
    population: str


class Retirement(Sourced):
    date: Annotated[str, AfterValidator(_real_date)] | None = Field(None, pattern=DATE_PATTERN)
    successor: str | None = None


# --------------------------------------------------------------------------- records


class Credential(Strict):
    code: str = Field(pattern=r"^[A-Z][A-Z0-9+ -]*$")
    name: str
    body: str | None
    status: Status
    level: Level | None = None
    aliases: list[str] = []
    settings: list[Setting] = []
    focus: list[Focus] = []
    description: str
    exam: Exam | None = None
    eligibility: Eligibility | None = None
    apprentice: Apprentice | None = None
    maintenance: Maintenance | None = None
    salary: list[PayFigure] = []
    occupations: list[str] = []
    next: list[str] = []
    replaces: list[str] = []
    replaced_by: str | None = None
    retired: Retirement | None = None
    see_also: list[str] = []
    recognition: list[Note] = []
    notes: list[Note] = []

    @model_validator(mode="after")
    def _shape_by_status(self):
        if self.status == "current":
            missing = [f for f in ("level", "exam", "eligibility", "maintenance") if getattr(self, f) is None]
            if self.body is None:
                missing.insert(0, "body")
            if missing:
                raise ValueError("a current credential needs " + ", ".join(missing))
        if self.status == "retired" and self.retired is None:
            raise ValueError("a retired credential needs 'retired' (date, successor, source)")
        if self.status in ("alias", "pairing") and not self.see_also:
            raise ValueError(f"a credential with status {self.status!r} needs 'see_also'")
        if self.status == "unverified" and not self.notes:
            raise ValueError("an unverified credential needs a note saying what could not be verified")
        return self


class CeuSchedule(Sourced, Dated):
    """CEUs per cycle for a holder of N credentials of this body.

    Either an explicit ``by_count`` table (the last entry applies to that many or more),
    or ``increment`` per extra credential on top of the highest single-credential
    requirement, capped at ``cap``.
    """

    by_count: list[Ceus] | None = Field(None, max_length=100)
    increment: Ceus | None = None
    cap: Ceus | None = None

    @model_validator(mode="after")
    def _one_rule(self):
        if (self.by_count is None) == (self.increment is None):
            raise ValueError("give either by_count or increment (with cap)")
        return self


# --------------------------------------------------------------------------- after the exam (dated rules)
# Each rule applies in its period (Dated); ``dated_by`` says which day of a cycle picks the rule:
# the cycle's last day (default; the day CEUs are submitted) or its first day.

CycleDay = Literal["cycle-end", "cycle-start"]


class CycleRule(Sourced, Dated):
    """How a body's CEU cycle is placed in time."""

    years: int = Field(gt=0, le=10)
    starts: Literal["earned-date", "membership-renewal"] = Field(
        description="earned-date: the first cycle begins on the day the exam was passed; membership-renewal: cycles "
        "follow the membership renewal date (the holder gives it as --cycle-start; without it the earned date is used)."
    )
    ends: Literal["day-before-anniversary", "end-of-month"] = Field(
        "day-before-anniversary",
        description="day-before-anniversary: the cycle's last day is the day before start + years; end-of-month: the "
        "last day of the month in which start + years falls.",
    )


class FirstCycle(Sourced, Dated):
    """Whether the first cycle's requirement is smaller because the credential was earned part-way through it."""

    prorated: bool
    method: Literal["whole-months"] | None = Field(
        None,
        description="whole-months: required x (whole months from the earned date to the cycle end) / (months in a "
        "cycle), rounded up. null: the body prorates but publishes no method (the full figure is shown).",
    )
    estimate: bool = Field(False, description="The method is certplan's reading, not the body's published formula.")
    dated_by: CycleDay = "cycle-end"

    @model_validator(mode="after")
    def _estimate_note(self):
        if self.estimate and not self.note:
            raise ValueError("an estimated proration needs a note giving its basis")
        return self


class CategoryRule(Sourced, Dated):
    """A minimum of a cycle's CEUs that must be in a category, or from listed providers.

    It applies to a holder of one of ``credentials`` (or of a credential of this body at ``level``, except
    ``exclude``); ``per_credential`` gives one minimum per matching credential (the CEU's ``--for`` says which).
    The minimum is ``ceus``, or ``percent`` of the CEUs required (rounded up).  Without ``credentials`` and
    ``level`` it applies to every holder.
    """

    category: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="The category as the body names it.")
    credentials: list[str] = []
    level: Level | None = None
    exclude: list[str] = []
    per_credential: bool = False
    ceus: float | None = Field(None, gt=0, le=1000)
    percent: float | None = Field(None, gt=0, le=100)
    counts: Literal["category", "provider"] = Field(
        "category",
        description="category: CEUs recorded with this category count; provider: CEUs whose provider names one of "
        "``providers`` count (whatever their category).",
    )
    providers: list[str] = []
    dated_by: CycleDay = "cycle-end"

    @model_validator(mode="after")
    def _one_amount(self):
        if (self.ceus is None) == (self.percent is None):
            raise ValueError("give either ceus or percent")
        if (self.counts == "provider") != bool(self.providers):
            raise ValueError("counts: provider needs providers (and providers need counts: provider)")
        return self


class GraceRule(Sourced, Dated):
    """Days after the due date in which the holder can still renew (or pay) without losing the credential."""

    days: int | None = Field(ge=0, le=3650)
    what: str
    used: bool = Field(True, description="false: a conflicting figure kept for the record; `renew` uses the other.")
    dated_by: CycleDay = "cycle-end"

    @model_validator(mode="after")
    def _null_needs_note(self):
        if self.days is None and not self.note:
            raise ValueError("an unknown grace period (null) needs a note saying what is missing")
        return self


class LapseRule(Sourced, Dated):
    """What happens ``after_days`` days after the due date when requirements are unmet."""

    after_days: int | None = Field(ge=0, le=3650)
    status: Literal["inactive", "cancelled", "revoked", "expired"]
    what: str
    dated_by: CycleDay = "cycle-end"

    @model_validator(mode="after")
    def _null_needs_note(self):
        if self.after_days is None and not self.note:
            raise ValueError("an unknown lapse date (null) needs a note saying what is missing")
        return self


class ReinstateRule(Sourced, Dated):
    """How, and until when, a lapsed credential can be restored without retaking the exam."""

    counted_from: Literal["due", "lapse"] = Field(description="The window starts at the due date or the lapse date.")
    within_days: int | None = Field(None, ge=0, le=3650)
    within_years: int | None = Field(None, ge=0, le=20)
    how: str
    dated_by: CycleDay = "cycle-end"

    @model_validator(mode="after")
    def _window(self):
        if self.within_days is None and self.within_years is None and not self.note:
            raise ValueError("an unknown reinstatement window needs a note saying what is missing")
        return self


class Renewal(Strict):
    cycle_years: Fact[CycleYears]
    ceus: CeuSchedule | None = None
    fees: list[Money] = []
    grace_period_days: Fact[Days] | None = None
    lapse: Fact[str] | None = None
    membership_required: Fact[bool] | None = None
    rules: list[Note] = []
    # Dated, structured rules used by `ceu status`, `renew` and `apprentice status` (``ceus`` is the schedule in
    # force today; ``ceus_earlier`` the ones it replaced, each with its period).
    ceus_earlier: list[CeuSchedule] = []
    cycle: list[CycleRule] = []
    first_cycle: list[FirstCycle] = []
    categories: list[CategoryRule] = []
    grace: list[GraceRule] = []
    lapses: list[LapseRule] = []
    reinstatement: list[ReinstateRule] = []


class Body(Strict):
    code: str = Field(pattern=r"^[A-Z][A-Za-z0-9-]*$")
    name: Fact[str]
    website: Fact[str]
    membership: list[Money] = []
    renewal: Renewal | None = None
    exam_delivery: Fact[list[Literal["online-proctored", "test-center", "paper", "other"]]] | None = None
    accreditation: list[Note] = []
    notes: list[Note] = []


class OccupationFigure(Sourced):
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
    amount: float = Field(ge=-100, le=100_000_000, description="Outlook percentages may be negative.")
    period: str
    year: int = Field(ge=1990, le=2100)


class Occupation(Strict):
    soc: str = Field(pattern=r"^\d{2}-\d{4}$")
    title: str
    onet: Fact[str] | None = Field(
        None, description="The O*NET-SOC code (e.g. 29-2072.00) where a source confirms it; used by the CTDL export."
    )
    figures: list[OccupationFigure] = []
    entry_education: Fact[str] | None = None
    notes: list[Note] = []


class PayDifference(Sourced):
    """A sourced certified-vs-not-certified pay difference (e.g. from a body's salary survey)."""

    id: str
    text: str = Field(description="What the source says, in brief.")
    year: int = Field(ge=1990, le=2100, description="The survey or data year.")
    period: str
    percent: float | None = Field(ge=-100, le=1_000)
    certified_amount: Pay | None = None
    not_certified_amount: Pay | None = None
    approximate: bool = Field(False, description="The source gives an amount as approximate ('about $47,200').")
    statistic: Literal["mean", "median"] | None = Field(description="null when the source does not say.")
    population: str
    applies_to: list[str] = Field(default_factory=list, description="SOC codes of the workers surveyed.")

    @model_validator(mode="after")
    def _percent_or_note(self):
        if self.percent is None and not self.note:
            raise ValueError("an unknown percent (null) needs a note saying what is missing")
        return self


class GeneralFact(Sourced):
    id: str
    text: str
    value: float | None = None


# --------------------------------------------------------------------------- who pays

FundingPart = Literal["exam", "membership", "renewal", "ceus", "study", "course"]


class FundingCap(Sourced, Dated):
    """The most a program pays a person, per period; dated when the source says when it applied."""

    amount: float | None = Field(ge=0, le=1_000_000)
    per: Literal["year", "fiscal-year", "career"] = Field(
        description="year / fiscal-year: the cap starts again each (fiscal) year; career: once per person, ever."
    )

    @model_validator(mode="after")
    def _null_needs_note(self):
        if self.amount is None and not self.note:
            raise ValueError("an unknown cap (null) needs a note saying what is missing")
        return self


class PaidPart(Sourced):
    """A cost part a program pays (exam, study materials, ...), with its own limit where the source gives one."""

    part: FundingPart
    cap: float | None = Field(None, ge=0, le=1_000_000)
    cap_per: Literal["test", "credential"] | None = Field(
        None, description="test: the cap applies to each exam attempt; credential: to the credential as a whole."
    )

    @model_validator(mode="after")
    def _cap_needs_per(self):
        if (self.cap is None) != (self.cap_per is None):
            raise ValueError("give cap and cap_per together")
        return self


class CoveredCredential(Sourced):
    """A credential a source lists for the program (e.g. on Army COOL, or flagged 'GI Bill')."""

    code: str


class Funding(Strict):
    """A program that pays part of what a credential costs (military credentialing, GI Bill, WIOA)."""

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    name: str
    kind: Literal["military", "veterans", "workforce"]
    aliases: list[str] = Field(default_factory=list, description="Other names people type for --funding.")
    who: Fact[str] = Field(description="Who qualifies, in the source's terms.")
    caps: list[FundingCap] = Field(default_factory=list, description="Dated; none in force means the cap is unknown.")
    pays_for: list[PaidPart] = Field(min_length=1)
    covers: list[CoveredCredential] = Field(
        default_factory=list,
        description="Credentials a source lists for this program; for any other the program may apply if approved.",
    )
    notes: list[Note] = []


class Catalog(Strict):
    schema_version: Literal[1]
    sources: list[Source] = Field(min_length=1)
    bodies: list[Body]
    credentials: list[Credential]
    occupations: list[Occupation] = []
    pay_differences: list[PayDifference] = []
    facts: list[GeneralFact] = []
    funding: list[Funding] = []


Sourced.model_rebuild()

# Each model is a virtual subclass of its runtime record (catalog/records.py, generated from this
# file), so core's isinstance checks accept both.
from certplan.catalog.records import register_models  # noqa: E402

register_models(globals())
