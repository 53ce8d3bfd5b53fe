"""plan: a week-by-week study plan to an exam date."""

import datetime as dt
from typing import Annotated, Optional

import typer

from certplan.cli import common
from certplan.cli.common import load
from certplan.cli.completion import completer
from certplan.cli.options import Output, ProfileFlags, output_options, with_profile_options
from certplan.cli.person_input import resolve_profile

DEFAULT_BOOK_AHEAD = 6  # same as core.plan.DEFAULT_BOOK_AHEAD_WEEKS (kept here so --help needs no import)


def register(app: typer.Typer) -> None:
    app.command("plan")(plan_cmd)


@output_options()
@with_profile_options()
def plan_cmd(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="Credential code, e.g. CPC (any case).", autocompletion=completer("codes"))],
    start: Annotated[
        Optional[str],
        typer.Option("--start", help="First day of the plan (YYYY-MM-DD). Default: the next Monday.", metavar="DATE"),
    ] = None,
    exam_date: Annotated[
        Optional[str],
        typer.Option(
            "--exam-date", help="The exam date (YYYY-MM-DD). Not with --weeks.", metavar="DATE", show_default=False
        ),
    ] = None,
    weeks: Annotated[
        Optional[int],
        typer.Option("--weeks", help="Study weeks before the exam (the exam is the day after). Not with --exam-date."),
    ] = None,
    hours_per_week: Annotated[
        Optional[float],
        typer.Option(
            "--hours-per-week",
            help="Study hours a week. Default: 10 (certplan's default), or with --exam-date/--weeks the least that fits.",
            metavar="H",
        ),
    ] = None,
    book_ahead: Annotated[
        int,
        typer.Option("--book-ahead", help="Book the exam this many weeks before the exam date.", metavar="WEEKS"),
    ] = DEFAULT_BOOK_AHEAD,
    assume_eligible: Annotated[
        bool,
        typer.Option(
            "--assume-eligible",
            help="You confirmed with the body the requirements certplan cannot check (e.g. a foreign degree).",
        ),
    ] = False,
    ics: Annotated[
        Optional[str],
        typer.Option(
            "--ics", help="Also write the plan as an iCalendar file (weekly blocks and milestones).", metavar="FILE"
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="With --ics: replace the file if it exists (- writes to stdout).")
    ] = False,
    profile: ProfileFlags = None,
    *,
    out: Output,
):
    """A week-by-week study plan: foundations, exam domains, review, practice exams, booking, exam day.

    Study hours come from the catalog (or certplan's labelled planning default when it has
    none), adjusted by your profile. Domains get time in proportion to their published
    weights. A plan that needs more hours than you gave is made at the hours it needs, with
    a warning on stderr; an impossible one exits 2 with the reason.

    \b
    Examples:
      certplan plan CPC --start 2027-01-04 --hours-per-week 10
      certplan plan CCS --exam-date 2027-06-01 --json
      certplan plan CPC --weeks 12 --ics cpc.ics
      certplan plan CPC --experience 2 --format markdown > checklist.md
    """
    from certplan.output.result import Result

    if exam_date is not None and weeks is not None:
        common.fail_usage("give --exam-date or --weeks, not both")
    from certplan.core import lookup
    from certplan.core import plan as core

    try:
        d_start = core.parse_date(start, "--start") if start is not None else None
        d_exam = core.parse_date(exam_date, "--exam-date") if exam_date is not None else None
    except core.PlanError as exc:
        common.fail_usage(str(exc))
    from certplan.catalog.rules import catalog_on

    whole = load(ctx, whole=True)
    cat = catalog_on(whole, d_exam or common.today())  # the fees and pathways in force on the exam date
    try:
        cred = lookup.find(cat, code)
    except lookup.UnknownCode as exc:
        common.unknown_codes_exit([exc])
    person = resolve_profile(cat, profile)
    req = core.Request(
        start=d_start,
        exam_date=d_exam,
        weeks=weeks,
        hours_per_week=hours_per_week,
        book_ahead_weeks=book_ahead,
        assume_eligible=assume_eligible,
    )
    try:
        result = core.build(cred, cat, person, req, common.today())
        if d_exam is None and result.get("exam_date"):  # --weeks or the default: the plan chose the exam date
            on_exam = catalog_on(whole, dt.date.fromisoformat(result["exam_date"]))
            if on_exam is not cat:
                result = core.build(lookup.find(on_exam, code), on_exam, person, req, common.today())
    except core.PlanError as exc:
        common.fail_usage(str(exc))
    except OverflowError:  # a date past 9999-12-31 (the last day Python's dates hold)
        common.fail_usage(
            "the plan would run past 9999-12-31: give an earlier --start (or CERTPLAN_TODAY), or fewer --weeks"
        )
    from certplan.output import plan as render

    if ics is not None:
        from certplan.fsutil import FileProblem

        try:
            n, ics_name = render.write_ics(result, ics, force=force)
        except FileProblem as exc:
            common.fail_usage(str(exc))
    res = Result(data=result, notes=list(result["notes"]), warnings=list(result["warnings"]))
    if ics == "-":  # with --ics - stdout carries the calendar only
        for fmt in ("table", "csv", "markdown", "json"):
            res.render[fmt] = lambda ctx: None
    else:
        for fmt in ("table", "csv", "markdown"):
            res.render[fmt] = lambda ctx, fmt=fmt: render.render_plan(result, fmt, ctx)
        res.render["json"] = lambda ctx: render.render_plan(result, "json", ctx)
    if ics is not None:
        res.notes.append(f"wrote {n} calendar events to {ics_name}")
    return res
