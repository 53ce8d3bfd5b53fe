"""Console entry point: runs the Typer app and turns stream failures, pipes and Ctrl-C into clean exits.

``main(argv, env)`` takes an :class:`~certplan.cli.env.Environment` (streams, terminal or pipe, width,
colour, today, dirs, environment variables); tests pass a fake one instead of monkeypatching.

Every way a run can fail because of its surroundings ends in one line on stderr and a documented
exit code (see certplan.exitcodes), never a traceback:
- stdout closed (``>&-``) or full (``> /dev/full``), or any other write error on it: exit 4;
- the reader of stdout went away (``| head``): exit 141, silently (like ``yes | head``);
- stdin closed (``<&-``): it reads as "not a terminal", so nothing is asked;
- an encoding that cannot hold a character (``PYTHONIOENCODING=ascii``): ASCII stand-ins;
- a file or directory certplan cannot read or write (OSError): one line naming it, exit 4;
- Ctrl-C: exit 130.
"""

from __future__ import annotations

import codecs
import errno
import io
import os
import sys

from certplan.exitcodes import ExitCode

TYPE_CHECKING = False  # no `typing` import at run time (start-up budget)
if TYPE_CHECKING:  # pragma: no cover
    from typing import NoReturn

    from certplan.cli.env import Environment

# Stand-ins for the characters certplan prints, for a stream whose encoding cannot hold them.
ASCII = {
    "—": "-", "–": "-", "‐": "-", "‑": "-", "−": "-", "’": "'", "‘": "'", "“": '"', "”": '"',
    "…": "...", "×": "x", "≤": "<=", "≥": ">=", "→": "->", "←": "<-", "•": "*", "·": "*", "✓": "v",
    "✔": "v", "✗": "x", "█": "#", "▏": "|", "▌": "|", "░": ".", "▒": ":", "▓": "#", "\u00a0": " ",
    "│": "|", "┃": "|", "─": "-", "━": "-", "┏": "+", "┓": "+", "┗": "+", "┛": "+", "┡": "+", "┩": "+",
    "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+",
    "╇": "+", "╈": "+", "╋": "+", "┳": "+", "┻": "+", "╭": "+", "╮": "+", "╰": "+", "╯": "+",
    "é": "e", "è": "e", "á": "a", "ó": "o", "ü": "u", "ñ": "n", "§": "S", "°": " deg", "€": "EUR",
}  # fmt: skip


def _ascii_fallback(exc: UnicodeError):
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return "".join(ASCII.get(ch, "?") for ch in bad), exc.end


codecs.register_error("certplan-ascii", _ascii_fallback)


class _ClosedStdin(io.TextIOBase):
    """What sys.stdin becomes when fd 0 is closed: not a terminal, and reading says why."""

    def isatty(self) -> bool:
        return False

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> str:
        raise OSError(errno.EBADF, "standard input is closed")

    readline = read

    def fileno(self) -> int:
        raise OSError(errno.EBADF, "standard input is closed")


def _say(text: str) -> None:
    try:
        if sys.stderr is not None:
            sys.stderr.write(text + "\n")
            sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _prepare_streams() -> int | None:
    """Fix up missing or narrow streams; an exit code when stdout cannot be used at all."""
    if sys.stderr is None:  # 2>&-: messages have nowhere to go; keep running quietly
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stdin is None:
        sys.stdin = _ClosedStdin()
    if sys.stdout is None:
        _say("certplan: standard output is closed; nothing can be written (run it without >&-)")
        return ExitCode.OUTPUT
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        enc = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
        if enc and not enc.startswith("utf") and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="certplan-ascii")
            except (OSError, ValueError):
                pass
    return None


def _silence_stdout() -> None:
    # The reader went away (e.g. `| head`): point stdout at /dev/null so the
    # interpreter's final flush cannot print a BrokenPipeError.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _stdout_is_devnull() -> bool:
    try:
        return os.path.samestat(os.fstat(1), os.stat(os.devnull))
    except (OSError, ValueError):
        return False


def _os_error_line(exc: OSError) -> str:
    from certplan.fsutil import _reason, short

    if not exc.filename:  # a write on stdout (full, closed, an I/O error)
        return f"certplan: cannot write the output: {exc.strerror or exc}"
    return f"certplan: {short(exc.filename, 80)}: {_reason(exc)}"


def run(argv: list[str] | None = None, env: Environment | None = None) -> int:
    """Run certplan once and return its exit code (``main`` exits with it)."""
    from certplan.cli.env import Environment

    if env is None:
        code = _prepare_streams()
        if code is not None:
            return int(code)
        env = Environment()
    real = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = env.stdout, env.stderr  # Typer's own messages (help, usage errors) follow env
    try:
        code = _run(argv, env)
    finally:
        sys.stdout, sys.stderr = real
    try:
        env.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        code = ExitCode.BROKEN_PIPE
    except OSError as exc:  # e.g. > /dev/full: the buffered output could not be written
        _silence_stdout()
        _say(f"certplan: cannot write the output: {exc.strerror or exc}")
        code = ExitCode.OUTPUT
    except ValueError:
        pass
    if code is None:
        return 0
    if isinstance(code, str):  # SystemExit("message"): Python prints it and exits 1
        _say(code)
        return 1
    return int(code)


def _run(argv: list[str] | None, env: Environment) -> int | str | None:
    devnull_at_start = _stdout_is_devnull()
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
        # Rich turns a broken pipe into SystemExit(1) after pointing stdout at /dev/null, and
        # Click into SystemExit(1) after wrapping stdout in a PacifyFlushWrapper.
        if code == 1 and (
            type(sys.stdout).__name__ == "PacifyFlushWrapper" or (not devnull_at_start and _stdout_is_devnull())
        ):
            _silence_stdout()
            code = ExitCode.BROKEN_PIPE
    except KeyboardInterrupt:
        code = ExitCode.INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        code = ExitCode.BROKEN_PIPE
    except OSError as exc:  # stdout full or closed, a file or directory certplan cannot use
        if exc.errno == errno.EPIPE:
            _silence_stdout()
            code = ExitCode.BROKEN_PIPE
        else:
            _say(_os_error_line(exc))
            code = ExitCode.OUTPUT
    except Exception as exc:  # a bug: one line, not a traceback (CERTPLAN_DEBUG=1 shows it)
        if env.environ.get("CERTPLAN_DEBUG"):
            raise
        from certplan.fsutil import short

        _say(f"certplan: unexpected error: {type(exc).__name__}: {short(exc, 200)}")
        _say("certplan: please report it; set CERTPLAN_DEBUG=1 to see the traceback")
        code = ExitCode.ERROR
    if code == ExitCode.INTERRUPTED:
        _say("certplan: interrupted")
    return code


def main(argv: list[str] | None = None, env: Environment | None = None) -> NoReturn:
    """The console script: run certplan and exit with its code."""
    sys.exit(run(argv, env))
