"""The Typer application: the root command and the registration of every command group.

Each module under ``cli/commands/`` exposes ``register(app)``; nothing imports this module back.
Heavy modules (pydantic, yaml, rich, the catalog) are imported inside commands so that ``--help``
and completion stay fast.
"""

from typing import Annotated

import typer
from typer.core import TyperGroup

from certplan import __version__
from certplan.cli.commands import (
    catalog,
    compare,
    eligible,
    export,
    path,
    pay,
    plan,
    recommend,
    schema,
    show_list,
    tracker,
)
from certplan.cli.options import CatalogOpt
from certplan.exitcodes import EXIT_CODES_HELP


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


def _version(value: bool) -> None:
    if value:
        typer.echo(f"certplan {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    catalog: CatalogOpt = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    from certplan.cli import env as envmod

    if not isinstance(ctx.obj, envmod.Environment):  # run through CliRunner or app() directly
        ctx.obj = envmod.Environment()
    ctx.obj.catalog = catalog
    envmod.push(ctx.obj)
    ctx.call_on_close(lambda e=ctx.obj: envmod.pop(e))


# the order of --help's command list is the order of registration
for group in (show_list, schema, catalog, eligible, pay, path, compare, plan, recommend, tracker, export):
    group.register(app)
