"""list, show, schema, catalog sources/stale: content, JSON contract, errors."""

import json
import subprocess
import sys

import jsonschema
import pytest

from certplan.contract.generate import SCHEMAS


def test_show_cpc_card(run):
    r = run("show", "CPC")
    assert r.exit_code == 0
    out = r.stdout
    assert out.startswith("CPC - Certified Professional Coder\n")
    for text in [
        "Questions        100",
        "Time             240 minutes",
        "Designation      CPC-A",
        "Removed by       2 years of coding experience",
        "Removed by       1 year of coding experience and an 80-hour medical coding preparation course",
        "36 per 2-year cycle",
        "Sources",
    ]:
        assert text in out, text
    assert "\x1b[" not in out
    assert r.stderr == ""


def test_show_pay_lines_carry_statistic_period_and_source(run_json):
    v = run_json("show", "CPC", "--json")
    assert v["salary"]
    for p in v["salary"]:
        assert p["statistic"] in ("median", "mean") and p["period"] and p["source"].startswith("http")
        assert p["dated"] == (2026 - p["year"] > 3)


def test_show_json_contract(run_json):
    v = run_json("show", "cpc", "--json")
    jsonschema.validate(v, SCHEMAS["show"])
    assert (v["code"], v["body"], v["level"], v["status"]) == ("CPC", "AAPC", "entry", "current")
    assert v["exam"]["questions"] == 100 and v["exam"]["duration_minutes"] == 240
    assert v["apprentice"]["designation"] == "CPC-A"
    assert v["maintenance"] == {**v["maintenance"], "ceus": 36, "cycle_years": 2}
    assert all({"url", "kind", "date"} <= set(s) for s in v["sources"])
    assert v["provenance"]["exam.questions"]["source"].startswith("http")


def test_show_is_case_insensitive_and_knows_old_names(run):
    r = run("show", "cpc-h")
    assert r.exit_code == 0
    assert "CPC-H is retired; see COC" in r.stderr
    assert "Replaced by      COC" in r.stdout or "Replaced by  COC" in r.stdout
    r = run("show", "cpc+cpb", "--json")
    assert json.loads(r.stdout)["status"] == "pairing"


def test_show_unknown_code_suggests(run):
    r = run("show", "CPX")
    assert r.exit_code == 2
    assert r.stdout == ""
    assert r.stderr.splitlines()[0].startswith("certplan: unknown credential code 'CPX'; did you mean CPC")


def test_show_markdown(run):
    r = run("show", "CCS", "--format", "markdown")
    assert r.stdout.startswith("# CCS - Certified Coding Specialist\n")
    assert "## Eligibility" in r.stdout


def test_list_body_filter(run):
    r = run("list", "--body", "AHIMA")
    assert r.exit_code == 0
    codes = [line.split("│")[1].strip() for line in r.stdout.splitlines() if line.startswith("│")]
    codes = [c for c in codes if c]
    assert set(codes) >= {"CCA", "CCS", "CCS-P", "RHIT", "RHIA", "CDIP", "CHDA", "CHPS"}
    assert "CPC" not in codes


def test_list_json_contract(run_json):
    items = run_json("list", "--json", "--status", "current")
    jsonschema.validate(items, SCHEMAS["list"])
    assert len(items) >= 35
    assert all(i["status"] == "current" for i in items)


def test_list_filters(run_json):
    assert {i["code"] for i in run_json("list", "--json", "--search", "risk adjustment")} == {"CRC"}
    payer = run_json("list", "--json", "--setting", "payer")
    assert payer and all("payer" in i["settings"] for i in payer)
    spec = run_json("list", "--json", "--level", "specialty", "--body", "aapc")
    assert spec and all(i["level"] == "specialty" and i["body"] == "AAPC" for i in spec)


def test_list_csv_and_markdown(run):
    csv_out = run("list", "--body", "NHA", "--format", "csv").stdout.splitlines()
    assert csv_out[0] == "code,name,body,level,status,settings"
    assert any(line.startswith("CBCS,Certified Billing and Coding Specialist,NHA,entry,current,") for line in csv_out)
    md = run("list", "--body", "NHA", "--format", "markdown").stdout
    assert "| Code | Name | Body | Level | Status | Settings |" in md


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list", "--level", "expert"], "certplan: --level 'expert' is not one of"),
        (["list", "--body", "AHIM"], "certplan: unknown body 'AHIM'; did you mean AHIMA"),
        (["list", "--json", "--format", "csv"], "certplan: --json and --format csv contradict each other"),
    ],
)
def test_bad_arguments_exit_2(run, args, message):
    r = run(*args)
    assert r.exit_code == 2
    assert r.stderr.startswith(message)


def test_show_offers_only_the_formats_it_renders(run):
    r = run("show", "CPC", "--format", "csv")
    assert r.exit_code == 2
    assert r.stderr.splitlines()[-1] == (
        "Error: Invalid value for '--format' / '-f': 'csv' is not one of 'table', 'json', 'markdown'."
    )


def test_schema_command(run_json):
    allschemas = run_json("schema")
    assert set(allschemas["schemas"]) >= {"show", "list", "compare", "bodies", "eligible"}
    assert run_json("schema", "show")["title"] == "certplan show CODE --json"
    for s in allschemas["schemas"].values():
        jsonschema.Draft202012Validator.check_schema(s)


def test_catalog_sources_and_stale(run, run_json):
    rows = run_json("catalog", "sources", "CPC", "--json")
    assert rows and all(r["facts"] >= 1 for r in rows)
    assert any(r["url"].startswith("https://www.aapc.com") for r in rows)
    stale = run_json("catalog", "stale", "--older-than", "18m", "--json")
    assert stale and all(r["date"] < "2025-05-27" for r in stale)
    assert any(r["record"] == "SOC 29-2072" for r in stale)
    r = run("catalog", "stale", "--older-than", "soon")
    assert r.exit_code == 2 and "not an age such as 18m" in r.stderr


def test_version_and_module_entry():
    from certplan import __version__

    out = subprocess.run([sys.executable, "-m", "certplan", "--version"], capture_output=True, text=True)
    assert out.returncode == 0
    assert out.stdout == f"certplan {__version__}\n"


def test_help_leads_with_examples(run):
    r = run("--help")
    assert r.exit_code == 0
    assert "Examples:\n    certplan list --body AHIMA" in r.stdout
    assert "Exit codes: 0 ok" in r.stdout


def test_fields_selects_and_unknown_field_exits_2(run, run_json):
    # a selection always keeps schema_version (README, Scripting)
    assert run_json("show", "CPC", "--fields", "code,name") == {
        "code": "CPC",
        "name": "Certified Professional Coder",
        "schema_version": 1,
    }
    items = run_json("list", "--status", "retired", "--fields", "code,replaced_by")
    assert {"code": "CPC-H", "replaced_by": "COC", "schema_version": 1} in items
    r = run("show", "CPC", "--fields", "code,nme")
    assert r.exit_code == 2 and r.stdout == ""
    lines = r.stderr.splitlines()
    assert lines[0] == 'certplan: Unknown JSON field: "nme" (did you mean name?)'
    assert lines[1] == "Available fields:" and "  exam" in lines
    assert run("list", "--fields", ",").exit_code == 2
