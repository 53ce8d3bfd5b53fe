"""salary, cost and path: figures with period and source, cost arithmetic, CEU scaling, routes and months."""

import datetime as dt
import re

import jsonschema
import pytest

from certplan.contract.generate import SCHEMAS
from certplan.core import cost, path, pay
from certplan.core.eligibility import Profile

TODAY = dt.date(2026, 11, 27)
MONEY = re.compile(r"\$\d")
REF = re.compile(r"\[\d+\]")
YEAR = re.compile(r"\b(19|20)\d{2}\b")


def figures(report):
    for c in report["credentials"]:
        yield from c["pay"]
    for o in report["occupations"]:
        yield from o["figures"]
    yield from report["certification_premium"]


# --------------------------------------------------------------------------- salary


def test_salary_json_every_figure_has_statistic_period_population_and_source(run_json):
    d = run_json("salary", "CPC", "CCS", "--json")
    jsonschema.validate(d, SCHEMAS["salary"])
    assert [c["code"] for c in d["credentials"]] == ["CPC", "CCS"]
    assert [o["soc"] for o in d["occupations"]] == ["29-2072"]  # the occupations of CPC and CCS
    assert d["credentials"][1]["pay"] == []  # CCS has no pay figure: said, not invented
    for f in figures(d):
        assert f["period"] if "period" in f else f["year"]
        assert f["source"].startswith("http")
        assert f["source_kind"] in ("official", "third-party")
        assert f["population"]
    cpc = d["credentials"][0]["pay"]
    assert {(f["statistic"], f["amount"], f["year"]) for f in cpc} == {
        ("mean", 67147, 2025),
        ("median", 58895, 2025),
        ("mean", 58055, 2022),
        ("mean", 54401, 2018),
    }
    # credential figures describe AAPC's members, never all US workers
    assert all(f["population_kind"] != "all-us-workers" for f in cpc)
    assert sum(f["population_kind"] == "member-survey" for f in cpc) == 3
    occ = d["occupations"][0]
    assert all(f["population_kind"] == "all-us-workers" for f in occ["figures"])
    assert {f["measure"] for f in occ["figures"]} >= {
        "median-annual-wage",
        "pct10-annual-wage",
        "pct90-annual-wage",
        "employment",
        "outlook-percent",
    }


def test_a_2021_figure_is_never_current(run, run_json):
    d = run_json("salary", "--json")
    old = [f for f in figures(d) if f["year"] <= 2022]
    assert old and all(f["dated"] and not f["current"] for f in old)
    # the newest 29-9021 percentiles are May 2021: the newest found, still dated, never current
    hitmr = next(o for o in d["occupations"] if o["soc"] == "29-9021")
    p10 = next(f for f in hitmr["figures"] if f["measure"] == "pct10-annual-wage")
    assert (p10["year"], p10["latest"], p10["dated"], p10["current"], p10["status"]) == (
        2021,
        True,
        True,
        False,
        "latest-dated",
    )
    mrs = next(o for o in d["occupations"] if o["soc"] == "29-2072")
    wage = [f for f in mrs["figures"] if f["measure"] == "median-annual-wage"]
    assert [(f["amount"], f["period"], f["status"]) for f in wage[:3]] == [
        (50250, "May 2024", "current"),
        (48780, "May 2023", "superseded"),
        (46660, "May 2021", "superseded"),
    ]
    assert wage[2]["dated"] and wage[2]["superseded_by"] == "May 2024"
    text = run("salary").stdout
    for line in text.splitlines():
        if "$46,660" in line:
            assert "May 2021" in line and "current" not in line
        if "May 2021" in line or line.startswith("│ 2021 "):
            assert "current" not in line, line


