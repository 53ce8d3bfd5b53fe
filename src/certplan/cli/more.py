"""compare and bodies."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from certplan.cli import common
from certplan.cli.app import _complete_bodies, _complete_codes, app
from certplan.cli.common import FormatOpt, JsonOpt, fmt_of, load, out


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
    from certplan.core import compare, lookup, views

    f = fmt_of(json_, fmt)
    if len(codes) < compare.MIN_CODES:
        common.fail_usage("compare needs at least 2 credential codes, e.g. certplan compare CPC CCS")
    if len(codes) > compare.MAX_CODES:
        common.fail_usage(f"compare takes at most {compare.MAX_CODES} codes; you gave {len(codes)}")
    cat = load(ctx)
    found, unknown = lookup.find_many(cat, codes)
    if unknown:
        common.unknown_codes_exit(unknown)
    seen: dict[str, str] = {}
    for typed, cred in zip(codes, found):
        if cred.code in seen:
            common.fail_usage(f"{typed!r} is given twice (same credential as {seen[cred.code]!r})")
        seen[cred.code] = typed
    basis = None if member is None else ("member" if member else "non-member")
    result = compare.compare(cat, found, views.Ctx(cat, common.today()), basis)
    o = out()
    if f == "json":
        from certplan.output.render import write_json

        write_json({k: v for k, v in result.items() if k != "rows"}, o)
        return
    from certplan.output.grid import render_grid

    headers = [c.code for c in found]
    rows = [r for r in result["rows"] if r["differs"] or not diff]
    render_grid(headers, rows, f, o, vertical=vertical, title="Comparison" + (" (differences only)" if diff else ""))
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
    from certplan.core import ceu, compare, lookup, views

    f = fmt_of(json_, fmt)
    cat = load(ctx)
    if codes:
        chosen = []
        errors = []
        for c in codes:
            try:
                b = lookup.find_body(cat, c)
            except lookup.UnknownCode as exc:
                errors.append(exc)
                continue
            if b in chosen:
                common.fail_usage(f"body {c!r} is given twice")
            chosen.append(b)
        if errors:
            common.unknown_codes_exit(errors)
    else:
        chosen = list(cat.bodies)
    vctx = views.Ctx(cat, common.today())
    bviews = [views.body(b, vctx) for b in chosen]
    o = out()
    if f == "json":
        from certplan.output.render import write_json

        for bv, b in zip(bviews, chosen):
            bv["ceus_by_credentials_held"] = ceu.by_count(b, cat)
        write_json(bviews, o)
        return
    from certplan.output.grid import render_grid

    render_grid([b.code for b in chosen], compare.body_rows(bviews), f, o, vertical=vertical, title="Certifying bodies")
