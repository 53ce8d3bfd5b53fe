"""The plan: from a request and a person to the week-by-week plan (the ``plan --json`` object)."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from certplan.core import eligibility
from certplan.core import requirements as rq
from certplan.core.person import Person
from certplan.core.plan.after import after_exam, registration_notes
from certplan.core.plan.costs import book_notes, plan_costs
from certplan.core.plan.domains import domain_shares, share_out
from certplan.core.plan.hours import adjust, base_hours
from certplan.core.plan.readiness import PathwayPlan, _missing, pathway_plans
from certplan.core.plan.rules import (
    ADJUSTMENT_RULES,
    BOOK_PREP_HOURS,
    DEFAULT_BOOK_AHEAD_WEEKS,
    DEFAULT_EXAM_MINUTES,
    DEFAULT_HOURS_PER_WEEK,
    DEFAULT_STUDY_HOURS,
    HEAVY_HOURS_PER_WEEK,
    MAX_HOURS_PER_WEEK,
    MAX_REQUEST_HOURS_PER_WEEK,
    MAX_WEEKS,
    MIN_HOURS_PER_WEEK,
    PRACTICE_DAY_OFFSET,
    PRACTICE_EXAMS,
    REVIEW_SHARE,
    REVIEW_SPLIT,
    SCHEMA_VERSION,
    STEP_MINUTES,
    PlanError,
    add_months,
    hours_of,
    hours_text,
    next_monday,
    round_units,
)
from certplan.core.plan.schedule import FINAL_KINDS, Task, layout, min_cap, weeks_needed

if TYPE_CHECKING:  # pragma: no cover
    from certplan.catalog.records import Catalog, Credential

Profile = Person


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

    # ---- hours, domains and tasks
    s = study(cred, cat, person, ev, chosen, urls, warnings, notes)
    base, adjustments, study_min, exam_min, exam_min_known = (
        s.base,
        s.adjustments,
        s.study_min,
        s.exam_min,
        s.exam_min_known,
    )
    review_min, domain_min, rows, weighting = s.review_min, s.domain_min, s.rows, s.weighting
    open_book, book_min, refs, prereq_tasks = s.open_book, s.book_min, s.refs, s.prereq_tasks
    content, final, total_min, q, sitting, foundations = s.content, s.final, s.total_min, s.q, s.sitting, s.foundations

    # ---- weekly hours and exam date
    tm = timing(cred, req, content, final, exam_min, start, today, warnings)
    cap, basis_h, laid, exam_date, feas = tm.cap, tm.basis, tm.laid, tm.exam_date, tm.feasibility

    # ---- eligibility dates and registration
    rg = registration(cred, ev, chosen, req, exam_date, start, today, warnings)
    eligible_from, prereqs, step_todo, register, book_ahead = (
        rg.eligible_from,
        rg.prereqs,
        rg.step_todo,
        rg.register,
        rg.book_ahead,
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
        "requested_hours_per_week": req.hours_per_week,
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
                "text": rq.describe_pathway(chosen.pathway),
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


@dataclass
class Timing:
    """The weekly budget and the exam date: asked for, computed to fit, or certplan's default."""

    cap: int  # minutes a week
    basis: str  # how the weekly budget was chosen, in words
    laid: list  # the weeks (None for a buffer week)
    n_weeks: int
    exam_date: dt.date
    feasibility: dict[str, Any]


def timing(
    cred: Credential,
    req: Request,
    content: list[Task],
    final: list[Task],
    exam_min: int,
    start: dt.date,
    today: dt.date,
    warnings: list[str],
) -> Timing:
    """Fit the tasks into weeks: the weekly hours and the exam date (PlanError when they cannot fit)."""
    total_min = sum(t.minutes for t in content + final)
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
    return Timing(cap, basis_h, laid, n_weeks, exam_date, feas)


@dataclass
class Registration:
    """When the person can sit and must book, and what to do first."""

    eligible_from: dt.date | None
    prereqs: list[dict[str, Any]]
    step_todo: list[str]
    register: dt.date
    book_ahead: int


def registration(
    cred: Credential,
    ev: dict[str, Any],
    chosen: PathwayPlan | None,
    req: Request,
    exam_date: dt.date,
    start: dt.date,
    today: dt.date,
    warnings: list[str],
) -> Registration:
    """The eligibility date (when only experience is missing), the prerequisites and the booking date."""
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
            prereqs.append({"kind": "course", "text": f"complete {rq.describe(c)}", "hours": c.hours})
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
    return Registration(eligible_from, prereqs, step_todo, register, book_ahead)


@dataclass
class Study:
    """What there is to study, in minutes: hours (adjusted), domains, tasks for the content and the final review."""

    base: Any
    adjustments: Any
    foundations: Any
    study_min: Any
    exam_min: Any
    exam_min_known: Any
    review_min: Any
    domain_min: Any
    rows: Any
    weighting: Any
    open_book: Any
    book_min: Any
    refs: Any
    prereq_tasks: Any
    content: Any
    final: Any
    total_min: Any
    q: Any
    sitting: Any


def study(
    cred: Credential,
    cat: Catalog,
    person: Profile,
    ev: dict[str, Any],
    chosen: PathwayPlan | None,
    urls: dict[str, str],
    warnings: list[str],
    notes: list[str],
) -> Study:
    """The study hours and the tasks that fill them (domains by weight, foundations, code books, review, practice)."""
    exam = cred.exam
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
            t = Task(f"Required course: {rq.describe(c)}", "prerequisite", c.hours * 60)
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
    return Study(
        base,
        adjustments,
        foundations,
        study_min,
        exam_min,
        exam_min_known,
        review_min,
        domain_min,
        rows,
        weighting,
        open_book,
        book_min,
        refs,
        prereq_tasks,
        content,
        final,
        total_min,
        q,
        sitting,
    )
