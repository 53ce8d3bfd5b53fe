"""schema: the JSON Schemas of certplan's JSON outputs, generated from the typed contracts (certplan.contract)."""

from typing import Annotated, Optional

import typer

from certplan.cli import common
from certplan.cli.completion import completer
from certplan.cli.options import Output, output_options


def register(app: typer.Typer) -> None:
    app.command("schema")(schema_cmd)


@output_options(formats=("json",))
def schema_cmd(
    name: Annotated[
        Optional[str],
        typer.Argument(
            help="One output's schema (e.g. show, list, compare, eligible); all when omitted.",
            autocompletion=completer("schemas"),
        ),
    ] = None,
    selection: Annotated[
        Optional[str],
        typer.Option(
            "--fields",
            help="With show or list: the schema of that --fields selection (schema_version is always kept).",
            metavar="A,B",
            autocompletion=completer("fields"),
        ),
    ] = None,
    *,
    out: Output,
):
    """Print the JSON Schema (draft 2020-12) of certplan's JSON outputs.

    \b
    Examples:
      certplan schema
      certplan schema show
      certplan schema show --fields code,name,exam
    """
    from certplan.contract import FIELD_SELECTABLE
    from certplan.contract import generate as contract
    from certplan.output.result import Result

    if name is None:
        if selection is not None:
            common.fail_usage("--fields needs an output name: " + ", ".join(sorted(FIELD_SELECTABLE)))
        return Result(data=contract.all_schemas())
    known = contract.names()
    if name not in known:
        from certplan.core.lookup import suggest

        hint = suggest(name, known)
        common.fail_usage(
            f"no schema named {name!r}; available: {', '.join(sorted(known))}"
            + (f" (did you mean {hint[0]}?)" if hint else "")
        )
    if selection is None:
        return Result(data=contract.schema(name))
    if name not in FIELD_SELECTABLE:
        common.fail_usage(f"--fields applies to {' and '.join(sorted(FIELD_SELECTABLE))}, not {name}")
    return Result(data=contract.selection(name, common.selected_fields(selection, name)))
