"""One batch engine for every personal command: ``--profiles FILE`` on eligible, recommend, plan, path and cost.

A roster is read as a stream (store/roster.py); each student becomes a person through one call
(:meth:`People.resolve`), is answered by the command's own core function, and is written at once
(output/stream.py). A row that cannot be answered is named by row number and reason on stderr and
in the output; the others are answered. Exit codes: 0 every row answered, 5 some rows not answered,
2 none answered (or the file itself is unusable).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, NoReturn, Optional

import typer

from certplan.cli import common
from certplan.exitcodes import ExitCode
from certplan.fsutil import short

ProfilesOpt = Annotated[
    Optional[str],
    typer.Option(
        "--profiles",
        help="A class roster (CSV, .xlsx, YAML, JSON or JSON Lines), one student per row: answers every student.",
        metavar="FILE",
    ),
]
SheetOpt = Annotated[
    Optional[str],
    typer.Option(
        "--sheet", help="With an .xlsx --profiles file: the sheet to read (default: the first).", metavar="NAME"
    ),
]
StrictOpt = Annotated[
    bool,
    typer.Option("--strict", help="With --profiles: any bad row fails the run (exit 2) before anything is written."),
]
FORMATS = ("table", "json", "csv", "markdown", "jsonl")  # jsonl: one line per student (per item for one person)


def check_single(fmt: str, profiles: str | None, **batch_only: Any) -> None:
    """Without --profiles: none of the options that only a roster uses."""
    if profiles is not None:
        return
    refuse_without_profiles(**{"--" + k: v for k, v in batch_only.items()})


def refuse_profile_flags(profile) -> None:
    if profile.given():
        common.fail_usage("--profiles reads each student from the file; profile flags cannot be combined with it")


def refuse_without_profiles(**given: Any) -> None:
    for name, value in given.items():
        if value:
            common.fail_usage(f"{name} is only used with --profiles FILE")


# --------------------------------------------------------------------------- rows to people


ASSUMED_WORDS = {"experience_kinds": "experience kind", "education": "education"}


class People:
    """Turns roster rows into people (core.person.build), memoized by the rows' raw values."""

    def __init__(self, cat):
        self.cat = cat
        self.notes: Counter = Counter()
        self._people: dict[tuple, Any] = {}

    def resolve(self, data: dict[str, Any], key: tuple | None = None):
        """(person, assumptions) or (None, the reason the row cannot be used). The one place a row becomes a person."""
        got = self._people.get(key) if key is not None else None
        if got is None:
            from certplan.core.person import PersonError, build

            try:
                r = build(self.cat, [("row", data)])
            except PersonError as exc:
                got = (None, f"{exc.field}: {exc}" if exc.field in ("held", "member") else str(exc))
            else:
                got = (r.person, [f"no {ASSUMED_WORDS.get(f, f)} given: {text}" for f, text in r.assumed])
            if key is not None:
                if len(self._people) >= 8192:
                    self._people.clear()
                self._people[key] = got
        return got

    def count_notes(self, notes: list[str]) -> None:
        for n in notes:
            self.notes[n] += 1


class RowFailed(Exception):
    """The row was read but this command cannot answer it (e.g. a plan that cannot be made)."""


# --------------------------------------------------------------------------- the engine


@dataclass
class Spec:
    key: str  # "results" (a list per student) or "result" (one object)
    answer: Callable[[Any, Any], Any]  # (person, row) -> answer; RowFailed when it cannot
    columns: list  # CSV/Markdown columns after row, id, name
    flat: Callable[[Any], list[dict[str, Any]]]  # an answer as CSV/Markdown rows
    render: Callable[[Any, Any], None]  # an answer as the single-person table
    title: str | None = None


def _open(path: str, sheet: str | None):
    from certplan.store.roster import RosterError, open_roster

    try:
        roster = open_roster(path, sheet)
    except RosterError as exc:
        common.fail_usage(str(exc))
    for w in roster.warnings:
        common.err(f"certplan: {w}")
    return roster


def _read(path: str, sheet: str | None, people: People):
    """(row, person, assumptions, None) for a usable row, (row, None, [], reason) for one that is not."""
    from certplan.store.roster import RosterError

    roster = _open(path, sheet)
    try:
        for row in roster:
            if row.error is not None:
                yield row, None, [], row.error
                continue
            person, notes = people.resolve(row.data, row.key)
            if person is None:
                yield row, None, [], notes
            else:
                yield row, person, notes, None
    except RosterError as exc:
        common.fail_usage(str(exc))


def _strict_check(path: str, sheet: str | None, people: People) -> None:
    if path == "-":
        common.fail_usage("--strict reads the roster twice; give a file, not standard input")
    bad = [f"{short(path)}: {row.where}: {problem}" for row, _, _, problem in _read(path, sheet, people) if problem]
    if bad:
        for b in bad:
            common.err(b)
        common.err(f"certplan: {len(bad)} bad row(s); nothing written (--strict)")
        raise typer.Exit(ExitCode.USAGE)


