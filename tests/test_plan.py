"""plan: real dates, hour totals, domain proportions, practice exams, feasibility, eligibility, .ics."""

import datetime as dt
import json
import textwrap

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from certplan.contract.generate import SCHEMAS
from certplan.core import plan as core
from certplan.core.eligibility import Profile

D = dt.date.fromisoformat
TODAY = D("2026-11-27")  # pinned by conftest (CERTPLAN_TODAY)


def plan_json(run, *args, catalog=None):
    r = run(*(["--catalog", catalog] if catalog else []), "plan", *args, "--json")
    assert r.exit_code == 0, r.stderr
    d = json.loads(r.stdout)
    jsonschema.validate(d, SCHEMAS["plan"])
    return d, r.stderr


def study_weeks(d):
    return [w for w in d["weeks"] if w["phase"] != "exam"]


def task_hours(d, kind):
    return sum(t["hours"] for w in d["weeks"] for t in w["tasks"] if t["kind"] == kind)


def milestones(d, kind):
    return [m for m in d["milestones"] if m["kind"] == kind]


def week_of(d, date):
    return next(w for w in d["weeks"] if w["start"] <= date <= w["end"])


# --------------------------------------------------------------------------- the examples


def test_cpc_from_a_start_date_at_10_hours(run):
    d, err = plan_json(run, "CPC", "--start", "2027-01-04", "--hours-per-week", "10")
    assert (d["code"], d["start"], d["hours_per_week"], d["requested_hours_per_week"]) == ("CPC", "2027-01-04", 10, 10)
    # 80 h (catalog estimate: AAPC's 80-hour course) + 40 h foundations for a newcomer
    # + 2 practice exams x (240 min sitting + 240 min going over) + 6 h code books
    assert d["base_hours"] == {
        "value": 80.0,
        "estimate": True,
        "certplan_default": False,
        "source": "https://www.aapc.com/certification/apprentice_status.aspx",
        "note": d["base_hours"]["note"],
        "basis": d["hours_basis"],
    }
    assert "an estimate in the catalog" in d["hours_basis"] and "80-hour" in d["hours_basis"]
    assert d["breakdown"] == {
        "prerequisites": 0,
        "foundations": 40,
        "domains": 68,
        "code_books": 6,
        "review": 12,
        "practice_exams": 16,
    }
    assert d["total_hours"] == 142 == sum(d["breakdown"].values())
    assert sum(w["hours"] for w in d["weeks"]) == 142
    # 142 h at 10 h/week: 15 study weeks, the exam on the Monday after them
    assert d["study_weeks"] == 15
    assert d["exam_date"] == "2027-04-19"
    assert d["registration_deadline"] == "2027-03-08"  # six weeks ahead (certplan's rule)
    assert d["feasibility"]["status"] == "ok"
    assert d["warnings"] == []
    assert "high-school" in err  # the profile assumption is said on stderr


def test_weeks_are_real_consecutive_calendar_weeks(run):
    d, _ = plan_json(run, "CPC", "--start", "2027-01-04", "--hours-per-week", "10")
    for i, w in enumerate(study_weeks(d)):
        start = D("2027-01-04") + dt.timedelta(days=7 * i)
        assert (w["week"], w["start"], w["end"]) == (
            i + 1,
            start.isoformat(),
            (start + dt.timedelta(days=6)).isoformat(),
        )
        assert D(w["start"]).weekday() == 0  # Mondays, because the start is a Monday
        assert 0 < w["hours"] <= 10
    exam_week = d["weeks"][-1]
    assert exam_week["phase"] == "exam" and exam_week["hours"] == 0
    assert exam_week["start"] == exam_week["end"] == d["exam_date"]
    assert [m["kind"] for m in exam_week["milestones"]] == ["exam"]


