"""Unit tests of the core engines (requirements, person, eligibility, cost) on a small fixture catalog,
tests/data/engines.yaml, so an editorial change to the shipped catalog never breaks a logic test."""

from pathlib import Path

import pytest

from certplan.core import cost, eligibility
from certplan.core import requirements as rq
from certplan.core.person import Person, PersonError, build

ENGINES = Path(__file__).parent / "data" / "engines.yaml"


@pytest.fixture(scope="module")
def cat():
    from certplan.catalog.loader import load_catalog

    return load_catalog(ENGINES)


def cred(cat, code):
    return next(c for c in cat.credentials if c.code == code)


def person(cat, **data):
    return build(cat, [("test", data)]).person


def answer(cat, code, **data):
    return eligibility.evaluate(cred(cat, code), person(cat, **data), cat)


# --------------------------------------------------------------------------- requirements


def req_of(cat, code, pathway=0, index=0):
    return cred(cat, code).eligibility.pathways[pathway].requirements[index]


def test_each_requirement_kind_is_checked_and_worded(cat):
    p = Person()
    cases = {
        ("A1", 0, 0): ("step", "join XB (membership is required to register)"),
        ("A2", 0, 0): ("missing", "holding A1"),
        ("A2", 1, 0): ("missing", "3 years of auditing experience (you have none yet; 36 more months)"),
        ("B1", 0, 0): ("missing", "a CAHIIM-accredited HIM program completed (associate)"),
        ("B2", 0, 0): ("missing", "a bachelor's degree (or higher)"),
        ("T1", 0, 1): ("missing", "a completed medical billing and coding training program of at least 100 hours"),
        ("U1", 0, 0): (
            "unchecked",
            "Currently employed as a CDI specialist (certplan cannot check this; confirm it with the body)",
        ),
        ("U1", 0, 1): ("missing", "200 clinical hours (you have 0)"),
        ("U1", 0, 2): ("missing", "completing Practicode (AAPC's practical coding module)"),
        ("U1", 0, 3): ("step", "Sign an affidavit"),
    }
    for (code, pw, i), (state, text) in cases.items():
        o = rq.check(req_of(cat, code, pw, i), p)
        assert (o.state, o.text) == (state, text), (code, pw, i)


def test_experience_counts_only_in_its_kinds_and_gives_months(cat):
    req = req_of(cat, "A2", 1, 0)  # 3 years of auditing
    assert rq.check(req, person(cat, experience_years=3, experience_kinds=["coding"])).months == 36
    o = rq.check(req, person(cat, experience_years=2.5, experience_kinds=["auditing"]))
    assert (o.state, o.months) == ("missing", 6)
    assert rq.check(req, person(cat, experience_years=3, experience_kinds=["auditing"])).state == "met"


def test_training_program_needs_its_hours(cat):
    req = req_of(cat, "T1", 0, 1)
    assert rq.check(req, person(cat, training_program=True)).state == "missing"  # length not said: 0 h < 100 h
    assert rq.check(req, person(cat, training_hours=120)).state == "met"  # hours imply the program


# --------------------------------------------------------------------------- person


def test_a_held_credential_implies_its_membership_and_what_it_supersedes(cat):
    p = person(cat, held=["a1", "B2"])
    assert p.held == ("A1", "B2")
    assert p.is_member("XB") and not p.is_member("YB")  # XB requires membership to keep; YB does not
    assert p.holds("B1")  # B2 replaces B1


def test_an_apprentice_designation_typed_as_a_code_is_the_credential_held_as_apprentice(cat):
    p = person(cat, held=["A1-A"])
    assert p.held == ("A1",) and p.apprentice == ("A1",)


def test_unknown_codes_and_bad_numbers_name_their_field(cat):
    with pytest.raises(PersonError) as e:
        person(cat, held=["A9"])
    assert (e.value.field, str(e.value)) == ("held", "unknown credential code 'A9'; did you mean A2, A1?")
    with pytest.raises(PersonError) as e:
        person(cat, member=["ZB"])
    assert (e.value.field, str(e.value)) == ("member", "unknown body 'ZB'; did you mean YB, XB?")
    with pytest.raises(PersonError) as e:
        person(cat, experience_years=float("nan"))
    assert (e.value.field, str(e.value)) == ("experience_years", "experience_years must be a number from 0 to 60")


def test_layers_override_field_by_field_and_say_where_each_answer_came_from(cat):
    res = build(
        cat,
        [
            ("the saved profile", {"education": "associate", "experience_years": 1, "held": ["A1"]}),
            ("the command line", {"experience_years": 3, "experience_kinds": ["billing"]}),
        ],
    )
    assert res.person.education == "associate" and res.person.experience_years == 3.0
    assert res.summary() == (
        "using the saved profile: education associate, holds A1; using the command line: 3 years billing experience"
    )
    assert res.assumed == []
    assert res.implied == ["holding A1 means being an XB member"]
    assert build(cat, [("flags", {})]).assumed == [("education", "assuming a high-school diploma or equivalent")]


# --------------------------------------------------------------------------- eligibility


