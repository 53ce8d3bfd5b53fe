"""An unknown option names the nearest real one: ``No such option: --years (did you mean --experience?)``."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator


@contextlib.contextmanager
def suggest_options() -> Iterator[None]:
    from typer._click.exceptions import NoSuchOption

    try:
        yield
    except NoSuchOption as exc:
        if not getattr(exc, "_certplan_hinted", False):
            exc._certplan_hinted = True
            available: list[str] = []
            if exc.ctx is not None:
                for p in exc.ctx.command.get_params(exc.ctx):
                    available += [o for o in (*p.opts, *p.secondary_opts) if o.startswith("--")]
            from certplan.cli.parsing import nearest_option

            hint = nearest_option(exc.option_name, available)
            if hint:
                exc.message = f"No such option: {exc.option_name} (did you mean {hint}?)"
            exc.possibilities = None
        raise