def test_every_printed_figure_has_a_period_and_a_source(run):
    r = run("salary", "CPC", "CCS", "CRC")
    assert r.exit_code == 0, r.stderr
    out = r.stdout
    refs = {m.group(0) for m in REF.finditer(out)}
    listed = {line.split()[0] for line in out.split("Sources:")[1].splitlines() if line.strip()}
    assert refs == listed  # every mark resolves to a listed source URL
    figure_lines = [line for line in out.splitlines() if MONEY.search(line) and not line.startswith("  [")]
    assert len(figure_lines) >= 10
    for line in figure_lines:
        assert REF.search(line), line
        assert YEAR.search(line), line
    assert "\x1b[" not in out


def test_salary_chart_groups_statistics_and_labels_populations(run):
    out = run("salary", "CPC", "CCS").stdout
    chart = out.split("Annual pay, one scale")[1].split("Notes:")[0]
    headings = [line for line in chart.splitlines() if line and not line.startswith(" ")]
    assert headings[:2] == ["median, USD a year", "mean (average), USD a year"]
    bars = [line for line in chart.splitlines() if "█" in line]
    assert any("CPC" in b and "survey of members" in b and "$58,895" in b for b in bars)
    assert any("29-2072" in b and "BLS, all US workers" in b and "May 2024" in b and "$50,250" in b for b in bars)
    # one scale: the larger figure draws the longer bar
    length = {b.split("$")[1].split()[0]: b.count("█") for b in bars}
    assert length["67,147"] > length["58,895"] > length["50,250"]


def test_certification_premium_with_its_year(run_json):
    d = run_json("salary", "CPC", "--json")
    prem = {p["id"]: p for p in d["certification_premium"]}
    assert [p["year"] for p in d["certification_premium"]] == sorted(
        (p["year"] for p in d["certification_premium"]), reverse=True
    )
    p21 = prem["aapc-cert-premium-2021"]
    assert (p21["year"], p21["percent"], p21["statistic"], p21["difference_per_year"]) == (2021, 27, "mean", 12897)
    assert p21["dated"] and not p21["current"] and p21["source_kind"] == "official"
    assert "not all US workers" in p21["population"]
    assert prem["cert-premium-2023-ambci"]["statistic"] is None  # the blog does not say: not guessed
    assert prem["cert-premium-2023-ambci"]["difference_per_year"] is None


def test_salary_occupation_filter_and_errors(run, run_json):
    d = run_json("salary", "--occupation", "29-9021", "--json")
    assert [o["soc"] for o in d["occupations"]] == ["29-9021"]
    assert d["credentials"] == []
    everything = run_json("salary", "--json")
    assert {"CPC", "CRC", "CPMA"} <= {c["code"] for c in everything["credentials"]}
    assert len(everything["occupations"]) >= 4
    r = run("salary", "--occupation", "29-2073")
    assert r.exit_code == 2 and "unknown occupation '29-2073'" in r.stderr and "29-2072" in r.stderr
    r = run("salary", "CPX")
    assert r.exit_code == 2 and "unknown credential code 'CPX'; did you mean" in r.stderr
    assert r.stdout == ""


# --------------------------------------------------------------------------- cost


def lines_by_id(d):
    return {ln["id"]: ln for ln in d["lines"]}


def test_cost_cpc_four_years_arithmetic(run_json):
    d = run_json("cost", "CPC", "--years", "4", "--json")
    jsonschema.validate(d, SCHEMAS["cost"])
    ln = lines_by_id(d)
    assert d["basis"] == "member" and "required to sit" in d["basis_reason"]
    assert (ln["exam"]["amount"], ln["exam"]["count"]) == (425, 1)
    assert (ln["membership"]["amount"], ln["membership"]["unit_amount"], ln["membership"]["count"]) == (760, 190, 4)
    assert "renewal" not in ln  # AAPC lists no separate renewal fee (said in notes)
    assert any("no separate renewal fee" in n for n in d["notes"])
    # CEUs: 36 per 2-year cycle, two cycles in four years; no sourced price per CEU -> unknown, not 0
    assert d["ceus"]["added_in_period"] == 72 and d["ceus"]["cost_per_ceu"] is None
    assert ln["ceus"]["amount"] is None and ln["ceus"]["basis"] == "unknown"
    assert ln["ceus"]["note"] == "no sourced figure for the cost of a CEU"
    assert ln["study"]["amount"] is None and ln["study"]["note"].startswith("no sourced figure")
    assert (d["total_known"], d["total"], d["fees_total"]) == (1185, None, 1185)
    assert (d["unknown_count"], d["line_count"]) == (2, 4)
    assert len(d["unknown_parts"]) == 2
    # conditional fees are listed, never added
    assert {c["amount"] for c in d["conditional"]} == {50, 200}
    assert d["retake"] and "two attempts" in d["retake"]
    for line in d["lines"]:
        assert line["period"]
        assert line["source"] or line["basis"] == "unknown"


