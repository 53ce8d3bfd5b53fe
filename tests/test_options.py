"""One name means one thing: --member BODY everywhere, --basis for the fee basis, formats as offered (issue 12)."""

import csv
import io

import pytest

from certplan.cli.tree_table import COMMANDS


def test_cost_member_body_prices_on_its_member_basis(run_json):
    d = run_json("cost", "CCS", "--member", "AHIMA", "--json")
    assert d["basis"] == "member"
    assert d["basis_reason"] == "member prices: you are a member of AHIMA"


def test_cost_basis_is_the_fee_basis_outright(run_json):
    d = run_json("cost", "CCS", "--basis", "non-member", "--json")
    assert (d["basis"], d["basis_reason"]) == ("non-member", "non-member prices, as asked")


@pytest.mark.parametrize("command", [["cost", "CPC"], ["compare", "CPC", "CCS"], ["eligible"], ["path", "--to", "CPC"]])
def test_member_takes_a_body_in_every_command(run, command):
    r = run(*command, "--member", "AAPX")
    assert r.exit_code == 2
    assert r.stderr == "certplan: --member: unknown body 'AAPX'; did you mean AAPC, AMBA?\n"


def test_compare_member_body_and_basis(run_json):
    d = run_json("compare", "CCS", "CCA", "--member", "AHIMA", "--json")
    assert [c["basis"] for c in d["costs"]] == ["member", "member"]
    d = run_json("compare", "CCS", "CCA", "--basis", "non-member", "--json")
    assert [c["basis"] for c in d["costs"]] == ["non-member", "non-member"]


def test_the_old_fee_switch_is_gone(run):
    r = run("cost", "CPC", "--non-member")
    assert r.exit_code == 2
    assert r.stderr.splitlines()[-1] == "Error: No such option: --non-member (Possible options: --member)"


def test_held_completes_codes_everywhere():
    held = [n["options"]["--held"] for n in COMMANDS.values() if "--held" in n["options"]]
    assert len(held) >= 6 and all(o["kind"] == "codes" for o in held)


def test_help_offers_exactly_the_formats_a_command_renders(run):
    for path, fmts in ((("show",), "table|json|markdown"), (("cost",), "table|json|csv|markdown")):
        text = run(*path, "--help").stdout
        assert f"<{fmts}>" in text
        assert COMMANDS[path]["options"]["--format"]["values"] == fmts.split("|")


def test_cost_csv_has_one_row_per_line_and_the_total(run):
    r = run("cost", "CPC", "--format", "csv")
    assert r.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert list(rows[0]) == ["code", "kind", "id", "label", "period", "count", "amount", "in_total", "basis", "source"]
    assert [x["id"] for x in rows if x["kind"] == "line"] == ["exam", "membership", "ceus", "study"]
    assert rows[0]["amount"] == "425" and rows[-1]["kind"] == "total"
    assert rows[-1]["amount"] == "805"  # the known part; the unknown CEU and study costs are not 0


def test_path_markdown_has_one_row_per_step(run):
    r = run("path", "--to", "RHIA", "--education", "high-school", "--format", "markdown")
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert lines[0] == "## Routes to RHIA"
    assert lines[2].startswith("| Route | Fastest | Cheapest | Step | Kind |")
    assert "| cahiim-bachelor-master/bachelor | yes | yes | 1 | program | RHIA |" in r.stdout


def test_salary_csv_labels_each_figure(run):
    r = run("salary", "CPC", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert {x["kind"] for x in rows} == {"credential", "occupation", "certified-vs-not"}
    assert all(x["source"] for x in rows)
