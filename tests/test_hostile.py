"""Hostile input, one test per case of issue 17: a clear one-line answer and a documented exit code,
never a traceback, exit 1, a hang or unbounded memory.  In-process where possible; subprocesses
for closed and full streams, FIFOs, broken pipes and encodings."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from certplan.store import caches

ROOT = Path(__file__).resolve().parents[1]
MINI = (Path(__file__).parent / "data" / "mini.yaml").read_text()
CERTPLAN = [sys.executable, "-c", "from certplan.cli.main import main; main()"]


def env(tmp_path, **extra):
    e = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "TTY_COMPATIBLE")}
    e["CERTPLAN_CACHE_DIR"] = str(tmp_path / "cache")
    e["CERTPLAN_CONFIG_DIR"] = str(tmp_path / "config")
    e.update(extra)
    return e


def sub(tmp_path, *args, timeout=60, **kw):
    return subprocess.run([*CERTPLAN, *args], capture_output=True, text=True, env=env(tmp_path), timeout=timeout, **kw)


# --------------------------------------------------------------------------- reads that must stay bounded


BOMB = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{n}: &{n} [" + ",".join([f"*{p}"] * 9) + "]" for p, n in zip("abcdefgh", "bcdefghi")]
) + "\n"


def test_alias_bomb_in_profiles_is_refused(run, tmp_path):
    p = tmp_path / "people.yaml"
    p.write_text(BOMB)
    r = run("eligible", "--profiles", p)
    assert r.exit_code == 2
    assert r.stderr == f"certplan: {p}:1: anchors and aliases are not allowed\n"  # at the anchor


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_are_not_catalogs_profiles_or_rosters(run, tmp_path, device):
    r = run("--catalog", device, "list")
    assert r.exit_code == 3
    assert r.stderr.splitlines() == [
        f"{device}: not a regular file (a device, FIFO or socket cannot be a catalog)",
        "certplan: the catalog cannot be read",
    ]
    link = tmp_path / "people.csv"
    link.symlink_to(device)
    r = run("eligible", "--profiles", link)
    assert r.exit_code == 2
    assert r.stderr == f"certplan: {link}: not a regular file (a device, FIFO or socket cannot be a profiles)\n"


def test_saved_profile_linked_to_a_device(run, tmp_path, monkeypatch):
    cfg = tmp_path / "cfg"
    cfg.mkdir()
    (cfg / "profile.json").symlink_to("/dev/zero")
    monkeypatch.setenv("CERTPLAN_CONFIG_DIR", str(cfg))
    r = run("eligible", "CPC")
    assert r.exit_code == 2
    assert r.stderr.startswith(f"certplan: {cfg / 'profile.json'}: not a regular file")


def test_fifos_never_hang(tmp_path):
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    p = sub(tmp_path, "--catalog", str(fifo), "list", timeout=30)
    assert p.returncode == 3
    assert p.stderr.splitlines()[0] == f"{fifo}: not a regular file (a device, FIFO or socket cannot be a catalog)"
    p = sub(tmp_path, "eligible", "--profiles", str(fifo), timeout=30)
    assert p.returncode == 2 and "not a regular file" in p.stderr
    tab = env(tmp_path, CERTPLAN_CATALOG=str(fifo), _CERTPLAN_COMPLETE="complete_bash",
              COMP_WORDS="certplan show C", COMP_CWORD="2")
    p = subprocess.run(CERTPLAN, capture_output=True, text=True, env=tab, timeout=30)
    assert "Traceback" not in p.stderr


def test_a_huge_name_is_one_short_line(run):
    name = "x" * 5000
    r = run("--catalog", name, "list")
    assert r.exit_code == 3
    first = r.stderr.splitlines()[0]
    assert first.endswith("...: cannot read: the file name is too long") and len(first) < 200
    r = run("eligible", "--profiles", name)
    assert r.exit_code == 2 and len(r.stderr) < 300


def test_a_megabyte_of_input_is_not_echoed(run):
    r = run("show", "Q" * 1_000_000)
    assert r.exit_code == 2
    assert len(r.stderr) < 3000 and "characters)" in r.stderr


def test_a_profile_of_100000_brackets(run, tmp_path, monkeypatch):
    cfg = tmp_path / "cfg"
    cfg.mkdir()
    (cfg / "profile.json").write_text("[" * 100_000)
    monkeypatch.setenv("CERTPLAN_CONFIG_DIR", str(cfg))
    r = run("eligible", "CPC")
    assert r.exit_code == 2
    assert r.stderr == (
        f"certplan: {cfg / 'profile.json'}: the saved profile is not valid JSON (too deeply nested); "
        f"fix it by hand or run 'certplan profile clear' (file: {cfg / 'profile.json'})\n"
    )


def test_unusable_config_dir(run, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("CERTPLAN_CONFIG_DIR", str(blocker / "certplan"))
    r = run("profile", "clear")
    assert r.exit_code == 4
    assert r.stderr == f"certplan: cannot clear the profile: {blocker / 'certplan' / 'profile.json'}: cannot remove it: Not a directory\n"
    r = run("profile", "set", "--experience", "1")
    assert r.exit_code == 4
    assert r.stderr.startswith("certplan: cannot save the profile: ") and r.stderr.count("\n") == 1


# --------------------------------------------------------------------------- caches that cannot lie


def _served_files(d: Path):
    (idx,) = d.glob("served-*.json")
    (views,) = d.glob("served-*.views")
    return idx, views


def test_an_edited_view_is_never_served(run, tmp_path, monkeypatch):
    d = tmp_path / "c"
    monkeypatch.setenv("CERTPLAN_CACHE_DIR", str(d))
    before = run("show", "CPC").stdout
    assert "$425" in before or "425" in before
    _, views = _served_files(d)
    views.write_bytes(views.read_bytes().replace(b'"amount": 425', b'"amount": 999'))
    assert run("show", "CPC").stdout == before
    views.write_bytes(views.read_bytes().replace(b'"amount": 425', b'"amount": 999'))
    monkeypatch.setenv("CERTPLAN_NO_FAST", "1")
    assert run("show", "CPC").stdout == before


def test_damaged_caches_are_rebuilt_silently(run, tmp_path, monkeypatch):
    d = tmp_path / "c"
    monkeypatch.setenv("CERTPLAN_CACHE_DIR", str(d))
    good_json = run("show", "CPC", "--json").stdout
    good_list = run("list", "--json").stdout
    good_cmp = run("compare", "CPC", "CCS").stdout
    idx, views = _served_files(d)
    raw = bytearray(views.read_bytes())
    raw[len(raw) // 2] = 0xFF
    views.write_bytes(bytes(raw))
    for args, good in ((("show", "CPC", "--json"), good_json), (("list", "--json"), good_list),
                       (("compare", "CPC", "CCS"), good_cmp)):
        r = run(*args)
        assert (r.exit_code, r.stdout, r.stderr) == (0, good, ""), args
    idx, _ = _served_files(d)
    idx.write_bytes(idx.read_bytes()[:-20] + b"{broken")
    r = run("show", "CPC", "--json")
    assert r.exit_code == 0 and json.loads(r.stdout) == json.loads(good_json)
    for entry in d.glob("catalog-*.json"):
        entry.write_bytes(entry.read_bytes().replace(b"Certified Professional Coder", b"Certified Fake Coder"))
    assert run("eligible", "CPC", "--json").stdout.count("Fake") == 0


def test_a_concurrent_prune_cannot_pull_the_views_away(tmp_path, monkeypatch):
    import datetime as dt

    d = tmp_path / "c"
    monkeypatch.setenv("CERTPLAN_CACHE_DIR", str(d))
    caches.load_served(None, dt.date(2026, 11, 27))
    served = caches.load_served(None, dt.date(2026, 11, 27), build=False)
    for f in d.iterdir():
        f.unlink()  # what another certplan, using another catalog, might do
    assert json.loads(caches.view_text(served, "CPC"))["code"] == "CPC"


def test_no_fast_bypasses_every_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CERTPLAN_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setenv("CERTPLAN_NO_FAST", "1")
    assert caches.cache_dir() is None


def test_catalog_over_the_limit_names_the_limit(run, tmp_path, monkeypatch):
    p = tmp_path / "cat.yaml"
    p.write_text(MINI + "#" * 2_000_000 + "\n")
    monkeypatch.setenv("CERTPLAN_MAX_CATALOG_MB", "1")
    r = run("--catalog", p, "list")
    assert r.exit_code == 3
    assert r.stderr.splitlines() == [
        f"{p}: the file is 2 MB, over the catalog size limit of 1 MB (set CERTPLAN_MAX_CATALOG_MB to raise it)",
        "certplan: the catalog is over certplan's size limit (not invalid)",
    ]
    monkeypatch.setenv("CERTPLAN_MAX_CATALOG_MB", "3")
    assert run("--catalog", p, "list").exit_code == 0


# --------------------------------------------------------------------------- numbers and dates


@pytest.mark.parametrize(
    ("args", "option", "value"),
    [
        (("eligible", "--experience", "nan"), "--experience", "nan"),
        (("eligible", "--experience", "inf"), "--experience", "inf"),
        (("recommend", "--budget", "nan"), "--budget", "nan"),
        (("recommend", "--budget", "-inf"), "--budget", "-inf"),
        (("plan", "CPC", "--hours-per-week", "nan"), "--hours-per-week", "nan"),
    ],
)
def test_non_finite_numbers_exit_2(run, args, option, value):
    r = run(*args)
    assert r.exit_code == 2
    assert r.stderr.splitlines()[-1] == f"Error: Invalid value for '{option}': '{value}' is not a finite number."


def test_negative_and_huge_numbers_exit_2(run):
    assert run("recommend", "--budget", "-5").exit_code == 2
    assert run("eligible", "--experience", "-1").exit_code == 2
    r = run("plan", "CPC", "--weeks", "9" * 5000)
    assert r.exit_code == 2 and len(r.stderr) < 400


def test_dates_past_the_calendar_are_a_clear_error(run, monkeypatch):
    msg = "certplan: the plan would run past 9999-12-31: give an earlier --start (or CERTPLAN_TODAY), or fewer --weeks"
    r = run("plan", "CPC", "--start", "9999-12-27")
    assert r.exit_code == 2 and r.stderr.splitlines()[-1] == msg
    monkeypatch.setenv("CERTPLAN_TODAY", "9999-12-20")
    r = run("plan", "CPC")
    assert r.exit_code == 2 and r.stderr.splitlines()[-1] == msg


# --------------------------------------------------------------------------- files written whole


def test_ics_is_never_overwritten_without_force(run, tmp_path):
    target = tmp_path / "cpc.ics"
    target.write_text("my old calendar")
    r = run("plan", "CPC", "--weeks", "12", "--ics", target)
    assert r.exit_code == 2
    assert r.stderr.splitlines()[-1] == (
        f"certplan: {target}: the file exists; give --ics FILE --force to replace it, or - to write to stdout"
    )
    assert target.read_text() == "my old calendar"
    r = run("plan", "CPC", "--weeks", "12", "--ics", target, "--force")
    assert r.exit_code == 0 and target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    r = run("plan", "CPC", "--weeks", "12", "--ics", "-")
    assert r.exit_code == 0 and r.stdout.startswith("BEGIN:VCALENDAR") and r.stdout.rstrip().endswith("END:VCALENDAR")


def test_a_failed_write_leaves_the_old_file(run, tmp_path, monkeypatch):
    target = tmp_path / "cpc.ics"
    target.write_text("my old calendar")

    def fail(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    r = run("plan", "CPC", "--weeks", "12", "--ics", target, "--force")
    assert r.exit_code == 2
    assert r.stderr.splitlines()[-1] == f"certplan: {target}: cannot write: No space left on device; nothing was changed"
    assert target.read_text() == "my old calendar"
    assert [p.name for p in tmp_path.iterdir()] == ["cpc.ics"]  # no temporary file left behind


def test_write_output_file_refuses_what_is_not_a_regular_file(tmp_path):
    from certplan.fsutil import FileProblem, write_output_file

    with pytest.raises(FileProblem, match="is a directory"):
        write_output_file(tmp_path, b"x", force=True)
    with pytest.raises(FileProblem, match="not a regular file"):
        write_output_file("/dev/null", b"x", force=True)


# --------------------------------------------------------------------------- streams (subprocesses)


def test_help_to_a_full_disk(tmp_path):
    with open("/dev/full", "w") as full:
        p = subprocess.run([*CERTPLAN, "--help"], stdout=full, stderr=subprocess.PIPE, text=True, env=env(tmp_path))
    assert p.returncode == 4
    assert p.stderr == "certplan: cannot write the output: No space left on device\n"


@pytest.mark.parametrize("args", [["show", "CPC"], ["show", "CPC", "--json"], ["eligible", "CPC"]])
def test_closed_stdout(tmp_path, args):
    p = subprocess.run([*CERTPLAN, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                       env=env(tmp_path), preexec_fn=lambda: os.close(1))
    assert p.returncode == 4
    assert p.stderr.splitlines()[-1] == "certplan: standard output is closed; nothing can be written (run it without >&-)"


def test_closed_stdin_for_an_interactive_command(tmp_path):
    p = subprocess.run([*CERTPLAN, "profile", "set"], stdin=subprocess.DEVNULL, capture_output=True, text=True,
                       env=env(tmp_path), preexec_fn=lambda: os.close(0))
    assert p.returncode == 2
    assert p.stderr == "certplan: no profile flags given (and stdin is not a terminal, so no questions are asked)\n"
    p = subprocess.run([*CERTPLAN, "eligible", "--profiles", "-"], stdin=subprocess.DEVNULL, capture_output=True,
                       text=True, env=env(tmp_path), preexec_fn=lambda: os.close(0))
    assert p.returncode == 2 and p.stderr.count("\n") == 1 and "standard input" in p.stderr


def test_an_ascii_terminal_gets_ascii(tmp_path):
    e = env(tmp_path, PYTHONIOENCODING="ascii")
    for args in (["salary", "CPC"], ["compare", "CPC", "CCS"], ["show", "CPC"], ["plan", "CPC"]):
        p = subprocess.run([*CERTPLAN, *args], capture_output=True, env=e)
        assert p.returncode == 0, (args, p.stderr[-300:])
        assert p.stdout.isascii() and b"Traceback" not in p.stderr


def test_broken_pipe_exits_141_silently(tmp_path):
    p = subprocess.Popen([*CERTPLAN, "eligible", "--experience", "2"], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=env(tmp_path))
    p.stdout.read(10)
    p.stdout.close()
    err = p.stderr.read()
    assert p.wait(timeout=60) == 141
    assert b"Traceback" not in err and b"BrokenPipe" not in err and b"Exception ignored" not in err


# --------------------------------------------------------------------------- fuzz


HOSTILE = st.sampled_from([
    "nan", "inf", "-inf", "1e999", "-0", "9" * 40, "9999-12-27", "0000-01-01", "\x00", "\udcff", "../../etc/passwd",
    "/dev/zero", "-", "--force", "--ics", "x" * 300, "[" * 50, "CPC", "plan", "eligible", "recommend", "cost", "show",
    "--budget", "--experience", "--weeks", "--start", "--hours-per-week", "--years", "--profiles", "--json",
])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(HOSTILE, st.text(max_size=8)), min_size=1, max_size=6))
def test_fuzzed_arguments_never_exit_1(run, tmp_path, args):
    from typer.testing import CliRunner

    from certplan.cli.app import app

    if "--ics" in args:
        return  # would write files; covered above
    r = CliRunner().invoke(app, args, catch_exceptions=True)
    assert r.exception is None or isinstance(r.exception, SystemExit), (args, repr(r.exception))
    assert r.exit_code in (0, 2, 3, 4), (args, r.exit_code, r.output[-500:])