@pytest.mark.parametrize(("attempts", "amount"), [(1, 425), (2, 499), (3, 924), (4, 998)])
def test_exam_attempts_use_the_cheapest_packages(run_json, attempts, amount):
    d = run_json("cost", "CPC", "--attempts", attempts, "--json")
    assert lines_by_id(d)["exam"]["amount"] == amount


def test_cost_ahima_renewal_per_cycle_and_retake(run_json):
    d = run_json("cost", "CCS", "--years", "4", "--json")
    ln = lines_by_id(d)
    assert d["basis"] == "non-member"
    assert d["basis_reason"] == "non-member prices: the only basis whose first-year fees are all known"
    assert (ln["exam"]["amount"], ln["renewal"]["amount"], ln["renewal"]["count"]) == (399, 436, 2)
    assert d["total_known"] == 835
    assert d["ceus"]["added_in_period"] == 40
    d3 = run_json("cost", "CCS", "--years", "3", "--attempts", "2", "--json")
    ln3 = lines_by_id(d3)
    assert (ln3["exam"]["amount"], ln3["renewal"]["count"]) == (798, 1)  # retake fee equals the exam fee
    assert "retake fee equals the exam fee" in d3["retake"]
    d1 = run_json("cost", "CCS", "--years", "1", "--json")
    assert lines_by_id(d1)["renewal"]["amount"] == 0 and d1["ceus"]["added_in_period"] == 0


def test_member_basis_with_unknown_dues_is_unknown(run_json):
    d = run_json("cost", "CCS", "--basis", "member", "--json")
    ln = lines_by_id(d)
    assert d["basis"] == "member" and ln["exam"]["amount"] == 299
    assert ln["membership"]["amount"] is None and ln["membership"]["basis"] == "unknown"
    assert d["fees_total"] is None and d["total"] is None


def test_ceus_scale_with_the_credentials_held(run_json):
    crc = run_json("cost", "CRC", "--held", "CPC", "--json")
    c = crc["ceus"]
    assert (c["per_cycle_now"], c["per_cycle_after"], c["added_per_cycle"]) == (36, 40, 4)
    assert c["credentials_after"] == ["CPC", "CRC"]
    ln = lines_by_id(crc)
    # already an AAPC member through CPC: the dues are shown but not added
    assert ln["membership"]["in_total"] is False and crc["total_known"] == 425
    three = run_json("cost", "CPMA", "--held", "CPC", "--held", "CRC", "--json")["ceus"]
    assert (three["per_cycle_now"], three["per_cycle_after"]) == (40, 44)
    ccs = run_json("cost", "CCS", "--held", "CCA", "--basis", "non-member", "--json")
    assert (ccs["ceus"]["per_cycle_now"], ccs["ceus"]["per_cycle_after"]) == (20, 30)
    assert lines_by_id(ccs)["renewal"]["amount"] == 50  # the fee for each additional AHIMA credential
    # RHIA replaces RHIT: one AHIMA credential afterwards, 30 CEUs, the first-credential renewal fee
    rhia = run_json("cost", "RHIA", "--held", "RHIT", "--json")
    assert rhia["ceus"]["credentials_after"] == ["RHIA"]
    assert (rhia["ceus"]["per_cycle_now"], rhia["ceus"]["per_cycle_after"], rhia["ceus"]["added_per_cycle"]) == (
        20,
        30,
        10,
    )
    assert lines_by_id(rhia)["renewal"]["amount"] == 218


