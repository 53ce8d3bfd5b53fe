"""list and show: the catalog's credentials, filtered, and one credential in full."""

from typing import Annotated, Optional

import typer

from certplan.cli import common
from certplan.cli.completion import completer
from certplan.cli.options import Output, output_options, show_fields


def register(app: typer.Typer) -> None:
    app.command("list")(list_cmd)
    app.command("show")(show_cmd)


@output_options(fields=show_fields)
def list_cmd(
    ctx: typer.Context,
    body: Annotated[
        Optional[list[str]],
        typer.Option("--body", help="Only this body (repeatable).", autocompletion=completer("bodies")),
    ] = None,
    level: Annotated[
        Optional[list[str]],
        typer.Option(
            "--level", help="entry, advanced, specialty, management, degree-based.", autocompletion=completer("levels")
        ),
    ] = None,
    setting: Annotated[
        Optional[list[str]],
        typer.Option(
            "--setting",
            help="Work setting, e.g. physician-office, payer, remote.",
            autocompletion=completer("settings"),
        ),
    ] = None,
    status: Annotated[
        Optional[list[str]],
        typer.Option(
            "--status", help="current, retired, unverified, alias, pairing.", autocompletion=completer("statuses")
        ),
    ] = None,
    search: Annotated[
        Optional[str], typer.Option("--search", help="Text to find in code, name or description.")
    ] = None,
    *,
    out: Output,
):
    """List credentials, with filters.

    \b
    Examples:
      certplan list --body AHIMA
      certplan list --level specialty --status current
      certplan list --setting payer --json
    """
    from certplan.catalog import vocab
    from certplan.output.render import Column
    from certplan.output.result import Result

    _check_choices("--level", level, vocab.LEVELS)
    _check_choices("--setting", setting, vocab.SETTINGS)
    _check_choices("--status", status, vocab.STATUSES)
    served = common.served(ctx)
    if body:
        known = {b.upper() for b in served["body_codes"]}
        for b in body:
            if b.upper() not in known:
                from certplan.core.lookup import suggest

                hint = suggest(b, served["body_codes"])
                common.fail_usage(f"unknown body {b!r}" + (f"; did you mean {', '.join(hint)}?" if hint else ""))
    codes = filter_codes(served, bodies=body, levels=level, settings=setting, statuses=status, search=search)
    if out.fields is not None:
        from certplan.store.caches import view

        return Result(data=[{k: v for k, v in view(served, c).items() if k in out.fields} for c in codes])
    if out.format == "json":
        from certplan.store.caches import write_list_json

        return Result(render={"json": lambda ctx: write_list_json(served, codes, ctx.stdout)})
    meta = served["meta"]
    rows = [
        {
            "code": c,
            "name": meta[c]["name"],
            "body": meta[c]["body"],
            "level": meta[c]["level"],
            "status": meta[c]["status"],
            "settings": ", ".join(meta[c]["settings"]),
        }
        for c in codes
    ]
    cols = [
        Column("code", "Code"),
        Column("name", "Name", max_width=40),
        Column("body", "Body"),
        Column("level", "Level"),
        Column("status", "Status"),
        Column("settings", "Settings", max_width=40),
    ]
    return Result(
        rows=rows,
        columns=cols,
        title=f"{len(rows)} credentials",
        notes=[] if rows else ["no credential matches those filters"],
    )


def filter_codes(served, bodies=None, levels=None, settings=None, statuses=None, search=None) -> list[str]:
    bset = {b.upper() for b in bodies or []}
    needle = (search or "").strip().lower()
    out = []
    for code in served["codes"]:
        m = served["meta"][code]
        if bset and (m["body"] or "").upper() not in bset:
            continue
        if levels and m["level"] not in levels:
            continue
        if settings and not set(settings) & set(m["settings"]):
            continue
        if statuses and m["status"] not in statuses:
            continue
        if needle and needle not in " ".join([code, m["name"], m["description"], *m["aliases"]]).lower():
            continue
        out.append(code)
    return out


def _check_choices(opt: str, values: list[str] | None, allowed: tuple[str, ...]) -> None:
    for v in values or []:
        if v not in allowed:
            from certplan.core.lookup import suggest

            hint = suggest(v, allowed, n=2)
            common.fail_usage(
                f"{opt} {v!r} is not one of: {', '.join(allowed)}" + (f" (did you mean {hint[0]}?)" if hint else "")
            )


@output_options(formats=("table", "json", "markdown"), fields=show_fields)
def show_cmd(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="Credential code, e.g. CPC (any case).", autocompletion=completer("codes"))],
    *,
    out: Output,
):
    """Show one credential: exam, eligibility, upkeep, pay and sources.

    \b
    Examples:
      certplan show CPC
      certplan show ccs-p
      certplan show CPC --json | jq .exam
      certplan show CPC --fields code,name,exam
      certplan show CPC-H        (a renamed credential says what it became)
    """
    from certplan.core import lookup
    from certplan.output.result import Result
    from certplan.store.caches import view, view_text

    served = common.served(ctx)
    try:
        found = lookup.resolve(served["index"], served["codes"], code)
    except lookup.UnknownCode as exc:
        common.unknown_codes_exit([exc])
    if out.fields is not None:
        return Result(data={k: v for k, v in view(served, found).items() if k in out.fields})
    if out.format == "json":
        return Result(json_text=view_text(served, found))
    from certplan.output.cards import credential_sections, render_sections

    v = view(served, found)
    res = Result()
    if v["status"] in ("retired", "alias", "pairing", "unverified"):
        where = ", ".join(v["see_also"] or ([v["replaced_by"]] if v["replaced_by"] else []))
        res.before.append(f"{found} is {v['status']}" + (f"; see {where}" if where else ""))
    title, sections = f"{found} - {v['name']}", credential_sections(v)
    for fmt in ("table", "markdown"):
        res.render[fmt] = lambda ctx, fmt=fmt: render_sections(title, sections, ctx, fmt)
    return res
