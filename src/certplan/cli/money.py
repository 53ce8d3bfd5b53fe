"""salary, cost and path: pay figures, the cost to earn and keep a credential, and the steps to it."""

from typing import Annotated, Optional

import typer

from certplan.cli import common
from certplan.cli.app import _complete_codes, app
from certplan.cli.common import FormatOpt, JsonOpt, fmt_of, load, out
from certplan.cli.profile_opts import ProfileFlags, with_profile_options

TABLE_JSON = ("table", "json")


def _one(cat, code: str):
    from certplan.core import lookup

    try:
        return lookup.find(cat, code)
    except lookup.UnknownCode as exc:
        common.unknown_codes_exit([exc])


@app.command("salary")
def salary_cmd(
    ctx: typer.Context,
    codes: Annotated[
        Optional[list[str]],
        typer.Argument(
            help="Credential codes; every credential with pay figures when omitted.", autocompletion=_complete_codes
        ),
    ] = None,
    occupation: Annotated[
        Optional[list[str]],
        typer.Option(
            "--occupation",
            help="Only this occupation (SOC code such as 29-2072; repeatable). "
            "Default: the occupations of the credentials given, or all.",
            metavar="SOC",
        ),
    ] = None,
    json_: JsonOpt = False,
    fmt: FormatOpt = None,
) -> None:
    """Pay: survey figures per credential, BLS figures per occupation, the certified-vs-not difference.

    Each figure says whether it is a median or a mean (average), its period, who it describes (members who
    answered a salary survey, or all US workers in BLS data) and its source. Figures more than three years
    old are marked dated; only the newest figure of a kind that is not dated is called current.

    \b
    Examples:
      certplan salary CPC CCS
      certplan salary --occupation 29-2072
      certplan salary CPC --json | jq '.credentials[0].pay'
    """
    from certplan.core import lookup, pay

    f = fmt_of(json_, fmt, TABLE_JSON)
    cat = load(ctx)
    creds = []
    if codes:
        found, unknown = lookup.find_many(cat, codes)
        if unknown:
            common.unknown_codes_exit(unknown)
        creds = list({c.code: c for c in found}.values())
    socs = None
    if occupation:
        known = [o.soc for o in cat.occupations]
        socs = []
        for s in occupation:
            s = s.strip()
            if s not in known:
                hint = lookup.suggest(s, known)
                common.fail_usage(
                    f"unknown occupation {s!r}; known SOC codes: {', '.join(known)}"
                    + (f" (did you mean {hint[0]}?)" if hint else "")
                )
            if s not in socs:
                socs.append(s)
    report = pay.salary(cat, creds, socs, common.today())
    o = out()
    if f == "json":
        from certplan.output.render import write_json

        write_json(report, o)
        return
    from certplan.output.money import render_salary

    render_salary(report, pay.chart_groups(report), o)


@app.command("cost")
@with_profile_options(exclude=("member",))  # --member/--non-member is the fee basis here
def cost_cmd(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="Credential code, e.g. CPC.", autocompletion=_complete_codes)],
    years: Annotated[
        int, typer.Option("--years", help="Years to keep it (the first year included).", min=1, max=40)
    ] = 2,
    member: Annotated[
        Optional[bool],
        typer.Option("--member/--non-member", help="Fee basis; default: the cheaper one (said in the output)."),
    ] = None,
    attempts: Annotated[
        int, typer.Option("--attempts", help="Exam attempts to budget for (default 1).", min=1, max=10)
    ] = 1,
    roi: Annotated[
        bool,
        typer.Option("--roi", help="Compare the cost with the sourced certified-vs-not-certified pay difference."),
    ] = False,
    profile: ProfileFlags = None,
    json_: JsonOpt = False,
    fmt: FormatOpt = None,
) -> None:
    """What a credential costs to earn and keep over N years (default 2), line by line.

    Lines: exam attempts (with the retake rule), membership each year it is required, renewal fees, the CEUs
    to earn (scaled by the credentials you would then hold: --held) and their cost, study materials. Each line
    is sourced, an estimate, or unknown; the total says how much is unknown. Fees paid only when something
    happens (late fees, extensions) are listed apart and never added. Here --member/--non-member is the fee
    basis; the bodies you belong to come from the saved profile.

    \b
    Examples:
      certplan cost CPC
      certplan cost CPC --years 4 --roi
      certplan cost CRC --held CPC
      certplan cost RHIA --held RHIT --non-member --json
    """
    from certplan.cli.eligible import resolve_profile
    from certplan.core import cost, pay

    f = fmt_of(json_, fmt, TABLE_JSON)
    cat = load(ctx)
    cred = _one(cat, code)
    if cred.status != "current":
        where = ", ".join(cred.see_also or ([cred.replaced_by] if cred.replaced_by else []))
        common.fail_usage(f"{cred.code} is {cred.status}; it cannot be earned" + (f" (see {where})" if where else ""))
    person = resolve_profile(cat, profile, quiet=True)
    if cred.code.upper() in {h.upper() for h in person.held}:
        common.err(f"certplan: you already hold {cred.code}; the exam line is what sitting it again would cost")
    basis = None if member is None else ("member" if member else "non-member")
    res = cost.estimate(cred, cat, person, basis, years, attempts)
    answer = {"schema_version": 1, **res, "roi": None}
    if roi:
        today = common.today()
        premiums = pay.premium_facts(cat, pay.Sources(cat), today)
        answer["roi"] = pay.roi(cred, res, premiums)
    o = out()
    if f == "json":
        from certplan.output.render import write_json

        write_json(answer, o)
        return
    from certplan.output.money import render_cost

    render_cost(answer, answer["roi"], o)


@app.command("path")
@with_profile_options()
def path_cmd(
    ctx: typer.Context,
    to: Annotated[
        Optional[str],
        typer.Option("--to", help="The goal: the steps from your profile to it.", autocompletion=_complete_codes),
    ] = None,
    from_: Annotated[
        Optional[str],
        typer.Option(
            "--from",
            help="Where this credential leads: next credentials, occupations, pay.",
            autocompletion=_complete_codes,
        ),
    ] = None,
    tree: Annotated[bool, typer.Option("--tree", help="Draw the routes or the progression as a tree.")] = False,
    profile: ProfileFlags = None,
    json_: JsonOpt = False,
    fmt: FormatOpt = None,
) -> None:
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
    f = fmt_of(json_, fmt, TABLE_JSON)
    if (to is None) == (from_ is None):
        common.fail_usage("give exactly one of --to CODE or --from CODE, e.g. certplan path --to RHIA")
    from certplan.core import path

    cat = load(ctx)
    o = out()
    today = common.today()
    if from_ is not None:
        if profile.given():
            common.err("certplan: profile flags are not used with --from")
        cred = _one(cat, from_)
        res = path.leads(cat, cred, today)
        if f == "json":
            from certplan.output.render import write_json

            write_json(res, o)
            return
        from certplan.output.money import render_path_from, render_path_from_tree

        (render_path_from_tree if tree else render_path_from)(res, o)
        return
    from certplan.cli.eligible import resolve_profile

    goal = _one(cat, to)
    person = resolve_profile(cat, profile)
    res = path.to_goal(cat, goal, person, today)
    if not res["routes"]:
        for n in res["notes"][:-1]:
            common.err(f"certplan: {n}")
    if f == "json":
        from certplan.output.render import write_json

        write_json(res, o)
        return
    from certplan.output.money import render_path_to, render_path_to_tree

    (render_path_to_tree if tree else render_path_to)(res, o)