def test_roi_break_even_from_sourced_figures(run_json):
    d = run_json("cost", "CPC", "--years", "4", "--roi", "--json")
    jsonschema.validate(d, SCHEMAS["cost"])
    roi = d["roi"]
    diff = roi["difference"]
    # the newest official figure with both dollar amounts: AAPC 2021, $60,097 vs about $47,200
    assert (diff["id"], diff["difference_per_year"], diff["difference_approximate"]) == (
        "aapc-cert-premium-2021",
        12897,
        True,
    )
    assert diff["dated"] and diff["source_kind"] == "official"
    # $1,185 known / ($12,897 / 12 a month) = 1.10 -> 2 months; a lower bound since CEU cost is unknown
    assert (roi["cost"], roi["break_even_months"], roi["break_even_is_lower_bound"]) == (1185, 2, True)
    assert {a["id"] for a in roi["alternatives"]} == {"aapc-cert-premium-2025", "aapc-cert-premium-2019"}
    assert "associations, not promises" in roi["note"]
    assert pay.break_even_months(1185, 12897) == 2
    assert pay.break_even_months(805, 12897) == 1
    assert pay.break_even_months(12897, 12897) == 12
    assert pay.break_even_months(0, 12897) == 0


def test_roi_says_no_sourced_figure_when_the_survey_does_not_apply(run, run_json):
    roi = run_json("cost", "RHIA", "--roi", "--json")["roi"]
    assert roi["break_even_months"] is None and roi["text"].startswith("no sourced figure")
    out = run("cost", "RHIA", "--roi").stdout
    assert "no sourced figure" in out and "associations, not promises" in out


def test_cost_text_marks_every_line(run):
    r = run("cost", "CPC", "--years", "4", "--roi")
    assert r.exit_code == 0, r.stderr
    rows = [[c.strip() for c in line.strip("│").split("│")] for line in r.stdout.splitlines() if line.startswith("│ ")]
    items = [cells for cells in rows if cells[1] and cells[0] != "Total"]  # first line of each item row
    assert len(items) == 4
    for cells in items:
        assert cells[2], cells  # a period
        assert cells[3] in ("sourced", "estimate", "unknown"), cells
        assert REF.fullmatch(cells[4]) or cells[3] == "unknown", cells
    assert "$1,185 +" in r.stdout and "2 of 4 parts unknown" in r.stdout
    assert "Retake rule:" in r.stdout
    assert "at least 2 months of the 2021 difference" in r.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["cost", "CPX"], "unknown credential code 'CPX'"),
        (["cost", "CPC-H"], "CPC-H is retired"),
        (["cost", "CPC", "--years", "0"], "--years"),
        (["cost", "CPC", "--attempts", "0"], "--attempts"),
        (["cost", "CPC", "--json", "--format", "csv"], "contradict"),
    ],
)
def test_cost_errors(run, args, message):
    r = run(*args)
    assert r.exit_code == 2
    assert message in r.stderr
    assert r.stdout == ""


def test_ceu_cost_from_a_body_fact_and_study_material_facts(run_json):
    cbcs = run_json("cost", "CBCS", "--json")
    ln = lines_by_id(cbcs)
    # NHA offers free CE courses (a third-party page): $0, marked an estimate, never silently 0
    assert (ln["ceus"]["amount"], ln["ceus"]["basis"]) == (0, "estimate")
    assert [f["id"] for f in cbcs["ceus"]["cost_facts"]][0] == "ceu-cost-nha-free-courses"
    cpc = run_json("cost", "CPC", "--json")
    assert "book-aapc-exam-ebooks-free" in [f["id"] for f in cpc["study_materials"]]
    assert lines_by_id(cpc)["study"]["amount"] is None  # books for study still have no sourced price
    assert "AMA CPT 2026 Professional Edition" in lines_by_id(cpc)["study"]["note"]


