"""A fake environment for certplan.cli.main.run: a terminal or a pipe, without monkeypatching (like httpie's)."""

from __future__ import annotations

import io
import os

from certplan.cli.env import Environment

# what a test run keeps from the real environment: the pinned date and the isolated dirs (conftest.py)
KEEP = ("CERTPLAN_TODAY", "CERTPLAN_CONFIG_DIR", "CERTPLAN_CACHE_DIR", "CERTPLAN_DB", "PATH", "HOME")


class MockEnvironment(Environment):
    """Streams are StringIO buffers; ``stdout_isatty`` says whether stdout is a terminal."""

    def __init__(
        self,
        *,
        stdout_isatty: bool = False,
        stdin_isatty: bool = False,
        environ: dict[str, str] | None = None,
        stdin: str = "",
    ) -> None:
        base = {k: os.environ[k] for k in KEEP if k in os.environ}
        super().__init__(
            stdout=io.StringIO(),
            stderr=io.StringIO(),
            stdin=io.StringIO(stdin),
            environ={**base, **(environ or {})},
            stdout_isatty=stdout_isatty,
            stdin_isatty=stdin_isatty,
        )

    @property
    def out(self) -> str:
        return self.stdout.getvalue()

    @property
    def err(self) -> str:
        return self.stderr.getvalue()
