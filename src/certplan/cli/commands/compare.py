"""compare and bodies: credentials side by side, and the certifying bodies side by side."""

from enum import Enum
from typing import Annotated, Optional

import typer

from certplan.cli import common
from certplan.cli.completion import completer
from certplan.cli.options import Output, output_options


class Basis(str, Enum):
    member = "member"
    non_member = "non-member"


BasisOpt = Annotated[
    Optional[Basis],
    typer.Option(
        "--basis",
        help="Fee basis for every credential: member or non-member. Default: member prices where you are a "
        "member (--member BODY), else the cheaper basis (said in the output).",
        case_sensitive=False,
        autocompletion=completer("basis", tuple(b.value for b in Basis)),
    ),
]
MemberBodyOpt = Annotated[
    Optional[list[str]],
    typer.Option(
        "--member",
        help="A body you are a member of (repeatable), e.g. AAPC; its credentials are priced at member rates.",
        autocompletion=completer("bodies"),
        metavar="BODY",
    ),
]


def register(app: typer.Typer) -> None:
    app.command("compare")(compare_cmd)
    app.command("bodies")(bodies_cmd)


@output_options()
def compare_cmd(
    ctx: typer.Context,
    codes: Annotated[
        list[str], typer.Argument(help="2 to 8 credential codes.", autocompletion=completer("codes"), show_default=False)
    ],
    diff: Annotated[bool, typer.Option("--diff", help="Show only the rows where the credentials differ.")] = False,
    vertical: Annotated[
        bool, typer.Option("--vertical", help="One block per field instead of one column per credential.")
    ] = False,
    basis: BasisOpt = None,
    member: MemberBodyOpt = None,
    *,
    out: Output,
):
    """Compare 2 to 8 credentials side by side: exam, eligibility, upkeep, pay, cost.

    Rows where the credentials differ are marked with '*'. Costs use member prices for the
    bodies you are a member of (--member BODY), else the cheaper fee basis, unless --basis is given.

    \b
    Examples:
      certplan compare CPC CCS
      certplan compare CPC CCS CIC COC CRC --diff
      certplan compare CPC CCS --json | python -m json.tool
      certplan compare CPC CCS --format markdown
      certplan compare CPC CCS --member AAPC
    """
    from certplan.core import compare, lookup
    from certplan.output.result import Result
    from certplan.store.caches import view

    if len(codes) < compare.MIN_CODES:
        common.fail_usage("compare needs at least 2 credential codes, e.g. certplan compare CPC CCS")
    if len(codes) > compare.MAX_CODES:
        common.fail_usage(f"compare takes at most {compare.MAX_CODES} codes; you gave {len(codes)}")
    served = common.served(ctx)
    found, unknown = [], []
    for typed in codes:
        try:
            found.append(lookup.resolve(served["index"], served["codes"], typed))
        except lookup.UnknownCode as exc:
            unknown.append(exc)
    if unknown:
        common.unknown_codes_exit(unknown)
    seen: dict[str, str] = {}
    for typed, code in zip(codes, found):
        if code in seen:
            common.fail_usage(f"{typed!r} is given twice (same credential as {seen[code]!r})")
        seen[code] = typed
    members = _member_bodies(served, member)
    views = [view(served, c) for c in found]

    def basis_of(v) -> str:  # one rule with cost: --basis, else member prices where a member, else the cheaper
        if basis is not None:
            return basis.value
        return "member" if (v.get("body") or "").upper() in members else "cheapest"

    result = compare.assemble(views, [served["costs"][c][basis_of(v)] for c, v in zip(found, views)])
    from certplan.output.grid import render_grid

    rows = [r for r in result["rows"] if r["differs"] or not diff]
    title = "Comparison" + (" (differences only)" if diff else "")
    res = Result(data={k: v for k, v in result.items() if k != "rows"})
    for fmt in ("table", "csv", "markdown"):
        res.render[fmt] = lambda ctx, fmt=fmt: render_grid(found, rows, fmt, ctx, vertical=vertical, title=title)
    if diff and not rows and out.format != "json":
        res.notes.append("no differences in the compared fields")
    return res


def _member_bodies(served, member: list[str] | None) -> set[str]:
    """The bodies given with --member, upper-cased; exit 2 naming an unknown one."""
    known = {b.upper() for b in served["body_codes"]}
    out = set()
    for m in member or []:
        if m.strip().upper() not in known:
            from certplan.core.lookup import suggest

            hint = suggest(m, served["body_codes"])
            common.fail_usage(f"--member: unknown body {m!r}" + (f"; did you mean {', '.join(hint)}?" if hint else ""))
        out.add(m.strip().upper())
    return out


@output_options()
def bodies_cmd(
    ctx: typer.Context,
    codes: Annotated[
        Optional[list[str]],
        typer.Argument(help="Body codes, e.g. AAPC AHIMA; all bodies when omitted.", autocompletion=completer("bodies")),
    ] = None,
    vertical: Annotated[
        bool, typer.Option("--vertical", help="One block per field instead of one column per body.")
    ] = False,
    *,
    out: Output,
):
    """Compare certifying bodies: dues, credentials, CEUs, renewal, exam delivery.

    \b
    Examples:
      certplan bodies AAPC AHIMA
      certplan bodies --json
    """
    from certplan.core import compare
    from certplan.core.lookup import UnknownCode, suggest
    from certplan.output.result import Result

    served = common.served(ctx)
    by_code = {b["code"].upper(): b for b in served["bodies"]}
    if codes:
        chosen = []
        errors = []
        for c in codes:
            b = by_code.get(c.strip().upper())
            if b is None:
                errors.append(UnknownCode(c, suggest(c, served["body_codes"]), what="body"))
                continue
            if b in chosen:
                common.fail_usage(f"body {c!r} is given twice")
            chosen.append(b)
        if errors:
            common.unknown_codes_exit(errors)
    else:
        chosen = list(served["bodies"])
    from certplan.output.grid import render_grid

    res = Result(data=chosen)
    for fmt in ("table", "csv", "markdown"):
        res.render[fmt] = lambda ctx, fmt=fmt: render_grid(
            [b["code"] for b in chosen], compare.body_rows(chosen), fmt, ctx, vertical=vertical, title="Certifying bodies"
        )
    return res
