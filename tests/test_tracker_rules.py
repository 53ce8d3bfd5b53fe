"""The after-the-exam rules (core/ceu_status, renewal, apprentice_removal) on a small fixture catalog."""

import datetime as dt
from pathlib import Path

import pytest

from certplan.catalog.models import CycleRule
from certplan.core import apprentice_removal, ceu_status, renewal
from certplan.core.tracked import CeuEntry, ExperienceEntry, Held

D = dt.date
FIXTURE = Path(__file__).parent / "data" / "tracker.yaml"


@pytest.fixture(scope="module")
def cat():
    from certplan.catalog.loader import load_catalog

    return load_catalog(FIXTURE)


def ceu(i, day, n, **kw):
    return CeuEntry(id=i, date=day, ceus=n, title=kw.pop("title", f"ceu {i}"), **kw)


def by_body(cat, held, ceus, on):
    return {s["body"]: s for s in ceu_status.status(cat, held, ceus, on)}


# --------------------------------------------------------------------------- required CEUs


@pytest.mark.parametrize(
    "codes, expected",
    [(["CPC"], 36), (["CPC", "CPMA"], 40), (["CPC", "CPMA", "CANPC"], 44), (["CPC", "CPMA", "CANPC", "CGSC", "CIC"], 52)],
)
def test_aapc_schedule_by_number_of_credentials(cat, codes, expected):
    held = [Held(c, D(2020, 1, 1), D(2025, 1, 1)) for c in codes]
    s = by_body(cat, held, [], D(2025, 6, 1))["AAPC"]
    assert s["required"] == expected and s["required_full_cycle"] == expected
    assert s["basis"] == f"schedule for {len(codes)} credential{'s' if len(codes) > 1 else ''}"


def test_aapc_older_schedule_applies_to_a_cycle_ending_before_2015_08_31(cat):
    held = [Held("CPC", D(2010, 1, 1), D(2013, 1, 1)), Held("CPMA", D(2010, 1, 1))]
    s = by_body(cat, held, [], D(2014, 6, 1))["AAPC"]
    assert (s["cycle_start"], s["cycle_end"]) == ("2013-01-01", "2014-12-31")
    assert s["required"] == 48
    assert [(c["name"], c["required"]) for c in s["categories"]] == [("auditing", 24)]
    assert "https://example.org/aapc-old" in s["sources"]


@pytest.mark.parametrize(
    "codes, expected",
    [(["CCS"], 20), (["CCS", "CCA"], 30), (["RHIA", "CHDA"], 40), (["RHIA", "CCS", "CCA", "CHDA"], 50), (["RHIT", "RHIA"], 30)],
)
def test_ahima_base_plus_ten_per_extra_capped_at_50_and_rhia_replaces_rhit(cat, codes, expected):
    held = [Held(c, D(2024, 3, 1)) for c in codes]
    s = by_body(cat, held, [], D(2025, 6, 1))["AHIMA"]
    assert s["required"] == expected
    assert "RHIT" not in s["credentials"] or "RHIA" not in codes


# --------------------------------------------------------------------------- cycles and what counts


def test_cycle_rolls_forward_from_the_earned_date(cat):
    s = by_body(cat, [Held("CCS", D(2020, 3, 1))], [], D(2025, 6, 1))["AHIMA"]
    assert (s["cycle_start"], s["cycle_end"]) == ("2024-03-01", "2026-02-28")
    assert s["days_left"] == (D(2026, 2, 28) - D(2025, 6, 1)).days


def test_end_of_month_cycles():
    rule = CycleRule(years=3, starts="earned-date", ends="end-of-month", source="x")
    assert ceu_status.cycle_bounds(rule, D(2024, 5, 10), D(2026, 1, 1)) == (D(2024, 5, 10), D(2027, 5, 31))
    assert ceu_status.cycle_bounds(rule, D(2024, 5, 10), D(2027, 6, 1)) == (D(2027, 6, 1), D(2030, 5, 31))


def test_ceu_outside_the_cycle_and_before_the_credential_was_earned_do_not_count(cat):
    held = [Held("CPC", D(2024, 6, 15), D(2025, 1, 1))]
    ceus = [
        ceu(1, D(2024, 5, 1), 5),  # before CPC was earned
        ceu(2, D(2024, 9, 1), 3),  # after earning, but in the previous cycle
        ceu(3, D(2025, 2, 1), 2),
    ]
    s = by_body(cat, held, ceus, D(2025, 6, 1))["AAPC"]
    assert s["earned"] == 2 and s["counted"] == [3]
    assert s["excluded"] == [
        {"id": 1, "title": "ceu 1", "ceus": 5, "reason": "dated 2024-05-01, before CPC was earned (2024-06-15)"},
        {
            "id": 2,
            "title": "ceu 2",
            "ceus": 3,
            "reason": "dated 2024-09-01, outside the cycle 2025-01-01 to 2026-12-31 (CEUs do not carry over)",
        },
    ]