def test_ccs_to_an_exam_date_computes_the_weekly_hours(run):
    d, err = plan_json(run, "CCS", "--exam-date", "2027-06-01")
    assert d["start"] == "2026-11-30"  # the next Monday after the pinned today (a Friday)
    assert d["exam_date"] == "2027-06-01"
    assert d["feasibility"]["weeks_available"] == 26  # 183 days: 26 full weeks, then the exam week
    assert len(study_weeks(d)) == 26
    assert d["weeks"][-1]["start"] == "2027-05-31" and d["weeks"][-1]["end"] == "2027-06-01"
    # the least weekly budget (half-hour steps) that fits
    h = d["hours_per_week"]
    assert d["hours_per_week_basis"].startswith("computed")
    assert h * 26 >= d["total_hours"] > (h - 0.5) * 24
    assert max(w["hours"] for w in d["weeks"]) <= h
    # without sourced study hours: certplan's default, labelled, with a warning
    if d["base_hours"]["certplan_default"]:
        assert d["base_hours"]["value"] == 80
        assert "certplan's planning default of 80 hours" in d["hours_basis"]
        assert "certplan's planning default" in err and "warning" in err
        assert any("planning default" in w for w in d["warnings"])
    else:
        assert "from the catalog" in d["hours_basis"] or "estimate in the catalog" in d["hours_basis"]


def test_no_study_hours_in_the_catalog_uses_the_labelled_default(run, tmp_path):
    path = tmp_path / "nohours.yaml"
    path.write_text(
        MINI.replace("study_hours: {value: 50, source: s1}", "study_hours: {value: null, source: s1, note: none found}")
    )
    r = run("--catalog", path, "plan", "CXX", "--experience", "1", "--exam-date", "2027-07-05", "--json")
    assert r.exit_code == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["base_hours"] == {
        "value": 80.0,
        "estimate": True,
        "certplan_default": True,
        "source": "https://example.org/a",
        "note": "none found",
        "basis": "no sourced figure (none found); certplan's planning default of 80 hours",
    }
    assert d["hours_basis"] == d["base_hours"]["basis"]
    assert "warning: the catalog has no study-hour figure for CXX" in r.stderr


def test_weeks_and_ics_example(run, tmp_path):
    path = tmp_path / "cpc.ics"
    r = run("plan", "CPC", "--weeks", "12", "--ics", path)
    assert r.exit_code == 0, r.stderr
    assert "Week by week" in r.stdout and "2027-02-22" in r.stdout
    assert f"to {path}" in r.stderr
    assert path.read_bytes().startswith(b"BEGIN:VCALENDAR")


# --------------------------------------------------------------------------- domains


def test_domain_hours_follow_published_weights(run):
    d, _ = plan_json(run, "CBCS", "--experience", "2", "--experience-kind", "billing")
    weights = {r["name"]: r["weight_percent"] for r in d["domains"]}
    assert sorted(weights.values()) == [15, 20, 32, 33]
    total = d["breakdown"]["domains"]
    for r in d["domains"]:
        assert r["share_percent"] == r["weight_percent"]
        assert abs(r["hours"] - total * r["weight_percent"] / 100) <= 0.5
        # the weekly tasks add up to the domain's hours
        assert sum(t["hours"] for w in d["weeks"] for t in w["tasks"] if t["name"] == r["name"]) == r["hours"]
    assert sum(r["hours"] for r in d["domains"]) == total
    assert d["domain_weighting"] == "in proportion to the published weights"


def test_cpc_domains_use_question_counts_and_the_rest_gets_the_remainder(run):
    d, _ = plan_json(run, "CPC", "--experience", "2")
    shares = {r["name"]: r["share_percent"] for r in d["domains"]}
    assert shares["E/M services"] == 6 and shares["Anatomy"] == 4
    assert shares["ICD-10-CM, HCPCS Level II, coding guidelines, compliance and regulatory"] == 28
    assert sum(shares.values()) == pytest.approx(100)
    assert "question counts" in d["domain_weighting"] and "28%" in d["domain_weighting"]


def test_partial_weights_plan_the_rest_as_other_content(run):
    d, _ = plan_json(run, "COC", "--experience", "2")
    rows = {r["name"]: r for r in d["domains"]}
    assert rows["Surgery and modifiers"]["share_percent"] == 22
    assert rows[core.OTHER_CONTENT]["share_percent"] == 50
    assert "cover 50% of the exam" in d["domain_weighting"]


def test_no_published_weights_means_even_split_and_says_so(run):
    d, err = plan_json(run, "CPB")
    hours = [r["hours"] for r in d["domains"]]
    assert len(hours) == 6 and max(hours) - min(hours) <= 0.5
    assert "even split" in d["domain_weighting"]
    assert "domains get equal time" in err


# --------------------------------------------------------------------------- practice exams, review, books


