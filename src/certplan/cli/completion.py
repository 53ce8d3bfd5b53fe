"""Shell completion.

Typer's completion entry point (``_CERTPLAN_COMPLETE=complete_bash|complete_zsh|complete_fish``)
imports and builds the whole app on every TAB press.  The common case, completing a
credential code where a command takes one, is answered here first from the served
catalog cache with the standard library only, formatted exactly as Typer formats it
(a test compares the two).  Anything else, or a cache miss, falls through to Typer.
"""

from __future__ import annotations

import os
import shlex
import sys

ENV = "_CERTPLAN_COMPLETE"
# commands whose positional arguments are credential codes: max positionals (None: any number)
CODE_COMMANDS = {"show": 1, "compare": None, "eligible": None, "plan": 1, "cost": 1}
# options that take a value (their value is never a positional)
VALUE_OPTIONS = {
    "--catalog",
    "--format",
    "-f",
    "--education",
    "--accredited-program",
    "--experience",
    "--experience-kind",
    "--held",
    "--course-hours",
    "--member",
    "--clinical-hours",
    "--status",
    "--profiles",
    "--sheet",
    "--out",
    "--body",
    "--level",
    "--setting",
    "--search",
    "--start",
    "--exam-date",
    "--weeks",
    "--hours-per-week",
    "--ics",
    "--book-ahead",
    "--years",
    "--attempts",
}


def _split(s: str) -> list[str]:
    try:
        return shlex.split(s)
    except ValueError:
        lex = shlex.shlex(s, posix=True)
        lex.whitespace_split = True
        lex.commenters = ""
        out = []
        try:
            for tok in lex:
                out.append(tok)
        except ValueError:
            out.append(lex.token)
        return out


def _args(instruction: str) -> tuple[list[str], str] | None:
    if instruction == "complete_bash":
        try:
            words = _split(os.environ["COMP_WORDS"])
            cword = int(os.environ["COMP_CWORD"])
        except (KeyError, ValueError):
            return None
        incomplete = words[cword] if cword < len(words) else ""
        return words[1:cword], incomplete
    if instruction in ("complete_zsh", "complete_fish"):
        raw = os.environ.get("_TYPER_COMPLETE_ARGS", "")
        words = _split(raw)[1:]
        if words and not raw.endswith(" "):
            return words[:-1], words[-1]
        return words, ""
    return None


def _wants_code(args: list[str], incomplete: str) -> bool:
    if incomplete.startswith("-"):
        return False
    command = None
    positionals = 0
    i = 0
    while i < len(args):
        a = args[i]
        if a in ("--help", "-h", "--version"):
            return False
        if a.startswith("-"):
            if "=" not in a and a in VALUE_OPTIONS:
                i += 1
            elif a not in VALUE_OPTIONS and command is None:
                return False  # an option certplan does not know at the top: let Typer answer
        elif command is None:
            command = a
        else:
            positionals += 1
        i += 1
    if args and args[-1] in VALUE_OPTIONS:
        return False
    if command not in CODE_COMMANDS:
        return False
    limit = CODE_COMMANDS[command]
    return limit is None or positionals < limit


def _codes() -> list[str] | None:
    try:
        import datetime as dt

        from certplan.catalog.served import load_served

        today = os.environ.get("CERTPLAN_TODAY")
        day = dt.date.fromisoformat(today) if today else dt.date.today()
        served = load_served(os.environ.get("CERTPLAN_CATALOG") or None, day, build=False)
    except Exception:  # any problem: let Typer's own path answer (and report it)
        return None
    if served is None:
        return None
    return sorted(c for c in served["codes"] if " " not in c)


def fast_complete() -> bool:
    """Answer a TAB press without importing Typer; False when Typer must answer."""
    instruction = os.environ.get(ENV, "")
    if os.environ.get("CERTPLAN_NO_FAST_COMPLETE"):
        return False
    parsed = _args(instruction)
    if parsed is None:
        return False
    args, incomplete = parsed
    if not _wants_code(args, incomplete):
        return False
    codes = _codes()
    if codes is None:
        return False
    values = match(codes, incomplete)
    if instruction == "complete_bash":
        out = "\n".join(values)
    elif instruction == "complete_zsh":
        out = "_arguments '*: :((" + "\n".join(f'"{_zsh_escape(v)}"' for v in values) + "))'" if values else "_files"
    else:
        action = os.environ.get("_TYPER_COMPLETE_FISH_ACTION", "")
        if action == "is-args":
            sys.exit(0 if values else 1)
        out = "\n".join(values) if action == "get-args" else ""
    sys.stdout.write(out + "\n")
    sys.stdout.flush()
    return True


def match(codes: list[str], incomplete: str) -> list[str]:
    """Codes that start with what was typed, in the case it was typed in (codes are case-insensitive)."""
    out = [c for c in codes if c.upper().startswith(incomplete.upper())]
    if incomplete and incomplete == incomplete.lower() and incomplete != incomplete.upper():
        out = [c.lower() for c in out]
    return [c for c in out if c.startswith(incomplete)]


def _zsh_escape(s: str) -> str:
    return s.replace('"', '""').replace("'", "''").replace("$", "\\$").replace("`", "\\`").replace(":", r"\\:")


# --------------------------------------------------------------------------- Typer callbacks


def _served():
    import datetime as dt

    from certplan.catalog.loader import CatalogError
    from certplan.catalog.served import load_served

    today = os.environ.get("CERTPLAN_TODAY")
    try:
        day = dt.date.fromisoformat(today) if today else dt.date.today()
        return load_served(os.environ.get("CERTPLAN_CATALOG") or None, day)
    except (CatalogError, ValueError):
        return None


def credential_codes() -> list[str]:
    served = _served()
    return [] if served is None else sorted(c for c in served["codes"] if " " not in c)


def body_codes() -> list[str]:
    served = _served()
    return [] if served is None else sorted(served["body_codes"])
