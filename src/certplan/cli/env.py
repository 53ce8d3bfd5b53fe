"""The process environment certplan runs in, as one object that tests can replace (like httpie's Environment).

``main(argv, env)`` takes an :class:`Environment`; every command reads its streams, whether they are
terminals, the width, colour, today's date, the config and cache dirs and the environment variables
from it instead of probing ``sys`` and ``os`` deep inside. Standard library only: the fast paths
use it before Typer is imported.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # no `typing` import at run time: the fast paths start with this module
if TYPE_CHECKING:  # pragma: no cover
    import datetime as dt
    from collections.abc import Mapping
    from pathlib import Path
    from typing import IO

PIPE_WIDTH = 200  # the width of tables written to a file or a pipe (never Rich's 80-column fallback)


def _isatty(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


class Environment:
    """Streams (and whether they are terminals), environment variables, and what follows from them.

    A plain class, not a dataclass: ``dataclasses`` costs the fast paths more than they take.
    """

    def __init__(
        self,
        stdout: IO[str] | None = None,
        stderr: IO[str] | None = None,
        stdin: IO[str] | None = None,
        environ: Mapping[str, str] | None = None,
        stdout_isatty: bool | None = None,
        stdin_isatty: bool | None = None,
        catalog: str | None = None,
    ) -> None:
        self.stdout = stdout if stdout is not None else sys.stdout
        self.stderr = stderr if stderr is not None else sys.stderr
        self.stdin = stdin if stdin is not None else sys.stdin
        self.environ = environ if environ is not None else os.environ
        self.stdout_isatty = _isatty(self.stdout) if stdout_isatty is None else stdout_isatty
        self.stdin_isatty = _isatty(self.stdin) if stdin_isatty is None else stdin_isatty
        self.catalog = catalog  # --catalog FILE, set by the root command

    def __repr__(self) -> str:
        return f"Environment(stdout_isatty={self.stdout_isatty}, stdin_isatty={self.stdin_isatty})"

    # ------------------------------------------------------------------ terminal

    @property
    def color(self) -> bool:
        """Colour on a terminal unless NO_COLOR / TERM=dumb; FORCE_COLOR / CLICOLOR_FORCE force it on."""
        env = self.environ
        color = bool(self.stdout_isatty) and not env.get("NO_COLOR") and env.get("TERM") != "dumb"
        if env.get("FORCE_COLOR") or env.get("CLICOLOR_FORCE"):
            color = not env.get("NO_COLOR")
        if env.get("TTY_COMPATIBLE") == "0":
            color = False
        return color

    @property
    def width(self) -> int | None:
        """COLUMNS when set; a fixed wide width for a pipe; None (ask the terminal) on a terminal."""
        cols = self.environ.get("COLUMNS", "")
        if cols.isdigit() and int(cols) > 0:
            return int(cols)
        return None if self.stdout_isatty else PIPE_WIDTH

    def output(self):
        """The output context the renderers in certplan.output use."""
        from certplan.output.render import OutputContext

        return OutputContext(
            stdout=self.stdout, stderr=self.stderr, isatty=bool(self.stdout_isatty), color=self.color, width=self.width
        )

    # ------------------------------------------------------------------ date and places

    @property
    def today_text(self) -> str | None:
        """CERTPLAN_TODAY as given (None when unset); :func:`today` parses it."""
        return self.environ.get("CERTPLAN_TODAY") or None

    def today(self) -> dt.date:
        """Today's date; ``CERTPLAN_TODAY=YYYY-MM-DD`` pins it. ValueError when it is not a date."""
        import datetime as dt

        pinned = self.today_text
        return dt.date.fromisoformat(pinned) if pinned else dt.date.today()

    @property
    def config_dir(self) -> Path | None:
        """CERTPLAN_CONFIG_DIR, or None for the platform's config dir."""
        from pathlib import Path

        v = self.environ.get("CERTPLAN_CONFIG_DIR")
        return Path(v) if v else None

    @property
    def cache_dir(self) -> Path | None:
        """CERTPLAN_CACHE_DIR, or None for the platform's cache dir ('off' is passed on as given)."""
        from pathlib import Path

        v = self.environ.get("CERTPLAN_CACHE_DIR")
        return Path(v) if v else None

    def catalog_path(self) -> str | None:
        return self.catalog or self.environ.get("CERTPLAN_CATALOG") or None

    def flag(self, name: str) -> bool:
        return bool(self.environ.get(name))


_CURRENT: list[Environment] = []


def current() -> Environment:
    """The environment of the running command (pushed by the root command); the real process otherwise."""
    return _CURRENT[-1] if _CURRENT else Environment()


def push(env: Environment) -> None:
    _CURRENT.append(env)


def pop(env: Environment) -> None:
    if _CURRENT and _CURRENT[-1] is env:
        _CURRENT.pop()