def test_two_full_timed_practice_exams_before_the_exam(run):
    d, _ = plan_json(run, "CPC", "--start", "2027-01-04", "--hours-per-week", "10")
    pe = milestones(d, "practice-exam")
    assert len(pe) == 2
    assert all("100 questions in 240 minutes" in m["title"] for m in pe)
    weeks = [week_of(d, m["date"])["week"] for m in pe]
    assert weeks[0] < weeks[1]  # never in the same week
    last_domain_week = max(w["week"] for w in d["weeks"] if any(t["kind"] == "domain" for t in w["tasks"]))
    assert last_domain_week < weeks[0]  # after all the content
    assert weeks[1] >= len(study_weeks(d)) - 1  # the second one in the last two study weeks
    assert all(m["date"] < d["exam_date"] for m in pe)
    # each sitting is one block of the real exam length, plus the same time to go over it
    sittings = [t for w in d["weeks"] for t in w["tasks"] if t["kind"] == "practice-exam"]
    assert [t["hours"] for t in sittings] == [4, 4]
    assert task_hours(d, "practice-review") == 8
    # review weeks between them and the code books tabbed before the first
    assert task_hours(d, "review") == 12
    books_week = max(w["week"] for w in d["weeks"] if any(t["kind"] == "code-books" for t in w["tasks"]))
    assert books_week <= weeks[0]


def test_code_books_are_the_exam_years_and_the_allowed_references(run):
    d, _ = plan_json(run, "CPC", "--exam-date", "2027-03-01")
    cb = d["code_books"]
    assert cb["year"] == 2027 and cb["open_book"] is True
    assert cb["references"][0] == "AMA CPT"
    assert "no sourced rule on tabs" in cb["tabbing_and_notes"]
    m = milestones(d, "code-books")[0]
    assert m["date"] == d["start"] and m["title"].startswith("Get the 2027 code books")


def test_registration_is_booked_n_weeks_ahead(run):
    d, _ = plan_json(run, "CPC", "--exam-date", "2027-05-03", "--book-ahead", "8")
    assert d["registration_deadline"] == "2027-03-08"
    assert milestones(d, "registration")[0]["date"] == "2027-03-08"
    assert "8 weeks ahead" in milestones(d, "registration")[0]["detail"]


def test_ahima_registration_notes_come_from_the_catalog(run):
    d, _ = plan_json(run, "CCS", "--weeks", "20")
    reg = milestones(d, "registration")[0]
    assert "Authorization to Test" in reg["detail"] and reg["source"]


# --------------------------------------------------------------------------- profile adjustments


def test_experience_skips_foundations_and_cuts_hours(run):
    d, _ = plan_json(run, "CPC", "--experience", "3", "--start", "2027-01-04")
    assert [a["rule"] for a in d["adjustments"]] == ["experience"]
    assert d["adjustments"][0]["hours"] == -20  # 80 x 0.75
    assert d["study_hours"] == 60
    assert d["breakdown"]["foundations"] == 0
    assert d["total_hours"] == 60 + 6 + 16  # study + books + practice exams
    assert not any(w["phase"] == "foundations" for w in d["weeks"])


def test_all_adjustments_and_the_floor(run):
    d, _ = plan_json(run, "CPC", "--experience", "3", "--held", "CCS", "--course-hours", "100")
    rules = {a["rule"]: a["hours"] for a in d["adjustments"]}
    # 80 -> x0.75 = 60 -> x0.75 = 45 -> minus min(100, 20) = 25 -> floor at 50% = 40
    assert rules == {"experience": -20, "credential": -15, "course": -20, "floor": 15}
    assert d["study_hours"] == 40
    assert all(a["reason"] for a in d["adjustments"])


def test_member_pays_no_new_dues_and_has_nothing_to_join(run):
    d, _ = plan_json(run, "CPC", "--member", "AAPC")
    assert d["eligibility"]["prerequisites"] == []
    dues = [c for c in d["costs"] if c["kind"] == "membership"]
    assert dues == [
        {
            "kind": "membership",
            "label": "AAPC membership",
            "amount": 0,
            "currency": "USD",
            "source": None,
            "note": "you are a member already (your renewal is not counted here)",
        }
    ]


def test_saved_profile_is_used(run):
    assert run("profile", "set", "--experience", "3").exit_code == 0
    d, _ = plan_json(run, "CPC")
    assert d["breakdown"]["foundations"] == 0 and d["study_hours"] == 60


# --------------------------------------------------------------------------- eligibility and after the exam


