"""The after-the-exam outputs: held, ceu, renew, experience and apprentice (cli/commands/tracker.py, built by
core/ceu_status.py, core/renewal.py, core/apprentice_removal.py and output/tracker.py).

These outputs carry no ``schema_version``: they are lists of tracker records (or one small object), as
they were when their schemas were hand-written.
"""

from __future__ import annotations

from typing import Annotated, Literal, Optional, Union

from typing_extensions import TypedDict

from certplan.contract.base import CLOSED, Date, Doc, OptDate

SHA256 = "^[0-9a-f]{64}$"
Sha256 = Annotated[str, Doc(pattern=SHA256)]
# a CEU count: whole numbers are written as integers, others as decimals
Ceus = float
OptCeus = Optional[float]
LapseStatus = Literal["inactive", "cancelled", "revoked", "expired"]


class HeldRecord(TypedDict):
    __pydantic_config__ = CLOSED
    code: str
    name: Annotated[Optional[str], Doc("null when the catalog no longer has the code")]
    body: Optional[str]
    earned: Date
    cycle_start: OptDate
    apprentice: bool
    designation: Annotated[Optional[str], Doc("CPC-A / COC-A while the apprentice designation is held")]


Held = list[HeldRecord]


# ``for`` is a Python keyword, so the records that have it use TypedDict's functional form.
CeuRecord = TypedDict(
    "CeuRecord",
    {
        "id": int,
        "date": Date,
        "ceus": Annotated[Ceus, Doc(exclusiveMinimum=0)],
        "title": str,
        "provider": Optional[str],
        "approval": Optional[str],
        "category": Optional[str],
        "for": Annotated[list[str], Doc("the held credentials the CEU is recorded for")],
        "certificate": Annotated[Optional[str], Doc("absolute path of the certificate file")],
        "certificate_sha256": Annotated[Optional[str], Doc(pattern=SHA256)],
    },
)
CeuRecord.__pydantic_config__ = CLOSED  # type: ignore[attr-defined]


CeuList = list[CeuRecord]


CeuCategory = TypedDict(
    "CeuCategory",
    {
        "name": Annotated[str, Doc("the category as the body names it (e.g. auditing, specialty, hiim)")],
        "for": Annotated[list[str], Doc("the held credentials the minimum is for; empty for a body-wide rule")],
        "required": OptCeus,
        "earned": Ceus,
        "remaining": OptCeus,
        "counts": Literal["category", "provider"],
        "source": str,
    },
)
CeuCategory.__pydantic_config__ = CLOSED  # type: ignore[attr-defined]


class ExcludedCeu(TypedDict):
    __pydantic_config__ = CLOSED
    id: int
    title: str
    ceus: Ceus
    reason: str


class CeuStatusItem(TypedDict):
    __pydantic_config__ = CLOSED
    body: str
    credentials: list[str]
    cycle_start: OptDate
    cycle_end: OptDate
    required: Annotated[OptCeus, Doc("CEUs owed this cycle (prorated where the body prorates)")]
    required_full_cycle: OptCeus
    basis: str
    prorated: bool
    estimate: Annotated[bool, Doc("the proration is certplan's estimate (the body publishes no formula)")]
    earned: Ceus
    remaining: OptCeus
    categories: list[CeuCategory]
    days_left: Optional[int]
    on_track: Annotated[Optional[bool], Doc("the pace so far reaches every minimum by cycle end")]
    counted: Annotated[list[int], Doc("IDs of the CEUs that count")]
    excluded: list[ExcludedCeu]
    notes: list[str]
    sources: list[str]


CeuStatus = list[CeuStatusItem]


class Fee(TypedDict):
    __pydantic_config__ = CLOSED
    amount: Optional[float]
    what: Optional[str]
    note: Optional[str]
    source: str


class GraceAlternative(TypedDict):
    __pydantic_config__ = CLOSED
    days: Optional[int]
    what: str
    note: Optional[str]
    source: str


class LapseStep(TypedDict):
    __pydantic_config__ = CLOSED
    on: OptDate
    status: LapseStatus
    what: str
    note: Optional[str]


class RenewItem(TypedDict):
    __pydantic_config__ = CLOSED
    code: str
    body: Optional[str]
    cycle_start: OptDate
    due: OptDate
    grace_days: Optional[int]
    grace_until: OptDate
    grace_alternatives: list[GraceAlternative]
    late_fee: Optional[Fee]
    extension_fee: Optional[Fee]
    reinstatement_fee: Optional[Fee]
    lapses_on: OptDate
    lapse_status: Optional[LapseStatus]
    lapse_steps: list[LapseStep]
    reinstate_until: OptDate
    reinstate_how: Optional[str]
    notes: list[str]
    sources: list[str]


Renew = list[RenewItem]


class ExperienceRecord(TypedDict):
    __pydantic_config__ = CLOSED
    id: int
    start: Date
    end: OptDate
    kind: str
    employer: Optional[str]


Experience = list[ExperienceRecord]


class _RequirementBase(TypedDict):
    __pydantic_config__ = CLOSED
    kind: str
    text: str
    met_on: OptDate


class Requirement(_RequirementBase, total=False):
    __pydantic_config__ = CLOSED
    days_recorded: Annotated[int, Doc("experience requirements only")]
    days_needed: int


class Evidence(TypedDict):
    __pydantic_config__ = CLOSED
    kind: str
    text: str
    source: str


class RemovalOption(TypedDict):
    __pydantic_config__ = CLOSED
    id: str
    label: str
    earliest: OptDate
    met: bool
    requirements: list[Requirement]
    still_needed: list[str]
    evidence: list[Evidence]
    note: Optional[str]
    source: str


class ApprenticeItem(TypedDict):
    __pydantic_config__ = CLOSED
    code: str
    designation: str
    earned: Date
    earliest: Annotated[OptDate, Doc("the earliest day of any option")]
    options: list[RemovalOption]
    rule: str
    source: str


Apprentice = list[ApprenticeItem]


class AuditFile(TypedDict):
    __pydantic_config__ = CLOSED
    name: str
    sha256: Sha256


class AuditPack(TypedDict):
    __pydantic_config__ = CLOSED
    out: str
    on: Date
    ceus: Annotated[list[int], Doc("IDs of the CEUs in the pack")]
    files: list[AuditFile]
    problems: list[str]


class Removed(TypedDict):
    __pydantic_config__ = CLOSED
    removed: Annotated[Union[str, int], Doc("the code (held) or ID (ceu, experience) removed")]
