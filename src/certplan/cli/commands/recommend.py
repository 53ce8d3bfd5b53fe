"""recommend."""

import dataclasses
from typing import Annotated, Optional

import typer

from certplan.catalog.vocab import FOCUS
from certplan.cli import batch, common
from certplan.cli.common import err, load
from certplan.cli.completion import completer
from certplan.cli.options import Output, ProfileFlags, output_options, with_profile_options
from certplan.cli.parsing import choices
from certplan.cli.person_input import resolve_profile


def register(app: typer.Typer) -> None:
    app.command("recommend")(recommend_cmd)


def _budget(typed: str | None) -> float | None:
    if typed is None:
        return None
    from certplan.cli.parsing import money_amount

    try:
        return money_amount(typed)
    except ValueError as exc:
        common.fail_usage(f"--budget {exc}")


def _ask() -> dict:
    from certplan.catalog.vocab import SETTINGS
    from certplan.cli.parsing import education_level, money_amount

    def ask(q, default, conv):
        while True:
            a = typer.prompt(q, default=default, err=True)
            try:
                return conv(a)
            except ValueError as exc:
                err(f"  {exc}")

    def listed(allowed):
        def conv(a):
            vals = [x.strip().lower() for x in a.split(",") if x.strip() and x.strip() != "-"]
            bad = [x for x in vals if x not in allowed]
            if bad:
                raise ValueError(f"not one of {', '.join(allowed)}: {', '.join(bad)}")
            return tuple(vals)

        return conv

    def number(a):
        if a.strip() in ("", "-"):
            return None
        v = float(a)
        if v < 0:
            raise ValueError("give 0 or more")
        return v

    def money(a):
        return None if a.strip() in ("", "-") else money_amount(a)

    return {
        "settings": ask(
            "Where do you want to work? (" + ", ".join(SETTINGS) + "; comma separated, or -)", "-", listed(SETTINGS)
        ),
        "focus": ask("What do you want to do? (" + ", ".join(FOCUS) + "; or -)", "-", listed(FOCUS)),
        "education": ask(
            "Highest education (none, high-school, associate, bachelor, master, doctorate; HS, GED, AA, BS... work;"
            " or - for your saved profile)",
            "-",
            lambda a: None if a.strip() in ("", "-") else education_level(a),
        ),
        "experience": ask("Years of work experience (or - for your saved profile)", "-", number),
        "budget": ask("Budget for the first year in USD, e.g. $500 (or -)", "-", money),
        "within": ask("Months you can wait before earning it (or -)", "-", number),
    }


@output_options(formats=batch.FORMATS)
@with_profile_options()
def recommend_cmd(
    ctx: typer.Context,
    setting: Annotated[
        Optional[list[str]],
        typer.Option(
            "--setting",
            help="Where you want to work (repeatable), e.g. physician-office.",
            autocompletion=completer("settings"),
        ),
    ] = None,
    focus: Annotated[
        Optional[list[str]],
        typer.Option(
            "--focus",
            help="What you want to do (repeatable): " + ", ".join(FOCUS) + ".",
            autocompletion=completer("focus"),
        ),
    ] = None,
    budget: Annotated[
        Optional[str], typer.Option("--budget", help="First-year budget in USD: 500, $500, 1,200 or 500.00.")
    ] = None,
    within: Annotated[
        Optional[int], typer.Option("--within", help="Months you can wait before you could earn it.", min=0, max=600)
    ] = None,
    top: Annotated[int, typer.Option("--top", help="How many to show (0: all).", min=0)] = 10,
    profile: ProfileFlags = None,
    profiles: batch.ProfilesOpt = None,
    sheet: batch.SheetOpt = None,
    strict: batch.StrictOpt = False,
    *,
    out: Output,
):
    """Which credential is right for me? A ranked list with reasons and trade-offs.

    The score adds documented parts (setting, focus, eligibility, level, budget,
    sourced recognition); see the README. With no flags on a terminal, asks a few
    questions; it never asks when stdin is not a terminal.

    \b
    Examples:
      certplan recommend --setting physician-office
      certplan recommend --setting hospital-inpatient --experience 2
      certplan recommend --focus compliance --education bachelor --json
      certplan recommend --budget 300 --within 6
      certplan recommend --profiles students.csv --top 3 --format csv
    """
    from certplan.catalog.vocab import SETTINGS
    from certplan.core.recommend import Preferences, recommend
    from certplan.output.render import Column
    from certplan.output.result import Result

    f = out.format
    batch.check_single(f, profiles, sheet=sheet, strict=strict)
    budget = _budget(budget)
    settings_ = choices("--setting", setting, SETTINGS)
    focus_ = choices("--focus", focus, FOCUS)
    cat = load(ctx)
    if profiles is not None:
        batch.refuse_profile_flags(profile)
        prefs = Preferences(settings=settings_, focus=focus_, budget=budget, within_months=within)
        batch.recommend(cat, profiles, sheet, prefs, top, f, strict)
    nothing = not (settings_ or focus_ or budget is not None or within is not None or profile.given())
    if nothing and out.interactive and f == "table":
        a = _ask()
        settings_, focus_ = a["settings"], a["focus"]
        budget = a["budget"]
        if a["education"] is not None or a["experience"] is not None:
            profile = dataclasses.replace(
                profile,
                education=a["education"] or profile.education,
                experience=a["experience"] if a["experience"] is not None else profile.experience,
            )
        within = int(a["within"]) if a["within"] is not None else None
    person = resolve_profile(cat, profile)
    prefs = Preferences(settings=settings_, focus=focus_, budget=budget, within_months=within)
    results = recommend(cat, person, prefs, common.today())
    if "remote" in (settings_ or ()):
        from certplan.core.remote import remote_summary

        err("certplan: " + remote_summary(cat))
    shown = results[:top] if top else results
    rows = [
        {
            "rank": r["rank"],
            "code": r["code"],
            "score": r["score"],
            "status": r["status"],
            "why": "; ".join(r["reasons"]),
            "but": "; ".join(r["tradeoffs"]) or "-",
            "change": "; ".join(r["what_would_change"]) or "-",
        }
        for r in shown
    ]
    cols = [
        Column("rank", "#", justify="right"),
        Column("code", "Code"),
        Column("score", "Score", justify="right"),
        Column("status", "Status"),
        Column("why", "Why", max_width=60),
        Column("but", "Trade-offs", max_width=50),
    ]
    res = Result(
        data=shown,
        rows=rows,
        columns=[*cols, Column("change", "What would change it")],
        table_columns=cols,
        title="Recommended for you (score parts: certplan recommend --json)",
    )
    if f == "table" and shown:

        def table(ctx) -> None:
            from certplan.output.render import write_rows

            write_rows(rows, cols, "table", ctx, title=res.title)
            changes = [f"  {r['code']}: {c}" for r in shown[:5] for c in r["what_would_change"][:2]]
            if changes:  # no heading over nothing
                ctx.stderr.write("What would change the answer:\n" + "".join(line + "\n" for line in changes))

        res.render["table"] = table
    return res
