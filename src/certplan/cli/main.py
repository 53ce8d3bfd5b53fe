"""Console entry point: runs the Typer app and turns pipes and Ctrl-C into clean exits."""

from __future__ import annotations

import os
import sys


def _silence_stdout() -> None:
    # The reader went away (e.g. `| head`): point stdout at /dev/null so the
    # interpreter's final flush cannot print a BrokenPipeError.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main(argv: list[str] | None = None) -> None:
    code: int | str | None = 0
    try:
        if argv is None and os.environ.get("_CERTPLAN_COMPLETE"):
            from certplan.cli.completion import fast_complete

            if fast_complete():
                sys.exit(0)
        elif not os.environ.get("_CERTPLAN_COMPLETE"):
            from certplan.cli.fast import fast_main

            if fast_main(sys.argv[1:] if argv is None else list(argv)):
                sys.exit(0)
        from certplan.cli.app import app

        app(args=argv, prog_name="certplan")
    except SystemExit as exc:
        code = exc.code
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        _silence_stdout()
        code = 1
    except Exception as exc:  # a bug: one line, not a traceback (CERTPLAN_DEBUG=1 shows it)
        if os.environ.get("CERTPLAN_DEBUG"):
            raise
        try:
            sys.stderr.write(
                f"certplan: unexpected error: {type(exc).__name__}: {exc}\n"
                "certplan: please report it; set CERTPLAN_DEBUG=1 to see the traceback\n"
            )
        except OSError:
            pass
        code = 1
    if code == 130:
        try:
            sys.stderr.write("certplan: interrupted\n")
        except OSError:
            pass
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except (OSError, ValueError):
        pass
    sys.exit(code)
