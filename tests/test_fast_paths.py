"""The served cache and the completion fast path give exactly what the slow paths give."""

import datetime as dt
import json
import os
import subprocess
import sys

import pytest

from certplan.catalog.rules import catalog_on
from certplan.core import views
from certplan.store.caches import load_served, view_text

TODAY = dt.date(2026, 11, 27)


def test_served_views_match_the_model_views(catalog, tmp_path, monkeypatch):
    monkeypatch.setenv("CERTPLAN_CACHE_DIR", str(tmp_path / "c"))
    built = load_served(None, TODAY)  # miss: builds and writes
    cached = load_served(None, TODAY, build=False)  # hit: stdlib json only
    assert cached is not None and "views" not in cached
    catalog = catalog_on(catalog, TODAY)  # served views show the rules in force that day
    ctx = views.Ctx(catalog, TODAY)
    for c in catalog.credentials:
        expected = json.dumps(views.credential(c, ctx), indent=2, sort_keys=True, ensure_ascii=False)
        assert view_text(built, c.code) == expected
        assert view_text(cached, c.code) == expected


def test_list_json_equals_plain_json_dumps(run, catalog):
    out = run("list", "--all", "--json").stdout
    catalog = catalog_on(catalog, TODAY)
    ctx = views.Ctx(catalog, TODAY)
    expected = (
        json.dumps(
            [views.credential(c, ctx) for c in catalog.credentials], indent=2, sort_keys=True, ensure_ascii=False
        )
        + "\n"
    )
    assert out == expected
    current = [views.credential(c, ctx) for c in catalog.credentials if c.status == "current"]
    assert run("list", "--json").stdout == json.dumps(current, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert run("list", "--json", "--search", "zzzz-nothing").stdout == "[]\n"


def test_cache_key_changes_with_the_year(tmp_path, monkeypatch):
    monkeypatch.setenv("CERTPLAN_CACHE_DIR", str(tmp_path / "c"))
    load_served(None, TODAY)
    assert load_served(None, dt.date(2027, 1, 2), build=False) is None  # "dated" flags depend on the year


def test_no_cache_dir_still_works(run, monkeypatch):
    monkeypatch.setenv("CERTPLAN_CACHE_DIR", "")
    assert json.loads(run("show", "CPC", "--json").stdout)["code"] == "CPC"


def test_catalog_option_is_accepted_after_the_command(run, tmp_path):
    mini = os.path.join(os.path.dirname(__file__), "data", "mini.yaml")
    r = run("list", "--json", "--catalog", mini)
    assert [c["code"] for c in json.loads(r.stdout)] == ["CPC"]
    r = run("show", "cpc", f"--catalog={mini}", "--json")
    assert json.loads(r.stdout)["description"] == "A coding credential."


CASES = [
    ("complete_bash", {"COMP_WORDS": "certplan show C", "COMP_CWORD": "2"}),
    ("complete_bash", {"COMP_WORDS": "certplan show ", "COMP_CWORD": "2"}),
    ("complete_bash", {"COMP_WORDS": "certplan compare CPC cc", "COMP_CWORD": "3"}),
    ("complete_bash", {"COMP_WORDS": "certplan eligible --experience 2 R", "COMP_CWORD": "4"}),
    ("complete_bash", {"COMP_WORDS": "certplan --catalog x.yaml show RH", "COMP_CWORD": "4"}),
    ("complete_bash", {"COMP_WORDS": "certplan sh", "COMP_CWORD": "1"}),
    ("complete_bash", {"COMP_WORDS": "certplan show CPC --", "COMP_CWORD": "3"}),
    ("complete_bash", {"COMP_WORDS": "certplan list --body A", "COMP_CWORD": "3"}),
    ("complete_bash", {"COMP_WORDS": "certplan plan --weeks 12 C", "COMP_CWORD": "4"}),
    ("complete_bash", {"COMP_WORDS": "certplan cost c", "COMP_CWORD": "2"}),
    ("complete_bash", {"COMP_WORDS": "certplan path --to R", "COMP_CWORD": "3"}),
    ("complete_zsh", {"_TYPER_COMPLETE_ARGS": "certplan show C"}),
    ("complete_zsh", {"_TYPER_COMPLETE_ARGS": "certplan compare CPC "}),
    ("complete_zsh", {"_TYPER_COMPLETE_ARGS": "certplan show QQQ"}),
    ("complete_fish", {"_TYPER_COMPLETE_ARGS": "certplan show C", "_TYPER_COMPLETE_FISH_ACTION": "get-args"}),
    ("complete_fish", {"_TYPER_COMPLETE_ARGS": "certplan show C", "_TYPER_COMPLETE_FISH_ACTION": "is-args"}),
]


def _complete(instruction, extra, fast: bool, cache: str):
    env = {k: v for k, v in os.environ.items() if k not in ("COMP_WORDS", "COMP_CWORD", "_TYPER_COMPLETE_ARGS")}
    env.update(extra, _CERTPLAN_COMPLETE=instruction, CERTPLAN_CACHE_DIR=cache)
    if not fast:
        env["CERTPLAN_NO_FAST_COMPLETE"] = "1"
    code = "import sys; sys.argv=['certplan']; from certplan.cli.main import main; main()"
    p = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    return p.returncode, p.stdout


@pytest.mark.parametrize(("instruction", "extra"), CASES)
def test_fast_completion_matches_typer(instruction, extra, tmp_path):
    cache = str(tmp_path / "cache")
    _complete(instruction, extra, False, cache)  # fills the cache
    assert _complete(instruction, extra, True, cache) == _complete(instruction, extra, False, cache)


def test_completion_lists_codes(tmp_path):
    rc, out = _complete(
        "complete_bash", {"COMP_WORDS": "certplan show CC", "COMP_CWORD": "2"}, True, str(tmp_path / "c")
    )
    assert rc == 0
    assert out.split() == ["CCA", "CCC", "CCDS", "CCDS-O", "CCP-P", "CCS", "CCS-P", "CCT", "CCVTC"]
    rc, out = _complete(
        "complete_bash", {"COMP_WORDS": "certplan bodies A", "COMP_CWORD": "2"}, True, str(tmp_path / "c")
    )
    assert set(out.split()) >= {"AAPC", "AHIMA", "AMBA", "AHDI"}
    rc, out = _complete(
        "complete_bash", {"COMP_WORDS": "certplan show rh", "COMP_CWORD": "2"}, True, str(tmp_path / "c")
    )
    assert out.split() == ["rhds", "rhia", "rhit"]


def _main(args, cache, **extra):
    env = {k: v for k, v in os.environ.items() if k not in ("_CERTPLAN_COMPLETE",)}
    env.update(extra, CERTPLAN_CACHE_DIR=cache)
    code = "import sys; from certplan.cli.main import main; sys.argv=['certplan', *sys.argv[1:]]; main()"
    p = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


MINI = os.path.join(os.path.dirname(__file__), "data", "mini.yaml")


@pytest.mark.parametrize(
    ("args", "extra"),
    [
        (["--help"], {"COLUMNS": "100"}),
        (["-h"], {"COLUMNS": "60"}),
        (["show", "CPC", "--json"], {}),
        (["show", "--json", "cpc-h"], {}),
        (["show", "CPC + CPB", "--json"], {}),
        (["show", "CPX", "--json"], {}),
        (["show", "CPC", "--json", "--catalog", MINI], {}),
        (["--catalog", MINI, "show", "cpc", "--json"], {}),
        (["show", "CPC", "--json", "--catalog", "/nonexistent.yaml"], {}),
    ],
)
def test_fast_answers_match_typer(args, extra, tmp_path):
    cache = str(tmp_path / "cache")
    slow = _main(args, cache, CERTPLAN_NO_FAST="1", **extra)
    _main(args, cache, **extra)  # fills the caches
    assert _main(args, cache, **extra) == slow


def test_help_cache_follows_the_terminal_width(tmp_path):
    cache = str(tmp_path / "cache")
    wide = _main(["--help"], cache, COLUMNS="120")[1]
    narrow = _main(["--help"], cache, COLUMNS="60")[1]
    assert wide != narrow
    assert narrow == _main(["--help"], cache, COLUMNS="60", CERTPLAN_NO_FAST="1")[1]


@pytest.mark.parametrize(
    ("shell", "path"),
    [
        ("bash", ".bash_completions/certplan.sh"),
        ("zsh", ".zfunc/_certplan"),
        ("fish", ".config/fish/completions/certplan.fish"),
    ],
)
def test_install_completion_for_each_shell(tmp_path, shell, path):
    rc, out, err = _main(
        ["--install-completion", shell],
        str(tmp_path / "c"),
        HOME=str(tmp_path),
        _TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION="1",
    )
    assert rc == 0, err
    script = (tmp_path / path).read_text()
    assert "_CERTPLAN_COMPLETE" in script and "certplan" in script
