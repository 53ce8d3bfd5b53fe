"""Who pays: the arithmetic of core.funding (caps per year and per career, part limits, unknown parts) and
``cost --funding`` / ``--employer-pays``."""

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

from certplan.catalog.loader import load_catalog
from certplan.contract.generate import SCHEMAS
from certplan.core import funding as fund

FIXTURE = Path(__file__).parent / "data" / "funding.yaml"
DAY = dt.date(2026, 11, 27)


@pytest.fixture(scope="module")
def cat():
    return load_catalog(FIXTURE)


def line(id_, amount, count=1, unit=None, label=None):
    return {
        "id": id_,
        "label": label or id_,
        "amount": amount,
        "count": count,
        "unit_amount": unit,
        "source": "https://example.org/a",
        "in_total": True,
    }


def result(*lines, years=2, attempts=1, cycle=2):
    known = sum(ln["amount"] or 0 for ln in lines)
    unknown = [ln["label"] for ln in lines if ln["amount"] is None]
    return {
        "code": "CPC",
        "years": years,
        "attempts": attempts,
        "ceus": {"cycle_years": cycle},
        "lines": list(lines),
        "total": None if unknown else known,
        "total_known": known,
        "unknown_parts": unknown,
    }


def net(cat, res, program=None, employer=None, day=DAY):
    return fund.net_cost(res, cat, day, fund.find_program(cat, program) if program else None, employer)


def covered(r, line_id, by):
    ln = next(x for x in r["lines"] if x["id"] == line_id)
    return next(c["amount"] for c in ln["covered"] if c["by"] == by)


def test_a_yearly_cap_starts_again_each_year(cat):
    # year 1: exam 3000 + membership 190 against a 2000 cap; year 2: membership 190
    r = net(cat, result(line("exam", 3000), line("membership", 380, count=2, unit=190)), "yearly")
    assert r["payers"][0]["pays"] == 2190
    assert covered(r, "exam", "yearly") == 2000
    assert covered(r, "membership", "yearly") == 190
    assert r["you_pay"] == 3000 + 380 - 2190


def test_a_career_cap_is_paid_once(cat):
    r = net(cat, result(line("exam", 3000), line("membership", 380, count=2, unit=190)), "career")
    assert r["payers"][0]["pays"] == 2000
    assert r["you_pay"] == 1380


def test_the_cap_in_force_on_the_day_is_used(cat):
    res = result(line("exam", 5000), years=1)
    assert net(cat, res, "yearly", day=dt.date(2024, 12, 10))["payers"][0]["pays"] == 4000
    r = net(cat, res, "yearly", day=dt.date(2024, 12, 11))
    assert r["payers"][0]["pays"] == 2000
    assert r["payers"][0]["cap"]["text"] == "$2,000 a fiscal year"
    assert r["payers"][0]["cap"]["effective_from"] == "2024-12-11"


def test_a_per_test_limit_applies_to_each_attempt(cat):
    r = net(cat, result(line("exam", 4500), years=1, attempts=2), "per-test")
    assert covered(r, "exam", "per-test") == 4000
    assert r["you_pay"] == 500
    r = net(cat, result(line("exam", 2500), years=1, attempts=1), "per-test")
    assert r["you_pay"] == 500


def test_a_per_credential_part_limit(cat):
    r = net(cat, result(line("study", 800), line("exam", 100), years=1), "career")
    assert covered(r, "study", "career") == 500
    assert covered(r, "exam", "career") == 100
    assert r["you_pay"] == 300


def test_parts_the_program_does_not_pay_are_left_to_you(cat):
    r = net(cat, result(line("exam", 100), line("renewal", 50), years=2), "per-test")
    assert covered(r, "renewal", "per-test") == 0
    assert r["you_pay"] == 50
    assert r["payers"][0]["does_not_pay"] == ["renewal fees"]


