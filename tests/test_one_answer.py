"""One answer to each question: every command that reports a status or a price for the same person and
credential reports the same one (properties over random persons and every current credential)."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from certplan.catalog.vocab import EDUCATION_LEVELS, EXPERIENCE_KINDS, PROGRAM_LEVELS
from certplan.core import cost, eligibility, path, plan, recommend
from certplan.core.person import build

TODAY = dt.date(2026, 11, 27)
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture
def cat(catalog):
    return catalog


def current_codes(cat):
    return [c.code for c in cat.credentials if c.status == "current"]


def people(codes):
    return st.fixed_dictionaries(
        {
            "education": st.sampled_from(EDUCATION_LEVELS),
            "accredited_program": st.none() | st.sampled_from(PROGRAM_LEVELS),
            "experience_years": st.sampled_from([0, 0.5, 1, 1.5, 2, 3, 5]),
            "experience_kinds": st.lists(st.sampled_from(EXPERIENCE_KINDS), max_size=3, unique=True),
            "held": st.lists(st.sampled_from(codes), max_size=3, unique=True),
            "course_hours": st.sampled_from([0, 40, 80, 200]),
            "training_program": st.booleans(),
            "practicode": st.booleans(),
            "member": st.lists(st.sampled_from(["AAPC", "AHIMA", "NHA"]), max_size=2, unique=True),
            "clinical_hours": st.sampled_from([0, 100, 200, 500]),
        }
    )


def person_of(cat, data):
    return build(cat, [("test", data)]).person


def test_status_agrees_across_eligible_plan_path_and_recommend(cat):
    codes = current_codes(cat)

    @SETTINGS
    @given(people(codes))
    def check(data):
        person = person_of(cat, data)
        recs = {r["code"]: r for r in recommend.recommend(cat, person, recommend.Preferences(), TODAY)}
        for cred in [c for c in cat.credentials if c.status == "current"]:
            status = eligibility.evaluate(cred, person, cat)["status"]
            # path --to: the status it reports now
            assert path.to_goal(cat, cred, person, TODAY)["status_now"] == status, cred.code
            # recommend: every credential not held is ranked with the same status
            if status == "held":
                assert cred.code not in recs
            else:
                assert recs[cred.code]["status"] == status, cred.code
            # plan readiness: a plan either refuses (not eligible, and study cannot fix it) or reports the status
            try:
                p = plan.build(cred, cat, person, plan.Request(start=TODAY + dt.timedelta(days=3)), TODAY)
            except plan.PlanError:
                assert status == "not-eligible", cred.code
            else:
                assert p["eligibility"]["status"] == status, cred.code

    check()


def test_compare_and_cost_choose_the_same_basis_and_first_year(cat):
    codes = current_codes(cat)

    @SETTINGS
    @given(people(codes))
    def check(data):
        person = person_of(cat, data)
        for cred in [c for c in cat.credentials if c.status == "current"]:
            compared = cost.cheapest(cred, cat, None, person)
            costed = cost.estimate(cred, cat, person, None, years=2, attempts=1)
            assert compared["basis"] == costed["basis"], cred.code
            # every fee in the total that falls in year 1 (an annual renewal fee, e.g. HBMA's CHBME, falls there too)
            year1 = [ln for ln in costed["lines"] if ln["fee"] and ln["in_total"]]
            amounts = [s["amount"] for ln in year1 for s in ln["schedule"] if s["year"] == 1]
            expected = None if any(a is None for a in amounts) else sum(amounts)
            if compared["first_year"] is not None or expected is not None:
                assert compared["first_year"] == expected, cred.code

    check()


def test_compare_without_a_person_matches_cost_without_one(cat):
    for cred in [c for c in cat.credentials if c.status == "current"]:
        assert cost.cheapest(cred, cat)["basis"] == cost.estimate(cred, cat)["basis"], cred.code


def test_holding_more_never_makes_a_status_worse_nor_asks_to_join_a_body_already_joined(cat):
    codes = current_codes(cat)

    @SETTINGS
    @given(people(codes), st.sampled_from(codes))
    def check(data, extra):
        before = person_of(cat, data)
        after = person_of(cat, {**data, "held": [*data["held"], extra]})
        for cred in [c for c in cat.credentials if c.status == "current"]:
            a = eligibility.evaluate(cred, before, cat)
            b = eligibility.evaluate(cred, after, cat)
            assert eligibility.STATUS_ORDER[b["status"]] >= eligibility.STATUS_ORDER[a["status"]], (cred.code, extra)
            for item in b["to_do"]:
                if item.startswith("join "):
                    body = item.split()[1]
                    assert not after.is_member(body), (cred.code, item)

    check()


def test_a_cpc_holder_is_held_for_cpc_and_never_told_to_join_aapc(cat):
    person = person_of(cat, {"held": ["CPC"], "experience_years": 3})
    res = {r["code"]: r for r in eligibility.evaluate_all(cat, person, None)}
    assert res["CPC"]["status"] == "held"
    assert all("join AAPC" not in " ".join(r["to_do"]) for r in res.values())
    assert res["CIC"]["status"] == "eligible"
