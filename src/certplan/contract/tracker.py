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
    code: Annotated[str, Doc("the credential (CPC for CPC-A: apprentice says which)")]
    name: Annotated[Optional[str], Doc("from the catalog; null when the catalog no longer has the code")]
    body: Annotated[Optional[str], Doc("the awarding body's code, from the catalog")]
    earned: Annotated[Date, Doc("the day the exam was passed")]
    cycle_start: Annotated[OptDate, Doc("the current cycle start as given to held add --cycle-start")]
    apprentice: Annotated[bool, Doc("held with the apprentice (-A) designation")]
    designation: Annotated[Optional[str], Doc("CPC-A / COC-A while the apprentice designation is held")]


Held = list[HeldRecord]


# ``for`` is a Python keyword, so the records that have it use TypedDict's functional form.
CeuRecord = TypedDict(
    "CeuRecord",
    {
        "id": Annotated[int, Doc("the tracker's ID of the CEU (ceu remove ID)")],
        "date": Annotated[Date, Doc("the day the activity was completed")],
        "ceus": Annotated[Ceus, Doc("CEUs awarded", exclusiveMinimum=0)],
        "title": str,
        "provider": Annotated[Optional[str], Doc("who gave it")],
        "approval": Annotated[Optional[str], Doc("approval or index number")],
        "category": Annotated[Optional[str], Doc("as the body names it; without one a CEU counts toward the total only")],
        "for": Annotated[list[str], Doc("the held credentials the CEU is recorded for")],
        "certificate": Annotated[Optional[str], Doc("absolute path of the certificate file")],
        "certificate_sha256": Annotated[Optional[str], Doc("SHA-256 of the certificate when recorded", pattern=SHA256)],
    },
)
CeuRecord.__pydantic_config__ = CLOSED  # type: ignore[attr-defined]


CeuList = list[CeuRecord]


CeuCategory = TypedDict(
    "CeuCategory",
    {
        "name": Annotated[str, Doc("the category as the body names it (e.g. auditing, specialty, hiim)")],
        "for": Annotated[list[str], Doc("the held credentials the minimum is for; empty for a body-wide rule")],
        "required": Annotated[OptCeus, Doc("the minimum; null when not known")],
        "earned": Annotated[Ceus, Doc("CEUs that count toward it")],
        "remaining": OptCeus,
        "counts": Annotated[Literal["category", "provider"], Doc("what a CEU must have to count: its category or provider")],
        "source": Annotated[str, Doc("URL of the rule's source")],
    },
)
CeuCategory.__pydantic_config__ = CLOSED  # type: ignore[attr-defined]


class ExcludedCeu(TypedDict):
    __pydantic_config__ = CLOSED
    id: int
    title: str
    ceus: Ceus
    reason: Annotated[str, Doc("why it does not count (e.g. dated outside the cycle)")]


class CeuStatusItem(TypedDict):
    __pydantic_config__ = CLOSED
    body: Annotated[str, Doc("the body whose cycle this is")]
    credentials: Annotated[list[str], Doc("the held credentials of that body")]
    cycle_start: OptDate
    cycle_end: OptDate
    required: Annotated[OptCeus, Doc("CEUs owed this cycle (prorated where the body prorates)")]
    required_full_cycle: OptCeus
    basis: Annotated[str, Doc("where required comes from, in words")]
    prorated: bool
    estimate: Annotated[bool, Doc("the proration is certplan's estimate (the body publishes no formula)")]
    earned: Annotated[Ceus, Doc("CEUs that count this cycle")]
    remaining: Annotated[OptCeus, Doc("required less earned, never below 0")]
    categories: Annotated[list[CeuCategory], Doc("category minimums")]
    days_left: Annotated[Optional[int], Doc("days from the day asked to the cycle end")]
    on_track: Annotated[Optional[bool], Doc("the pace so far reaches every minimum by cycle end")]
    counted: Annotated[list[int], Doc("IDs of the CEUs that count")]
    excluded: Annotated[list[ExcludedCeu], Doc("the CEUs that do not count, with the reason")]
    notes: list[str]
    sources: Annotated[list[str], Doc("URLs of the rules used")]


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
    due: Annotated[OptDate, Doc("the cycle end: requirements are due")]
    grace_days: Annotated[Optional[int], Doc("the grace period certplan uses, in days after due")]
    grace_until: OptDate
    grace_alternatives: Annotated[list[GraceAlternative], Doc("other (conflicting) grace figures, not used")]
    late_fee: Optional[Fee]
    extension_fee: Optional[Fee]
    reinstatement_fee: Optional[Fee]
    lapses_on: Annotated[OptDate, Doc("the day of the last dated lapse step, when requirements are unmet")]
    lapse_status: Annotated[Optional[LapseStatus], Doc("the status on lapses_on")]
    lapse_steps: Annotated[list[LapseStep], Doc("what happens after due, step by step")]
    reinstate_until: Annotated[OptDate, Doc("the last day to reinstate, when the body says")]
    reinstate_how: Optional[str]
    notes: Annotated[list[str], Doc("what is not recorded or assumed")]
    sources: Annotated[list[str], Doc("URLs of the rules used")]


Renew = list[RenewItem]


class ExperienceRecord(TypedDict):
    __pydantic_config__ = CLOSED
    id: Annotated[int, Doc("the tracker's ID of the period (experience remove ID)")]
    start: Annotated[Date, Doc("first day")]
    end: Annotated[OptDate, Doc("last day; null while it goes on")]
    kind: Annotated[str, Doc("coding, billing, ... (the eligibility experience kinds)")]
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
    earliest: Annotated[OptDate, Doc("the day the last requirement is met (not before earned); null while one has no date")]
    met: Annotated[bool, Doc("earliest is on or before the day asked")]
    requirements: list[Requirement]
    still_needed: list[str]
    evidence: Annotated[list[Evidence], Doc("what the body asks to see")]
    note: Optional[str]
    source: str


class ApprenticeItem(TypedDict):
    __pydantic_config__ = CLOSED
    code: str
    designation: Annotated[str, Doc("e.g. CPC-A")]
    earned: Date
    earliest: Annotated[OptDate, Doc("the earliest day of any option")]
    options: Annotated[list[RemovalOption], Doc("the body's ways to remove the designation")]
    rule: str
    source: str


Apprentice = list[ApprenticeItem]


class AuditFile(TypedDict):
    __pydantic_config__ = CLOSED
    name: str
    sha256: Sha256


class AuditPack(TypedDict):
    __pydantic_config__ = CLOSED
    out: Annotated[str, Doc("the zip file written")]
    on: Annotated[Date, Doc("the day whose cycle the pack covers")]
    ceus: Annotated[list[int], Doc("IDs of the CEUs in the pack")]
    files: Annotated[list[AuditFile], Doc("the files in the zip, with their SHA-256")]
    problems: Annotated[list[str], Doc("certificates missing or changed since they were recorded")]


class Removed(TypedDict):
    __pydantic_config__ = CLOSED
    removed: Annotated[Union[str, int], Doc("the code (held) or ID (ceu, experience) removed")]
