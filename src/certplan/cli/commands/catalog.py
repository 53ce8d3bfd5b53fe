"""catalog validate, sources and stale: check the catalog and the sources behind its facts."""

from typing import Annotated, Optional

import typer

from certplan.cli import common
from certplan.cli.common import load
from certplan.cli.completion import completer
from certplan.cli.options import Output, output_options
from certplan.exitcodes import ExitCode

catalog_app = typer.Typer(
    help="Check and inspect the catalog: validate, sources, stale facts.",
    rich_markup_mode=None,
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(catalog_app, name="catalog")


@catalog_app.command("validate")
@output_options(formats=("table", "json"))
def catalog_validate(
    ctx: typer.Context,
    file: Annotated[Optional[str], typer.Argument(help="Catalog file; default: --catalog or the packaged one.")] = None,
    *,
    out: Output,
):
    """Check a catalog and report every problem (exit 0 valid, 3 invalid).

    \b
    Examples:
      certplan catalog validate
      certplan catalog validate my-catalog.yaml
    """
    from certplan.catalog.loader import CatalogError, load_catalog_text, read_catalog_text
    from certplan.output.result import Result

    path = file if file is not None else common.catalog_path(ctx)
    try:
        ct = read_catalog_text(path)
        name = ct.name
        cat = load_catalog_text(ct)
    except CatalogError as exc:
        n = len(exc.problems)
        lines = [*exc.problems, f"{exc.name}: {n} problem{'s' if n != 1 else ''}"]
        return Result(
            data={"file": exc.name, "valid": False, "problems": exc.problems},
            render={"table": lambda ctx: ctx.stderr.write("".join(f"{line}\n" for line in lines))},
            exit_code=ExitCode.CATALOG,
        )
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
    line = (
        f"{name}: valid - {summary['credentials']} credentials ({summary['current_credentials']} current), "
        f"{summary['bodies']} bodies, {summary['occupations']} occupations, {summary['sources']} sources\n"
    )
    return Result(data=summary, render={"table": lambda ctx: ctx.stdout.write(line)})


@catalog_app.command("sources")
@output_options()
def catalog_sources(
    ctx: typer.Context,
    code: Annotated[
        Optional[str], typer.Argument(help="Only the sources of this credential.", autocompletion=completer("codes"))
    ] = None,
    *,
    out: Output,
):
    """List the sources the catalog cites, with kind, date and how many facts cite each.

    \b
    Examples:
      certplan catalog sources
      certplan catalog sources CPC --format markdown
    """
    from certplan.core import citations, lookup
    from certplan.output.render import Column
    from certplan.output.result import Result

    cat = load(ctx, whole=True)  # every rule, in force today or not
    scope = None
    if code:
        try:
            scope = lookup.find(cat, code)
        except lookup.UnknownCode as exc:
            common.unknown_codes_exit([exc])
    rows = citations.source_rows(cat, scope)

    cols = [
        Column("id", "Id"),
        Column("kind", "Kind"),
        Column("date", "Date"),
        Column("date_kind", "Dated by"),
        Column("facts", "Facts", justify="right"),
        Column("url", "URL", max_width=70),
    ]
    return Result(
        data=rows, rows=rows, columns=cols, title=f"{len(rows)} sources" + (f" cited by {scope.code}" if scope else "")
    )


@catalog_app.command("stale")
@output_options()
def catalog_stale(
    ctx: typer.Context,
    older_than: Annotated[
        str, typer.Option("--older-than", help="Age such as 18m, 2y or 90d (default 18m).", metavar="AGE")
    ] = "18m",
    *,
    out: Output,
):
    """List facts whose source date is older than AGE, so they can be re-checked.

    \b
    Examples:
      certplan catalog stale --older-than 18m
      certplan catalog stale --older-than 3y --json
    """
    from certplan.core import citations
    from certplan.output.render import Column
    from certplan.output.result import Result

    try:
        cutoff = citations.cutoff_date(common.today(), older_than)
    except ValueError as exc:
        common.fail_usage(str(exc))
    cat = load(ctx, whole=True)
    rows = citations.stale_facts(cat, cutoff)

    cols = [
        Column("record", "Record"),
        Column("field", "Field", max_width=50),
        Column("date", "Source date"),
        Column("kind", "Kind"),
        Column("url", "URL", max_width=60),
    ]
    return Result(data=rows, rows=rows, columns=cols, title=f"{len(rows)} facts dated before {cutoff.isoformat()}")