def test_newcomer_cpc_starts_with_membership_and_ends_with_the_apprentice_removal(run):
    d, _ = plan_json(run, "CPC", "--start", "2027-01-04")
    el = d["eligibility"]
    assert el["status"] == "apprentice"
    assert el["prerequisites"][0] == {
        "kind": "membership",
        "text": "join AAPC (membership is required to register)",
        "hours": None,
    }
    first = d["weeks"][0]["milestones"]
    assert first[0]["kind"] == "prerequisite" and first[0]["title"].startswith("Join AAPC")
    assert d["weeks"][0]["phase"] == "foundations"
    after = {a["kind"]: a for a in d["after"]}
    assert "CPC-A" in after["apprentice"]["title"]
    assert after["apprentice"]["date"] == "2028-11-27"  # 24 months of coding experience from today
    assert after["ceu-cycle"]["detail"].startswith("36 CEUs every 2 years")
    assert after["ceu-cycle"]["date"] == "2029-04-19"  # two years after the exam


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["RHIT"], "CAHIIM-accredited HIM program"),
        (["CHDS"], "certplan plan RHDS"),
        (["CHPS"], "72 more months"),
    ],
)
def test_not_eligible_in_time_is_refused_with_the_reason(run, args, message):
    r = run("plan", *args)
    assert r.exit_code == 2
    assert message in r.stderr and r.stdout == ""


def test_degree_holder_gets_an_rhit_plan(run):
    d, _ = plan_json(run, "RHIT", "--education", "associate", "--accredited-program", "associate")
    assert d["eligibility"]["status"] == "eligible"


def test_unchecked_requirement_can_be_assumed(run):
    d, err = plan_json(run, "RHIT", "--assume-eligible")
    assert any("foreign association" in p["text"] for p in d["eligibility"]["prerequisites"])
    assert "confirm it with AHIMA" in err


MINI = textwrap.dedent(
    """
    schema_version: 1
    sources:
      - {id: s1, url: "https://example.org/a", kind: official, tier: 1, date: "2026-11"}
    bodies:
      - code: AAPC
        name: {value: AAPC, source: s1}
        website: {value: "https://www.aapc.com", source: s1}
        membership:
          - {amount: 200, source: s1}
    credentials:
      - code: CXX
        name: Test Coder
        body: AAPC
        status: current
        level: advanced
        focus: [coding]
        description: A test credential.
        exam:
          questions: {value: 50, source: s1}
          duration_minutes: {value: 120, source: s1}
          passing_score: {value: "70%", source: s1}
          open_book: {value: true, source: s1}
          references: {value: [AMA CPT, ICD-10-CM], source: s1}
          delivery: {value: [online-proctored], source: s1}
          fees:
            - {amount: 300, source: s1}
          retake: {value: one retake, source: s1}
          domains:
            - {name: Alpha, weight_percent: 60, source: s1}
            - {name: Beta, weight_percent: 40, source: s1}
          study_hours: {value: 50, source: s1}
        eligibility:
          pathways:
            - id: exp
              label: One year of coding
              source: s1
              requirements:
                - {kind: experience, years: 1, of: [coding]}
        maintenance:
          ceus: {value: 36, source: s1}
          cycle_years: {value: 2, source: s1}
    facts:
      - {id: book-cpt-2027, text: "AMA CPT 2027 Professional Edition", value: 150, source: s1}
      - {id: book-icd-10-cm-2027, text: "ICD-10-CM 2027 code book", value: 120, source: s1}
      - {id: book-icd-10-pcs-2027, text: "ICD-10-PCS 2027 code book", value: 110, source: s1}
      - {id: book-aapc-ebooks, text: "AAPC exams give eBooks of the code books", value: 0, source: s1}
    """
)


@pytest.fixture
def mini(tmp_path):
    path = tmp_path / "mini.yaml"
    path.write_text(MINI)
    return path


def test_experience_months_beyond_the_exam_date_are_refused(run, mini):
    r = run("--catalog", mini, "plan", "CXX", "--experience", "0.5", "--exam-date", "2027-05-01")
    assert r.exit_code == 2
    assert "not eligible for CXX by 2027-05-01" in r.stderr and "2027-05-27" in r.stderr