def test_mixed_aapc_and_ahima_holder(cat):
    held = [Held("CPC", D(2023, 1, 10), D(2025, 1, 1)), Held("CCS", D(2024, 4, 1))]
    ceus = [
        ceu(1, D(2025, 2, 1), 4, for_codes=("CPC",)),
        ceu(2, D(2025, 3, 1), 6, for_codes=("CCS",), category="hiim", provider="AHIMA"),
        ceu(3, D(2025, 4, 1), 1.5),  # no --for: counts for both bodies
    ]
    s = by_body(cat, held, ceus, D(2025, 6, 1))
    assert list(s) == ["AAPC", "AHIMA"]
    aapc, ahima = s["AAPC"], s["AHIMA"]
    assert (aapc["credentials"], aapc["required"], aapc["earned"], aapc["remaining"]) == (["CPC"], 36, 5.5, 30.5)
    assert (ahima["credentials"], ahima["required"], ahima["earned"], ahima["remaining"]) == (["CCS"], 20, 7.5, 12.5)
    assert (ahima["cycle_start"], ahima["cycle_end"]) == ("2024-04-01", "2026-03-31")
    assert {c["name"]: (c["required"], c["earned"], c["remaining"]) for c in ahima["categories"]} == {
        "hiim": (16, 6, 10),
        "ahima-sources": (8, 6, 2),
    }


def test_ahima_40_percent_rule_starts_with_cycles_ending_in_2025(cat):
    before = by_body(cat, [Held("CCS", D(2022, 12, 1))], [], D(2024, 6, 1))["AHIMA"]
    assert before["cycle_end"] == "2024-11-30"
    assert [c["name"] for c in before["categories"]] == ["hiim"]
    after = by_body(cat, [Held("CCS", D(2023, 2, 1))], [], D(2024, 6, 1))["AHIMA"]
    assert after["cycle_end"] == "2025-01-31"
    assert [(c["name"], c["required"]) for c in after["categories"]] == [("hiim", 16), ("ahima-sources", 8)]


def test_hcpro_counts_as_an_ahima_source(cat):
    s = by_body(cat, [Held("RHIA", D(2025, 1, 1))], [ceu(1, D(2025, 2, 1), 12, provider="HCPro Inc.")], D(2025, 6, 1))
    cat_rows = {c["name"]: c for c in s["AHIMA"]["categories"]}
    assert (cat_rows["ahima-sources"]["required"], cat_rows["ahima-sources"]["earned"]) == (12, 12)
    assert cat_rows["hiim"]["earned"] == 0  # a CEU without a category counts toward the total only


def test_aapc_topic_minimums(cat):
    held = [Held(c, D(2024, 1, 1), D(2025, 1, 1)) for c in ("CPC", "CPMA", "CANPC", "CGSC")]
    ceus = [
        ceu(1, D(2025, 2, 1), 10, category="auditing"),
        ceu(2, D(2025, 2, 2), 3, category="specialty", for_codes=("CANPC",)),
        ceu(3, D(2025, 2, 3), 4, category="specialty"),  # which specialty? not said: total only
    ]
    s = by_body(cat, held, ceus, D(2025, 6, 1))["AAPC"]
    assert s["required"] == 48 and s["earned"] == 17
    rows = [(c["name"], c["for"], c["required"], c["earned"], c["remaining"]) for c in s["categories"]]
    assert rows == [
        ("auditing", ["CPMA"], 16, 10, 6),
        ("specialty", ["CANPC"], 8, 3, 5),
        ("specialty", ["CGSC"], 8, 0, 8),
    ]
    assert "specialty CEUs without --for count toward the total only: say which credential they are for" in s["notes"]


def test_a_specialty_with_its_own_rule_is_excluded_from_the_eight(cat):
    held = [Held("CPC", D(2024, 1, 1), D(2025, 1, 1)), Held("CIRCC", D(2024, 1, 1))]
    s = by_body(cat, held, [], D(2025, 6, 1))["AAPC"]
    assert s["categories"] == []  # the fixture gives CIRCC no 16-CEU rule, and the specialty 8 excludes it