def test_an_unknown_part_makes_the_rest_unknown_but_gives_a_floor(cat):
    r = net(cat, result(line("exam", 425), line("ceus", None), line("membership", 380, count=2, unit=190)), "yearly")
    assert r["you_pay"] is None
    assert covered(r, "ceus", "yearly") is None
    assert covered(r, "exam", "yearly") == 425  # paid before the unknown part in year 1
    assert r["payers"][0]["pays"] is None
    # at the least: the known costs less the most the program could pay towards them
    assert r["you_pay_at_least"] == 0
    # year 1's membership comes after the unknown CEU cost in the same year's cap: unknown too
    assert covered(r, "membership", "yearly") is None
    assert r["notes"] == ["unknown: what you pay for ceus; membership"]


def test_a_cap_used_up_by_known_costs_pays_nothing_more(cat):
    r = net(cat, result(line("exam", 2500), line("ceus", None), years=1), "yearly")
    assert covered(r, "exam", "yearly") == 2000
    assert covered(r, "ceus", "yearly") == 0
    assert r["payers"][0]["pays"] == 2000
    assert r["you_pay"] is None  # the CEU cost itself is unknown
    assert r["you_pay_at_least"] == 500


def test_an_unknown_cap_leaves_the_amount_unknown(cat):
    r = net(cat, result(line("exam", 300), years=1), "unknown-cap")
    assert r["payers"][0]["pays"] is None
    assert r["you_pay"] is None
    assert r["you_pay_at_least"] == 0


def test_a_program_the_sources_do_not_list_is_marked(cat):
    assert net(cat, result(line("exam", 1)), "yearly")["payers"][0]["applies"] == "listed"
    p = net(cat, result(line("exam", 1)), "career")["payers"][0]
    assert p["applies"] == "if-approved"
    assert p["applies_note"] == (
        "the catalog's sources do not say whether Career program funds CPC: the amounts assume it does"
    )


def test_an_employer_pays_what_the_program_leaves(cat):
    res = result(line("exam", 3000), line("membership", 380, count=2, unit=190))
    r = net(cat, res, "career", fund.Employer(1000))
    assert [p["pays"] for p in r["payers"]] == [2000, 1000]
    assert r["you_pay"] == 380
    r = net(cat, res, None, fund.Employer(100, "year"))
    assert r["payers"][0]["pays"] == 200
    assert r["you_pay"] == 3180


@pytest.mark.parametrize(
    "text, amount, per",
    [
        ("500", 500, "total"),
        ("$1,500", 1500, "total"),
        ("1500/year", 1500, "year"),
        ("$2,000 a year", 2000, "year"),
        ("750.50 per yr", 750.5, "year"),
    ],
)
def test_parse_employer(text, amount, per):
    assert fund.parse_employer(text) == fund.Employer(amount, per)


def test_parse_employer_refuses_what_is_not_an_amount():
    with pytest.raises(fund.FundingError) as exc:
        fund.parse_employer("lots")
    assert str(exc.value) == "--employer-pays: 'lots' is not an amount; give e.g. 500, $1,500 or 1500/year"


def test_find_program_by_alias_and_unknown(cat):
    assert fund.find_program(cat, "ARMY").id == "yearly"
    with pytest.raises(fund.FundingError) as exc:
        fund.find_program(cat, "navy")
    assert str(exc.value) == (
        "--funding: unknown program 'navy'; choose one of: yearly, career, per-test, unknown-cap (or use --employer-pays)"
    )


# --------------------------------------------------------------------------- the command


def test_cost_funding_json_validates_and_nets_the_exam(run):
    r = run("cost", "CPC", "--funding", "army", "--json", "--catalog", FIXTURE)
    assert r.exit_code == 0, r.stderr
    d = json.loads(r.stdout)
    jsonschema.validate(d, SCHEMAS["cost"])
    f = d["funding"]
    assert f["payers"][0]["id"] == "yearly"
    assert covered(f, "exam", "yearly") == 2000
    assert f["lines"][0]["you_pay"] == 500


def test_cost_without_funding_has_a_null_block(run):
    r = run("cost", "CPC", "--json", "--catalog", FIXTURE)
    assert json.loads(r.stdout)["funding"] is None


def test_cost_funding_table_names_each_amount_and_its_source(run):
    r = run("cost", "CPC", "--funding", "army", "--employer-pays", "300", "--catalog", FIXTURE)
    assert r.exit_code == 0, r.stderr
    out = r.stdout
    assert "- Yearly program pays" in out
    assert "cap $2,000 a fiscal year (in force from 2024-12-11) [2]" in out
    assert "- your employer pays $300; cap $300 in total" in out
    assert "[2] https://example.org/funding" in out


