"""Study plans: a week-by-week schedule from a start date to an exam date.

Pure functions over catalog models, a :class:`Profile` and ``today``; no I/O.  The same
inputs always give the same plan.

Facts (study hours, exam length, domains, fees, references, CEUs) come from the catalog
with their sources.  Everything else is one of certplan's planning rules, named in the
constants below and said in the output wherever it is used (never presented as a fact):

- study hours: the catalog's ``exam.study_hours``; without a figure, certplan's planning
  default (``DEFAULT_STUDY_HOURS``), labelled as such, with a warning;
- profile adjustments (``ADJUSTMENT_RULES``): experience, related credentials held and
  completed coursework reduce the hours; newcomers get foundations weeks first;
- added on top of the study hours: foundations for newcomers, two full timed practice
  exams at the exam's real length (plus the same time to go over each), and code-book
  preparation for open-book exams;
- domains get time in proportion to their published weights (or question counts); evenly
  where none are published;
- the exam is booked ``book_ahead_weeks`` weeks before the exam date.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Any

from certplan.catalog.records import (
    Catalog,
    ClinicalHoursReq,
    CourseReq,
    Credential,
    CredentialReq,
    EducationReq,
    ExperienceReq,
    MembershipReq,
    OtherReq,
    Pathway,
    PracticodeReq,
    ProgramReq,
)
from certplan.core import ceu, cost, eligibility, words
from certplan.core.eligibility import Profile

SCHEMA_VERSION = 1

# --------------------------------------------------------------------------- certplan's planning rules

DEFAULT_HOURS_PER_WEEK = 10.0
DEFAULT_STUDY_HOURS = 80.0  # used only when the catalog has no study-hour figure, and labelled so
DEFAULT_BOOK_AHEAD_WEEKS = 6
MIN_HOURS_PER_WEEK = 0.5
MAX_REQUEST_HOURS_PER_WEEK = 80.0  # more than this is refused as a typo
MAX_HOURS_PER_WEEK = 40.0  # the most certplan plans when it has to compute the weekly hours
HEAVY_HOURS_PER_WEEK = 20.0  # above this a computed weekly load gets a warning
MAX_WEEKS = 156  # three years
STEP_MINUTES = 30  # weekly hours are computed in half-hour steps
UNIT_MINUTES = 30  # domain and review time is shared out in half-hour units

FOUNDATIONS = (("Medical terminology", 20), ("Anatomy and physiology", 20))
FOUNDATION_FOCUS = {"coding", "auditing", "documentation", "scribe"}  # others get terminology only
NEWCOMER_KINDS = {"coding", "billing", "auditing", "compliance", "cdi", "clinical", "scribe", "healthcare", "him"}
NEWCOMER_MAX_YEARS = 1.0
NEWCOMER_MAX_COURSE_HOURS = 80

EXPERIENCE_YEARS = 2.0
EXPERIENCE_FACTOR = 0.75
CREDENTIAL_FACTOR = 0.75
COURSE_CAP_SHARE = 0.25
FLOOR_SHARE = 0.5

PRACTICE_EXAMS = 2
DEFAULT_EXAM_MINUTES = 240  # placeholder length when the catalog does not give the exam's length
BOOK_PREP_HOURS = 6
REVIEW_SHARE = 0.15
REVIEW_SPLIT = (0.5, 0.3, 0.2)  # before practice exam 1, between the two, after practice exam 2
PRACTICE_DAY_OFFSET = 5  # the practice exam sits on day 6 of its week (a Saturday for Monday weeks)

# Experience kinds that count as experience "in the field" of a credential's focus.
FOCUS_KINDS = {
    "coding": ("coding", "auditing", "cdi", "him"),
    "billing": ("billing", "coding"),
    "auditing": ("auditing", "coding", "compliance"),
    "compliance": ("compliance", "auditing"),
    "documentation": ("cdi", "coding", "clinical", "scribe"),
    "management": ("management", "billing"),
    "scribe": ("scribe", "clinical"),
    "data": ("data-analytics", "him"),
    "privacy": ("privacy-security", "him", "compliance"),
}

ADJUSTMENT_RULES = {
    "foundations": (
        f"newcomers (no credential held, under {NEWCOMER_MAX_YEARS:g} year of healthcare experience and under "
        f"{NEWCOMER_MAX_COURSE_HOURS} hours of coursework) start with foundations: "
        + ", ".join(f"{n} {h} h" for n, h in FOUNDATIONS)
        + " (terminology only for billing, management, data and privacy credentials)"
    ),
    "experience": (
        f"{EXPERIENCE_YEARS:g}+ years of experience in the credential's field: study hours x{EXPERIENCE_FACTOR:g}"
    ),
    "credential": f"holding a current credential with the same focus: study hours x{CREDENTIAL_FACTOR:g}",
    "course": f"completed coursework: minus its hours, at most {COURSE_CAP_SHARE:.0%} of the study hours",
    "floor": f"adjusted study hours never go below {FLOOR_SHARE:.0%} of the unadjusted figure",
}

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class PlanError(ValueError):
    """The request cannot be planned (bad input or an impossible goal): exit 2 with this message."""


# --------------------------------------------------------------------------- dates


def parse_date(text: str, option: str) -> dt.date:
    """A strict YYYY-MM-DD date (2027-02-30 and 2027-2-3 are refused)."""
    s = (text or "").strip()
    if not DATE_RE.match(s):
        raise PlanError(f"{option} {text!r} is not a date; use YYYY-MM-DD, e.g. 2027-01-04")
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        raise PlanError(f"{option} {text!r} is not a real calendar date") from None


def next_monday(day: dt.date) -> dt.date:
    """``day`` if it is a Monday, else the Monday after it."""
    return day + dt.timedelta(days=(7 - day.weekday()) % 7)


def add_months(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def add_years(day: dt.date, years: int) -> dt.date:
    return add_months(day, 12 * years)


def hours_of(minutes: int) -> float | int:
    h = round(minutes / 60, 2)
    return int(h) if float(h).is_integer() else h


def hours_text(minutes: int) -> str:
    return f"{hours_of(minutes):g} h"


def round_units(minutes: float, unit: int = UNIT_MINUTES) -> int:
    return int(math.floor(minutes / unit + 0.5)) * unit


# --------------------------------------------------------------------------- study hours


def base_hours(cred: Credential, urls: dict[str, str]) -> dict[str, Any]:
    """The catalog's study-hour figure, or certplan's labelled planning default."""
    f = cred.exam.study_hours if cred.exam else None
    if f is not None and f.value is not None:
        src = urls.get(f.source)
        if f.estimate:
            basis = f"{f.value:g} hours: an estimate in the catalog ({f.note})"
        else:
            basis = f"{f.value:g} hours, from the catalog" + (f" ({f.note})" if f.note else "")
        return {
            "value": float(f.value),
            "estimate": bool(f.estimate),
            "certplan_default": False,
            "source": src,
            "note": f.note,
            "basis": basis,
        }
    note = f.note if f is not None else "the catalog has no study-hour entry for this credential"
    return {
        "value": DEFAULT_STUDY_HOURS,
        "estimate": True,
        "certplan_default": True,
        "source": urls.get(f.source) if f is not None else None,
        "note": note,
        "basis": f"no sourced figure ({note}); certplan's planning default of {DEFAULT_STUDY_HOURS:g} hours",
    }


def related_kinds(cred: Credential) -> list[str]:
    kinds: list[str] = []
    for focus in cred.focus or ["coding"]:
        for k in FOCUS_KINDS.get(focus, ()):
            if k not in kinds:
                kinds.append(k)
    return kinds


def is_newcomer(person: Profile, held_current: list[Credential]) -> bool:
    if held_current or person.held:
        return False
    if person.course_hours >= NEWCOMER_MAX_COURSE_HOURS:
        return False
    if person.experience_years >= NEWCOMER_MAX_YEARS and set(person.experience_kinds) & NEWCOMER_KINDS:
        return False
    return True


def adjust(
    cred: Credential, cat: Catalog, person: Profile, base: float
) -> tuple[int, list[dict[str, Any]], list[tuple[str, int]]]:
    """Adjusted study minutes, the adjustments made (each explained) and the foundations to add."""
    adjustments: list[dict[str, Any]] = []
    by_code = {c.code.upper(): c for c in cat.credentials}
    held_codes = [c for c in eligibility.held_set(cat, person.held) if c in by_code]
    held_current = [by_code[c] for c in sorted(held_codes) if by_code[c].status == "current"]
    hours = base
    kinds = related_kinds(cred)
    mine = [k for k in person.experience_kinds if k in kinds]
    if person.experience_years >= EXPERIENCE_YEARS and mine:
        new = hours * EXPERIENCE_FACTOR
        adjustments.append(
            {
                "rule": "experience",
                "hours": round(new - hours, 2),
                "reason": f"{words.years_words(person.experience_years)} of {', '.join(mine)} experience: "
                f"{ADJUSTMENT_RULES['experience']}",
            }
        )
        hours = new
    target_focus = set(cred.focus or ["coding"])
    related = [c for c in held_current if c.code != cred.code and set(c.focus or ["coding"]) & target_focus]
    if related:
        new = hours * CREDENTIAL_FACTOR
        adjustments.append(
            {
                "rule": "credential",
                "hours": round(new - hours, 2),
                "reason": f"you hold {', '.join(c.code for c in related)}: {ADJUSTMENT_RULES['credential']}",
            }
        )
        hours = new
    if person.course_hours > 0:
        cut = min(float(person.course_hours), base * COURSE_CAP_SHARE)
        adjustments.append(
            {
                "rule": "course",
                "hours": round(-cut, 2),
                "reason": f"{person.course_hours} hours of coursework completed: {ADJUSTMENT_RULES['course']}",
            }
        )
        hours -= cut
    if hours < base * FLOOR_SHARE:
        adjustments.append(
            {
                "rule": "floor",
                "hours": round(base * FLOOR_SHARE - hours, 2),
                "reason": ADJUSTMENT_RULES["floor"],
            }
        )
        hours = base * FLOOR_SHARE
    minutes = round_units(hours * 60, 60)  # whole hours
    foundations: list[tuple[str, int]] = []
    if is_newcomer(person, held_current):
        clinical = not cred.focus or bool(set(cred.focus) & FOUNDATION_FOCUS)
        foundations = [(n, h) for n, h in FOUNDATIONS if clinical or n == "Medical terminology"]
        adjustments.append(
            {
                "rule": "foundations",
                "hours": sum(h for _, h in foundations),
                "reason": "no credential, little healthcare experience and little coursework in your profile: "
                + ADJUSTMENT_RULES["foundations"],
            }
        )
    return minutes, adjustments, foundations


# --------------------------------------------------------------------------- domains


OTHER_CONTENT = "Other exam content (not itemised in the catalog)"


def domain_shares(cred: Credential) -> tuple[list[dict[str, Any]], str, bool]:
    """Each domain's share of the domain hours, how the shares were set, and whether it is an even split."""
    exam = cred.exam
    doms = exam.domains if exam else []
    q_total = exam.questions.value if exam else None
    if not doms:
        return (
            [{"name": "Exam content", "weight_percent": None, "questions": None, "share_percent": 100.0}],
            "the catalog lists no content domains for this exam: the domain hours go to its content as a whole",
            True,
        )
    figs: list[float | None] = []
    used_questions = False
    for d in doms:
        if d.weight_percent is not None:
            figs.append(float(d.weight_percent))
        elif d.questions is not None and q_total:
            figs.append(100.0 * d.questions / q_total)
            used_questions = True
        else:
            figs.append(None)
    known = [f for f in figs if f is not None]
    rows = [{"name": d.name, "weight_percent": d.weight_percent, "questions": d.questions} for d in doms]
    what = "published weights" + (" and question counts" if used_questions else "")
    if all(d.weight_percent is None for d in doms) and used_questions:
        what = "published question counts"
    even = False
    if not known:
        shares = [100.0 / len(doms)] * len(doms)
        basis = "no weights are published for these domains: each gets the same time (an even split, not a weighting)"
        even = True
    elif len(known) == len(figs):
        total = sum(known)
        if total < 99.5:
            rows.append({"name": OTHER_CONTENT, "weight_percent": round(100 - total, 2), "questions": None})
            figs.append(100 - total)
            basis = (
                f"in proportion to the {what}; the listed domains cover {total:g}% of the exam, the remaining "
                f"{100 - total:g}% is planned as other exam content"
            )
        elif total > 100.5:
            basis = f"in proportion to the {what} (they add up to {total:g}%, so they are scaled to 100%)"
        else:
            basis = f"in proportion to the {what}"
        shares = [f / sum(figs) * 100 for f in figs]  # type: ignore[operator]
    else:
        missing = len(figs) - len(known)
        remainder = 100 - sum(known)
        if remainder > 0.5:
            fill = remainder / missing
            basis = (
                f"in proportion to the {what}; the {missing} domain(s) without a published figure share the "
                f"remaining {remainder:g}% evenly"
            )
        else:
            fill = sum(known) / len(known)
            basis = (
                f"in proportion to the {what}; the {missing} domain(s) without a published figure get the average "
                "of the others"
            )
        figs = [fill if f is None else f for f in figs]
        shares = [f / sum(figs) * 100 for f in figs]  # type: ignore[operator,arg-type]
    for r, s in zip(rows, shares):
        r["share_percent"] = round(s, 2)
    return rows, basis, even