def test_a_single_specialty_takes_specialty_ceus_without_for(cat):
    held = [Held("CPC", D(2024, 1, 1), D(2025, 1, 1)), Held("CANPC", D(2024, 1, 1))]
    s = by_body(cat, held, [ceu(1, D(2025, 3, 1), 8, category="specialty")], D(2025, 6, 1))["AAPC"]
    assert [(c["for"], c["remaining"]) for c in s["categories"]] == [(["CANPC"], 0)]


def test_topic_ceus_before_that_credential_was_earned_do_not_count_toward_it(cat):
    held = [Held("CPC", D(2023, 1, 1), D(2025, 1, 1)), Held("CPMA", D(2025, 5, 1))]
    s = by_body(cat, held, [ceu(1, D(2025, 3, 1), 10, category="auditing")], D(2025, 6, 1))["AAPC"]
    assert s["earned"] == 10
    assert s["categories"][0]["earned"] == 0


# --------------------------------------------------------------------------- proration and pace


def test_aapc_first_cycle_is_prorated_and_flagged_as_an_estimate(cat):
    held = [Held("CPC", D(2025, 7, 1), D(2025, 1, 1))]
    s = by_body(cat, held, [], D(2025, 8, 1))["AAPC"]
    assert (s["required"], s["required_full_cycle"], s["prorated"], s["estimate"]) == (27, 36, True, True)
    assert s["notes"] == [
        "first cycle prorated: 18 whole months of 24 from 2025-07-01 (certplan's estimate; the body publishes no formula)"
    ]


def test_ahima_first_cycle_is_full(cat):
    s = by_body(cat, [Held("CCS", D(2025, 7, 1))], [], D(2025, 8, 1))["AHIMA"]
    assert (s["required"], s["prorated"]) == (20, False)


def test_membership_cycles_without_a_cycle_start_say_so(cat):
    s = by_body(cat, [Held("CPC", D(2025, 7, 1))], [], D(2025, 8, 1))["AAPC"]
    assert s["cycle_start"] == "2025-07-01" and not s["prorated"]
    assert s["notes"] == [
        "AAPC cycles follow the membership renewal date; none was given (held add --cycle-start), so the cycle"
        " starts on the earned date 2025-07-01"
    ]


def test_pace(cat):
    held = [Held("CCS", D(2025, 1, 1))]
    # Half the cycle gone (2025-01-01 .. 2026-12-31), 10 of 20 earned, 16 hiim needed, 8 AHIMA-sourced.
    ceus = [ceu(1, D(2025, 3, 1), 10, category="hiim", provider="AHIMA")]
    on = D(2025, 12, 31)
    assert by_body(cat, held, ceus, on)["AHIMA"]["on_track"] is True
    assert by_body(cat, held, ceus[:0], on)["AHIMA"]["on_track"] is False
    done = [ceu(1, D(2025, 3, 1), 20, category="hiim", provider="AHIMA")]
    assert by_body(cat, held, done, D(2025, 3, 2))["AHIMA"]["on_track"] is True


def test_body_without_cycle_rules(cat):
    s = by_body(cat, [Held("CBCS", D(2024, 1, 1))], [], D(2025, 1, 1))["NHA"]
    assert s["cycle_start"] is None and s["required"] is None and s["on_track"] is None
    assert s["notes"] == ["the catalog has no CEU cycle rule for NHA; see 'certplan show' for what is known"]


def test_a_credential_earned_after_the_day_asked_is_not_held_yet(cat):
    assert ceu_status.status(cat, [Held("CPC", D(2026, 1, 1))], [], D(2025, 1, 1)) == []


# --------------------------------------------------------------------------- renew


def test_renew_aapc(cat):
    r = renewal.renewals(cat, [Held("CPC", D(2024, 3, 1), D(2025, 1, 1))], [], D(2025, 6, 1))[0]
    assert (r["due"], r["grace_days"], r["grace_until"]) == ("2026-12-31", 10, "2027-01-10")
    assert r["grace_alternatives"] == [
        {"days": 30, "what": "help-centre grace", "note": None, "source": "https://example.org/aapc-help"}
    ]
    assert (r["late_fee"]["amount"], r["extension_fee"]["amount"], r["reinstatement_fee"]["amount"]) == (50, 50, 200)
    assert (r["lapses_on"], r["lapse_status"]) == ("2027-03-31", "revoked")
    assert (r["reinstate_until"], r["reinstate_how"]) == ("2030-03-31", "pay dues and $200")
    assert r["sources"][0] == "https://example.org/aapc"


