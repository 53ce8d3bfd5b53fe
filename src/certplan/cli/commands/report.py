"""report: a printable page per student and an index for the cohort, from a class roster."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer

from certplan.cli import batch, common
from certplan.cli.completion import completer
from certplan.cli.parsing import choices
from certplan.exitcodes import ExitCode
from certplan.fsutil import short


def register(app: typer.Typer) -> None:
    app.command("report")(report_cmd)


class ReportFormat(str, Enum):
    html = "html"
    markdown = "markdown"


def report_cmd(
    ctx: typer.Context,
    profiles: Annotated[
        str,
        typer.Option(
            "--profiles",
            help="The class roster (CSV, .xlsx, YAML, JSON or JSON Lines), one student per row.",
            metavar="FILE",
        ),
    ],
    out_dir: Annotated[str, typer.Option("--out", help="Folder to write the reports to.", metavar="DIR")],
    sheet: batch.SheetOpt = None,
    fmt: Annotated[
        ReportFormat,
        typer.Option(
            "--format",
            "-f",
            help="html (default) or markdown.",
            case_sensitive=False,
            autocompletion=completer("formats", tuple(f.value for f in ReportFormat)),
        ),
    ] = ReportFormat.html,
    force: Annotated[bool, typer.Option("--force", help="Replace the reports already in the folder.")] = False,
    top: Annotated[int, typer.Option("--top", help="Recommendations per student.", min=1, max=20)] = 3,
    setting: Annotated[
        Optional[list[str]],
        typer.Option(
            "--setting", help="Where the students want to work (repeatable).", autocompletion=completer("settings")
        ),
    ] = None,
    focus: Annotated[
        Optional[list[str]],
        typer.Option("--focus", help="What they want to do (repeatable).", autocompletion=completer("focus")),
    ] = None,
    budget: Annotated[Optional[float], typer.Option("--budget", help="First-year budget in USD.", min=0)] = None,
    within: Annotated[
        Optional[int], typer.Option("--within", help="Months they can wait before earning it.", min=0, max=600)
    ] = None,
    start: Annotated[
        Optional[str], typer.Option("--start", help="First day of the study plans (YYYY-MM-DD).", metavar="DATE")
    ] = None,
    hours_per_week: Annotated[
        Optional[float], typer.Option("--hours-per-week", help="Study hours a week (default 10).", metavar="H")
    ] = None,
    title: Annotated[str, typer.Option("--title", help="Title of the cohort page.")] = "Credential report",
) -> None:
    """A printable report per student and an index for the cohort.

    Each student's page gives their answers, the top recommendations with reasons, eligibility and what
    is missing, a dated study plan for the top choice, first-year cost, and pay with its year and source
    (charts as inline SVG). HTML pages are self-contained (no JavaScript, no network) and print each
    student on their own pages; all.html holds every student for one print job. Files are written
    atomically; a folder that already has a report is replaced only with --force.

    \b
    Examples:
      certplan report --profiles roster.xlsx --out reports/
      certplan report --profiles students.csv --out reports/ --format markdown --force
    """
    from certplan.catalog.vocab import FOCUS, SETTINGS
    from certplan.core import plan as core_plan
    from certplan.core.cohort import CohortSummary, FirstYearCosts
    from certplan.core.recommend import Preferences
    from certplan.core.report import ReportMaker
    from certplan.output import report as render
    from certplan.output.cohort import cost_text
    from certplan.store.reportdir import ReportDir, ReportDirError

    ext = "md" if fmt == ReportFormat.markdown else "html"
    prefs = Preferences(
        settings=choices("--setting", setting, SETTINGS),
        focus=choices("--focus", focus, FOCUS),
        budget=budget,
        within_months=within,
    )
    try:
        d_start = core_plan.parse_date(start, "--start") if start is not None else None
    except core_plan.PlanError as exc:
        common.fail_usage(str(exc))
    req = core_plan.Request(start=d_start, hours_per_week=hours_per_week)
    cat = common.load(ctx)
    today = common.today()
    people = batch.People(cat)
    maker = ReportMaker(cat, prefs, req, today, top)
    summ = CohortSummary(FirstYearCosts(cat))
    rows = batch._read(profiles, sheet, people)  # opens the roster first: a bad file writes nothing
    first = next(rows, None)
    try:
        folder = ReportDir(out_dir, force, ext)
    except ReportDirError as exc:
        common.fail_usage(str(exc))
    generated = today.isoformat()
    students = []
    read = answered = 0
    failed: list[int] = []

    def one(row, person, notes, problem, all_fh):
        nonlocal read, answered
        read += 1
        meta = {"row": row.number, "id": row.id, "name": row.name}
        if problem is None:
            people.count_notes(notes)
            s = maker.student(person, meta, notes)
            summ.add(maker.ev.evaluate(person), person)
            name = f"{row.number:04d}-{render.slug(row.id if row.id != row.name else row.name)}.{ext}"
            folder.write(name, render.student_page(s, generated, "markdown" if ext == "md" else "html"))
            if all_fh is not None:
                all_fh.write(render.student_section(s, generated))
            top_rec = s["top"]
            students.append(
                {
                    **meta,
                    "file": name,
                    "error": None,
                    "top_code": top_rec["code"] if top_rec else None,
                    "top_status": top_rec["status"] if top_rec else None,
                }
            )
            answered += 1
            return
        common.err(f"{short(profiles)}: {row.where}: {problem}")
        failed.append(row.number)
        students.append({**meta, "file": None, "error": problem, "top_code": None, "top_status": None})

    def all_rows(all_fh):
        if first is not None:
            one(*first, all_fh)
        for item in rows:
            one(*item, all_fh)

    try:
        if ext == "html":
            with folder.stream("all.html") as fh:
                fh.write(render.all_head(title))
                all_rows(fh)
                fh.write(render.ALL_TAIL)
        else:
            all_rows(None)
        summary = [{**r, "cost_text": cost_text(r)} for r in summ.rows()]
        index = {
            "title": title,
            "generated_on": generated,
            "students": students,
            "summary": summary,
            "answered": answered,
            "total": read,
        }
        folder.write(f"index.{ext}", render.index_page(index, "markdown" if ext == "md" else "html"))
    except (ReportDirError, OSError) as exc:
        common.err(f"certplan: cannot write the report: {exc}")
        raise typer.Exit(ExitCode.USAGE) from None
    common.err(
        f"certplan: wrote {answered} student page(s), index.{ext}"
        + (" and all.html" if ext == "html" else "")
        + f" to {folder.folder}"
    )
    batch.finish(people, read, answered, failed)
