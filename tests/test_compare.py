"""compare and bodies: content, differences, cost arithmetic, errors."""

import jsonschema
import pytest

from certplan.contract.generate import SCHEMAS


def rows_of(stdout: str) -> dict[str, list[str]]:
    """Field -> cells, from the plain grid (rows that fit on one line)."""
    out = {}
    for line in stdout.splitlines():
        if line.startswith(("│", "┃")):
            sep = line[0]
            cells = [c.strip() for c in line.strip(sep).split(sep)]
            if cells[0]:
                out[cells[0]] = cells[1:]
    return out


def test_compare_cpc_ccs_table(run):
    r = run("compare", "CPC", "CCS")
    assert r.exit_code == 0, r.stderr
    rows = rows_of(r.stdout)
    assert rows["Field"] == ["CPC", "CCS"]
    assert rows["* Body"] == ["AAPC", "AHIMA"]
    assert rows["* Questions"] == ["100", "107"]
    assert rows["Minutes"] == ["240", "240"]
    assert rows["* First-year cost"] == ["$615", "$399"]
    assert rows["* Two-year upkeep"] == ["$380", "$218"]
    assert r.stdout.rstrip().split("\n\nSources:")[0].endswith("* marks the rows where the values differ.")
    # no URL inside a cell: the pay figure cites a numbered source listed once at the end
    assert "survey, as cited by a third-party page [1]" in r.stdout and "https" not in r.stdout.split("Sources:")[0]
    assert "  [1] third-party, tier 3, stated 2026-02: https://mbc-bv6.pages.dev/certifications/cpc" in r.stdout
    assert "\x1b[" not in r.stdout


def test_compare_json_contract_and_cost_arithmetic(run_json):
    d = run_json("compare", "CPC", "CCS", "--json")
    jsonschema.validate(d, SCHEMAS["compare"])
    assert [c["code"] for c in d["credentials"]] == ["CPC", "CCS"]
    assert {"body", "exam.questions", "maintenance.ceus", "apprentice"} <= set(d["differences"])
    assert "exam.duration_minutes" not in d["differences"]
    cpc, ccs = d["costs"]
    # CPC: $425 exam (one attempt) + $190 AAPC dues (required to sit); upkeep: dues for two more years
    assert (cpc["first_year"], cpc["two_year_upkeep"], cpc["unknown_parts"]) == (615, 380, [])
    assert sum(line["amount"] for line in cpc["lines"] if line["period"] == "first year") == 615
    # CCS: AHIMA dues are not sourced, so the member basis is unknown and non-member ($399 + $218) is used
    assert (ccs["basis"], ccs["first_year"], ccs["two_year_upkeep"]) == ("non-member", 399, 218)
    assert ccs["basis_reason"] == "non-member prices: the only basis whose first-year fees are all known"


def test_member_basis_with_unknown_dues_is_unknown_not_zero(run_json):
    d = run_json("compare", "CCS", "CCA", "--basis", "member", "--json")
    for c in d["costs"]:
        assert c["basis"] == "member"
        assert c["first_year"] is None
        assert "AHIMA membership dues" in c["unknown_parts"]


def test_compare_diff_keeps_only_differing_rows(run):
    r = run("compare", "CPC", "CCS", "CIC", "COC", "CRC", "--diff")
    assert r.exit_code == 0
    assert rows_of(r.stdout)["Field"] == ["CPC", "CCS", "CIC", "COC", "CRC"]
    assert "Minutes" not in r.stdout and "Status" not in r.stdout and "* Questions" in r.stdout
    lines = run("compare", "CPC", "CCS", "CIC", "COC", "CRC", "--diff", "--format", "csv").stdout.splitlines()
    fields = [line.split(",")[1] for line in lines[1:]]
    assert "Questions" in fields and "Minutes" not in fields
    assert all(line.split(",")[2] == "yes" for line in lines[1:])


def test_compare_markdown_and_csv(run):
    md = run("compare", "CPC", "CCS", "--format", "markdown").stdout
    assert "| Group | Field | CPC | CCS |" in md
    assert "| exam | * **Questions** | 100 | 107 |" in md
    csv_out = run("compare", "CPC", "CCS", "--format", "csv").stdout.splitlines()
    assert csv_out[0] == "group,field,differs,CPC,CCS"
    assert "cost,First-year cost,yes,$615,$399" in csv_out


def test_compare_narrow_terminal_and_vertical(run):
    r = run("compare", "CPC", "CCS", "CIC", "COC", "CRC", env={"COLUMNS": "80"})
    # only a source URL longer than the terminal may pass 80 columns, on a line of its own
    assert max(len(line) for line in r.stdout.splitlines() if not line.strip().startswith("http")) <= 80
    assert r.stderr == (
        "certplan: 5 credentials side by side do not fit in 80 columns; showing one block per field (--vertical)\n"
    )
    v = run("compare", "CPC", "CCS", "--vertical")
    lines = v.stdout.splitlines()
    i = lines.index("* Questions")
    assert [x.split() for x in lines[i + 1 : i + 3]] == [["CPC", "100"], ["CCS", "107"]]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["compare", "CPC"], "certplan: compare needs at least 2 credential codes"),
        (["compare", "CPC", "cpc"], "certplan: 'cpc' is given twice"),
        (["compare", "CPC", "XYZ", "CCZ"], "certplan: unknown credential code 'XYZ'"),
        (["compare", *"CPC CCS CIC COC CRC CPB CPMA CPCO CDEO".split()], "certplan: compare takes at most 8"),
    ],
)
def test_compare_errors(run, args, message):
    r = run(*args)
    assert r.exit_code == 2
    assert r.stderr.startswith(message)
    assert r.stdout == ""


def test_compare_names_every_unknown_code(run):
    r = run("compare", "CPC", "XYZ", "CCZ")
    lines = r.stderr.splitlines()
    assert lines[0].startswith("certplan: unknown credential code 'XYZ'")
    assert lines[1].startswith("certplan: unknown credential code 'CCZ'; did you mean")


def test_bodies_aapc_ahima(run, run_json):
    r = run("bodies", "AAPC", "AHIMA", env={"COLUMNS": "200"})
    assert r.exit_code == 0
    assert "1: 36, 2: 40, 3: 44, 4: 48, 5+: 52 per 2 years" in r.stdout
    d = run_json("bodies", "AAPC", "AHIMA", "--json")
    jsonschema.validate(d, SCHEMAS["bodies"])
    aapc, ahima = d
    assert [x["min"] for x in aapc["ceus_by_credentials_held"]] == [36, 40, 44, 48, 52]
    assert [(x["min"], x["max"]) for x in ahima["ceus_by_credentials_held"]] == [
        (20, 30),
        (30, 40),
        (40, 50),
        (50, 50),
        (50, 50),
    ]
    assert "CPC" in aapc["credentials"] and "RHIA" in ahima["credentials"]
    assert aapc["credential_count"] == len(aapc["credentials"])


def test_bodies_all_and_unknown(run, run_json):
    assert len(run_json("bodies", "--json")) >= 8
    r = run("bodies", "AAPCC")
    assert r.exit_code == 2 and "unknown body code 'AAPCC'; did you mean AAPC" in r.stderr
