"""Answers for the hottest invocations before Typer is imported (Typer alone is ~4x bare Python).

- ``certplan --help`` / ``-h``: the text Typer printed last time, cached per version, terminal
  width and the CLI modules' files (size and mtime), so an edited command never shows old help;
- ``certplan show CODE --json``: the ready-made view from the served catalog cache;
- ``certplan show CODE``, ``certplan list`` and ``certplan compare A B ...`` with no options: the
  same renderers as the Typer path, fed from the served cache (Typer is ~6x bare Python on its own).

Anything else, any doubt, or ``CERTPLAN_NO_FAST=1`` falls through to Typer. Tests check that
each answer is byte for byte what the Typer path prints.
"""

import os
import sys

ENV_OFF = "CERTPLAN_NO_FAST"


def _catalog_arg(args: list[str], environ=os.environ) -> tuple[list[str], str | None] | None:
    """args without --catalog FILE / --catalog=FILE, and the file (env default); None if malformed."""
    rest: list[str] = []
    path = environ.get("CERTPLAN_CATALOG") or None
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--catalog":
            if i + 1 >= len(args):
                return None
            path = args[i + 1]
            i += 2
            continue
        if a.startswith("--catalog="):
            path = a.split("=", 1)[1]
        else:
            rest.append(a)
        i += 1
    return rest, path


def _today(environ=os.environ):
    import datetime as dt

    pinned = environ.get("CERTPLAN_TODAY")
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()


def _show_json(rest: list[str], path: str | None, env) -> bool:
    if len(rest) != 3 or rest[0] != "show" or "--json" not in rest[1:]:
        return False
    code = rest[2] if rest[1] == "--json" else rest[1]
    if code.startswith("-"):
        return False
    try:  # the Typer tree still has `show CODE --json` (the generated table says so)
        from certplan.cli.tree_table import COMMANDS

        node = COMMANDS[("show",)]
        if node["options"]["--json"]["value"] or [a["nargs"] for a in node["args"]] != [1]:
            return False
    except (ImportError, KeyError):
        return False
    try:
        from certplan.core.lookup import code_index_lookup
        from certplan.store.caches import load_served, view_text

        served = load_served(path, _today(env.environ))
        found = code_index_lookup(served["index"], code)
        if found is None:
            return False  # Typer's path says "unknown code" with suggestions
        text = view_text(served, found)
    except Exception:
        return False  # an invalid catalog or anything unexpected: Typer's path reports it
    env.stdout.write(text + "\n")
    return True


def _served_or_none(path: str | None, env):
    try:
        from certplan.store.caches import load_served

        return load_served(path, _today(env.environ))
    except Exception:
        return None  # an invalid catalog or anything unexpected: Typer's path reports it


def _show_table(rest: list[str], path: str | None, env) -> bool:
    if len(rest) != 2 or rest[0] != "show" or rest[1].startswith("-"):
        return False
    from certplan.core.lookup import code_index_lookup

    served = _served_or_none(path, env)
    if served is None:
        return False
    found = code_index_lookup(served["index"], rest[1])
    if found is None:
        return False
    from certplan.output.cards import credential_sections, render_sections
    from certplan.store.caches import view

    v = view(served, found)
    if v["status"] in ("retired", "alias", "pairing", "unverified"):
        where = ", ".join(v["see_also"] or ([v["replaced_by"]] if v["replaced_by"] else []))
        env.stderr.write(f"certplan: {found} is {v['status']}" + (f"; see {where}" if where else "") + "\n")
    render_sections(f"{found} - {v['name']}", credential_sections(v), env.output(), "table", sources=v["sources"])
    return True


