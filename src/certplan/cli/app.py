"""The Typer application: thin commands that parse, call core, and hand to output.

Heavy modules (pydantic, yaml, rich, the catalog) are imported inside commands so
that ``--help`` and completion stay fast.
"""

from typing import Annotated, Optional

import typer
from typer.core import TyperGroup

from certplan import __version__
from certplan.cli import common
from certplan.cli.common import FormatOpt, JsonOpt, err, fmt_of, load, out
from certplan.exitcodes import EXIT_CODES_HELP, ExitCode


class _Root(TyperGroup):
    """Accepts the global --catalog option anywhere: `certplan list --json --catalog big.yaml`."""

    def parse_args(self, ctx, args):
        args = list(args)
        moved: list[str] = []
        i = 0
        while i < len(args):
            a = args[i]
            if a == "--":
                break
            if a == "--catalog" and i + 1 < len(args):
                moved += args[i : i + 2]
                del args[i : i + 2]
                continue
            if a.startswith("--catalog="):
                moved.append(args.pop(i))
                continue
            i += 1
        return super().parse_args(ctx, moved + args)


app = typer.Typer(
    cls=_Root,
    name="certplan",
    help=(
        "Plan a medical billing and coding career: credentials, eligibility, cost, pay and study plans.\n\n"
        "\b\nExamples:\n"
        "  certplan list --body AHIMA\n"
        "  certplan show CPC\n"
        "  certplan show CPC --json | jq .exam\n"
        "  certplan compare CPC CCS\n"
        "  certplan eligible --experience 2\n"
        "  certplan recommend --setting physician-office\n"
        "  certplan plan CPC --weeks 12 --ics cpc.ics\n"
        "  certplan cost CPC --years 4 --roi\n\n"
        "Data goes to stdout, messages to stderr. " + EXIT_CODES_HELP
    ),
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
catalog_app = typer.Typer(
    help="Check and inspect the catalog: validate, sources, stale facts.",
    rich_markup_mode=None,
    no_args_is_help=True,
)
app.add_typer(catalog_app, name="catalog")


def _complete_codes(ctx: typer.Context, incomplete: str) -> list[str]:
    from certplan.cli.completion import credential_codes, match

    return match(credential_codes(), incomplete)


def _complete_bodies(ctx: typer.Context, incomplete: str) -> list[str]:
    from certplan.cli.completion import body_codes, match

    return match(body_codes(), incomplete)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"certplan {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    catalog: Annotated[
        Optional[str],
        typer.Option(
            "--catalog",
            envvar="CERTPLAN_CATALOG",
            help="Use this catalog file instead of the packaged one.",
            metavar="FILE",
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    ctx.obj = {"catalog": catalog}


# --------------------------------------------------------------------------- list / show


@app.command("list")
def list_cmd(
    ctx: typer.Context,
    body: Annotated[
        Optional[list[str]],
        typer.Option("--body", help="Only this body (repeatable).", autocompletion=_complete_bodies),
    ] = None,
    level: Annotated[
        Optional[list[str]], typer.Option("--level", help="entry, advanced, specialty, management, degree-based.")
    ] = None,
    setting: Annotated[
        Optional[list[str]], typer.Option("--setting", help="Work setting, e.g. physician-office, payer, remote.")
    ] = None,
    status: Annotated[
        Optional[list[str]], typer.Option("--status", help="current, retired, unverified, alias, pairing.")
    ] = None,
    search: Annotated[
        Optional[str], typer.Option("--search", help="Text to find in code, name or description.")
    ] = None,
    json_: JsonOpt = False,
    fmt: FormatOpt = None,
    fields: common.FieldsOpt = None,
) -> None:
    """List credentials, with filters.

    \b
    Examples:
      certplan list --body AHIMA
      certplan list --level specialty --status current
      certplan list --setting payer --json
    """
    from certplan.catalog import vocab

    f = fmt_of(json_, fmt)
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
    o = out()
    if fields is not None:
        from certplan.catalog.served import view
        from certplan.core.schema import SHOW
        from certplan.output.render import write_json

        keep = common.parse_fields(fields, list(SHOW["properties"]))
        write_json([{k: v for k, v in view(served, c).items() if k in keep} for c in codes], o)
        return
    if f == "json":
        from certplan.catalog.served import write_list_json

        write_list_json(served, codes, o.stdout)
        return
    from certplan.output.render import Column, write_rows

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
    write_rows(rows, cols, f, o, title=f"{len(rows)} credentials")
    if not rows:
        err("certplan: no credential matches those filters")


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


@app.command("show")
def show_cmd(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="Credential code, e.g. CPC (any case).", autocompletion=_complete_codes)],
    json_: JsonOpt = False,
    fmt: FormatOpt = None,
    fields: common.FieldsOpt = None,
) -> None:
    """Show one credential: exam, eligibility, upkeep, pay and sources.

    \b
    Examples:
      certplan show CPC
      certplan show ccs-p
      certplan show CPC --json | jq .exam
      certplan show CPC --fields code,name,exam
      certplan show CPC-H        (a renamed credential says what it became)
    """
    from certplan.catalog.served import view
    from certplan.core import lookup

    f = fmt_of(json_, fmt, ("table", "json", "markdown"))
    served = common.served(ctx)
    try:
        found = lookup.resolve(served["index"], served["codes"], code)
    except lookup.UnknownCode as exc:
        common.unknown_codes_exit([exc])
    o = out()
    if fields is not None:
        from certplan.catalog.served import view
        from certplan.core.schema import SHOW
        from certplan.output.render import write_json

        keep = common.parse_fields(fields, list(SHOW["properties"]))
        write_json({k: v for k, v in view(served, found).items() if k in keep}, o)
        return
    if f == "json":
        from certplan.catalog.served import view_text

        o.stdout.write(view_text(served, found) + "\n")
        return
    from certplan.output.cards import credential_sections, render_sections

    v = view(served, found)
    if v["status"] in ("retired", "alias", "pairing", "unverified"):
        where = ", ".join(v["see_also"] or ([v["replaced_by"]] if v["replaced_by"] else []))
        err(f"certplan: {found} is {v['status']}" + (f"; see {where}" if where else ""))
    render_sections(f"{found} - {v['name']}", credential_sections(v), o, f)