def test_held_credentials_have_status_held_and_no_join_to_do(cat):
    r = answer(cat, "A1", held=["A1"])
    assert (r["status"], r["to_do"], r["advice"]) == ("held", [], ["you already hold A1"])
    r = answer(cat, "B1", held=["B2"])
    assert (r["status"], r["advice"]) == ("held", ["B1 is covered by a credential you hold"])
    # A2's holder route: holding A1 means being an XB member, so nothing to join
    r = answer(cat, "A2", held=["A1"])
    assert (r["status"], r["to_do"]) == ("eligible", [])


def test_apprentice_status_and_months_to_the_full_credential(cat):
    r = answer(cat, "A1", experience_years=0.5, experience_kinds=["coding"])
    assert r["status"] == "apprentice"
    a = r["apprentice"]
    assert (a["designation"], a["months_to_full_credential"]) == ("A1-A", 18)
    assert a["removal_pathway"] == "2 years of coding experience"
    assert answer(cat, "A1", experience_years=1, course_hours=80)["status"] == "eligible"
    held_a = answer(cat, "A1", held=["A1-A"], experience_years=1.5)
    assert held_a["status"] == "held" and held_a["apprentice"]["months_to_full_credential"] == 6


def test_every_pathway_is_reported_with_what_it_misses(cat):
    r = answer(cat, "T1", training_hours=150)
    assert (r["status"], r["pathway"]["id"]) == ("eligible", "training")
    assert [(p["id"], p["met"], p["months_until_met"]) for p in r["pathways"]] == [
        ("training", True, 0),
        ("experience", False, 12),
    ]
    r = answer(cat, "T1")
    assert (r["status"], r["pathway"]["id"], r["months_until_eligible"]) == ("not-eligible", "experience", 12)


def test_a_condition_certplan_cannot_check_blocks_and_says_so(cat):
    r = answer(cat, "U1", clinical_hours=300, practicode=True)
    assert r["status"] == "not-eligible" and r["months_until_eligible"] is None
    assert r["missing"] == ["Currently employed as a CDI specialist (certplan cannot check this; confirm it with the body)"]
    assert r["to_do"] == ["Sign an affidavit"]


# --------------------------------------------------------------------------- cost


def test_one_basis_rule(cat):
    nobody = Person()
    # required to sit: member prices
    assert cost.choose_basis(cred(cat, "A1"), cat, nobody)[:2] == ("member", "required-to-sit")
    # lower first-year fees: B1 member 200 + 50 dues = 250 < non-member 250 + 0? equal -> the tie rule
    basis, rule, data = cost.choose_basis(cred(cat, "B1"), cat, nobody)
    assert (basis, rule, data) == ("non-member", "same-cost", {"member": 250.0, "non-member": 250.0})
    # only the non-member fee is known
    assert cost.choose_basis(cred(cat, "B2"), cat, nobody)[:2] == ("non-member", "only-known")
    # a member already: member prices
    yb = person(cat, member=["YB"])
    assert cost.choose_basis(cred(cat, "B2"), cat, yb)[:2] == ("member", "member-already")
    # asked for
    assert cost.choose_basis(cred(cat, "B1"), cat, nobody, "member")[:2] == ("member", "asked")


def test_compare_projection_is_year_one_and_years_two_and_three_of_the_cost_lines(cat):
    a1 = cost.cheapest(cred(cat, "A1"), cat)
    # exam 300 (member) + dues 100; upkeep: dues for years 2 and 3 (required to keep)
    assert (a1["basis"], a1["first_year"], a1["two_year_upkeep"]) == ("member", 400, 200)
    b1 = cost.cheapest(cred(cat, "B1"), cat)
    # non-member: exam 250; upkeep: the 80 renewal fee at the end of the 2-year cycle (year 2)
    assert (b1["first_year"], b1["two_year_upkeep"]) == (250, 80)
    # a CPC-like holder of A1 pays no dues again for A2
    holder = person(cat, held=["A1"])
    a2 = cost.cheapest(cred(cat, "A2"), cat, None, holder)
    assert (a2["basis"], a2["first_year"], a2["two_year_upkeep"]) == ("member", 300, 0)


def test_unknown_fees_stay_unknown_and_are_named(cat):
    u1 = cost.estimate(cred(cat, "U1"), cat)
    assert u1["total"] is None and "U1 exam, 1 attempt budgeted" in u1["unknown_parts"]
    b2 = cost.cheapest(cred(cat, "B2"), cat, "member")
    assert b2["first_year"] is None and b2["unknown_parts"][0] == "exam fee (member)"


def test_cost_lines_carry_their_years(cat):
    res = cost.estimate(cred(cat, "A1"), cat, Person(), None, years=4)
    by_id = {ln["id"]: ln for ln in res["lines"]}
    assert by_id["exam"]["schedule"] == [{"year": 1, "amount": 300}]
    assert [s["year"] for s in by_id["membership"]["schedule"]] == [1, 2, 3, 4]
    assert cost.year_total(res, 1, 1) == 400 and cost.year_total(res, 2, 4) == 300