def test_attempt_plan_unit(catalog):
    cpc = next(c for c in catalog.credentials if c.code == "CPC")
    assert cost.attempt_plan(cpc, "member", 2)["amount"] == 499
    cic = next(c for c in catalog.credentials if c.code == "CIC")
    assert cost.attempt_plan(cic, "member", 1)["amount"] is None  # unknown fee stays unknown


# --------------------------------------------------------------------------- path --to


def route(d, rid):
    return next(r for r in d["routes"] if r["id"] == rid)


def test_path_to_rhia_needs_a_degree(run, run_json):
    d = run_json("path", "--to", "RHIA", "--education", "high-school", "--json")
    jsonschema.validate(d, SCHEMAS["path"])
    assert d["status_now"] == "not-eligible"
    fast = route(d, d["fastest"])
    assert fast["id"] == "cahiim-bachelor-master/bachelor" and fast["cheapest"]
    program, exam = fast["steps"]
    assert program["kind"] == "program" and "bachelor's" in program["text"]
    # bachelor-degree-duration: 4 years (NCES), sourced
    assert (program["months"], program["months_basis"]) == (48, "sourced")
    assert program["months_source"] == "https://nces.ed.gov/pubs2011/2011016/structure.asp"
    assert program["cost"] is None and program["cost_note"] == "no sourced tuition figure"
    assert (exam["kind"], exam["cost"], exam["cumulative_months"]) == ("exam", 299, 48)
    assert (fast["months"], fast["months_complete"], fast["cost"], fast["cost_complete"]) == (48, True, 299, False)
    assert {f["id"] for f in d["facts"]} == {"bachelor-degree-duration"}
    # the alternatives are there, with what is unknown about them
    master = route(d, "cahiim-bachelor-master/master")
    assert [s["kind"] for s in master["steps"]] == ["degree", "program", "exam"]
    assert master["months_complete"] is False and master["months"] == 48
    assert route(d, "foreign-reciprocity")["needs_confirmation"] is True
    out = run("path", "--to", "RHIA", "--education", "high-school").stdout
    assert "Fastest route" in out and "Other routes (3)" in out and "nces.ed.gov" in out


def test_path_needing_only_experience(run_json):
    d = run_json("path", "--to", "CBCS", "--education", "high-school", "--json")
    fast = route(d, d["fastest"])
    assert fast["id"] == "experience"
    assert [s["kind"] for s in fast["steps"]] == ["experience", "exam"]
    exp = fast["steps"][0]
    assert exp["months"] == 12 and exp["cost"] == 0 and "billing or coding" in exp["text"]
    assert (fast["months"], fast["cost"], fast["months_complete"], fast["cost_complete"]) == (12, 117, True, True)
    assert not any(s["kind"] in ("degree", "program") for s in fast["steps"])
    # part of the way there already: fewer months
    d6 = run_json("path", "--to", "CBCS", "--experience", "0.5", "--experience-kind", "billing", "--json")
    assert route(d6, "experience")["months"] == 6


def test_degree_months_add_up_and_an_associate_shortens_the_bachelor(run_json):
    d = run_json("path", "--to", "CHPS", "--education", "high-school", "--json")
    b2 = route(d, "bachelor-2y")
    assert [(s["kind"], s["months"], s["cumulative_months"]) for s in b2["steps"]] == [
        ("degree", 48, 48),
        ("experience", 24, 72),
        ("exam", 0, 72),
    ]
    a4 = route(d, "associate-4y")
    assert [s["months"] for s in a4["steps"][:2]] == [24, 48]  # associate-degree-duration: 2 years (BLS)
    d2 = run_json("path", "--to", "RHIA", "--education", "associate", "--json")
    program = route(d2, "cahiim-bachelor-master/bachelor")["steps"][0]
    assert (program["months"], program["months_basis"]) == (24, "estimate")


