"""Every README example runs as written from examples/, and reads whole at 80, 100 and 120 columns.

The width test renders each table example wide (200 columns) and narrow, and checks that every token of
the wide rendering is in the narrow one whole (or split only where a line may break: after a hyphen or a
comma between words), and that nothing is cut with an ellipsis.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from certplan.output.fit import pieces

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
EXAMPLES = ROOT / "examples"
BOX = re.compile(r"[\s\u2500-\u257f]+")
LAYOUT_WORDS = {"Field"}
WRITES = {"set", "clear", "add", "import", "remove", "rm", "log", "record"}  # the compare grid's first header, which the one-block-per-field layout does not need


def readme_commands() -> list[str]:
    """The `certplan ...` lines of the README's sh blocks, without their trailing comments."""
    out, in_sh = [], False
    lines = README.read_text().splitlines()
    joined: list[str] = []
    for line in lines:  # a line ending in a backslash continues on the next
        if joined and joined[-1].endswith("\\"):
            joined[-1] = joined[-1][:-1].rstrip() + " " + line.strip()
        else:
            joined.append(line)
    for line in joined:
        if line.startswith("```"):
            in_sh = line.strip() == "```sh"
            continue
        if in_sh and line.startswith("certplan "):
            shell = "|" in line or ">" in line  # a pipe or a redirect: the line as typed, less its comment
            out.append(line.split("  #")[0].strip() if shell else shlex.join(shlex.split(line, comments=True)))
    return out


COMMANDS = readme_commands()


def test_the_readme_has_examples_and_their_files_are_shipped():
    assert len(COMMANDS) >= 40
    named = {w for c in COMMANDS for w in shlex.split(c) if re.search(r"\.(csv|yaml|pdf)$", w)}
    assert named == {"students.csv", "my-catalog.yaml", "my-ceus.csv", "em.pdf"}
    assert all((EXAMPLES / n).is_file() for n in named)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    d = tmp_path_factory.mktemp("examples")
    for f in EXAMPLES.iterdir():
        shutil.copy(f, d / f.name)
    return d


@pytest.mark.slow
def test_every_readme_example_runs_from_examples(workdir, tmp_path):
    """Each command as a shell would run it after `. .venv/bin/activate` and `cd examples`."""
    bindir = Path(sys.executable).parent
    if not (bindir / "certplan").exists():
        pytest.skip("certplan is not installed in this environment")
    env = {
        **os.environ,
        "PATH": f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}",
        "COLUMNS": "80",
        "CERTPLAN_CONFIG_DIR": str(tmp_path / "config"),
    }
    failed = []
    for cmd in COMMANDS:
        if "| jq" in cmd and not shutil.which("jq"):
            continue
        r = subprocess.run(
            ["bash", "-c", "set -o pipefail; " + cmd],
            cwd=workdir,
            env=env,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=120,
        )
        if r.returncode != 0 or "Traceback" in r.stderr:
            failed.append(f"{cmd}: exit {r.returncode}: {r.stderr.strip()[-300:]}")
    assert failed == []


def table_commands() -> list[list[str]]:
    """The examples whose output is a table (no pipe, redirect, JSON, CSV, Markdown or calendar)."""
    out = []
    for cmd in COMMANDS:
        if any(x in cmd for x in ("|", ">", "--json", "--format", "--ics", "--fields")):
            continue
        args = shlex.split(cmd)[1:]
        if args[:1] == ["schema"] or WRITES & set(args[:2]) or "--out" in args:
            continue  # a command that changes saved state or writes a file is run once, by the test above
        out.append(args)
    return out


def broken_tokens(wide: str, narrow: str) -> list[str]:
    """Tokens of ``wide`` that ``narrow`` does not hold whole, nor broken only where a line may break.

    Both sides are compared piece by piece (a piece is what remains between such places), since the
    wide rendering may itself break a long cell after a hyphen.
    """
    have = {p for t in BOX.split(narrow) if t for p in pieces(t)}
    bad = []
    for tok in (t for t in BOX.split(wide) if t):
        if tok in LAYOUT_WORDS or set(tok) == {"\u2588"} or all(p in have for p in pieces(tok)):  # bars scale
            continue
        bad.append(tok)
    return bad


@pytest.mark.slow
@pytest.mark.parametrize("args", table_commands(), ids=lambda a: " ".join(a))
def test_readme_tables_keep_every_token_whole_at_80_100_120(args, run, workdir, monkeypatch):
    monkeypatch.chdir(workdir)
    wide = run(*args, env={"COLUMNS": "200"})
    assert wide.exit_code == 0, wide.stderr
    for cols in (80, 100, 120):
        narrow = run(*args, env={"COLUMNS": str(cols)})
        assert narrow.exit_code == 0, narrow.stderr
        assert "\u2026" not in narrow.stdout  # nothing cut with an ellipsis
        assert broken_tokens(wide.stdout, narrow.stdout) == [], f"at {cols} columns"
        # only a line holding a URL (which is never broken) may pass the edge
        long = [ln for ln in narrow.stdout.splitlines() if len(ln) > cols and "://" not in ln]
        assert long == [], f"lines wider than {cols} columns"


def test_token_check_catches_a_word_split_in_the_middle():
    assert broken_tokens("hospital-inpatient $67,147/year", "hospital-i\nnpatient $67,147/ye\nar") == [
        "hospital-inpatient",
        "$67,147/year",
    ]
    assert broken_tokens("hospital-inpatient, 2020-07-13", "hospital-\ninpatient,\n2020-07-13") == []