def run(cat, path: str, sheet: str | None, spec: Spec, fmt: str, strict: bool = False) -> NoReturn:
    from certplan.output import stream

    people = People(cat)
    if strict:
        _strict_check(path, sheet, people)
    o = common.out()
    w = stream.writer_for(fmt, o, spec.key, spec.columns, spec.render, spec.title)
    read = answered = 0
    failed: list[int] = []
    for row, person, notes, problem in _read(path, sheet, people):
        read += 1
        if problem is None:
            people.count_notes(notes)
            try:
                result = spec.answer(person, row)
            except RowFailed as exc:
                problem = str(exc)
            else:
                w.answered(row, result, spec.flat)
                answered += 1
                if answered == 1:
                    o.stdout.flush()  # the first answer shows at once, even into a pipe
                continue
        common.err(f"{short(path)}: {row.where}: {problem}")
        w.failed(row, problem)
        failed.append(row.number)
        if strict:
            w.close()
            common.err("certplan: stopped at that row (--strict)")
            raise typer.Exit(ExitCode.USAGE)
    w.close()
    finish(people, read, answered, failed)


def finish(people: People, read: int, answered: int, failed: list[int]) -> NoReturn:
    for note, n in people.notes.items():
        common.err(f"certplan: {n} student(s): {note}")
    if read == 0:
        common.err("certplan: the roster has no students")
        raise typer.Exit(ExitCode.USAGE)
    rows = ", ".join(str(n) for n in failed[:20]) + (", ..." if len(failed) > 20 else "")
    common.err(
        f"certplan: {read} student(s) read, {answered} answered, {len(failed)} not answered"
        + (f" (row {rows})" if failed else "")
    )
    if answered == 0:
        raise typer.Exit(ExitCode.USAGE)
    raise typer.Exit(ExitCode.SOME_ROWS_FAILED if failed else ExitCode.OK)


# --------------------------------------------------------------------------- eligible


def eligible(cat, path, sheet, creds, wanted, fmt, strict: bool, summary: bool, columns, _flat) -> NoReturn:
    """``columns`` and ``_flat`` are eligible's own CSV columns and row flattener (passed in: no import cycle)."""
    from certplan.core.cohort import CohortEligibility
    from certplan.output.render import Column, write_rows

    ev = CohortEligibility(cat, creds)
    if summary:
        return _summary(cat, path, sheet, ev, fmt, strict)

    def answer(person, row):
        results = ev.evaluate(person)
        if wanted:
            results = [r for r in results if r["status"] in wanted]
        return results

    cols = [Column(k, h, max_width=40) for k, h in columns] + [Column("advice", "Advice")]

    def render(results, o):
        write_rows([_flat(r) for r in results], [c for c in cols if c.key != "advice"], "table", o)

    flat_of: dict[int, tuple[Any, dict[str, Any]]] = {}  # id(shared result) -> (result, its flat row)

    def flat(results):
        out = []
        for r in results:
            got = flat_of.get(id(r))
            if got is None or got[0] is not r:
                if len(flat_of) >= 65536:
                    flat_of.clear()
                got = flat_of[id(r)] = (r, _flat(r))
            out.append(got[1])
        return out

    spec = Spec("results", answer, cols, flat, render)
    run(cat, path, sheet, spec, fmt, strict)


def _summary(cat, path, sheet, ev, fmt, strict) -> NoReturn:
    from certplan.core.cohort import CohortSummary, FirstYearCosts
    from certplan.output.cohort import render_summary

    people = People(cat)
    if strict:
        _strict_check(path, sheet, people)
    summ = CohortSummary(FirstYearCosts(cat))
    read = answered = 0
    failed: list[int] = []
    not_answered = []
    for row, person, notes, problem in _read(path, sheet, people):
        read += 1
        if problem is None:
            people.count_notes(notes)
            summ.add(ev.evaluate(person), person)
            answered += 1
            continue
        common.err(f"{short(path)}: {row.where}: {problem}")
        failed.append(row.number)
        not_answered.append({"row": row.number, "id": row.id, "name": row.name, "error": problem})
    if fmt == "jsonl":
        common.fail_usage("--summary is one table: use --format table, json, csv or markdown")
    render_summary(summ, not_answered, fmt, common.out())
    finish(people, read, answered, failed)


# --------------------------------------------------------------------------- recommend


def recommend(cat, path, sheet, prefs, top: int, fmt, strict: bool) -> NoReturn:
    from certplan.core.cohort import Memo
    from certplan.core.recommend import recommend as rank
    from certplan.output.render import Column, write_rows

    today = common.today()
    memo = Memo(1024)

    def answer(person, row):
        res = memo.get(person, lambda: rank(cat, person, prefs, today))
        return res[:top] if top else res

    def flat(results):
        return [
            {
                "rank": r["rank"],
                "code": r["code"],
                "score": r["score"],
                "status": r["status"],
                "first_year_cost": r["first_year_cost"],
                "why": "; ".join(r["reasons"]),
                "but": "; ".join(r["tradeoffs"]) or "-",
                "change": "; ".join(r["what_would_change"]) or "-",
            }
            for r in results
        ]

    cols = [
        Column("rank", "#", justify="right"),
        Column("code", "Code"),
        Column("score", "Score", justify="right"),
        Column("status", "Status"),
        Column("first_year_cost", "First year"),
        Column("why", "Why", max_width=60),
        Column("but", "Trade-offs", max_width=50),
        Column("change", "What would change it"),
    ]

    def render(results, o):
        write_rows(flat(results), [c for c in cols if c.key not in ("change", "first_year_cost")], "table", o)

    run(cat, path, sheet, Spec("results", answer, cols, flat, render), fmt, strict)


