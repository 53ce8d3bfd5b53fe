"""salary and cost: pay figures, and the cost to earn and keep a credential."""

from enum import Enum
from typing import Annotated, Optional

import typer

from certplan.cli import common
from certplan.cli.common import load
from certplan.cli.completion import completer
from certplan.cli.options import Output, ProfileFlags, output_options, with_profile_options
from certplan.cli.person_input import resolve_profile

# the catalog's funding programs by their short names (tests/test_funding.py checks them against the catalog)
FUNDING_NAMES = ("army", "air-force", "gi-bill", "wioa")


class Basis(str, Enum):
    member = "member"
    non_member = "non-member"


def register(app: typer.Typer) -> None:
    app.command("salary")(salary_cmd)
    app.command("cost")(cost_cmd)


@output_options()
def salary_cmd(
    ctx: typer.Context,
    codes: Annotated[
        Optional[list[str]],
        typer.Argument(
            help="Credential codes; every credential with pay figures when omitted.", autocompletion=completer("codes")
        ),
    ] = None,
    occupation: Annotated[
        Optional[list[str]],
        typer.Option(
            "--occupation",
            help="Only this occupation (SOC code such as 29-2072; repeatable). "
            "Default: the occupations of the credentials given, or all.",
            metavar="SOC",
            autocompletion=completer("occupations"),
        ),
    ] = None,
    *,
    out: Output,
):
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
    from certplan.output import flat
    from certplan.output.result import Result

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
    from certplan.output.money import render_salary

    return Result(
        data=report,
        rows=lambda: flat.salary_rows(report),
        columns=flat.SALARY_COLUMNS,
        title="Pay figures",
        render={"table": lambda ctx: render_salary(report, pay.chart_groups(report), ctx)},
    )


@output_options()
@with_profile_options()
def cost_cmd(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="Credential code, e.g. CPC.", autocompletion=completer("codes"))],
    years: Annotated[
        int, typer.Option("--years", help="Years to keep it (the first year included).", min=1, max=40)
    ] = 2,
    basis: Annotated[
        Optional[Basis],
        typer.Option(
            "--basis",
            help="Fee basis: member or non-member. Default: member prices where you are a member (--member BODY), "
            "else the cheaper one (said in the output).",
            case_sensitive=False,
            autocompletion=completer("basis", tuple(b.value for b in Basis)),
        ),
    ] = None,
    attempts: Annotated[
        int, typer.Option("--attempts", help="Exam attempts to budget for (default 1).", min=1, max=10)
    ] = 1,
    roi: Annotated[
        bool,
        typer.Option("--roi", help="Compare the cost with the sourced certified-vs-not-certified pay difference."),
    ] = False,
    funding: Annotated[
        Optional[str],
        typer.Option(
            "--funding",
            help="A program that pays part of it: army, air-force, gi-bill or wioa; shows what is left for you.",
            metavar="PROGRAM",
            autocompletion=completer("funding", FUNDING_NAMES),
        ),
    ] = None,
    employer_pays: Annotated[
        Optional[str],
        typer.Option(
            "--employer-pays",
            help="What your employer reimburses: in total (500) or a year (1500/year).",
            metavar="AMOUNT",
        ),
    ] = None,
    profile: ProfileFlags = None,
    *,
    out: Output,
):
    """What a credential costs to earn and keep over N years (default 2), line by line.

    Lines: exam attempts (with the retake rule), membership each year it is required, renewal fees, the CEUs
    to earn (scaled by the credentials you would then hold: --held) and their cost, study materials. Each line
    is sourced, an estimate, or unknown; the total says how much is unknown. Fees paid only when something
    happens (late fees, extensions) are listed apart and never added. --member BODY says you belong to a
    body (so its member prices apply); --basis picks the fee basis outright.

    \b
    Examples:
      certplan cost CPC
      certplan cost CPC --years 4 --roi
      certplan cost CRC --held CPC
      certplan cost CPC --member AAPC
      certplan cost RHIA --held RHIT --basis non-member --json
      certplan cost CPC --funding army
      certplan cost CCS --funding gi-bill --employer-pays 500
    """
    from certplan.core import cost, pay
    from certplan.core import funding as fund
    from certplan.output import flat
    from certplan.output.result import Result

    try:
        employer = fund.parse_employer(employer_pays) if employer_pays is not None else None
    except fund.FundingError as exc:
        common.fail_usage(str(exc))
    cat = load(ctx)
    try:
        program = fund.find_program(cat, funding) if funding is not None else None
    except fund.FundingError as exc:
        common.fail_usage(str(exc))
    cred = common.one_credential(cat, code)
    if cred.status != "current":
        where = ", ".join(cred.see_also or ([cred.replaced_by] if cred.replaced_by else []))
        common.fail_usage(f"{cred.code} is {cred.status}; it cannot be earned" + (f" (see {where})" if where else ""))
    person = resolve_profile(cat, profile, quiet=True)
    if cred.code.upper() in {h.upper() for h in person.held}:
        common.err(f"certplan: you already hold {cred.code}; the exam line is what sitting it again would cost")
    res = cost.estimate(cred, cat, person, basis.value if basis else None, years, attempts)
    answer = {"schema_version": 1, **res, "roi": None, "funding": None}
    if roi:
        today = common.today()
        premiums = pay.premium_facts(cat, pay.Sources(cat), today)
        answer["roi"] = pay.roi(cred, res, premiums)
    if program is not None or employer is not None:
        answer["funding"] = fund.net_cost(res, cat, common.today(), program, employer)
    from certplan.output.money import render_cost

    return Result(
        data=answer,
        rows=lambda: flat.cost_rows(answer),
        columns=flat.COST_COLUMNS,
        title=f"{cred.code}: cost over {years} year{'s' if years != 1 else ''}",
        render={"table": lambda ctx: render_cost(answer, answer["roi"], ctx, answer["funding"])},
    )


