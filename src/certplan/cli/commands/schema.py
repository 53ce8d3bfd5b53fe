"""schema: the JSON Schemas of certplan's JSON outputs (h12b is generating these from typed contracts)."""

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
    *,
    out: Output,
):
    """Print the JSON Schema of certplan's JSON outputs.

    \b
    Examples:
      certplan schema
      certplan schema show
    """
    from certplan.core.schema import SCHEMAS, all_schemas
    from certplan.output.result import Result

    if name is None:
        return Result(data=all_schemas())
    if name not in SCHEMAS:
        from certplan.core.lookup import suggest

        hint = suggest(name, SCHEMAS)
        common.fail_usage(
            f"no schema named {name!r}; available: {', '.join(sorted(SCHEMAS))}"
            + (f" (did you mean {hint[0]}?)" if hint else "")
        )
    return Result(data=SCHEMAS[name])