def test_path_to_cpc_apprentice_removal_routes(run_json):
    d = run_json("path", "--to", "CPC", "--experience", "1", "--json")
    assert d["status_now"] == "apprentice"
    fast = route(d, d["fastest"])
    assert fast["id"] == "open/apprentice:option-1-employment"
    kinds = [s["kind"] for s in fast["steps"]]
    assert kinds == ["membership", "exam", "experience", "apprentice-removal"]
    assert [s["cumulative_cost"] for s in fast["steps"][:2]] == [190, 615]
    assert fast["steps"][2]["months"] == 12 and fast["months"] == 12
    course = route(d, "open/apprentice:option-2-employment-course")
    assert course["months"] == 0 and not course["months_complete"]  # the course takes time no source gives
    # eligible and a member already: only the exam
    d2 = run_json("path", "--to", "CPC", "--experience", "2", "--member", "AAPC", "--json")
    assert [[s["kind"] for s in r["steps"]] for r in d2["routes"]] == [["exam"]]


def test_prerequisite_credentials_recurse(run_json):
    d = run_json("path", "--to", "CHDS", "--json")
    fast = route(d, d["fastest"])
    assert fast["id"] == "rhds-holder/RHDS:no-stated-prerequisite"
    assert [(s["kind"], s["for"]) for s in fast["steps"]] == [("exam", "RHDS"), ("exam", "CHDS")]
    assert any("CMT" in n and "retired" in n for n in d["notes"])
    held = run_json(
        "path", "--to", "CHPS", "--held", "RHIA", "--experience", "2", "--experience-kind", "privacy-security", "--json"
    )
    assert route(held, held["fastest"])["steps"][0]["kind"] == "exam"


def test_cycle_guard(catalog):
    from certplan.catalog.models import CredentialReq, EducationReq, Pathway

    x = next(c for c in catalog.credentials if c.code == "CCA")
    y = next(c for c in catalog.credentials if c.code == "CCS")
    src = x.eligibility.pathways[0].source
    x2 = x.model_copy(
        update={
            "eligibility": x.eligibility.model_copy(
                update={
                    "pathways": [
                        Pathway(
                            id="via-ccs",
                            label="via CCS",
                            requirements=[CredentialReq(kind="credential", any_of=["CCS"])],
                            source=src,
                        ),
                        Pathway(
                            id="degree",
                            label="degree",
                            requirements=[EducationReq(kind="education", level="associate")],
                            source=src,
                        ),
                    ]
                }
            )
        }
    )
    y2 = y.model_copy(
        update={
            "eligibility": y.eligibility.model_copy(
                update={
                    "pathways": [
                        Pathway(
                            id="via-cca",
                            label="via CCA",
                            requirements=[CredentialReq(kind="credential", any_of=["CCA"])],
                            source=src,
                        )
                    ]
                }
            )
        }
    )
    creds = [x2 if c.code == "CCA" else y2 if c.code == "CCS" else c for c in catalog.credentials]
    cat = catalog.model_copy(update={"credentials": creds})
    d = path.to_goal(cat, x2, Profile(), TODAY)
    assert [r["id"] for r in d["routes"]] == ["degree"]  # CCA -> CCS -> CCA is cut
    d2 = path.to_goal(cat, y2, Profile(), TODAY)
    assert [r["id"] for r in d2["routes"]] == ["via-cca/CCA:degree"]
    assert [s["for"] for s in d2["routes"][0]["steps"]] == ["CCA", "CCA", "CCS"]


