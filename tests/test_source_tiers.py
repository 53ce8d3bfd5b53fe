"""show and compare put each source's tier beside it (1 the body's own page, 2 a dated copy or quote, 3 other)."""

import os

TIERS = os.path.join(os.path.dirname(__file__), "data", "tiers.yaml")


def test_show_marks_each_source_with_its_tier(run):
    r = run("show", "XA", "--catalog", TIERS)
    assert r.exit_code == 0, r.stderr
    sources = r.stdout.split("\nSources:\n", 1)[1]
    assert "] official, tier 1, checked 2026-11: https://example.org/body\n" in sources
    assert "] third-party, tier 2, stated 2019-01: https://example.org/copy\n" in sources
    assert "tier 3" not in r.stdout


def test_show_json_carries_the_tier(run_json):
    v = run_json("show", "XA", "--catalog", TIERS, "--json")
    assert {s["id"]: s["tier"] for s in v["sources"]} == {"own": 1, "copy": 2}


def test_show_marks_the_pay_source_tier(run):
    r = run("show", "XC", "--catalog", TIERS)
    assert "$40,000/year median, 2025 survey (holders) [1]\n" in r.stdout
    assert "  [1] third-party, tier 3, checked 2026-11: https://example.org/blog\n" in r.stdout


def test_compare_rows_count_sources_by_tier(run_json):
    from certplan.core import compare

    c = run_json("compare", "XA", "XC", "--catalog", TIERS, "--json")
    rows = {r["label"]: r for r in compare.rows(c["credentials"], c["costs"])}
    assert rows["Sources by tier"]["values"] == ["2 (tier 1: 1, tier 2: 1)", "1 (tier 3: 1)"]
    assert rows["Sources by tier"]["differs"] is True
    assert rows["Latest pay figure"]["values"][1].endswith("https://example.org/blog (tier 3)")


def test_tier_count_of_no_sources():
    from certplan.core.compare import _tiers

    assert _tiers([]) == "none"


def test_compare_table_shows_the_tier_row(run):
    r = run("compare", "XA", "XC", "--catalog", TIERS)
    assert r.exit_code == 0, r.stderr
    assert "Sources by tier" in r.stdout and "(tier 1: 1, tier 2: 1)" in r.stdout


def test_catalog_sources_lists_the_tier(run_json):
    rows = run_json("catalog", "sources", "XA", "--catalog", TIERS, "--json")
    assert {r["id"]: r["tier"] for r in rows} == {"own": 1, "copy": 2}