def share_out(total: int, shares: list[float], unit: int = UNIT_MINUTES) -> list[int]:
    """Split ``total`` minutes by ``shares`` in whole units (largest remainder; ties go to the first)."""
    units = total // unit
    raw = [units * s / sum(shares) for s in shares] if sum(shares) else [0.0] * len(shares)
    got = [int(math.floor(r)) for r in raw]
    left = units - sum(got)
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i] - got[i]), i))
    for i in order[:left]:
        got[i] += 1
    out = [g * unit for g in got]
    if out:
        out[-1] += total - units * unit
    return out


# --------------------------------------------------------------------------- tasks and weeks


@dataclass
class Task:
    name: str
    kind: str  # prerequisite, foundations, domain, code-books, review, practice-exam, practice-review
    minutes: int
    whole: bool = False  # one sitting: never split across weeks
    practice: int = 0  # practice exam number, for the sittings


@dataclass
class Week:
    parts: list[tuple[Task, int]] = field(default_factory=list)

    @property
    def minutes(self) -> int:
        return sum(m for _, m in self.parts)


def fill(tasks: list[Task], cap: int) -> list[Week]:
    """Lay tasks into weeks of ``cap`` minutes, in order; a one-sitting task is never split and two practice
    exams never share a week."""
    weeks: list[Week] = []
    cur = Week()

    def close() -> None:
        nonlocal cur
        if cur.parts:
            weeks.append(cur)
        cur = Week()

    for t in tasks:
        if t.minutes <= 0:
            continue
        if t.whole:
            has_practice = any(p.practice for p, _ in cur.parts)
            if cur.parts and (cur.minutes + t.minutes > cap or (t.practice and has_practice)):
                close()
            cur.parts.append((t, t.minutes))
            if cur.minutes >= cap:
                close()
            continue
        left = t.minutes
        while left > 0:
            take = min(left, cap - cur.minutes)
            if take <= 0:
                close()
                continue
            cur.parts.append((t, take))
            left -= take
            if cur.minutes >= cap:
                close()
        if len(weeks) > MAX_WEEKS * 4:  # a tiny weekly budget: stop, the caller refuses it
            break
    close()
    return weeks


