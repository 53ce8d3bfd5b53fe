"""The Typer tree is the one source: the fast paths' table, completion and every offered format (issue 12)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
import typer

from certplan.cli import treegen
from certplan.cli.app import app
from certplan.cli.main import run
from certplan.cli.tree_table import COMMANDS
from mockenv import MockEnvironment

# options whose value is free text or a number: nothing to complete
FREE = {
    "--catalog",
    "--search",
    "--years",
    "--attempts",
    "--experience",
    "--course-hours",
    "--training-hours",
    "--clinical-hours",
    "--profiles",
    "--older-than",
    "--start",
    "--exam-date",
    "--weeks",
    "--hours-per-week",
    "--book-ahead",
    "--ics",
    "--budget",
    "--within",
    "--top",
    "--employer-pays",
    "--out",
    "-o",
    # the after-the-exam commands (h15): dates, numbers, free text and file names
    *("--on", "--earned", "--cycle-start", "--date", "--ceus", "--title", "--provider", "--approval"),
    *("--category", "--certificate", "--out", "--db", "--end", "--employer", "--course-done", "--practicode-done"),
}
FREE_ARGS = {("catalog", "validate"): "file", ("ceu", "import"): "file", ("ceu", "remove"): "ceu_id", ("experience", "remove"): "exp_id"}  # a file name: the shell completes it


def walk():
    root = typer.main.get_command(app)

    def go(cmd, path, parent):
        ctx = typer.Context(cmd, info_name=path[-1] if path else "certplan", parent=parent)
        yield path, cmd, ctx
        for name, sub in sorted((getattr(cmd, "commands", {}) or {}).items()):
            yield from go(sub, (*path, name), ctx)

    yield from go(root, (), None)


def test_the_generated_table_is_current():
    assert treegen.render(treegen.build()) == treegen.TABLE.read_text(encoding="utf-8"), (
        "cli/tree_table.py is stale: run python -m certplan.cli.treegen --write"
    )


def test_completion_knows_every_command_and_option():
    seen_options = set()
    for path, cmd, ctx in walk():
        assert path in COMMANDS, path
        node = COMMANDS[path]
        assert node["subcommands"] == sorted(getattr(cmd, "commands", {}) or {})
        for p in cmd.get_params(ctx):
            if p.param_type_name == "option":
                for name in [*p.opts, *p.secondary_opts]:
                    seen_options.add(name)
                    opt = node["options"][name]
                    if name in p.opts and not (p.is_flag or p.count) and name not in FREE:
                        assert opt["kind"], f"{' '.join(path)} {name} completes nothing"
            else:
                arg = next(a for a in node["args"] if a["name"] == p.name)
                if FREE_ARGS.get(path) != p.name:
                    assert arg["kind"], f"{' '.join(path)} {p.name} completes nothing"
            choices = getattr(p.type, "choices", None)
            if choices and p.param_type_name == "option":
                values = node["options"][p.opts[0]]["values"]
                assert values == [getattr(c, "value", c) for c in choices], (path, p.opts)
    # the nine the issue found missing, and the closed vocabularies
    for name in ("--fields", "--older-than", "--to", "--from", "--occupation", "--focus", "--budget", "--within", "--top"):
        assert name in seen_options
    kinds = {o["kind"] for n in COMMANDS.values() for o in n["options"].values()} | {
        a["kind"] for n in COMMANDS.values() for a in n["args"]
    }
    assert kinds >= {
        "codes",
        "bodies",
        "settings",
        "focus",
        "levels",
        "statuses",
        "experience-kinds",
        "education",
        "programs",
        "formats",
        "fields",
        "basis",
    }
    assert all(n["options"]["--held"]["kind"] == "codes" for n in COMMANDS.values() if "--held" in n["options"])


def test_fields_complete_field_names_not_codes(run):
    r = run_complete("certplan show --fields ")
    assert r[0] == 0
    assert r[1].split() == COMMANDS[("show",)]["options"]["--fields"]["values"]
    assert "code" in r[1].split() and "exam" in r[1].split()


# --------------------------------------------------------------------------- every offered format renders

REPRESENTATIVE = {
    ("list",): [[]],
    ("show",): [["CPC"]],
    ("compare",): [["CPC", "CCS"], ["CPC", "CCS", "--member", "AAPC"]],
    ("bodies",): [[]],
    ("eligible",): [["--experience", "2"]],
    ("plan",): [["CPC", "--start", "2027-01-04"]],
    ("salary",): [["CPC"]],
    ("cost",): [["CPC"], ["CPC", "--member", "AAPC", "--roi"]],
    ("path",): [["--to", "RHIA", "--education", "high-school"], ["--from", "CPC"]],
    ("recommend",): [["--setting", "physician-office"]],
    ("catalog", "validate"): [[]],
    ("catalog", "sources"): [["CPC"]],
    ("catalog", "stale"): [[]],
    ("schema",): [[]],
    ("profile", "show"): [[]],
    ("export",): [["--ctdl"]],
    # the after-the-exam commands (h15), on a tracker prepared by TRACKER_SETUP
    ("held", "add"): [["CCS", "--earned", "2025-02-01"]],
    ("held", "list"): [[]],
    ("ceu", "add"): [["--date", "2025-06-01", "--ceus", "1", "--title", "Webinar", "--for", "CPC"]],
    ("ceu", "list"): [[]],
    ("ceu", "import"): [[str(Path(__file__).parent / "data" / "ceus.csv")]],
    ("ceu", "export"): [[]],
    ("ceu", "status"): [[]],
    ("renew",): [[]],
    ("experience", "add"): [["--start", "2024-01-01", "--kind", "coding"]],
    ("experience", "list"): [[]],
    ("apprentice", "status"): [[]],
}
NO_OUTPUT = {("profile", "set"), ("profile", "clear")}  # they only say what they did, on stderr
NO_OUTPUT |= {("held", "remove"), ("ceu", "remove"), ("experience", "remove"), ("ceu", "audit-pack")}  # and files
TRACKER = {"held", "ceu", "renew", "experience", "apprentice"}
TRACKER_SETUP = [
    ["held", "add", "CPC-A", "--earned", "2025-01-01"],
    ["ceu", "add", "--date", "2025-03-01", "--ceus", "2", "--title", "Audit basics"],
    ["experience", "add", "--start", "2024-06-01", "--kind", "coding"],
]


def _format_cases():
    for path, node in sorted(COMMANDS.items()):
        if node["subcommands"] or path in NO_OUTPUT:
            continue
        opts = node["options"]
        formats = opts["--format"]["values"] if "--format" in opts else (["json"] if "--json" in opts else [])
        for args in REPRESENTATIVE.get(path, [None]):
            for fmt in formats:
                yield pytest.param(path, args, fmt, id=f"{' '.join(path)}-{fmt}-{len(args or [])}")


@pytest.mark.parametrize(("path", "args", "fmt"), list(_format_cases()))
def test_every_offered_format_renders(run, path, args, fmt):
    assert args is not None, f"add a representative call for {' '.join(path)} to REPRESENTATIVE"
    flag = ["--json"] if "--format" not in COMMANDS[path]["options"] else ["--format", fmt]
    if path == ("profile", "show"):
        assert run("profile", "set", "--experience", "1").exit_code == 0
    if path[0] in TRACKER:
        for setup in TRACKER_SETUP:
            assert run(*setup).exit_code == 0
    r = run(*path, *args, *flag)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.strip()
    if fmt == "json":
        json.loads(r.stdout)
    elif fmt == "csv":
        assert "," in r.stdout.splitlines()[0]
    elif fmt == "markdown":
        assert "| " in r.stdout or r.stdout.startswith("#")


def test_every_leaf_command_has_a_representative_call():
    leaves = {p for p, n in COMMANDS.items() if not n["subcommands"]}
    assert leaves - NO_OUTPUT == set(REPRESENTATIVE)


@pytest.mark.parametrize("path", [("list",), ("show",)])
def test_fields_selection_renders(run, path):
    args = REPRESENTATIVE[path][0]
    r = run(*path, *args, "--fields", "code,name")
    assert r.exit_code == 0, r.stderr
    d = json.loads(r.stdout)
    first = d[0] if isinstance(d, list) else d
    assert set(first) == {"schema_version", "code", "name"}  # a selection always keeps schema_version


# --------------------------------------------------------------------------- fast paths = Typer, byte for byte


def run_complete(line: str, shell: str = "bash", fast: bool = True, fish_action: str = "get-args"):
    """Complete `line` (the last word is the incomplete one) as `shell` asks; (exit, stdout, stderr)."""
    import os

    words = line.split(" ")
    environ = {"_CERTPLAN_COMPLETE": f"complete_{shell}"}
    if shell == "bash":
        environ |= {"COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1)}
    else:
        environ |= {"_TYPER_COMPLETE_ARGS": line}
        if shell == "fish":
            environ["_TYPER_COMPLETE_FISH_ACTION"] = fish_action
    if not fast:
        environ["CERTPLAN_NO_FAST"] = "1"
    saved = {k: os.environ.get(k) for k in [*environ, "CERTPLAN_NO_FAST", "COMP_WORDS", "_TYPER_COMPLETE_ARGS"]}
    os.environ.update(environ)  # Typer's own completion reads the process environment
    if fast:
        os.environ.pop("CERTPLAN_NO_FAST", None)
    try:
        env = MockEnvironment(environ=environ)
        code = run(None, env)
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return code, env.out, env.err


def run_argv(argv: list[str], fast: bool = True):
    env = MockEnvironment(environ={} if fast else {"CERTPLAN_NO_FAST": "1"})
    code = run(argv, env)
    return code, env.out, env.err


def _completion_lines() -> list[str]:
    rng = random.Random(12)
    lines = set()
    prefixes = ["", "C", "c", "CP", "cc", "R", "r", "zz", "A", "p", "h"]
    for path, node in COMMANDS.items():
        head = "certplan " + " ".join(path) + (" " if path else "")
        if node["subcommands"]:
            lines.add(head)  # a command name: Typer answers
            continue
        for name, opt in node["options"].items():
            if not opt["value"]:
                continue
            for p in rng.sample(prefixes, 3) + ([opt["values"][0][:1]] if opt["values"] else []):
                lines.add(f"{head}{name} {p}")
        for a in node["args"]:
            for p in rng.sample(prefixes, 4):
                lines.add(f"{head}{p}")
                lines.add(f"{head}CPC {p}")
                if a["nargs"] == -1:
                    lines.add(f"{head}CPC CCS {p}")
    lines |= {
        "certplan --catalog x.yaml show C",
        "certplan show --catalog ",
        "certplan list --json --",
        "certplan show -- C",
        "certplan show --help C",
        "certplan nosuch C",
        "certplan show --nosuch C",
        "certplan cost CPC --member=AA",
        "certplan eligible --held CPC --held ",
        "certplan eligible --experience 2 C",
        "certplan compare --basis member C",
        "certplan recommend --setting=p",
        "certplan --version C",
    }
    return sorted(lines)


def _cases():
    cases = []
    for i, line in enumerate(_completion_lines()):
        shell = ("bash", "zsh", "fish")[i % 3]
        cases.append(("complete", line, shell))
    argvs = [
        ["--help"],
        ["-h"],
        ["show", "CPC", "--json"],
        ["show", "--json", "cpc"],
        ["show", "NOPE", "--json"],
        ["show", "CPC-H", "--json"],
        ["show", "CPC", "--json", "--catalog"],
        ["--catalog", "missing.yaml", "show", "CPC", "--json"],
        ["show", "-x", "--json"],
        ["show", "CCS-P", "--json"],
    ]
    cases += [("argv", a, None) for a in argvs]
    return cases


CASES = _cases()
_WARM: list[bool] = []


def test_parity_has_enough_cases():
    assert len(CASES) >= 300


def test_fast_paths_answer_something():
    """The parity test would pass with no fast path at all: check the fast path does answer."""
    from certplan.cli.completion import _resolve

    answered = [c for c in CASES if c[0] == "complete" and _resolve(c[1].split(" ")[1:-1], c[1].split(" ")[-1])]
    assert len(answered) > 150


@pytest.mark.parametrize(("kind", "what", "shell"), CASES, ids=[f"{k}:{w}:{s}" for k, w, s in CASES])
def test_fast_paths_and_typer_agree(run, kind, what, shell):
    if not _WARM:
        run("list", "--json")  # the served cache exists, as after any real run
        _WARM.append(True)
    if kind == "complete":
        fast = run_complete(what, shell, fast=True)
        slow = run_complete(what, shell, fast=False)
    else:
        fast = run_argv(what, fast=True)
        slow = run_argv(what, fast=False)
    assert fast == slow


@pytest.mark.parametrize(
    "line", ["certplan recommend --focus c", "certplan show --fields ex", "certplan list --setting p", "certplan cost C"]
)
def test_fast_completion_answers_before_typer_is_imported(run, line):
    import os
    import subprocess
    import sys

    run("list", "--json")  # the served cache exists
    env = dict(os.environ, _CERTPLAN_COMPLETE="complete_bash", COMP_WORDS=line, COMP_CWORD=str(line.count(" ")))
    code = (
        "import sys; sys.argv=['certplan']; from certplan.cli.main import run; rc = run(); "
        "sys.stderr.write(str(sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'rich', 'pydantic', 'yaml'))))"
    )
    p = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert p.stdout.strip(), p.stderr
    assert p.stderr == "[]"


def test_no_fast_really_turns_the_fast_paths_off():
    """Else the parity test would compare the fast path with itself."""
    from certplan.cli.completion import fast_complete
    from certplan.cli.fast import fast_main

    line = {"_CERTPLAN_COMPLETE": "complete_bash", "COMP_WORDS": "certplan list --level a", "COMP_CWORD": "3"}
    assert fast_complete(MockEnvironment(environ=line)) is True
    assert fast_complete(MockEnvironment(environ={**line, "CERTPLAN_NO_FAST": "1"})) is False
    assert fast_main(["show", "CPC", "--json"], MockEnvironment(environ={"CERTPLAN_NO_FAST": "1"})) is False