# --------------------------------------------------------------------------- plan


def plan(cat, path, sheet, cred, req, fmt, strict: bool) -> NoReturn:
    from certplan.core import plan as core
    from certplan.output import plan as render_plan
    from certplan.output.render import Column

    today = common.today()

    def answer(person, row):
        try:
            return core.build(cred, cat, person, req, today)
        except core.PlanError as exc:
            raise RowFailed(str(exc)) from None

    def flat(p):
        return [
            {
                "code": p["code"],
                "eligibility": p["eligibility"]["status"],
                "start": p["start"],
                "exam_date": p["exam_date"],
                "registration_deadline": p["registration_deadline"],
                "study_weeks": p["study_weeks"],
                "total_hours": p["total_hours"],
                "hours_per_week": p["hours_per_week"],
                "feasibility": p["feasibility"]["status"],
                "cost_total": p["cost_total"],
                "cost_known_subtotal": p["cost_known_subtotal"],
                "warnings": "; ".join(p["warnings"]),
            }
        ]

    cols = [
        Column(k, k.replace("_", " ").capitalize())
        for k in (
            "code",
            "eligibility",
            "start",
            "exam_date",
            "registration_deadline",
            "study_weeks",
            "total_hours",
            "hours_per_week",
            "feasibility",
            "cost_total",
            "cost_known_subtotal",
            "warnings",
        )
    ]
    spec = Spec("result", answer, cols, flat, lambda p, o: render_plan.render_plan(p, "table", o))
    run(cat, path, sheet, spec, fmt, strict)


# --------------------------------------------------------------------------- cost


def cost(
    cat, path, sheet, cred, basis, years: int, attempts: int, roi: bool, fmt, strict: bool, program=None, employer=None
) -> NoReturn:
    from certplan.core import cost as core
    from certplan.core import pay
    from certplan.output.money import render_cost
    from certplan.output.render import Column

    today = common.today()
    premiums = pay.premium_facts(cat, pay.Sources(cat), today) if roi else None

    def answer(person, row):
        res = core.estimate(cred, cat, person, basis, years, attempts)
        out = {"schema_version": 1, **res, "roi": None, "funding": None}
        if roi:
            out["roi"] = pay.roi(cred, res, premiums)
        if program is not None or employer is not None:
            from certplan.core import funding as fund

            out["funding"] = fund.net_cost(res, cat, today, program, employer)
        return out

    def flat(a):
        r = a["roi"] or {}
        return [
            {
                "code": a["code"],
                "years": a["years"],
                "basis": a["basis"],
                "total": a["total"],
                "total_known": a["total_known"],
                "unknown_parts": "; ".join(a["unknown_parts"]),
                "break_even_months": r.get("months"),
            }
        ]

    cols = [
        Column(k, k.replace("_", " ").capitalize())
        for k in ("code", "years", "basis", "total", "total_known", "unknown_parts", "break_even_months")
    ]
    spec = Spec("result", answer, cols, flat, lambda a, o: render_cost(a, a["roi"], o, a["funding"]))
    run(cat, path, sheet, spec, fmt, strict)


# --------------------------------------------------------------------------- path


def _plus(value, complete: bool):
    """A running total; '24+' when a step before it has no sourced figure."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return value if complete else f"{value}+"


def path_to(cat, path, sheet, goal, fmt, strict: bool) -> NoReturn:
    from certplan.core import path as core
    from certplan.output.money import render_path_to
    from certplan.output.render import Column

    today = common.today()

    def answer(person, row):
        return core.to_goal(cat, goal, person, today)

    def flat(res):
        fast = next((r for r in res["routes"] if r["fastest"]), None)
        cheap = next((r for r in res["routes"] if r["cheapest"]), None)
        return [
            {
                "goal": res["goal"]["code"],
                "status_now": res["status_now"],
                "routes": len(res["routes"]),
                "fastest": fast["label"] if fast else None,
                "fastest_months": (fast["months"] if fast["months_complete"] else f"{fast['months']}+")
                if fast
                else None,
                "cheapest": cheap["label"] if cheap else None,
                "cheapest_cost": _plus(cheap["cost"], cheap["cost_complete"]) if cheap else None,
                "notes": "; ".join(res["notes"][:-1]),
            }
        ]

    cols = [
        Column(k, k.replace("_", " ").capitalize())
        for k in ("goal", "status_now", "routes", "fastest", "fastest_months", "cheapest", "cheapest_cost", "notes")
    ]
    spec = Spec("result", answer, cols, flat, render_path_to)
    run(cat, path, sheet, spec, fmt, strict)