FINAL_KINDS = ("review", "practice-exam", "practice-review")


def weeks_needed(content: list[Task], final: list[Task], cap: int) -> int:
    return len(fill(content + final, cap))


def layout(content: list[Task], final: list[Task], cap: int, n_weeks: int | None = None) -> list[Week | None]:
    """The weeks in order; ``None`` is a buffer week.  With room to spare the review phase starts on a week of
    its own and the spare weeks come just before it; otherwise the tasks run on without a gap."""
    if n_weeks is not None:
        c, f = fill(content, cap), fill(final, cap)
        if len(c) + len(f) <= n_weeks:
            return [*c, *([None] * (n_weeks - len(c) - len(f))), *f]
    weeks: list[Week | None] = list(fill(content + final, cap))
    if n_weeks is None or len(weeks) >= n_weeks:
        return weeks
    first = next(
        (i for i, w in enumerate(weeks) if w is not None and any(t.kind in FINAL_KINDS for t, _ in w.parts)),
        len(weeks),
    )
    return [*weeks[:first], *([None] * (n_weeks - len(weeks))), *weeks[first:]]


def min_cap(content: list[Task], final: list[Task], n_weeks: int, lo: int, hi: int) -> int | None:
    """The smallest weekly budget (half-hour steps from ``lo``) that fits in ``n_weeks``, or None up to ``hi``."""
    total = sum(t.minutes for t in content + final)
    start = max(lo, int(math.ceil(total / max(n_weeks, 1) / STEP_MINUTES)) * STEP_MINUTES, STEP_MINUTES)
    cap = start
    while cap <= hi:
        if weeks_needed(content, final, cap) <= n_weeks:
            return cap
        cap += STEP_MINUTES
    return None


# --------------------------------------------------------------------------- eligibility for the plan


HARD = (EducationReq, ProgramReq, CredentialReq, ClinicalHoursReq)


@dataclass
class PathwayPlan:
    pathway: Pathway
    index: int
    hard: list[str] = field(default_factory=list)  # cannot be met by a study plan
    confirm: list[str] = field(default_factory=list)  # certplan cannot check: the person confirms
    courses: list[CourseReq] = field(default_factory=list)
    practicode: bool = False
    months: int = 0  # months of experience still to gain
    experience: list[str] = field(default_factory=list)
    membership: list[str] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)
    credentials_needed: list[str] = field(default_factory=list)

    def key(self) -> tuple:
        items = len(self.confirm) + len(self.courses) + int(self.practicode)
        return (bool(self.hard), self.months > 0, items, self.months, self.index)


def _one(p: Pathway, req) -> Pathway:
    return Pathway.model_construct(id=p.id, label=p.label, requirements=[req], source=p.source, note=None, conflicts=[])


