"""Pipes, signals, colour, widths, and generated input: a clear answer, never a traceback."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

CERTPLAN = [sys.executable, "-c", "from certplan.cli.main import main; main()"]


def env(**extra):
    e = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "TTY_COMPATIBLE")}
    e.update(extra)
    return e


def test_piped_json_into_head_leaves_stderr_empty():
    p = subprocess.run(
        " ".join(CERTPLAN[:2]) + ' "from certplan.cli.main import main; main()" list --json | head -c 100',
        shell=True,
        capture_output=True,
        env=env(),
    )
    assert len(p.stdout) == 100
    assert p.stderr == b""


def test_piped_table_into_head_leaves_stderr_empty():
    cmd = f'{sys.executable} -c "from certplan.cli.main import main; main()" eligible --experience 2 2>&1 | head -n 2'
    p = subprocess.run(cmd, shell=True, capture_output=True, env=env())
    assert b"Traceback" not in p.stdout and b"BrokenPipe" not in p.stdout


def test_ctrl_c_exits_130_with_one_line(tmp_path):
    # reading people from a stdin that stays open: a command waiting on input
    p = subprocess.Popen(
        [*CERTPLAN, "eligible", "--profiles", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env(),
    )
    time.sleep(1.5)
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=20)
    assert p.returncode == 130
    assert err.decode().strip().splitlines() == ["certplan: interrupted"]


@pytest.mark.parametrize("extra", [{"NO_COLOR": "1"}, {}, {"TERM": "dumb"}])
def test_no_escape_codes_off_a_terminal(extra):
    for args in (["show", "CPC"], ["compare", "CPC", "CCS"], ["list"], ["eligible", "CPC"]):
        p = subprocess.run([*CERTPLAN, *args], capture_output=True, env=env(**extra))
        assert p.returncode == 0
        assert b"\x1b[" not in p.stdout and b"\x1b[" not in p.stderr


def test_tables_written_to_a_file_are_not_cut_at_80_columns(tmp_path):
    out = tmp_path / "cmp.txt"
    with open(out, "wb") as fh:
        subprocess.run([*CERTPLAN, "compare", "CPC", "CCS", "CIC", "COC", "CRC"], stdout=fh, env=env(), check=True)
    lines = out.read_text().splitlines()
    assert max(len(line) for line in lines) > 80
    header = next(line for line in lines if line.startswith("┃"))
    assert header.rstrip().endswith("┃") and "CRC" in header


def test_unexpected_errors_are_one_line_not_a_traceback(tmp_path):
    code = (
        "import certplan.cli.app as a\n"
        "def boom(*x, **k): raise RuntimeError('kaboom')\n"
        "import certplan.store.caches as s; s.load_served = boom\n"
        "from certplan.cli.main import main; main()\n"
    )
    p = subprocess.run([sys.executable, "-c", code, "show", "CPC"], capture_output=True, text=True, env=env())
    assert p.returncode == 1
    assert p.stderr.splitlines() == [
        "certplan: unexpected error: RuntimeError: kaboom",
        "certplan: please report it; set CERTPLAN_DEBUG=1 to see the traceback",
    ]


# --------------------------------------------------------------------------- generated input

words = st.sampled_from(
    [
        "list",
        "show",
        "compare",
        "bodies",
        "eligible",
        "catalog",
        "validate",
        "sources",
        "stale",
        "schema",
        "profile",
        "CPC",
        "ccs",
        "RHIA",
        "XYZ",
        "--json",
        "--format",
        "csv",
        "markdown",
        "table",
        "--diff",
        "--vertical",
        "--body",
        "AHIMA",
        "--level",
        "entry",
        "--experience",
        "2",
        "-1",
        "1e9",
        "nan",
        "--education",
        "phd",
        "--held",
        "--status",
        "--older-than",
        "18m",
        "--search",
        "",
        "--",
        "-h",
        "--fields",
        "code,name",
        "--member",
        "--basis",
        "--strict",
        "--profiles",
        "/nonexistent",
        "--catalog",
        "plan",
        "cost",
        "salary",
        "path",
        "--to",
        "--from",
        "--weeks",
        "0",
        "--start",
        "2027-02-30",
        "--exam-date",
        "yesterday",
        "--hours-per-week",
        "recommend",
        "--budget",
        "--within",
    ]
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(words, st.text(max_size=6)), max_size=6))
def test_generated_arguments_never_raise(run, args):
    from typer.testing import CliRunner

    from certplan.cli.app import app

    if "--catalog" in args:
        return  # generated catalogs are covered below
    r = CliRunner().invoke(app, args, catch_exceptions=True)
    assert r.exception is None or isinstance(r.exception, SystemExit), (args, repr(r.exception))
    assert r.exit_code in (0, 2, 3, 4), (args, r.exit_code)
    assert "Traceback" not in r.output


scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 500), st.text(max_size=8), st.floats(allow_nan=False))
tree = st.recursive(
    scalars,
    lambda ch: st.one_of(st.lists(ch, max_size=3), st.dictionaries(st.text(max_size=6), ch, max_size=3)),
    max_leaves=12,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tree, st.sampled_from(["sources", "bodies", "credentials", "schema_version", "extra"]))
def test_generated_catalogs_give_exit_3_and_a_message(run, tmp_path_factory, junk, key):
    from certplan.cli.app import app  # noqa: F401

    base = yaml.safe_load(open(os.path.join(os.path.dirname(__file__), "data", "mini.yaml")))
    base[key] = junk
    path = tmp_path_factory.mktemp("gen") / "cat.yaml"
    path.write_text(yaml.safe_dump(base))
    r = run("--catalog", path, "list", "--json")
    assert r.exit_code in (0, 3)
    if r.exit_code == 3:
        assert r.stderr.startswith(str(path))
        assert r.stdout == ""
    else:
        json.loads(r.stdout)