# --------------------------------------------------------------------------- schema


@app.command("schema")
def schema_cmd(
    name: Annotated[
        Optional[str],
        typer.Argument(help="One output's schema (e.g. show, list, compare, eligible); all when omitted."),
    ] = None,
) -> None:
    """Print the JSON Schema of certplan's JSON outputs.

    \b
    Examples:
      certplan schema
      certplan schema show
    """
    from certplan.core.schema import SCHEMAS, all_schemas
    from certplan.output.render import write_json

    if name is None:
        write_json(all_schemas(), out())
        return
    if name not in SCHEMAS:
        from certplan.core.lookup import suggest

        hint = suggest(name, SCHEMAS)
        common.fail_usage(
            f"no schema named {name!r}; available: {', '.join(sorted(SCHEMAS))}"
            + (f" (did you mean {hint[0]}?)" if hint else "")
        )
    write_json(SCHEMAS[name], out())


# --------------------------------------------------------------------------- catalog


@catalog_app.command("validate")
def catalog_validate(
    ctx: typer.Context,
    file: Annotated[Optional[str], typer.Argument(help="Catalog file; default: --catalog or the packaged one.")] = None,
    json_: JsonOpt = False,
) -> None:
    """Check a catalog and report every problem (exit 0 valid, 3 invalid).

    \b
    Examples:
      certplan catalog validate
      certplan catalog validate my-catalog.yaml
    """
    from certplan.catalog.loader import CatalogError, load_catalog, read_catalog_text

    path = file if file is not None else common.catalog_path(ctx)
    o = out()
    try:
        name = read_catalog_text(path).name
        cat = load_catalog(path, use_cache=False)
    except CatalogError as exc:
        if json_:
            from certplan.output.render import write_json

            write_json({"file": exc.name, "valid": False, "problems": exc.problems}, o)
        else:
            for line in exc.problems:
                err(line)
            n = len(exc.problems)
            err(f"{exc.name}: {n} problem{'s' if n != 1 else ''}")
        raise typer.Exit(ExitCode.CATALOG) from None
    summary = {
        "file": name,
        "valid": True,
        "problems": [],
        "credentials": len(cat.credentials),
        "current_credentials": sum(c.status == "current" for c in cat.credentials),
        "bodies": len(cat.bodies),
        "sources": len(cat.sources),
        "occupations": len(cat.occupations),
    }
    if json_:
        from certplan.output.render import write_json

        write_json(summary, o)
    else:
        o.stdout.write(
            f"{name}: valid - {summary['credentials']} credentials ({summary['current_credentials']} current), "
            f"{summary['bodies']} bodies, {summary['occupations']} occupations, {summary['sources']} sources\n"
        )


@catalog_app.command("sources")
def catalog_sources(
    ctx: typer.Context,
    code: Annotated[
        Optional[str], typer.Argument(help="Only the sources of this credential.", autocompletion=_complete_codes)
    ] = None,
    json_: JsonOpt = False,
    fmt: FormatOpt = None,
) -> None:
    """List the sources the catalog cites, with kind, date and how many facts cite each.

    \b
    Examples:
      certplan catalog sources
      certplan catalog sources CPC --format markdown
    """
    from certplan.core import citations, lookup

    f = fmt_of(json_, fmt)
    cat = load(ctx)
    scope = None
    if code:
        try:
            scope = lookup.find(cat, code)
        except lookup.UnknownCode as exc:
            common.unknown_codes_exit([exc])
    rows = citations.source_rows(cat, scope)
    from certplan.output.render import Column, write_rows

    cols = [
        Column("id", "Id"),
        Column("kind", "Kind"),
        Column("tier", "Tier", justify="right"),
        Column("date", "Date"),
        Column("date_kind", "Dated by"),
        Column("facts", "Facts", justify="right"),
        Column("url", "URL", max_width=70),
    ]
    write_rows(rows, cols, f, out(), title=f"{len(rows)} sources" + (f" cited by {scope.code}" if scope else ""))


@catalog_app.command("stale")
def catalog_stale(
    ctx: typer.Context,
    older_than: Annotated[
        str, typer.Option("--older-than", help="Age such as 18m, 2y or 90d (default 18m).", metavar="AGE")
    ] = "18m",
    json_: JsonOpt = False,
    fmt: FormatOpt = None,
) -> None:
    """List facts whose source date is older than AGE, so they can be re-checked.

    \b
    Examples:
      certplan catalog stale --older-than 18m
      certplan catalog stale --older-than 3y --json
    """
    from certplan.core import citations

    f = fmt_of(json_, fmt)
    try:
        cutoff = citations.cutoff_date(common.today(), older_than)
    except ValueError as exc:
        common.fail_usage(str(exc))
    cat = load(ctx)
    rows = citations.stale_facts(cat, cutoff)
    from certplan.output.render import Column, write_rows

    cols = [
        Column("record", "Record"),
        Column("field", "Field", max_width=50),
        Column("date", "Source date"),
        Column("kind", "Kind"),
        Column("url", "URL", max_width=60),
    ]
    write_rows(rows, cols, f, out(), title=f"{len(rows)} facts dated before {cutoff.isoformat()}")


from certplan.cli import eligible, money, more, plan, recommend  # noqa: E402,F401  (registers the remaining commands)