def pathway_plans(cred: Credential, person: Profile, cat: Catalog) -> list[PathwayPlan]:
    held = eligibility.held_set(cat, person.held)
    out = []
    for i, p in enumerate(cred.eligibility.pathways if cred.eligibility else []):
        pp = PathwayPlan(p, i)
        for req in p.requirements:
            chk = eligibility.check_pathway(_one(p, req), person, held)
            if isinstance(req, MembershipReq):
                pp.membership.extend(chk.to_do)
                continue
            if isinstance(req, OtherReq) and req.check == "step":
                pp.steps.extend(chk.to_do)
                continue
            if not chk.missing:
                continue
            if isinstance(req, HARD):
                pp.hard.extend(chk.missing)
                if isinstance(req, CredentialReq):
                    pp.credentials_needed.extend(req.any_of)
            elif isinstance(req, ExperienceReq):
                pp.months = max(pp.months, chk.experience_months)
                pp.experience.extend(chk.missing)
            elif isinstance(req, CourseReq):
                pp.courses.append(req)
            elif isinstance(req, PracticodeReq):
                pp.practicode = True
            elif isinstance(req, OtherReq):
                pp.confirm.append(req.text)
        out.append(pp)
    return out


# --------------------------------------------------------------------------- the plan


@dataclass
class Request:
    start: dt.date | None = None
    exam_date: dt.date | None = None
    weeks: int | None = None
    hours_per_week: float | None = None
    book_ahead_weeks: int = DEFAULT_BOOK_AHEAD_WEEKS
    assume_eligible: bool = False  # the person confirmed with the body what certplan cannot check


def check_request(req: Request, today: dt.date) -> tuple[dt.date, bool]:
    """Validate the request; return the start date and whether it was the default."""
    if req.exam_date is not None and req.weeks is not None:
        raise PlanError("give --exam-date or --weeks, not both")
    h = req.hours_per_week
    if h is not None:
        if not math.isfinite(h) or h <= 0:
            raise PlanError(f"--hours-per-week must be more than 0 (got {h:g})")
        if h < MIN_HOURS_PER_WEEK:
            raise PlanError(f"--hours-per-week must be at least {MIN_HOURS_PER_WEEK:g} (got {h:g})")
        if h > MAX_REQUEST_HOURS_PER_WEEK:
            raise PlanError(f"--hours-per-week {h:g} is more than {MAX_REQUEST_HOURS_PER_WEEK:g} hours a week")
    if req.weeks is not None and not 1 <= req.weeks <= MAX_WEEKS:
        raise PlanError(f"--weeks must be from 1 to {MAX_WEEKS} (got {req.weeks})")
    if not 0 <= req.book_ahead_weeks <= 52:
        raise PlanError(f"--book-ahead must be from 0 to 52 weeks (got {req.book_ahead_weeks})")
    start = req.start if req.start is not None else next_monday(today)
    if req.weeks is not None and start + dt.timedelta(days=7 * req.weeks) <= today:
        raise PlanError(
            f"with --start {start} and --weeks {req.weeks} the exam date would be "
            f"{start + dt.timedelta(days=7 * req.weeks)}, in the past (today is {today})"
        )
    if req.exam_date is not None:
        if req.exam_date < today:
            raise PlanError(f"the exam date {req.exam_date} is in the past (today is {today})")
        if req.exam_date <= start:
            raise PlanError(f"the start date {start} is not before the exam date {req.exam_date}")
        if (req.exam_date - start).days < 7:
            raise PlanError(
                f"there is less than one full week between the start ({start}) and the exam ({req.exam_date})"
            )
        if (req.exam_date - start).days > MAX_WEEKS * 7 + 6:
            raise PlanError(f"the exam date {req.exam_date} is more than {MAX_WEEKS} weeks after the start {start}")
    return start, req.start is None


