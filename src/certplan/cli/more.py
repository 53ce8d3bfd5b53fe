"""compare and bodies."""

from typing import Annotated, Optional

import typer

from certplan.cli import common
from certplan.cli.app import _complete_bodies, _complete_codes, app
from certplan.cli.common import FormatOpt, JsonOpt, fmt_of, out


@app.command("compare")
def compare_cmd(
    ctx: typer.Context,
    codes: Annotated[
        list[str], typer.Argument(help="2 to 8 credential codes.", autocompletion=_complete_codes, show_default=False)
    ],
    diff: Annotated[bool, typer.Option("--diff", help="Show only the rows where the credentials differ.")] = False,
    vertical: Annotated[
        bool, typer.Option("--vertical", help="One block per field instead of one column per credential.")
    ] = False,
    member: Annotated[Optional[bool], typer.Option("--member/--non-member", help="Fee basis for the costs.")] = None,
    json_: JsonOpt = False,
    fmt: FormatOpt = None,
) -> None:
    """Compare 2 to 8 credentials side by side: exam, eligibility, upkeep, pay, cost.

    Rows where the credentials differ are marked with '*'. Costs use the cheapest fee
    basis for each credential unless --member or --non-member is given.

    \b
    Examples:
      certplan compare CPC CCS
      certplan compare CPC CCS CIC COC CRC --diff
      certplan compare CPC CCS --json | python -m json.tool
      certplan compare CPC CCS --format markdown
    """
    from certplan.core import compare, lookup
    from certplan.store.caches import view

    f = fmt_of(json_, fmt)
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
    basis = "cheapest" if member is None else ("member" if member else "non-member")
    result = compare.assemble([view(served, c) for c in found], [served["costs"][c][basis] for c in found])
    o = out()
    if f == "json":
        from certplan.output.render import write_json

        write_json({k: v for k, v in result.items() if k != "rows"}, o)
        return
    from certplan.output.grid import render_grid

    rows = [r for r in result["rows"] if r["differs"] or not diff]
    render_grid(found, rows, f, o, vertical=vertical, title="Comparison" + (" (differences only)" if diff else ""))
    if diff and not rows:
        common.err("certplan: no differences in the compared fields")


@app.command("bodies")
def bodies_cmd(
    ctx: typer.Context,
    codes: Annotated[
        Optional[list[str]],
        typer.Argument(help="Body codes, e.g. AAPC AHIMA; all bodies when omitted.", autocompletion=_complete_bodies),
    ] = None,
    vertical: Annotated[
        bool, typer.Option("--vertical", help="One block per field instead of one column per body.")
    ] = False,
    json_: JsonOpt = False,
    fmt: FormatOpt = None,
) -> None:
    """Compare certifying bodies: dues, credentials, CEUs, renewal, exam delivery.

    \b
    Examples:
      certplan bodies AAPC AHIMA
      certplan bodies --json
    """
    from certplan.core import compare
    from certplan.core.lookup import UnknownCode, suggest

    f = fmt_of(json_, fmt)
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
    o = out()
    if f == "json":
        from certplan.output.render import write_json

        write_json(chosen, o)
        return
    from certplan.output.grid import render_grid

    render_grid(
        [b["code"] for b in chosen], compare.body_rows(chosen), f, o, vertical=vertical, title="Certifying bodies"
    )
