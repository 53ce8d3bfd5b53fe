"""recommend: rankings for concrete people, documented score parts, determinism."""

import jsonschema

from certplan.contract.generate import SCHEMAS
from certplan.core.recommend import WEIGHTS


def ranked(run_json, *args):
    data = run_json("recommend", *args, "--top", "0", "--json")
    jsonschema.validate(data, SCHEMAS["recommend"])
    return data


def test_newcomer_aiming_at_a_physician_office(run_json):
    data = ranked(run_json, "--setting", "physician-office", "--education", "high-school")
    top = data[0]
    assert top["code"] == "CPC"
    assert top["status"] == "apprentice"
    assert top["score_parts"] == {
        "setting": WEIGHTS["setting_primary"],
        "eligibility": WEIGHTS["apprentice"],
        "level": WEIGHTS["level_fit"],
        "recognition": WEIGHTS["employer_demand"],
    }
    assert top["score"] == sum(top["score_parts"].values())
    assert any("CPC-A until 2 years of coding experience (about 24 months for you)" in t for t in top["tradeoffs"])
    assert any(r.startswith("pay: $58,895/year median, AAPC 2025 salary survey") for r in top["reasons"])
    # management credentials are a stretch for a newcomer
    cpco = next(r for r in data if r["code"] == "CPCO")
    assert cpco["score_parts"]["level"] == WEIGHTS["level_stretch"]


def test_hospital_inpatient_coder_with_two_years(run_json):
    data = ranked(run_json, "--setting", "hospital-inpatient", "--experience", "2", "--experience-kind", "coding")
    assert [r["code"] for r in data[:2]] == ["CCS", "CIC"]
    ccs = data[0]
    assert ccs["score_parts"]["recognition"] == WEIGHTS["employer_demand"]
    assert ccs["status"] == "eligible"
    assert "CPC" not in [r["code"] for r in data[:5]]


def test_compliance_interest_with_a_bachelors_degree(run_json):
    data = ranked(run_json, "--focus", "compliance", "--education", "bachelor")
    assert data[0]["code"] == "CPCO"
    assert data[0]["score_parts"]["focus"] == WEIGHTS["focus_primary"]
    rhia = next(r for r in data if r["code"] == "RHIA")
    assert rhia["status"] == "not-eligible" and rhia["score_parts"]["eligibility"] == WEIGHTS["blocked"]
    assert any("CAHIIM-accredited HIM program" in c for c in rhia["what_would_change"])
    chps = next(r for r in data if r["code"] == "CHPS")
    assert chps["months_until_eligible"] is not None and chps["score_parts"]["eligibility"] == WEIGHTS["later"]


def test_three_hundred_dollar_budget(run_json):
    data = ranked(run_json, "--budget", "300")
    assert data[0]["code"] == "CCA"
    assert data[0]["first_year_cost"] == 299
    assert data[0]["score_parts"]["cost"] == WEIGHTS["within_budget"]
    cpc = next(r for r in data if r["code"] == "CPC")
    assert cpc["score_parts"]["cost"] == WEIGHTS["over_budget"]
    assert "first-year cost $615 is over your $300 budget" in cpc["tradeoffs"]
    assert "with a budget of $615, CPC fits" in cpc["what_would_change"]
    unknown = [r for r in data if r["first_year_cost"] is None]
    assert unknown and all(r["score_parts"]["cost"] == 0 for r in unknown)


def test_held_credentials_are_not_recommended_and_ranking_is_deterministic(run_json):
    a = ranked(run_json, "--held", "CPC", "--held", "RHIA", "--experience", "3")
    assert not {"CPC", "RHIA", "RHIT"} & {r["code"] for r in a}  # RHIA replaces RHIT
    assert a == ranked(run_json, "--held", "CPC", "--held", "RHIA", "--experience", "3")
    assert [r["rank"] for r in a] == list(range(1, len(a) + 1))
    assert all(a[i]["score"] >= a[i + 1]["score"] for i in range(len(a) - 1))


def test_never_prompts_without_a_terminal_and_bad_input(run):
    r = run("recommend", input="")
    assert r.exit_code == 0 and "Where do you want to work" not in r.stderr + r.stdout
    bad = run("recommend", "--setting", "hospital")
    assert bad.exit_code == 2 and "--setting 'hospital' is not one of" in bad.stderr
    assert run("recommend", "--budget", "-5").exit_code == 2
    assert run("recommend", "--focus", "codng").stderr.strip().endswith("(did you mean coding?)")


def test_remote_counts_only_where_a_source_ties_the_credential_to_remote_work(run_json):
    recs = {r["code"]: r for r in run_json("recommend", "--setting", "remote", "--education", "high-school", "--json")}
    # CRC: a sourced note speaks of remote work; CMSS only lists the setting, with no source saying so
    assert recs["CRC"]["score_parts"]["setting"] == 2
    assert "a source ties it to remote work" in recs["CRC"]["reasons"]
    assert recs["CMSS"]["score_parts"]["setting"] == 0
    assert "listed for remote work, but no source in the catalog says so (not scored)" in recs["CMSS"]["tradeoffs"]
