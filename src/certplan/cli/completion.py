"""Shell completion: the Typer callbacks for every closed vocabulary, and a fast path that answers first.

Typer's completion entry point (``_CERTPLAN_COMPLETE=complete_bash|complete_zsh|complete_fish``)
imports and builds the whole app on every TAB press. The fast path answers the value of an option or
an argument here first, with the standard library only, from ``tree_table.py`` (generated from the
Typer tree by ``cli/treegen.py``) and the served catalog cache, formatted exactly as Typer formats it;
tests/test_cli_tree.py checks both answer the same. Anything else (option and command names, files,
a cache miss) falls through to Typer.
"""

from __future__ import annotations

import os
import shlex
import sys

ENV = "_CERTPLAN_COMPLETE"
PROBE = "\x00completion-kind:"  # asked by cli/treegen.py: a completer answers with its kind
DYNAMIC = ("codes", "bodies", "occupations")  # read from the catalog at TAB time; other kinds are fixed lists


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


def _args(instruction: str, environ=os.environ) -> tuple[list[str], str] | None:
    if instruction == "complete_bash":
        try:
            words = _split(environ["COMP_WORDS"])
            cword = int(environ["COMP_CWORD"])
        except (KeyError, ValueError):
            return None
        incomplete = words[cword] if cword < len(words) else ""
        return words[1:cword], incomplete
    if instruction in ("complete_zsh", "complete_fish"):
        raw = environ.get("_TYPER_COMPLETE_ARGS", "")
        words = _split(raw)[1:]
        if words and not raw.endswith(" "):
            return words[:-1], words[-1]
        return words, ""
    return None


def _resolve(args: list[str], incomplete: str) -> tuple[str | None, tuple[str, ...]] | None:
    """What Typer would complete: (kind, fixed values) from the generated tree table; None: let Typer answer.

    Mirrors Click's resolution: the value of the option just typed, else the first argument that still
    takes a value. Anything unusual (an unknown option, --, an option name, --opt=value) goes to Typer.
    """
    from certplan.cli.tree_table import COMMANDS

    if incomplete.startswith("-") or "=" in incomplete or "--" in args:
        return None
    path: tuple[str, ...] = ()
    node = COMMANDS[path]
    positionals = 0
    i = 0
    while i < len(args):
        a = args[i]
        if a.startswith("-") and a != "-":
            name = a.split("=", 1)[0]
            opt = node["options"].get(name) or (COMMANDS[()]["options"].get(name) if name == "--catalog" else None)
            if opt is None or opt["eager"]:
                return None  # unknown here, or --help/--version: Typer answers
            if opt["value"] and "=" not in a:
                if i + 1 == len(args):
                    return (opt["kind"], tuple(opt["values"])) if opt["kind"] else None
                i += 2
                continue
            i += 1
            continue
        if node["subcommands"]:
            if a not in node["subcommands"]:
                return None
            path = (*path, a)
            node = COMMANDS[path]
            i += 1
            continue
        positionals += 1
        i += 1
    if node["subcommands"]:
        return None  # a command name: Typer completes it with its help text
    taken = positionals
    for arg in node["args"]:
        if arg["nargs"] == -1 or taken < arg["nargs"]:
            return (arg["kind"], tuple(arg["values"])) if arg["kind"] else None
        taken -= arg["nargs"]
    return None


def _dynamic(kind: str, environ) -> list[str] | None:
    try:
        import datetime as dt

        from certplan.store.caches import load_codes, load_served

        today = environ.get("CERTPLAN_TODAY")
        day = dt.date.fromisoformat(today) if today else dt.date.today()
        path = environ.get("CERTPLAN_CATALOG") or None
        if kind == "codes":  # a small file of its own: a TAB press need not read the whole index
            codes = load_codes(path, day)
            return None if codes is None else sorted(c for c in codes if " " not in c)
        served = load_served(path, day, build=False)
    except Exception:  # any problem: let Typer's own path answer (and report it)
        return None
    if served is None:
        return None
    if kind == "bodies":
        return sorted(served["body_codes"])
    return None  # occupations are not in the served cache: Typer answers


def fast_complete(env=None) -> bool:
    """Answer a TAB press without importing Typer; False when Typer must answer."""
    environ = env.environ if env is not None else os.environ
    stdout = env.stdout if env is not None else sys.stdout
    instruction = environ.get(ENV, "")
    if environ.get("CERTPLAN_NO_FAST_COMPLETE") or environ.get("CERTPLAN_NO_FAST"):
        return False
    parsed = _args(instruction, environ)
    if parsed is None:
        return False
    args, incomplete = parsed
    try:
        target = _resolve(args, incomplete)
    except (ImportError, KeyError):  # no generated table: Typer answers
        return False
    if target is None:
        return False
    kind, fixed = target
    values_all = _dynamic(kind, environ) if kind in DYNAMIC else list(fixed)
    if values_all is None:
        return False
    values = [v for v in match(values_all, incomplete) if v.startswith(incomplete)]
    if instruction == "complete_bash":
        out = "\n".join(values)
    elif instruction == "complete_zsh":
        out = "_arguments '*: :((" + "\n".join(f'"{_zsh_escape(v)}"' for v in values) + "))'" if values else "_files"
    else:
        action = environ.get("_TYPER_COMPLETE_FISH_ACTION", "")
        if action == "is-args":
            sys.exit(0 if values else 1)
        out = "\n".join(values) if action == "get-args" else ""
    stdout.write(out + "\n")
    stdout.flush()
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
    from certplan.store.caches import load_served

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


def occupation_codes() -> list[str]:
    from certplan.catalog.loader import CatalogError, load_catalog

    try:
        return sorted(o.soc for o in load_catalog(os.environ.get("CERTPLAN_CATALOG") or None).occupations)
    except CatalogError:
        return []


def _fixed(kind: str) -> tuple[str, ...]:
    from certplan.catalog import vocab

    if kind == "fields":
        from certplan.contract import fields

        return tuple(sorted(fields("show")))
    if kind == "schemas":
        from certplan.contract import OUTPUTS

        return tuple(sorted(OUTPUTS))
    return {
        "settings": vocab.SETTINGS,
        "focus": vocab.FOCUS,
        "levels": vocab.LEVELS,
        "statuses": vocab.STATUSES,
        "experience-kinds": vocab.EXPERIENCE_KINDS,
        "education": vocab.EDUCATION_LEVELS,
        "programs": vocab.PROGRAM_LEVELS,
    }[kind]


def completer(kind: str, values: tuple[str, ...] | None = None):
    """A Typer autocompletion callback for one vocabulary (``values`` for a command's own list, e.g. formats).

    The tree generator asks it its kind with :data:`PROBE`; the fast path answers from the generated table.
    """

    def complete(ctx, incomplete):
        if incomplete == PROBE:
            return [PROBE + kind]
        if kind == "codes":
            pool = credential_codes()
        elif kind == "bodies":
            pool = body_codes()
        elif kind == "occupations":
            pool = occupation_codes()
        else:
            pool = list(values if values is not None else _fixed(kind))
        return match(pool, incomplete)

    complete.completion_kind = kind
    return complete