def test_experience_gained_before_the_exam_date_gives_a_plan(run, mini):
    d, err = plan_json(run, "CXX", "--experience", "0.5", "--exam-date", "2027-07-05", catalog=mini)
    el = d["eligibility"]
    assert el["status"] == "not-eligible" and el["eligible_from"] == "2027-05-27"
    assert el["months_until_eligible"] == 6
    # booking waits for eligibility (exam - 6 weeks would be 2027-05-24)
    assert d["registration_deadline"] == "2027-05-27"
    assert "not eligible yet" in err


def test_sourced_hours_and_book_prices_from_facts(run, mini):
    d, _ = plan_json(run, "CXX", "--experience", "1", "--exam-date", "2027-07-05", catalog=mini)
    assert d["base_hours"]["estimate"] is False and d["base_hours"]["value"] == 50
    assert d["hours_basis"] == "50 hours, from the catalog"
    books = [c for c in d["costs"] if c["kind"] == "books"]
    # CPT and ICD-10-CM are the allowed references; the ICD-10-PCS book is not needed
    assert [(b["label"], b["amount"]) for b in books] == [
        ("AMA CPT 2027 Professional Edition", 150),
        ("ICD-10-CM 2027 code book", 120),
    ]
    assert d["cost_total"] == 300 + 150 + 120
    # a book fact naming the body is a note on the books, not a price line
    assert [n["id"] for n in d["code_books"]["notes"]] == ["book-aapc-ebooks"]
    assert "eBooks" in milestones(d, "code-books")[0]["detail"]
    pe = [t for w in d["weeks"] for t in w["tasks"] if t["kind"] == "practice-exam"]
    assert [t["hours"] for t in pe] == [2, 2]  # 120-minute exam
    alpha, beta = d["domains"]
    assert alpha["hours"] / beta["hours"] == pytest.approx(60 / 40, rel=0.05)


def test_costs_are_sourced_or_unknown(run):
    d, _ = plan_json(run, "CPC")
    by_kind = {}
    for c in d["costs"]:
        by_kind.setdefault(c["kind"], []).append(c)
    (exam,) = by_kind["exam"]
    assert exam["amount"] == 425 and exam["source"].startswith("https://")
    assert [m["amount"] for m in by_kind["membership"]] == [190]
    assert by_kind["books"]  # one line per book fact in the catalog, or one "unknown" line
    for b in by_kind["books"]:
        assert b["amount"] is not None or b["note"]  # unknown, never 0 by default
    unknown = [b for b in by_kind["books"] if b["amount"] is None]
    if unknown:
        assert d["cost_total"] is None and d["cost_unknown_parts"]
    assert d["cost_known_subtotal"] == 615 + sum(b["amount"] for b in by_kind["books"] if b["amount"] is not None)


def test_without_book_facts_books_are_unknown_with_a_note(run, tmp_path):
    path = tmp_path / "nobooks.yaml"
    path.write_text(MINI.split("facts:")[0])
    d, _ = plan_json(run, "CXX", "--experience", "1", "--exam-date", "2027-07-05", catalog=path)
    (books,) = [c for c in d["costs"] if c["kind"] == "books"]
    assert books["amount"] is None and books["note"] == "unknown: the catalog has no book prices yet"
    assert books["label"] == "2027 code books: AMA CPT; ICD-10-CM"
    assert d["cost_total"] is None and d["cost_unknown_parts"] == ["code books"] and d["cost_known_subtotal"] == 300


# --------------------------------------------------------------------------- feasibility


def test_tight_plan_exits_0_with_a_warning_and_the_hours_needed(run):
    d, err = plan_json(run, "CPC", "--exam-date", "2027-02-22", "--hours-per-week", "10")
    f = d["feasibility"]
    assert f["status"] == "tight"
    assert f["weeks_available"] == 12 and f["weeks_needed_at_hours"] == 15
    assert f["earliest_exam_date_at_hours"] == "2027-03-15"
    assert d["hours_per_week"] == f["hours_per_week_needed"] == 12
    assert d["requested_hours_per_week"] == 10
    assert d["exam_date"] == "2027-02-22"
    assert "tight" in err and "12 h/week" in err and "2027-03-15" in err
    assert len(study_weeks(d)) == 12 and sum(w["hours"] for w in d["weeks"]) == d["total_hours"]


