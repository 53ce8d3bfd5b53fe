"""Console entry point: runs the Typer app and turns pipes and Ctrl-C into clean exits.

``main(argv, env)`` takes an :class:`~certplan.cli.env.Environment` (streams, terminal or pipe,
width, colour, today, dirs, environment variables); tests pass a fake one instead of monkeypatching.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:  # pragma: no cover
    from certplan.cli.env import Environment


def _silence_stdout() -> None:
    # The reader went away (e.g. `| head`): point stdout at /dev/null so the
    # interpreter's final flush cannot print a BrokenPipeError.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def run(argv: list[str] | None = None, env: Environment | None = None) -> int:
    """Run certplan once and return its exit code (``main`` exits with it)."""
    from certplan.cli.env import Environment

    if env is None:
        env = Environment()
    code: int | str | None = 0
    with contextlib.ExitStack() as stack:
        if env.stdout is not sys.stdout:
            stack.enter_context(contextlib.redirect_stdout(env.stdout))
        if env.stderr is not sys.stderr:
            stack.enter_context(contextlib.redirect_stderr(env.stderr))
        code = _run(argv, env)
    try:
        env.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except (OSError, ValueError):
        pass
    if code is None:
        return 0
    if isinstance(code, str):  # SystemExit("message"): Python prints it and exits 1
        try:
            env.stderr.write(code + "\n")
        except OSError:
            pass
        return 1
    return int(code)


def _run(argv: list[str] | None, env: Environment) -> int | str | None:
    code: int | str | None = 0
    try:
        completing = env.environ.get("_CERTPLAN_COMPLETE")
        if argv is None and completing:
            from certplan.cli.completion import fast_complete

            if fast_complete(env):
                return 0
        elif not completing:
            from certplan.cli.fast import fast_main

            if fast_main(sys.argv[1:] if argv is None else list(argv), env):
                return 0
        from certplan.cli.app import app

        app(args=argv, prog_name="certplan", obj=env)
    except SystemExit as exc:
        code = exc.code
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        _silence_stdout()
        code = 1
    except Exception as exc:  # a bug: one line, not a traceback (CERTPLAN_DEBUG=1 shows it)
        if env.environ.get("CERTPLAN_DEBUG"):
            raise
        try:
            env.stderr.write(
                f"certplan: unexpected error: {type(exc).__name__}: {exc}\n"
                "certplan: please report it; set CERTPLAN_DEBUG=1 to see the traceback\n"
            )
        except OSError:
            pass
        code = 1
    if code == 130:
        try:
            env.stderr.write("certplan: interrupted\n")
        except OSError:
            pass
    return code


def main(argv: list[str] | None = None, env: Environment | None = None) -> NoReturn:
    """The console script: run certplan and exit with its code."""
    sys.exit(run(argv, env))
