"""Rules in force on a date: dated fees and pathways, the catalog view on a day, and the commands that use it."""

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

from certplan.catalog.loader import CatalogError, load_catalog
from certplan.catalog.rules import catalog_on, same_rules_span, span_holds, uncovered_day

DATED = Path(__file__).parent / "data" / "dated.yaml"
MINI = Path(__file__).parent / "data" / "mini.yaml"


@pytest.fixture(scope="module")
def dated():
    return load_catalog(DATED)


def _write(tmp_path, mutate) -> Path:
    data = yaml.safe_load(DATED.read_text())
    mutate(data)
    p = tmp_path / "cat.yaml"
    p.write_text(yaml.safe_dump(data, sort_keys=False))
    return p


def test_the_view_keeps_only_the_rules_in_force(dated):
    before = catalog_on(dated, dt.date(2024, 12, 31)).credentials[0]
    after = catalog_on(dated, dt.date(2025, 1, 1)).credentials[0]
    assert [f.amount for f in before.exam.fees] == [300]
    assert [f.amount for f in after.exam.fees] == [425]
    assert [p.id for p in before.eligibility.pathways] == ["degree"]
    assert [p.id for p in after.eligibility.pathways] == ["open"]
    # the full catalog is untouched
    assert [f.amount for f in dated.credentials[0].exam.fees] == [300, 425]


def test_the_view_is_cached_and_an_undated_catalog_is_returned_as_is(dated):
    day = dt.date(2026, 1, 1)
    assert catalog_on(dated, day) is catalog_on(dated, day)
    mini = load_catalog(MINI)
    assert catalog_on(mini, day) is mini


def test_records_without_dated_rules_are_shared_not_copied(dated):
    view = catalog_on(dated, dt.date(2026, 1, 1))
    assert view.bodies[0] is dated.bodies[0]
    assert view.credentials[0].maintenance is dated.credentials[0].maintenance


def test_same_rules_span(dated):
    assert same_rules_span(dated, dt.date(2024, 6, 1)) == (None, "2025-01-01")
    assert same_rules_span(dated, dt.date(2026, 6, 1)) == ("2025-01-01", None)
    assert span_holds(["2025-01-01", None], dt.date(2030, 1, 1))
    assert not span_holds([None, "2025-01-01"], dt.date(2025, 1, 1))
    assert span_holds(None, dt.date(2025, 1, 1))


class R:
    def __init__(self, start=None, end=None):
        self.effective_from, self.effective_until = start, end


def test_uncovered_day():
    assert uncovered_day([]) is None
    assert uncovered_day([R()]) is None
    assert uncovered_day([R(None, "2025"), R("2025", None)]) is None
    assert uncovered_day([R(None, "2025"), R("2025-02", None)]) == dt.date(2025, 1, 1)
    assert uncovered_day([R("2020", None)]) == dt.date.min
    assert uncovered_day([R(None, "2020")]) == dt.date(2020, 1, 1)


def test_a_credential_keeps_a_pathway_on_every_day(tmp_path):
    def gap(d):
        d["credentials"][0]["eligibility"]["pathways"][1]["effective_from"] = "2025-03"

    with pytest.raises(CatalogError) as exc:
        load_catalog(_write(tmp_path, gap))
    assert any(
        "no pathway is in force on 2025-01-01; dated rules must leave none without one" in p for p in exc.value.problems
    )


def test_a_credential_keeps_an_exam_fee_on_every_day(tmp_path):
    def gap(d):
        d["credentials"][0]["exam"]["fees"][0]["effective_from"] = "2020-01-01"

    with pytest.raises(CatalogError) as exc:
        load_catalog(_write(tmp_path, gap))
    assert any("no exam fee is in force on " + dt.date.min.isoformat() in p for p in exc.value.problems)


def test_a_period_must_end_after_it_starts(tmp_path):
    def backwards(d):
        d["credentials"][0]["exam"]["fees"][0]["effective_from"] = "2026-01-01"

    with pytest.raises(CatalogError) as exc:
        load_catalog(_write(tmp_path, backwards))
    assert any(
        "effective_until (2025-01-01) must be after effective_from (2026-01-01)" in p for p in exc.value.problems
    )


# --------------------------------------------------------------------------- commands on two dates


def _json(run, *args, today):
    r = run(*args, "--catalog", DATED, env={"CERTPLAN_TODAY": today})
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


def _status(doc):
    (row,) = doc
    return row["status"]


def test_eligibility_follows_the_date(run):
    before = _json(run, "eligible", "CPC", "--education", "high-school", "--json", today="2024-06-01")
    after = _json(run, "eligible", "CPC", "--education", "high-school", "--json", today="2026-06-01")
    assert _status(before) == "not-eligible"
    assert _status(after) == "eligible"


def test_cost_follows_the_date(run):
    before = _json(run, "cost", "CPC", "--json", today="2024-06-01")
    after = _json(run, "cost", "CPC", "--json", today="2026-06-01")
    assert before["lines"][0]["amount"] == 300
    assert after["lines"][0]["amount"] == 425


def test_show_follows_the_date_through_the_served_cache(run, tmp_path):
    def mid_year(d):
        fees = d["credentials"][0]["exam"]["fees"]
        fees[0]["effective_until"] = fees[1]["effective_from"] = "2025-07-01"

    path = _write(tmp_path, mid_year)
    amounts = []
    for today in ("2025-06-30", "2025-07-01"):  # one year, so one cache key: the rules' span must expire it
        r = run("show", "CPC", "--json", "--catalog", path, env={"CERTPLAN_TODAY": today})
        assert r.exit_code == 0, r.stderr
        amounts.append([f["amount"] for f in json.loads(r.stdout)["exam"]["fees"]])
    assert amounts == [[300], [425]]


def test_catalog_sources_still_sees_every_rule(run):
    r = run("catalog", "sources", "--json", "--catalog", DATED, env={"CERTPLAN_TODAY": "2026-06-01"})
    assert r.exit_code == 0, r.stderr
    (row,) = json.loads(r.stdout)
    assert row["facts"] > 0


def _plan_exam_fee(run, *args):
    r = run(
        "plan",
        "CPC",
        *args,
        "--education",
        "associate",
        "--json",
        "--catalog",
        DATED,
        env={"CERTPLAN_TODAY": "2024-06-01"},
    )
    assert r.exit_code == 0, r.stderr
    d = json.loads(r.stdout)
    return next(c["amount"] for c in d["costs"] if c["kind"] == "exam"), d["eligibility"]["pathway"]["id"]


def test_plan_uses_the_rules_in_force_on_the_exam_date(run):
    assert _plan_exam_fee(run, "--exam-date", "2024-10-01") == (300, "degree")
    assert _plan_exam_fee(run, "--exam-date", "2025-03-03") == (425, "open")
    # --weeks: the plan picks the exam date, and its rules apply
    assert _plan_exam_fee(run, "--start", "2024-06-03", "--weeks", "40") == (425, "open")
    assert _plan_exam_fee(run, "--start", "2024-06-03", "--weeks", "8") == (300, "degree")
