"""Generate ``cli/tree_table.py``, the command table the fast paths read, from the Typer command tree.

The completion fast path (cli/completion.py) and ``show CODE --json`` (cli/fast.py) answer before
Typer is imported, so they need the commands, options and completions as plain data. This module
derives that data from ``typer.main.get_command(app)``; tests/test_cli_tree.py fails when the
committed table differs. Regenerate with::

    python -m certplan.cli.treegen --write
"""

from __future__ import annotations

import pprint
import sys
from pathlib import Path
from typing import Any

TABLE = Path(__file__).with_name("tree_table.py")

HEADER = '''"""The Typer command tree as plain data, for the fast paths (generated: do not edit).

Regenerate with `python -m certplan.cli.treegen --write`; tests/test_cli_tree.py fails when it is stale.
Each command path maps to its options (does it take a value, is it eager, what completes it), its
positional arguments and its subcommands. A completion kind in DYNAMIC is read from the catalog at
TAB time; any other kind lists its values here.
"""

# fmt: off
'''


def _completion(param, ctx) -> tuple[str | None, list[str]]:
    """(kind, fixed values) of a parameter's completion, asked through its real shell_complete."""
    from certplan.cli.completion import DYNAMIC, PROBE

    try:
        probe = [c.value for c in param.shell_complete(ctx, PROBE)]
    except Exception:  # pragma: no cover - a completer that cannot be probed has no kind
        probe = []
    if len(probe) != 1 or not probe[0].startswith(PROBE):
        return None, []
    kind = probe[0][len(PROBE) :]
    if kind in DYNAMIC:
        return kind, []
    return kind, [c.value for c in param.shell_complete(ctx, "")]


def _node(cmd, ctx) -> dict[str, Any]:
    options: dict[str, dict[str, Any]] = {}
    args: list[dict[str, Any]] = []
    for p in cmd.get_params(ctx):
        kind, values = _completion(p, ctx)
        if p.param_type_name == "option":
            takes = not (p.is_flag or p.count)
            for name in p.opts:
                options[name] = {"value": takes, "eager": bool(p.is_eager), "kind": kind, "values": values}
            for name in p.secondary_opts:
                options[name] = {"value": False, "eager": bool(p.is_eager), "kind": None, "values": []}
        else:
            args.append({"name": p.name, "nargs": p.nargs, "kind": kind, "values": values})
    subs = sorted(getattr(cmd, "commands", {}) or {})
    return {"options": options, "args": args, "subcommands": subs}


def build() -> dict[tuple[str, ...], dict[str, Any]]:
    """Every command path of the Typer tree with its options, arguments and subcommands."""
    import typer

    from certplan.cli.app import app

    root = typer.main.get_command(app)
    table: dict[tuple[str, ...], dict[str, Any]] = {}

    def walk(cmd, path: tuple[str, ...], parent) -> None:
        ctx = typer.Context(cmd, info_name=path[-1] if path else "certplan", parent=parent, resilient_parsing=True)
        table[path] = _node(cmd, ctx)
        for name, sub in sorted((getattr(cmd, "commands", {}) or {}).items()):
            walk(sub, (*path, name), ctx)

    walk(root, (), None)
    return table


def render(table: dict[tuple[str, ...], dict[str, Any]]) -> str:
    from certplan.cli.completion import DYNAMIC

    body = pprint.pformat(table, width=110, sort_dicts=True)
    return HEADER + f"DYNAMIC = {DYNAMIC!r}\n\nCOMMANDS = {body}\n# fmt: on\n"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    text = render(build())
    if "--write" in argv:
        TABLE.write_text(text, encoding="utf-8")
        print(f"wrote {TABLE}")
        return 0
    if "--check" in argv:
        current = TABLE.read_text(encoding="utf-8") if TABLE.exists() else ""
        if current != text:
            print(f"{TABLE} is stale; run: python -m certplan.cli.treegen --write", file=sys.stderr)
            return 1
        return 0
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
