"""Shared CLI plumbing: options, catalog loading, error exits.  Kept cheap to import."""

import datetime as dt
import os
from typing import TYPE_CHECKING, NoReturn

import typer

from certplan.cli import numbers  # noqa: F401  (finite numbers for every option)
from certplan.exitcodes import ExitCode

if TYPE_CHECKING:  # pragma: no cover
    from certplan.catalog.records import Catalog
    from certplan.output.render import OutputContext


# Legacy option pieces, kept so branches written before cli/options.py still import; new commands use
# cli.options.output_options(formats=...), which builds --json/--format/--fields with the real choices.
def parse_fields(fields: str | None, available: list[str]) -> list[str] | None:
    """The fields asked for, or exit 2 naming the unknown one and every available field."""
    if fields is None:
        return None
    wanted = [f.strip() for f in fields.split(",") if f.strip()]
    if not wanted:
        fail_usage("--fields needs at least one field; available fields: " + ", ".join(sorted(available)))
    for f in wanted:
        if f not in available:
            from certplan.core.lookup import suggest

            hint = [h for h in suggest(f, available, n=1)]
            err(f'certplan: Unknown JSON field: "{f}"' + (f" (did you mean {hint[0]}?)" if hint else ""))
            err("Available fields:\n  " + "\n  ".join(sorted(available)))
            raise typer.Exit(ExitCode.USAGE)
    return wanted


def with_always_kept(wanted: list[str], available: list[str]) -> list[str]:
    """A --fields selection plus the fields every selection keeps (``schema_version``), when the output has them."""
    from certplan.contract import ALWAYS_KEPT

    return [*[f for f in ALWAYS_KEPT if f in available and f not in wanted], *wanted]


def selected_fields(fields: str, output: str) -> list[str]:
    """``--fields`` of a show/list output, checked against its contract; ``schema_version`` is always kept."""
    from certplan.contract import fields as contract_fields

    available = contract_fields(output)
    return with_always_kept(parse_fields(fields, available) or [], available)


def out() -> "OutputContext":
    """The output context of the running command's environment (cli/env.py)."""
    from certplan.cli.env import current

    return current().output()


MAX_MESSAGE_LINE = 1000  # a bad input is echoed by a short prefix, never in full


def err(text: str) -> None:
    import sys

    lines = text.rstrip("\n").split("\n")
    cut = [ln if len(ln) <= MAX_MESSAGE_LINE else ln[: MAX_MESSAGE_LINE - 40] + f"... ({len(ln):,} characters)" for ln in lines]
    sys.stderr.write("\n".join(cut) + "\n")


def fail_usage(text: str) -> NoReturn:
    err(f"certplan: {text}")
    raise typer.Exit(ExitCode.USAGE)


def catalog_path(ctx: typer.Context | None = None) -> str | None:
    from certplan.cli.env import Environment, current

    obj = ctx.find_root().obj if ctx is not None else None
    env = obj if isinstance(obj, Environment) else current()
    return env.catalog_path()


def load(ctx: typer.Context, day: dt.date | None = None, *, whole: bool = False) -> "Catalog":
    """The catalog with only the fees and pathways in force on ``day`` (default today); ``whole`` keeps every rule."""
    from certplan.catalog.loader import CatalogError
    from certplan.catalog.rules import catalog_on
    from certplan.store.caches import load_catalog

    try:
        cat = load_catalog(catalog_path(ctx))
    except CatalogError as exc:
        _catalog_exit(exc)
    return cat if whole else catalog_on(cat, day or today())


def served(ctx: typer.Context) -> dict:
    """The catalog as plain served data (fast: no pydantic on a cache hit)."""
    from certplan.catalog.loader import CatalogError
    from certplan.store.caches import load_served

    try:
        return load_served(catalog_path(ctx), today())
    except CatalogError as exc:
        _catalog_exit(exc)


def _catalog_exit(exc) -> NoReturn:
    if len(exc.problems) == 1 and exc.problems[0].endswith(": no such file") and not os.path.lexists(exc.name):
        err(f"certplan: {exc.name}: no such file")  # a path typed wrong is bad input (2), not a bad catalog (3)
        raise typer.Exit(ExitCode.USAGE)
    for line in exc.problems[:50]:
        err(line)
    if len(exc.problems) > 50:
        err(f"... and {len(exc.problems) - 50} more problems")
    kind = getattr(exc, "kind", "invalid")
    if kind == "invalid":
        err("certplan: the catalog is invalid; run 'certplan catalog validate' for every problem")
    elif kind == "limit":
        err("certplan: the catalog is over certplan's size limit (not invalid)")
    else:
        err("certplan: the catalog cannot be read")
    raise typer.Exit(ExitCode.CATALOG)


def today() -> dt.date:
    """Today's date; ``CERTPLAN_TODAY=YYYY-MM-DD`` pins it (for tests and reproducible output)."""
    from certplan.cli.env import current

    env = current()
    try:
        return env.today()
    except ValueError:
        fail_usage(f"CERTPLAN_TODAY={env.today_text!r} is not a date (YYYY-MM-DD)")


def unknown_codes_exit(unknown) -> NoReturn:
    for u in unknown:
        err(f"certplan: {u.message()}")
    err("certplan: run 'certplan list' to see every code")
    raise typer.Exit(ExitCode.USAGE)


def one_credential(cat, code: str):
    """The credential a code names, or exit 2 with suggestions."""
    from certplan.core import lookup

    try:
        return lookup.find(cat, code)
    except lookup.UnknownCode as exc:
        unknown_codes_exit([exc])