def test_renew_ahima_has_no_grace_and_revokes_after_180_days_inactive(cat):
    r = renewal.renewals(cat, [Held("CCS", D(2024, 4, 1))], [], D(2025, 6, 1))[0]
    assert (r["due"], r["grace_days"], r["grace_until"]) == ("2026-03-31", 0, "2026-03-31")
    assert r["late_fee"] is None and r["extension_fee"]["amount"] == 50
    assert [(s["on"], s["status"]) for s in r["lapse_steps"]] == [("2026-03-31", "inactive"), ("2026-09-27", "revoked")]
    assert (r["lapses_on"], r["reinstate_until"]) == ("2026-09-27", "2026-09-27")


def test_renew_without_rules_says_what_is_unknown(cat):
    r = renewal.renewals(cat, [Held("CBCS", D(2024, 1, 1))], [], D(2025, 1, 1))[0]
    assert r["due"] is None and r["lapses_on"] is None
    assert r["notes"] == ["the catalog has no CEU cycle rule for NHA; see 'certplan show' for what is known"]


def test_renew_ahima_before_2021_has_no_grace_rule(cat):
    r = renewal.renewals(cat, [Held("CCS", D(2018, 4, 1))], [], D(2019, 6, 1))[0]
    assert r["due"] == "2020-03-31" and r["grace_days"] is None and r["lapses_on"] is None
    assert "no grace period is recorded for AHIMA" in r["notes"]


# --------------------------------------------------------------------------- apprentice


def exp(i, start, end=None, kind="coding"):
    return ExperienceEntry(i, start, end, kind)


def test_experience_periods_merge_and_count_once():
    entries = [exp(1, D(2024, 1, 1), D(2024, 6, 30)), exp(2, D(2024, 6, 1), D(2024, 12, 31)), exp(3, D(2024, 1, 1), None, "billing")]
    assert apprentice_removal.experience_days(entries, ["coding"], D(2030, 1, 1)) == 366
    assert apprentice_removal.experience_met_on(entries, ["coding"], 1) == D(2025, 1, 1)
    assert apprentice_removal.experience_met_on(entries, ["coding"], 2) is None
    gap = [exp(1, D(2023, 1, 1), D(2023, 12, 31)), exp(2, D(2025, 1, 1))]
    assert apprentice_removal.experience_met_on(gap, ["coding"], 2) == D(2025, 12, 31) + dt.timedelta(days=2)


def test_apprentice_removal_dates_per_option(cat):
    held = [Held("CPC", D(2025, 6, 2), apprentice=True)]
    entries = [exp(1, D(2025, 1, 1))]
    a = apprentice_removal.status(cat, held, entries, D(2025, 7, 1))[0]
    assert (a["designation"], a["earliest"]) == ("CPC-A", "2027-01-01")
    opts = {o["id"]: o for o in a["options"]}
    assert opts["option-1"]["earliest"] == "2027-01-01" and not opts["option-1"]["met"]
    assert opts["option-2"]["earliest"] is None
    assert opts["option-2"]["still_needed"] == [
        "80-contact-hour medical coding preparation course (give its completion date with --course-done)"
    ]
    assert [e["kind"] for e in opts["option-2"]["evidence"]] == ["experience", "course"]
    assert opts["option-1"]["evidence"][0]["text"] == "employer letters on letterhead, signed and dated"
    a = apprentice_removal.status(cat, held, entries, D(2025, 7, 1), course_done=D(2025, 5, 1))[0]
    opts = {o["id"]: o for o in a["options"]}
    # One year of coding from 2025-01-01 is complete on 2026-01-01; nothing comes off before the credential.
    assert opts["option-2"]["earliest"] == "2026-01-01"
    a = apprentice_removal.status(cat, held, [], D(2025, 7, 1), D(2025, 5, 1), D(2025, 6, 1))[0]
    assert {o["id"]: o["earliest"] for o in a["options"]}["option-3"] == "2025-06-02"
    assert a["earliest"] == "2025-06-02"


def test_no_apprentice_no_status(cat):
    assert apprentice_removal.status(cat, [Held("CPC", D(2025, 1, 1))], [], D(2025, 7, 1)) == []


def test_catalog_check_names_unknown_credentials_in_ceu_rules(tmp_path):
    from certplan.catalog.loader import CatalogError, load_catalog

    bad = tmp_path / "bad.yaml"
    bad.write_text(FIXTURE.read_text().replace("credentials: [CPMA], ceus: 16", "credentials: [CPMX], ceus: 16"))
    with pytest.raises(CatalogError) as e:
        load_catalog(bad)
    assert any("renewal.categories[0].credentials[0]: unknown credential 'CPMX'" in p for p in e.value.problems)
