"""The README's command reference: ``certplan ... --help`` for every command of the Typer tree.

Run by cog from README.md (``cog -r README.md`` rewrites it, ``cog --check README.md`` fails on drift;
tests/test_readme.py runs the check). The help is rendered in a child process with a pinned terminal
(100 columns, no colour, no fast paths), so the text does not depend on who runs cog where.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

WIDTH = "100"
PINNED = {
    "COLUMNS": WIDTH,
    "TERMINAL_WIDTH": WIDTH,
    "TTY_COMPATIBLE": "0",
    "_TYPER_FORCE_DISABLE_TERMINAL": "1",
    "NO_COLOR": "1",
    "CERTPLAN_NO_FAST": "1",
}
UNSET = ("FORCE_COLOR", "CLICOLOR_FORCE", "PY_COLORS", "GITHUB_ACTIONS", "CERTPLAN_CATALOG")


def _dump() -> None:
    """In the pinned child: print [[path, help text], ...] as JSON, walking the Typer tree."""
    import typer.main
    from typer.testing import CliRunner

    from certplan.cli.app import app

    runner = CliRunner()
    found: list[list[object]] = []

    def walk(cmd, path: list[str]) -> None:
        if getattr(cmd, "hidden", False):
            return
        r = runner.invoke(app, [*path, "--help"], prog_name="certplan")
        if r.exit_code != 0:
            raise SystemExit(f"certplan {' '.join(path)} --help exited {r.exit_code}: {r.output}")
        text = "\n".join(line.rstrip() for line in r.stdout.splitlines()).strip("\n")
        found.append([path, text])
        for name, sub in (getattr(cmd, "commands", None) or {}).items():
            walk(sub, [*path, name])

    walk(typer.main.get_command(app), [])
    sys.stdout.write(json.dumps(found))


def helps() -> list[tuple[list[str], str]]:
    env = {k: v for k, v in os.environ.items() if k not in UNSET}
    env.update(PINNED)
    out = subprocess.run(
        [sys.executable, os.path.abspath(__file__), "--dump"], env=env, capture_output=True, text=True, check=False
    )
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip() or "readme_help --dump failed")
    return [(path, text) for path, text in json.loads(out.stdout)]


def reference() -> str:
    """Markdown: one heading and one text block per command, in the Typer tree's order."""
    parts = []
    for path, text in helps():
        parts.append(f"### `certplan{''.join(' ' + p for p in path)}`\n\n```text\n{text}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    if sys.argv[1:] == ["--dump"]:
        _dump()
    else:
        sys.stdout.write(reference())