def test_path_to_tree_and_nothing_to_do(run):
    r = run("path", "--to", "RHIA", "--education", "high-school", "--tree")
    assert r.exit_code == 0
    assert r.stdout.startswith("RHIA - Registered Health Information Administrator")
    assert "├── " in r.stdout and "by month 48" in r.stdout
    r = run("path", "--to", "CPC-H")
    assert r.exit_code == 0 and "CPC-H is retired" in r.stderr
    r = run("path", "--to", "CCA", "--held", "CCA", "--json")
    assert r.exit_code == 0 and '"routes": []' in r.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["path"], "give exactly one of --to CODE or --from CODE"),
        (["path", "--to", "CPC", "--from", "CCS"], "give exactly one of"),
        (["path", "--to", "RHIX"], "unknown credential code 'RHIX'; did you mean"),
    ],
)
def test_path_errors(run, args, message):
    r = run(*args)
    assert r.exit_code == 2 and message in r.stderr and r.stdout == ""


# --------------------------------------------------------------------------- path --from


def test_path_from_cpc(run_json):
    d = run_json("path", "--from", "CPC", "--json")
    jsonschema.validate(d, SCHEMAS["path"])
    assert [n["code"] for n in d["next"]] == ["CRC", "COC", "CPMA"]
    assert [o["soc"] for o in d["occupations"]] == ["29-2072"]
    wage = next(f for f in d["occupations"][0]["figures"] if f["measure"] == "median-annual-wage")
    assert (wage["amount"], wage["period"], wage["current"]) == (50250, "May 2024", True)
    assert all(f["latest"] for f in d["occupations"][0]["figures"])
    crc = d["next"][0]
    assert crc["pay"][0]["amount"] == 74629 and crc["pay"][0]["period"]
    assert d["tree"]["code"] == "CPC"


def test_path_from_tree_expands_each_credential_once(run, run_json):
    d = run_json("path", "--from", "CPC", "--json")

    def walk(node, seen, depth=0):
        assert depth < 12
        for child in node["next"]:
            if not child["repeat"]:
                assert child["code"] not in seen
                seen.add(child["code"])
            else:
                assert child["next"] == []
            walk(child, seen, depth + 1)
        return seen

    seen = walk(d["tree"], {"CPC"})
    assert {"CRC", "COC", "CPMA", "CIC", "CCS", "CCS-P", "CDEO", "CPCO", "CDIP"} <= seen
    r = run("path", "--from", "CPC", "--tree", env={"COLUMNS": "200"})
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert lines[0] == "CPC - Certified Professional Coder (AAPC, entry)"
    assert any(line.startswith("├── CRC - Certified Risk Adjustment Coder") for line in lines)
    assert any(
        "CCS - Certified Coding Specialist (AHIMA, advanced) (its next steps are shown under CIC)" in line
        for line in lines
    )
    pay_lines = [line for line in lines if MONEY.search(line)]
    assert pay_lines and all(REF.search(line) and YEAR.search(line) for line in pay_lines)


def test_output_is_deterministic(run):
    for args in (["salary", "CPC", "CCS"], ["cost", "CPC", "--years", "4", "--roi"], ["path", "--to", "CHPS"]):
        assert run(*args).stdout == run(*args).stdout


def test_core_salary_chart_groups_unit():
    # pure: a figure group never mixes statistics
    report = {
        "credentials": [
            {
                "code": "X",
                "pay": [
                    {
                        "unit": "year",
                        "latest": True,
                        "statistic": "mean",
                        "amount": 10,
                        "period": "p",
                        "population_kind": "member-survey",
                        "dated": False,
                        "source": "u",
                        "source_kind": "official",
                    },
                    {
                        "unit": "hour",
                        "latest": True,
                        "statistic": "median",
                        "amount": 5,
                        "period": "p",
                        "population_kind": "member-survey",
                        "dated": False,
                        "source": "u",
                        "source_kind": "official",
                    },
                ],
            }
        ],
        "occupations": [],
    }
    groups = pay.chart_groups(report)
    assert [(g["statistic"], len(g["bars"])) for g in groups] == [("mean", 1)]  # hourly figures are not drawn