def _list_table(rest: list[str], path: str | None, env) -> bool:
    if rest not in (["list"], ["list", "--json"]):
        return False
    served = _served_or_none(path, env)
    if served is None:
        return False
    meta = served["meta"]
    current = [c for c in served["codes"] if meta[c]["status"] == "current"]  # list shows current by default
    if rest == ["list", "--json"]:
        from certplan.store.caches import write_list_json

        write_list_json(served, current, env.stdout)
        return True
    from certplan.output.render import Column, write_rows

    rows = [
        {
            "code": c,
            "name": meta[c]["name"],
            "body": meta[c]["body"],
            "level": meta[c]["level"],
            "status": meta[c]["status"],
            "settings": ", ".join(meta[c]["settings"]),
        }
        for c in current
    ]
    if not rows:
        return False
    cols = [
        Column("code", "Code"),
        Column("name", "Name", max_width=40),
        Column("body", "Body"),
        Column("level", "Level"),
        Column("status", "Status"),
        Column("settings", "Settings", max_width=40),
    ]
    from certplan.output.words import count

    write_rows(rows, cols, "table", env.output(), title=count(len(rows), "credential") + " (current)")
    return True


def _compare_table(rest: list[str], path: str | None, env) -> bool:
    if len(rest) < 3 or rest[0] != "compare" or any(a.startswith("-") for a in rest[1:]):
        return False
    from certplan.core import compare
    from certplan.core.lookup import code_index_lookup

    codes = rest[1:]
    if not compare.MIN_CODES <= len(codes) <= compare.MAX_CODES:
        return False
    served = _served_or_none(path, env)
    if served is None:
        return False
    found = [code_index_lookup(served["index"], c) for c in codes]
    if None in found or len(set(found)) != len(found):
        return False  # unknown or repeated codes: Typer's path says which
    from certplan.output.grid import render_grid
    from certplan.store.caches import view

    views = [view(served, c) for c in found]
    result = compare.assemble(views, [served["costs"][c]["cheapest"] for c in found])
    sources = [s for v in views for s in v["sources"]]
    render_grid(found, result["rows"], "table", env.output(), vertical=False, title="Comparison", sources=sources)
    return True


def _help_key() -> str:
    """Version, width and every file of the CLI (commands/ included): an edited command never shows old help."""
    import hashlib
    import shutil

    from certplan import __version__

    here = os.path.dirname(os.path.abspath(__file__))
    h = hashlib.sha256(__version__.encode())
    h.update(str(shutil.get_terminal_size().columns).encode())
    for top, dirs, files in sorted(os.walk(here)):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".py"):
                st = os.stat(os.path.join(top, name))
                rel = os.path.relpath(os.path.join(top, name), here)
                h.update(f"{rel}:{st.st_size}:{st.st_mtime_ns};".encode())
    return h.hexdigest()[:24]


def _help() -> bool:
    from certplan.store.caches import cache_dir

    d = cache_dir()
    if d is None:
        return False
    path = d / f"help-{_help_key()}.txt"
    try:
        sys.stdout.write(path.read_text(encoding="utf-8"))
        return True
    except OSError:
        pass
    # miss: let Typer print it, keep a copy
    import io

    from certplan.cli.app import app

    real, buf = sys.stdout, io.StringIO()
    sys.stdout = buf
    try:
        app(args=["--help"], prog_name="certplan")
    except SystemExit as exc:
        if exc.code not in (0, None):
            sys.stdout = real
            raise
    finally:
        sys.stdout = real
    text = buf.getvalue()
    sys.stdout.write(text)
    try:
        from certplan.fsutil import atomic_write, remove_others

        d.mkdir(parents=True, exist_ok=True)
        remove_others(d, "help-*.txt", set())
        atomic_write(path, lambda fh: fh.write(text.encode("utf-8")))
    except OSError:
        pass
    return True


def fast_main(argv: list[str], env=None) -> bool:
    """True when the invocation was answered here (the caller then exits 0)."""
    if env is None:
        from certplan.cli.env import Environment

        env = Environment()
    if env.environ.get(ENV_OFF):
        return False
    parsed = _catalog_arg(argv, env.environ)
    if parsed is None:
        return False
    rest, path = parsed
    if rest in (["--help"], ["-h"]) and path == (env.environ.get("CERTPLAN_CATALOG") or None):
        return _help()
    return (
        _show_json(rest, path, env)
        or _show_table(rest, path, env)
        or _list_table(rest, path, env)
        or _compare_table(rest, path, env)
    )
