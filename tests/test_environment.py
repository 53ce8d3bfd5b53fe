"""main(argv, env): the terminal, width, colour and date come from an injected Environment (issue 12)."""

import json
import re

from certplan.cli.main import run
from mockenv import MockEnvironment

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_a_pipe_gets_plain_wide_tables():
    env = MockEnvironment(stdout_isatty=False)
    assert run(["list", "--body", "AAPC"], env) == 0
    assert not ANSI.search(env.out)
    assert max(len(line) for line in env.out.splitlines()) > 80  # never cut at Rich's 80-column fallback


def test_a_terminal_gets_colour_and_its_width():
    env = MockEnvironment(stdout_isatty=True, environ={"COLUMNS": "70"})
    assert run(["list", "--body", "AAPC"], env) == 0
    assert ANSI.search(env.out)
    assert max(len(ANSI.sub("", line)) for line in env.out.splitlines()) <= 70


def test_no_color_on_a_terminal():
    env = MockEnvironment(stdout_isatty=True, environ={"COLUMNS": "100", "NO_COLOR": "1"})
    assert run(["list", "--body", "AAPC"], env) == 0
    assert not ANSI.search(env.out)


def test_json_is_never_styled_on_a_terminal():
    env = MockEnvironment(stdout_isatty=True, environ={"FORCE_COLOR": "1"})
    assert run(["bodies", "AAPC", "--json"], env) == 0
    assert json.loads(env.out)[0]["code"] == "AAPC"


def test_today_comes_from_the_environment():
    env = MockEnvironment(environ={"CERTPLAN_TODAY": "2027-03-01"})
    assert run(["salary", "CPC", "--json"], env) == 0
    assert json.loads(env.out)["today"] == "2027-03-01"


def test_a_bad_pinned_date_is_one_line_and_exit_2():
    env = MockEnvironment(environ={"CERTPLAN_TODAY": "soon"})
    assert run(["salary", "CPC", "--json"], env) == 2
    assert env.err == "certplan: CERTPLAN_TODAY='soon' is not a date (YYYY-MM-DD)\n"
    assert env.out == ""


def test_profile_set_asks_nothing_when_stdin_is_not_a_terminal():
    env = MockEnvironment(stdin_isatty=False)
    assert run(["profile", "set"], env) == 2
    assert env.err == "certplan: no profile flags given (and stdin is not a terminal, so no questions are asked)\n"


def test_the_catalog_comes_from_the_environment(tmp_path):
    env = MockEnvironment(environ={"CERTPLAN_CATALOG": str(tmp_path / "missing.yaml")})
    assert run(["list", "--json"], env) == 3
    assert env.out == ""


def test_the_saved_profile_lives_in_the_environments_config_dir(tmp_path):
    env = MockEnvironment(environ={"CERTPLAN_CONFIG_DIR": str(tmp_path)})
    assert run(["profile", "set", "--experience", "1", "--held", "cpc"], env) == 0
    assert env.err == f"certplan: profile saved to {tmp_path / 'profile.json'}\n"
    shown = MockEnvironment(environ={"CERTPLAN_CONFIG_DIR": str(tmp_path)})
    assert run(["profile", "show", "--json"], shown) == 0
    assert json.loads(shown.out)["held"] == ["CPC"]
    elsewhere = MockEnvironment(environ={"CERTPLAN_CONFIG_DIR": str(tmp_path / "other")})
    assert run(["profile", "show", "--json"], elsewhere) == 0
    assert json.loads(elsewhere.out)["held"] == []


def test_an_invalid_catalog_as_json_exits_3(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("credentials: [\n", encoding="utf-8")
    env = MockEnvironment()
    assert run(["catalog", "validate", str(bad), "--json"], env) == 3
    d = json.loads(env.out)
    assert (d["file"], d["valid"]) == (str(bad), False) and d["problems"]
    assert env.err == ""