def build(cred: Credential, cat: Catalog, person: Profile, req: Request, today: dt.date) -> dict[str, Any]:
    """The study plan for one credential (the ``plan --json`` object). Raises PlanError when it cannot be made."""
    if cred.status != "current" or cred.exam is None:
        where = ", ".join(cred.see_also or ([cred.replaced_by] if cred.replaced_by else []))
        raise PlanError(
            f"{cred.code} is {cred.status}; it cannot be earned, so there is nothing to plan"
            + (f" (see {where})" if where else "")
        )
    start, start_default = check_request(req, today)
    urls = {s.id: s.url for s in cat.sources}
    exam = cred.exam
    warnings: list[str] = []
    notes: list[str] = []
    if start_default:
        notes.append(f"no --start given: the plan starts on the next Monday on or after today ({start})")
    if start < today:
        warnings.append(f"the start date {start} is in the past")

    # ---- eligibility
    ev = eligibility.evaluate(cred, person, cat, urls)
    plans = pathway_plans(cred, person, cat)
    chosen = min(plans, key=PathwayPlan.key) if plans else None
    if ev["status"] == "not-eligible" and (chosen is None or chosen.hard):
        missing = chosen.hard if chosen else ev["missing"]
        text = f"you are not eligible for {cred.code}, and a study plan cannot change that: needs " + "; ".join(missing)
        first = [c for c in (chosen.credentials_needed if chosen else []) if c.upper() != cred.code.upper()]
        if first:
            text += f". Plan that first, e.g. 'certplan plan {first[0]}'"
        raise PlanError(text)
    if ev["status"] == "not-eligible" and chosen.confirm and not req.assume_eligible:
        blocked = [p for p in sorted(plans, key=PathwayPlan.key) if p.hard]
        if blocked:
            raise PlanError(
                f"you are not eligible for {cred.code} by the rules certplan can check: needs "
                + "; ".join(blocked[0].hard)
                + f". The other route needs what certplan cannot check ({'; '.join(chosen.confirm)}); if that "
                f"applies to you, confirm it with {cred.body} and re-run with --assume-eligible"
            )
    if ev["advice"] and any(a.startswith("you already hold") for a in ev["advice"]):
        warnings.append(f"you already hold {cred.code}")

    # ---- hours
    base = base_hours(cred, urls)
    if base["certplan_default"]:
        warnings.append(
            f"the catalog has no study-hour figure for {cred.code}: the plan uses certplan's planning default "
            f"of {DEFAULT_STUDY_HOURS:g} hours, not a sourced figure"
        )
    study_min, adjustments, foundations = adjust(cred, cat, person, base["value"])
    exam_min_known = exam.duration_minutes.value
    exam_min = exam_min_known or DEFAULT_EXAM_MINUTES
    if exam_min_known is None:
        warnings.append(
            f"the catalog does not give the exam's length: each practice exam is planned at "
            f"{DEFAULT_EXAM_MINUTES // 60} hours (certplan's placeholder); check the body's page"
        )
    review_min = round_units(study_min * REVIEW_SHARE)
    domain_min = study_min - review_min
    rows, weighting, even = domain_shares(cred)
    if even and exam.domains:
        warnings.append("no domain weights are published for this exam: the domains get equal time")
    elif not exam.domains:
        notes.append(
            f"the catalog lists no content domains for the {cred.code} exam: its content is planned as one block"
        )
    dmins = share_out(domain_min, [r["share_percent"] for r in rows])
    for r, m in zip(rows, dmins):
        r["hours"] = hours_of(m)
    open_book = exam.open_book.value
    book_min = BOOK_PREP_HOURS * 60 if open_book else 0

    # ---- tasks
    content: list[Task] = []
    prereq_tasks = []
    if chosen is not None and ev["status"] == "not-eligible":
        for c in chosen.courses:
            t = Task(f"Required course: {words.requirement(c)}", "prerequisite", c.hours * 60)
            prereq_tasks.append(t)
    content += prereq_tasks
    content += [Task(n, "foundations", h * 60) for n, h in foundations]
    content += [Task(r["name"], "domain", m) for r, m in zip(rows, dmins)]
    refs = exam.references.value or []
    if book_min:
        content.append(
            Task(
                "Code books: tab and annotate them as the exam allows",
                "code-books",
                book_min,
            )
        )
    r1 = round_units(review_min * REVIEW_SPLIT[0])
    r2 = round_units(review_min * REVIEW_SPLIT[1])
    r3 = review_min - r1 - r2
    q = exam.questions.value
    sitting = f"{q} questions" if q else "the full question set (count unknown)"
    final: list[Task] = [Task("Review: all domains, weakest first", "review", r1)]
    for n in range(1, PRACTICE_EXAMS + 1):
        final.append(
            Task(
                f"Practice exam {n} of {PRACTICE_EXAMS}: full and timed, {sitting} in {exam_min} minutes",
                "practice-exam",
                exam_min,
                whole=True,
                practice=n,
            )
        )
        final.append(Task(f"Go over practice exam {n}: every wrong or guessed answer", "practice-review", exam_min))
        if n == 1:
            final.append(Task("Review: the domains practice exam 1 showed weak", "review", r2))
    final.append(Task("Final review: guidelines, your tabs and notes", "review", r3))
    total_min = sum(t.minutes for t in content + final)

    # ---- weekly hours and exam date
    requested = req.hours_per_week
    req_cap = None if requested is None else max(1, int(round(requested * 60)))
    default_cap = int(DEFAULT_HOURS_PER_WEEK * 60)
    plain_cap = req_cap or default_cap
    feas: dict[str, Any] = {"status": "ok"}
    if req.exam_date is not None or req.weeks is not None:
        exam_date = req.exam_date if req.exam_date is not None else start + dt.timedelta(days=7 * req.weeks)
        n_weeks = (exam_date - start).days // 7
        feas["weeks_available"] = n_weeks
        at_plain = weeks_needed(content, final, plain_cap)
        earliest = start + dt.timedelta(days=7 * at_plain)
        feas["weeks_needed_at_hours"] = at_plain
        feas["earliest_exam_date_at_hours"] = earliest.isoformat()
        if req_cap is not None and at_plain <= n_weeks:
            cap = req_cap
            basis_h = "as asked"
        else:
            lo = STEP_MINUTES if req_cap is None else (req_cap // STEP_MINUTES + 1) * STEP_MINUTES
            hi = int(max(MAX_HOURS_PER_WEEK * 60, req_cap or 0))
            cap = min_cap(content, final, n_weeks, lo, hi)
            h_plain = hours_of(plain_cap)
            if cap is None:
                raise PlanError(
                    f"{cred.code} cannot be prepared by {exam_date}: {hours_text(total_min)} of study in {n_weeks} "
                    f"week(s) needs more than {hours_of(hi):g} hours a week. At {h_plain:g} h/week the earliest "
                    f"realistic exam date is {earliest} ({at_plain} weeks from {start})"
                )
            feas["hours_per_week_needed"] = hours_of(cap)
            if req_cap is not None:
                feas["status"] = "tight"
                basis_h = f"raised from the {hours_of(req_cap):g} h asked, to fit before the exam"
                warnings.append(
                    f"tight: at {hours_of(req_cap):g} h/week the plan needs {at_plain} weeks but only {n_weeks} "
                    f"are before {exam_date}; you need {hours_of(cap):g} h/week, or move the exam to {earliest} "
                    "or later"
                )
            else:
                basis_h = "computed: the least that fits before the exam date"
                if cap > HEAVY_HOURS_PER_WEEK * 60:
                    feas["status"] = "tight"
                    warnings.append(
                        f"tight: fitting this plan before {exam_date} needs {hours_of(cap):g} h/week, more than a "
                        f"part-time load ({HEAVY_HOURS_PER_WEEK:g} h); at {h_plain:g} h/week the earliest realistic "
                        f"exam date is {earliest}"
                    )
        laid = layout(content, final, cap, n_weeks)
    else:
        cap = plain_cap
        basis_h = "as asked" if req_cap is not None else f"certplan's default of {DEFAULT_HOURS_PER_WEEK:g} h/week"
        laid = layout(content, final, cap)
        n_weeks = len(laid)
        if n_weeks > MAX_WEEKS:
            raise PlanError(
                f"at {hours_of(cap):g} h/week the plan takes {n_weeks} weeks, more than {MAX_WEEKS}; "
                "give more --hours-per-week"
            )
        exam_date = start + dt.timedelta(days=7 * n_weeks)
        feas["weeks_needed_at_hours"] = n_weeks
    if exam_date <= today:
        raise PlanError(
            f"the exam date would be {exam_date}, not after today ({today}); give a later --start or --exam-date"
        )
    buffer = sum(w is None for w in laid)
    if any(t.practice and m > cap for w in laid if w is not None for t, m in w.parts):
        warnings.append(
            f"a full timed practice exam is one sitting of {hours_text(exam_min)}, more than {hours_text(cap)} a "
            "week: those weeks have more hours"
        )
    if buffer > 4:
        fit = min_cap(content, final, n_weeks, STEP_MINUTES, cap)
        warnings.append(
            f"the study is done {buffer} weeks before the final review at {hours_text(cap)}/week; "
            + (f"{hours_of(fit):g} h/week would spread it to the exam date" if fit else "consider a later start")
        )

    # ---- eligibility dates and registration
    eligible_from = None
    prereqs: list[dict[str, Any]] = []
    if chosen is not None and ev["status"] == "not-eligible":
        if chosen.months:
            eligible_from = add_months(today, chosen.months)
            if eligible_from > exam_date:
                raise PlanError(
                    f"you are not eligible for {cred.code} by {exam_date}: needs "
                    + "; ".join(chosen.experience)
                    + f". You could sit it from about {eligible_from} if you keep gaining that experience; "
                    f"plan for an exam date on or after that (--exam-date)"
                )
            warnings.append(
                f"not eligible yet: {'; '.join(chosen.experience)}; about {eligible_from} if you keep gaining it "
                "(this plan assumes you do)"
            )
        for c in chosen.courses:
            prereqs.append({"kind": "course", "text": f"complete {words.requirement(c)}", "hours": c.hours})
        if chosen.practicode:
            prereqs.append(
                {"kind": "practicode", "text": "complete Practicode (its hours are not in the catalog)", "hours": None}
            )
        for text in chosen.confirm:
            prereqs.append({"kind": "confirm", "text": f"confirm with {cred.body}: {text}", "hours": None})
            warnings.append(f"certplan cannot check this requirement; confirm it with {cred.body}: {text}")
    membership_todo = [t for t in ev["to_do"] if t.lower().startswith("join ")]
    step_todo = [t for t in ev["to_do"] if t not in membership_todo]
    for t in membership_todo:
        prereqs.insert(0, {"kind": "membership", "text": t, "hours": None})

    book_ahead = req.book_ahead_weeks
    register = exam_date - dt.timedelta(days=7 * book_ahead)
    if eligible_from is not None and register < eligible_from:
        register = eligible_from
    if register < start:
        register = start
        warnings.append(
            f"book the exam now: there are fewer than {book_ahead} weeks (certplan's booking lead) before {exam_date}"
        )

    # ---- weeks as data
    year = exam_date.year
    code_books = {
        "year": year,
        "open_book": open_book,
        "references": list(refs),
        "allowed": exam.open_book.note,
        "references_note": exam.references.note,
        "source": urls.get(exam.references.source) or urls.get(exam.open_book.source),
        "tabbing_and_notes": "the catalog has no sourced rule on tabs, highlighting or handwritten notes; check "
        f"{cred.body}'s exam-day rules before marking your books",
        "hours": hours_of(book_min),
        "notes": book_notes(cat, cred, refs, urls),
    }
    milestones: list[dict[str, Any]] = []

    def ms(date: dt.date, kind: str, title: str, detail: str | None = None, source: str | None = None) -> None:
        milestones.append({"date": date.isoformat(), "kind": kind, "title": title, "detail": detail, "source": source})

    for p in prereqs:
        ms(start, "prerequisite", p["text"][:1].upper() + p["text"][1:])
    if open_book:
        ms(
            start,
            "code-books",
            f"Get the {year} code books: " + ("; ".join(refs) if refs else "the body's approved list (not in catalog)"),
            f"Buy the editions in force for an exam in {year}; {cred.body}'s approved-edition list decides."
            + (f" {exam.open_book.note}" if exam.open_book.note else "")
            + (f" {exam.references.note}" if exam.references.note else "")
            + "".join(f" {n['text']}" for n in code_books["notes"]),
            code_books["source"],
        )
    elif open_book is None:
        ms(
            start,
            "code-books",
            "Check whether reference books are allowed in the exam",
            "The catalog does not say whether this exam is open-book.",
        )
    reg_notes = registration_notes(cat, cred, urls)
    detail = [f"certplan's rule: book the exam {book_ahead} weeks ahead (a planning lead, not a body's deadline)."]
    detail += step_todo
    detail += [n["text"] for n in reg_notes]
    ms(
        register,
        "registration",
        f"Register and book the {cred.code} exam for {exam_date}",
        " ".join(detail),
        reg_notes[0]["source"] if reg_notes else None,
    )

    weeks: list[dict[str, Any]] = []

    def add_week(parts: list[tuple[Task, int]], phase: str) -> dict[str, Any]:
        n = len(weeks) + 1
        ws = start + dt.timedelta(days=7 * (n - 1))
        merged: dict[tuple[str, str], int] = {}
        for t, m in parts:
            merged[(t.name, t.kind)] = merged.get((t.name, t.kind), 0) + m
        w = {
            "week": n,
            "start": ws.isoformat(),
            "end": (ws + dt.timedelta(days=6)).isoformat(),
            "phase": phase,
            "focus": [f"{name} ({hours_text(m)})" for (name, _), m in merged.items()],
            "tasks": [
                {"name": name, "kind": kind, "hours": hours_of(m), "minutes": m} for (name, kind), m in merged.items()
            ],
            "hours": hours_of(sum(merged.values())),
            "minutes": sum(merged.values()),
            "milestones": [],
        }
        for t, _ in parts:
            if t.kind == "practice-exam":
                day = ws + dt.timedelta(days=PRACTICE_DAY_OFFSET)
                ms(
                    day,
                    "practice-exam",
                    f"Practice exam {t.practice} of {PRACTICE_EXAMS}: full, timed, {sitting} in {exam_min} minutes",
                    "One sitting at the real exam length, under exam conditions"
                    + (" with your code books" if open_book else "")
                    + f"; then spend about {hours_text(exam_min)} going over it.",
                )
        weeks.append(w)
        return w

    for wk in laid:
        if wk is None:
            n = len(weeks) + 1
            ws = start + dt.timedelta(days=7 * (n - 1))
            weeks.append(
                {
                    "week": n,
                    "start": ws.isoformat(),
                    "end": (ws + dt.timedelta(days=6)).isoformat(),
                    "phase": "buffer",
                    "focus": ["Buffer week: catch up if you fell behind, otherwise revisit weak domains"],
                    "tasks": [],
                    "hours": 0,
                    "minutes": 0,
                    "milestones": [],
                }
            )
            continue
        kinds = {t.kind for t, _ in wk.parts}
        if kinds <= {"prerequisite"}:
            phase = "prerequisites"
        elif kinds <= {"foundations", "prerequisite"}:
            phase = "foundations"
        elif kinds <= set(FINAL_KINDS) or "practice-exam" in kinds:
            phase = "review"
        else:
            phase = "study"
        add_week(wk.parts, phase)
    exam_week_start = start + dt.timedelta(days=7 * len(weeks))
    weeks.append(
        {
            "week": len(weeks) + 1,
            "start": exam_week_start.isoformat(),
            "end": exam_date.isoformat(),
            "phase": "exam",
            "focus": ["Exam: rest, check your ID, books and test set-up"],
            "tasks": [],
            "hours": 0,
            "minutes": 0,
            "milestones": [],
        }
    )
    delivery = exam.delivery.value
    ms(
        exam_date,
        "exam",
        f"{cred.code} exam day",
        "; ".join(
            x
            for x in (
                f"{sitting} in {exam_min_known} minutes" if exam_min_known else f"{sitting}, length unknown",
                f"passing score {exam.passing_score.value}" if exam.passing_score.value else "passing score unknown",
                f"delivery: {', '.join(delivery)}" if delivery else None,
                "bring the approved code books" if open_book else None,
            )
            if x
        ),
        urls.get(exam.questions.source),
    )
    milestones.sort(key=lambda m: (m["date"], MILESTONE_ORDER.get(m["kind"], 9)))
    for m in milestones:
        d = dt.date.fromisoformat(m["date"])
        for w in weeks:
            if w["start"] <= m["date"] <= w["end"] or (w is weeks[-1] and d >= dt.date.fromisoformat(w["start"])):
                w["milestones"].append(m)
                break

    # ---- after the exam
    after = after_exam(cred, cat, person, ev, exam_date, today, urls)

    # ---- costs
    costs, cost_total, cost_unknown, cost_basis = plan_costs(cred, cat, person, refs, year, urls)

    breakdown = {
        "prerequisites": hours_of(sum(t.minutes for t in prereq_tasks)),
        "foundations": hours_of(sum(h for _, h in foundations) * 60),
        "domains": hours_of(domain_min),
        "code_books": hours_of(book_min),
        "review": hours_of(review_min),
        "practice_exams": hours_of(PRACTICE_EXAMS * 2 * exam_min),
    }
    return {
        "schema_version": SCHEMA_VERSION,
        "code": cred.code,
        "name": cred.name,
        "body": cred.body,
        "generated_on": today.isoformat(),
        "start": start.isoformat(),
        "exam_date": exam_date.isoformat(),
        "registration_deadline": register.isoformat(),
        "book_ahead_weeks": book_ahead,
        "study_weeks": len(weeks) - 1,
        "total_hours": hours_of(total_min),
        "total_minutes": total_min,
        "hours_per_week": hours_of(cap),
        "requested_hours_per_week": requested,
        "hours_per_week_basis": basis_h,
        "base_hours": base,
        "hours_basis": base["basis"],
        "study_hours": hours_of(study_min),
        "adjustments": adjustments,
        "breakdown": breakdown,
        "domains": rows,
        "domain_weighting": weighting,
        "exam": {
            "questions": q,
            "duration_minutes": exam_min_known,
            "practice_exam_minutes": exam_min,
            "passing_score": exam.passing_score.value,
            "open_book": open_book,
            "delivery": delivery,
            "source": urls.get(exam.questions.source),
        },
        "code_books": code_books,
        "eligibility": {
            "status": ev["status"],
            "pathway": {
                "id": chosen.pathway.id,
                "label": chosen.pathway.label,
                "text": words.pathway(chosen.pathway),
                "source": urls.get(chosen.pathway.source),
            }
            if ev["status"] == "not-eligible" and chosen is not None
            else ev["pathway"],
            "missing": ev["missing"] if ev["status"] != "not-eligible" or chosen is None else _missing(chosen),
            "to_do": ev["to_do"],
            "months_until_eligible": chosen.months if ev["status"] == "not-eligible" and chosen else 0,
            "eligible_from": eligible_from.isoformat() if eligible_from else None,
            "apprentice": ev["apprentice"],
            "prerequisites": prereqs,
            "advice": ev["advice"],
        },
        "weeks": weeks,
        "milestones": milestones,
        "after": after,
        "costs": costs,
        "cost_total": cost_total,
        "cost_known_subtotal": float(sum(c["amount"] for c in costs if c["amount"] is not None)),
        "cost_unknown_parts": cost_unknown,
        "cost_basis": cost_basis,
        "feasibility": feas,
        "rules": dict(ADJUSTMENT_RULES),
        "warnings": warnings,
        "notes": notes,
    }


MILESTONE_ORDER = {"prerequisite": 0, "code-books": 1, "registration": 2, "practice-exam": 3, "exam": 4}


def _missing(pp: PathwayPlan) -> list[str]:
    out = list(pp.experience)
    out += [words.requirement(c) for c in pp.courses]
    if pp.practicode:
        out.append("completing Practicode (AAPC's practical coding module)")
    out += [f"{t} (certplan cannot check this; confirm it with the body)" for t in pp.confirm]
    return out


def registration_notes(cat: Catalog, cred: Credential, urls: dict[str, str]) -> list[dict[str, Any]]:
    """The body's sourced notes about scheduling the exam (read generically from the catalog)."""
    body = next((b for b in cat.bodies if b.code == cred.body), None)
    pat = re.compile(r"schedul|authori[sz]ation to test|book (the|your) exam", re.I)
    notes = []
    for n in list(body.notes if body else []) + list(cred.notes):
        if pat.search(n.text):
            notes.append({"text": n.text, "source": urls.get(n.source)})
    return notes


def after_exam(
    cred: Credential,
    cat: Catalog,
    person: Profile,
    ev: dict[str, Any],
    exam_date: dt.date,
    today: dt.date,
    urls: dict[str, str],
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    exam = cred.exam
    if exam is not None and exam.retake.value:
        out.append(
            {
                "kind": "retake",
                "title": "If you do not pass",
                "detail": exam.retake.value,
                "date": None,
                "source": urls.get(exam.retake.source),
            }
        )
    a = ev.get("apprentice")
    if a and cred.apprentice is not None:
        months = a.get("months_to_full_credential")
        date = None
        if months is not None:
            date = max(exam_date, add_months(today, months))
        detail = (
            f"Passing now gives {a['designation']}. Ways to remove it: "
            + "; ".join(a["removal"])
            + f". Nearest for you: {a['removal_pathway']}"
            + (
                f", about {months} more months of experience from today"
                if months
                else (f" (missing: {'; '.join(a['removal_missing'])})" if a["removal_missing"] else "")
            )
            + "."
        )
        out.append(
            {
                "kind": "apprentice",
                "title": f"Remove the {a['designation']} designation",
                "detail": detail,
                "date": date.isoformat() if date else None,
                "source": urls.get(cred.apprentice.source),
            }
        )
    body = next((b for b in cat.bodies if b.code == cred.body), None)
    held = ceu.effective_held(cat, [*person.held, cred.code])
    ceus = None
    basis = ""
    cycle = cred.maintenance.cycle_years.value if cred.maintenance else None
    if body is not None:
        r = ceu.required(body, held)
        ceus, basis = r["ceus"], r["basis"]
        cycle = cycle or r["cycle_years"]
    elif cred.maintenance is not None:
        ceus, basis = cred.maintenance.ceus.value, f"{cred.code}'s own requirement"
    if cred.maintenance is not None:
        cyc = f"every {cycle} year{'s' if cycle != 1 else ''}" if cycle else "per cycle (cycle length unknown)"
        detail = (
            f"{ceus if ceus is not None else 'an unknown number of'} CEUs {cyc} ({basis}); the cycle starts when "
            "you pass and the body sets its exact dates."
        )
        for t in cred.maintenance.topic_rules:
            detail += f" {t.text}"
        out.append(
            {
                "kind": "ceu-cycle",
                "title": "First CEU cycle",
                "detail": detail,
                "date": add_years(exam_date, cycle).isoformat() if cycle else None,
                "source": urls.get(cred.maintenance.ceus.source),
            }
        )
    if cred.next:
        out.append(
            {
                "kind": "next",
                "title": "Credentials often taken next",
                "detail": ", ".join(cred.next),
                "date": None,
                "source": None,
            }
        )
    return out


def plan_costs(
    cred: Credential, cat: Catalog, person: Profile, refs: list[str], year: int, urls: dict[str, str]
) -> tuple[list[dict[str, Any]], float | None, list[str], str]:
    """Exam fee and membership (from core.cost) and code books (from ``book-`` facts, else unknown)."""
    member = (cred.body or "").upper() in {m.upper() for m in person.member}
    res = cost.cheapest(cred, cat, "member" if member else None)
    lines: list[dict[str, Any]] = []
    unknown: list[str] = [u for u in res["unknown_parts"] if "keep" not in u and "renewal" not in u]
    for ln in res["lines"]:
        if ln["period"] != "first year":
            continue
        is_membership = "membership" in ln["label"]
        if is_membership and member:
            continue
        lines.append(
            {
                "kind": "membership" if is_membership else "exam",
                "label": ln["label"],
                "amount": ln["amount"],
                "currency": "USD",
                "source": ln["source"],
                "note": ln["note"],
            }
        )
    if member:
        lines.append(
            {
                "kind": "membership",
                "label": f"{cred.body} membership",
                "amount": 0,
                "currency": "USD",
                "source": None,
                "note": "you are a member already (your renewal is not counted here)",
            }
        )
    if cred.exam is not None and cred.exam.open_book.value is not False and refs:
        books = book_price_facts(cat, refs)
        if books:
            for f in books:
                lines.append(
                    {
                        "kind": "books",
                        "label": f.text,
                        "amount": f.value,
                        "currency": "USD",
                        "source": urls.get(f.source),
                        "note": f.note,
                    }
                )
                if f.value is None:
                    unknown.append(f"book price ({f.id})")
        else:
            lines.append(
                {
                    "kind": "books",
                    "label": f"{year} code books: " + "; ".join(refs),
                    "amount": None,
                    "currency": "USD",
                    "source": None,
                    "note": "unknown: the catalog has no book prices yet",
                }
            )
            unknown.append("code books")
    amounts = [ln["amount"] for ln in lines]
    total = None if any(a is None for a in amounts) else float(sum(amounts))
    basis = "member prices (you are a member)" if member else res["basis_reason"]
    return lines, total, unknown, basis


def book_price_facts(cat: Catalog, refs: list[str]) -> list:
    """``book-`` facts about a book among the exam's references (CPT, ICD-10-CM, ICD-10-PCS, HCPCS)."""
    keys = book_keys(refs)
    return [f for f in cat.facts if f.id.startswith("book-") and _matches(f.id + " " + f.text, keys)]


def book_notes(cat: Catalog, cred: Credential, refs: list[str], urls: dict[str, str]) -> list[dict[str, Any]]:
    """``book-`` facts about no particular book that name this credential or its body (e.g. eBooks provided,
    no books allowed)."""
    names = [n.lower() for n in (cred.code, cred.body or "") if n]
    out = []
    for f in cat.facts:
        if not f.id.startswith("book-") or _matches(f.id + " " + f.text, list(BOOK_KEYS)):
            continue  # a price of a particular book: a cost line where the exam uses that book
        if _matches(f.id + " " + f.text, names):
            out.append({"id": f.id, "text": f.text, "value": f.value, "note": f.note, "source": urls.get(f.source)})
    return out


BOOK_KEYS = ("icd-10-cm", "icd-10-pcs", "hcpcs", "cpt", "icd-10")


def book_keys(refs: list[str]) -> list[str]:
    keys = []
    for r in refs:
        low = r.lower()
        for k in BOOK_KEYS:
            if k in low and k not in keys:
                keys.append(k)
                break
    return keys


def _matches(text: str, keys: list[str]) -> bool:
    low = text.lower()
    return any(re.search(r"(?<![a-z0-9])" + re.escape(k) + r"(?![a-z0-9])", low) for k in keys)