def test_spare_weeks_become_buffer_weeks_before_the_review(run):
    d, _ = plan_json(run, "CPC", "--experience", "3", "--exam-date", "2027-06-07", "--hours-per-week", "10")
    phases = [w["phase"] for w in d["weeks"]]
    assert phases.count("buffer") == len(study_weeks(d)) - sum(1 for w in d["weeks"] if w["hours"])
    first_review = phases.index("review")
    assert phases[first_review - 1] == "buffer"
    assert phases[-1] == "exam"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--exam-date", "2026-11-01"], "in the past"),
        (["--hours-per-week", "0"], "more than 0"),
        (["--hours-per-week", "-5"], "more than 0"),
        (["--hours-per-week", "nan"], "'nan' is not a finite number"),
        (["--start", "2027-03-01", "--exam-date", "2027-02-01"], "not before the exam date"),
        (["--exam-date", "2027-02-30"], "not a real calendar date"),
        (["--start", "2027-2-3"], "YYYY-MM-DD"),
        (["--start", "next monday"], "YYYY-MM-DD"),
        (["--exam-date", "2027-06-01", "--weeks", "10"], "not both"),
        (["--weeks", "0"], "--weeks must be"),
        (["--exam-date", "2026-12-05"], "less than one full week"),
        (["--exam-date", "2026-12-21"], "needs more than 40 hours a week"),
        (["--start", "2020-01-06", "--weeks", "4"], "in the past"),
        (["--start", "2020-01-06"], "not after today"),
        (["--format", "xml"], "xml"),
    ],
)
def test_impossible_requests_exit_2_with_the_reason(run, args, message):
    r = run("plan", "CPC", *args)
    assert r.exit_code == 2, r.stdout
    assert message in r.stderr
    assert r.stdout == ""
    assert "Traceback" not in r.stderr


def test_infeasible_exam_date_names_the_earliest_date(run):
    r = run("plan", "CPC", "--exam-date", "2026-12-21")
    assert "earliest realistic exam date is 2027-03-15" in r.stderr


def test_unknown_and_retired_codes(run):
    r = run("plan", "CPCC")
    assert r.exit_code == 2 and "did you mean" in r.stderr
    r = run("plan", "CPC-H")
    assert r.exit_code == 2 and "COC" in r.stderr


# --------------------------------------------------------------------------- formats and determinism


def test_same_inputs_same_plan(run):
    a = run("plan", "CPC", "--weeks", "14", "--json").stdout
    b = run("plan", "CPC", "--weeks", "14", "--json").stdout
    assert a == b and a


def test_markdown_checklist(run):
    r = run("plan", "CPC", "--start", "2027-01-04", "--format", "markdown")
    assert r.exit_code == 0
    out = r.stdout
    assert out.startswith("# CPC study plan: Certified Professional Coder")
    assert "## Week 1: 2027-01-04 to 2027-01-10 (10 h, foundations)" in out
    assert "- [ ] Medical terminology (10 h)" in out
    assert "- [ ] **2027-04-19: CPC exam day**" in out
    assert "## After the exam" in out and "| Cost | Amount | Source or note |" in out
    assert out.count("- [ ] **") == len(
        json.loads(run("plan", "CPC", "--start", "2027-01-04", "--json").stdout)["milestones"]
    )


def test_csv_weeks(run):
    r = run("plan", "CPC", "--start", "2027-01-04", "--format", "csv")
    lines = r.stdout.splitlines()
    assert lines[0] == "week,start,end,phase,hours,focus,milestones"
    assert lines[1].startswith("1,2027-01-04,2027-01-10,foundations,10,")


def test_table_has_the_timeline_costs_and_after(run):
    r = run("plan", "CPC", "--start", "2027-01-04")
    assert r.exit_code == 0
    for text in ("Week by week", "2027-04-19: CPC exam day", "Costs", "After the exam", "$425", "unknown"):
        assert text in r.stdout
    assert "\x1b[" not in r.stdout


def test_schema_command_lists_plan(run):
    r = run("schema", "plan")
    assert r.exit_code == 0 and json.loads(r.stdout)["title"] == "certplan plan CODE --json"


# --------------------------------------------------------------------------- iCalendar


