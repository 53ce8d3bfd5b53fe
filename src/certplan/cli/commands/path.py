"""path: the steps from a profile to a credential (--to), or where a credential leads (--from)."""

from typing import Annotated, Optional

import typer

from certplan.cli import common
from certplan.cli.common import load
from certplan.cli.completion import completer
from certplan.cli.options import Output, ProfileFlags, output_options, with_profile_options
from certplan.cli.person_input import resolve_profile


def register(app: typer.Typer) -> None:
    app.command("path")(path_cmd)


@output_options()
@with_profile_options()
def path_cmd(
    ctx: typer.Context,
    to: Annotated[
        Optional[str],
        typer.Option("--to", help="The goal: the steps from your profile to it.", autocompletion=completer("codes")),
    ] = None,
    from_: Annotated[
        Optional[str],
        typer.Option(
            "--from",
            help="Where this credential leads: next credentials, occupations, pay.",
            autocompletion=completer("codes"),
        ),
    ] = None,
    tree: Annotated[bool, typer.Option("--tree", help="Draw the routes or the progression as a tree.")] = False,
    profile: ProfileFlags = None,
    *,
    out: Output,
):
    """The steps to a credential (--to), or where a credential leads (--from).

    --to lists, for every way to qualify, the ordered steps from your profile (saved profile plus flags):
    degrees, accredited programs, prerequisite credentials (with their own steps), courses, experience,
    joining the body, the exam, removing an apprentice designation; with months and cost per step and
    added up. The fastest and the cheapest routes are shown in full. A step with no sourced time or cost
    is unknown, and totals after it read "at least" (+).

    \b
    Examples:
      certplan path --to RHIA --education high-school
      certplan path --to CPC --experience 1
      certplan path --from CPC --tree
      certplan path --to CCS --json
    """
    if (to is None) == (from_ is None):
        common.fail_usage("give exactly one of --to CODE or --from CODE, e.g. certplan path --to RHIA")
    from certplan.core import path
    from certplan.output import flat
    from certplan.output.result import Result

    cat = load(ctx)
    today = common.today()
    if from_ is not None:
        if profile.given():
            common.err("certplan: profile flags are not used with --from")
        cred = common.one_credential(cat, from_)
        res = path.leads(cat, cred, today)
        from certplan.output.money import render_path_from, render_path_from_tree

        draw = render_path_from_tree if tree else render_path_from
        return Result(
            data=res,
            rows=lambda: flat.leads_rows(res),
            columns=flat.LEADS_COLUMNS,
            title=f"Where {cred.code} leads",
            render={"table": lambda ctx: draw(res, ctx)},
        )
    goal = common.one_credential(cat, to)
    person = resolve_profile(cat, profile)
    res = path.to_goal(cat, goal, person, today)
    if not res["routes"]:
        for n in res["notes"][:-1]:
            common.err(f"certplan: {n}")
    from certplan.output.money import render_path_to, render_path_to_tree

    draw = render_path_to_tree if tree else render_path_to
    return Result(
        data=res,
        rows=lambda: flat.route_rows(res),
        columns=flat.ROUTE_COLUMNS,
        title=f"Routes to {goal.code}",
        render={"table": lambda ctx: draw(res, ctx)},
    )