def test_cost_funding_errors_are_one_line_exit_2(run):
    r = run("cost", "CPC", "--funding", "navy", "--catalog", FIXTURE)
    assert r.exit_code == 2
    assert r.stderr == (
        "certplan: --funding: unknown program 'navy'; choose one of: yearly, career, per-test, unknown-cap "
        "(or use --employer-pays)\n"
    )
    r = run("cost", "CPC", "--employer-pays", "lots", "--catalog", FIXTURE)
    assert r.exit_code == 2
    assert r.stderr == "certplan: --employer-pays: 'lots' is not an amount; give e.g. 500, $1,500 or 1500/year\n"


# --------------------------------------------------------------------------- the shipped catalog (golden)


def test_shipped_army_cap_is_dated_and_sourced(catalog):
    army = fund.find_program(catalog, "army")
    assert [(c.amount, c.per, c.effective_from, c.effective_until) for c in army.caps] == [
        (4000, "fiscal-year", None, "2024-12-11"),
        (2000, "fiscal-year", "2024-12-11", None),
    ]
    urls = {s.id: s for s in catalog.sources}
    assert all(urls[c.source].kind == "official" for c in army.caps)


def test_shipped_cost_cpc_funding_army_and_gi_bill(run):
    d = json.loads(run("cost", "CPC", "--funding", "army", "--json").stdout)["funding"]
    (army,) = d["payers"]
    assert army["applies"] == "listed"
    assert army["applies_source"] == "https://www.cool.army.mil/search/CERT_CPC567.htm"
    assert army["cap"]["amount"] == 2000
    assert covered(d, "exam", "army-ca") == d["lines"][0]["amount"]
    assert "membership dues" in army["does_not_pay"]
    d = json.loads(run("cost", "CCS", "--funding", "gi-bill", "--json").stdout)["funding"]
    assert d["payers"][0]["applies"] == "listed"
    exam = next(ln for ln in d["lines"] if ln["id"] == "exam")
    assert exam["you_pay"] == 0  # a CCS exam fee is under the $2,000-per-test limit


def test_an_unknown_part_with_its_own_limit_uses_at_most_that_limit_of_the_cap(cat):
    # study materials: unknown price, but the program pays at most $500 of them; the $2,000 career cap then
    # still has at least $500 left after the $1,000 exam, so both membership years are known to be paid
    r = net(cat, result(line("exam", 1000), line("study", None), line("membership", 380, count=2, unit=190)), "career")
    assert covered(r, "exam", "career") == 1000
    assert covered(r, "study", "career") is None
    assert covered(r, "membership", "career") == 380
    assert r["payers"][0]["pays"] is None
    assert r["payers"][0]["pays_at_most_known"] == 1380
    assert r["you_pay_at_least"] == 0
    assert r["notes"] == [
        "Career program: the cap is for a whole career; less whatever you have already used of it",
        "unknown: what you pay for study",
    ]


def test_cost_help_and_completion_name_every_shipped_program(run, catalog):
    from certplan.cli.commands.pay import FUNDING_NAMES

    text = " ".join(run("cost", "--help").stdout.split()).replace("- ", "-")  # help wraps after a hyphen
    for name in FUNDING_NAMES:
        assert name in text
    assert sorted(fund.find_program(catalog, n).id for n in FUNDING_NAMES) == sorted(p.id for p in catalog.funding)


def test_a_program_listing_an_unknown_credential_is_a_catalog_error(tmp_path):
    from certplan.catalog.loader import CatalogError

    text = FIXTURE.read_text().replace(
        "    covers:\n      - {code: CPC, source: f1}", "    covers:\n      - {code: CPX, source: f1}"
    )
    bad = tmp_path / "bad.yaml"
    bad.write_text(text)
    with pytest.raises(CatalogError) as exc:
        load_catalog(bad)
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if "code: CPX" in ln)
    assert exc.value.problems == [f"{bad}:{line}: funding[yearly].covers[CPX].code: unknown credential 'CPX'"]