def test_ics_parses_back_with_the_expected_events(run, tmp_path):
    from icalendar import Calendar

    path = tmp_path / "plan.ics"
    r = run("plan", "CPC", "--start", "2027-01-04", "--hours-per-week", "10", "--ics", path)
    assert r.exit_code == 0, r.stderr
    d = json.loads(run("plan", "CPC", "--start", "2027-01-04", "--hours-per-week", "10", "--json").stdout)
    cal = Calendar.from_ical(path.read_bytes())
    assert cal.name == "VCALENDAR"
    assert str(cal["VERSION"]) == "2.0" and "certplan" in str(cal["PRODID"])
    events = cal.walk("VEVENT")
    study = [w for w in d["weeks"] if w["hours"]]
    assert len(events) == len(study) + len(d["milestones"])
    for e in events:
        for prop in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION"):
            assert prop in e, prop
        assert isinstance(e.decoded("DTSTART"), dt.date) and not isinstance(e.decoded("DTSTART"), dt.datetime)
        assert e.decoded("DTEND") > e.decoded("DTSTART")
    assert len({str(e["UID"]) for e in events}) == len(events)
    by_summary = {str(e["SUMMARY"]): e for e in events}
    exam = by_summary["CPC: CPC exam day"]
    assert exam.decoded("DTSTART") == dt.date(2027, 4, 19)
    assert exam.decoded("DTEND") == dt.date(2027, 4, 20)
    assert sum("Practice exam" in s for s in by_summary) == 2
    assert sum(s.startswith("CPC: Register and book") for s in by_summary) == 1
    week1 = by_summary["CPC study week 1: 10 h"]
    assert (week1.decoded("DTSTART"), week1.decoded("DTEND")) == (dt.date(2027, 1, 4), dt.date(2027, 1, 11))
    assert "Medical terminology" in str(week1["DESCRIPTION"])
    assert events[0].decoded("DTSTAMP") == dt.datetime(2026, 11, 27, tzinfo=dt.timezone.utc)


def test_ics_is_byte_identical_for_the_same_inputs(run, tmp_path):
    a, b = tmp_path / "a.ics", tmp_path / "b.ics"
    run("plan", "CCS", "--exam-date", "2027-06-01", "--ics", a)
    run("plan", "CCS", "--exam-date", "2027-06-01", "--ics", b)
    assert a.read_bytes() == b.read_bytes()


def test_ics_to_an_unwritable_place_exits_2(run, tmp_path):
    r = run("plan", "CPC", "--ics", tmp_path / "no" / "such" / "dir" / "x.ics")
    assert r.exit_code == 2 and "cannot write" in r.stderr and r.stdout == ""


# --------------------------------------------------------------------------- properties


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    code=st.sampled_from(["CPC", "CCS", "CBCS", "CRC", "CIRCC", "CMRS", "CPB"]),
    offset=st.integers(0, 200),
    hours=st.one_of(st.none(), st.floats(2, 30).map(lambda x: round(x * 2) / 2)),
    weeks=st.one_of(st.none(), st.integers(8, 60)),
    years=st.sampled_from([0.0, 1.0, 3.0]),
)
def test_plans_add_up_and_keep_their_dates(catalog, code, offset, hours, weeks, years):
    cred = next(c for c in catalog.credentials if c.code == code)
    person = Profile(experience_years=years, experience_kinds=("coding", "billing") if years else ())
    start = TODAY + dt.timedelta(days=offset)
    req = core.Request(start=start, weeks=weeks, hours_per_week=hours)
    try:
        p = core.build(cred, catalog, person, req, TODAY)
    except core.PlanError as exc:
        assert "cannot be prepared" in str(exc)
        return
    assert p == core.build(cred, catalog, person, req, TODAY)  # deterministic
    assert sum(w["minutes"] for w in p["weeks"]) == p["total_minutes"]
    assert sum(t["minutes"] for w in p["weeks"] for t in w["tasks"]) == p["total_minutes"]
    total = sum(w["hours"] for w in p["weeks"])
    assert total == pytest.approx(p["total_hours"], abs=0.05) == pytest.approx(sum(p["breakdown"].values()), abs=0.05)
    for i, w in enumerate(p["weeks"][:-1]):
        assert D(w["start"]) == start + dt.timedelta(days=7 * i)
        sitting = any(t["kind"] == "practice-exam" for t in w["tasks"])
        assert w["hours"] <= p["hours_per_week"] or sitting
    assert p["weeks"][-1]["end"] == p["exam_date"] > p["start"]
    pe = [week_of(p, m["date"])["week"] for m in milestones(p, "practice-exam")]
    assert len(pe) == 2 and pe[0] < pe[1] < p["weeks"][-1]["week"]
    assert p["start"] <= p["registration_deadline"] <= p["exam_date"]
    if weeks is not None:
        assert D(p["exam_date"]) == start + dt.timedelta(days=7 * weeks)
