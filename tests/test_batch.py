"""The batch engine on every personal command, the cohort summary, and spreadsheet-safe CSV."""

import csv
import io
import json

import jsonschema
import pytest

from certplan.contract.generate import SCHEMAS
from certplan.output.csvsafe import safe_cell

ROSTER = (
    "Student ID,Name,Education,Experience,Credentials,Notes\n"
    "1,Ana Diaz,associate,2,,\n"
    "2,Bo Li,high-school,lots,,\n"
    "3,Cy Ng,bachelor,0,,\n"
)


@pytest.fixture
def roster(tmp_path):
    f = tmp_path / "class.csv"
    f.write_text(ROSTER)
    return f


def _csv(text):
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize(
    "args, key",
    [
        (["eligible", "CPC"], "results"),
        (["recommend", "--top", "2"], "results"),
        (["plan", "CPC", "--start", "2027-01-04"], "result"),
        (["cost", "CPC"], "result"),
        (["path", "--to", "CPC"], "result"),
    ],
)
def test_every_personal_command_answers_a_roster(run, roster, args, key):
    r = run(*args, "--profiles", roster, "--json")
    assert r.exit_code == 5, r.stderr
    data = json.loads(r.stdout)
    assert [(x["row"], x["id"], x["name"]) for x in data] == [
        (1, "1", "Ana Diaz"),
        (2, "2", "Bo Li"),
        (3, "3", "Cy Ng"),
    ]
    assert key in data[0] and key in data[2]
    assert data[1] == {
        "row": 2,
        "id": "2",
        "name": "Bo Li",
        "error": "experience 'lots' is not a number of years from 0 to 60",
    }
    assert r.stderr.splitlines()[-1] == "certplan: 3 student(s) read, 2 answered, 1 not answered (row 2)"
    assert f"{roster}: row 2 (Bo Li), line 3: experience 'lots' is not a number of years from 0 to 60" in r.stderr
    lines = run(*args, "--profiles", roster, "--format", "jsonl").stdout.splitlines()
    assert [json.loads(x)["row"] for x in lines] == [1, 2, 3]  # one compact object per student
    assert "error" in json.loads(lines[1]) and key in json.loads(lines[2])
    rows = _csv(run(*args, "--profiles", roster, "--format", "csv").stdout)
    assert rows[0]["name"] == "Ana Diaz"
    assert [r["error"] for r in rows if r["row"] == "2"] == ["experience 'lots' is not a number of years from 0 to 60"]


def test_plan_rows_that_cannot_be_planned_are_named(run, roster):
    r = run("plan", "RHIT", "--profiles", roster, "--format", "csv")
    assert r.exit_code == 2  # nobody has an accredited program
    rows = _csv(r.stdout)
    assert [x["row"] for x in rows] == ["1", "2", "3"]
    assert rows[0]["error"].startswith("you are not eligible for RHIT by the rules certplan can check")


def test_eligible_batch_csv_keeps_advice(run, roster):
    rows = _csv(run("eligible", "CPC", "--profiles", roster, "--format", "csv").stdout)
    assert rows[0]["advice"].startswith("recommended: AAPC recommends an associate's degree")


def test_profile_flags_and_batch_only_options(run, roster):
    r = run("eligible", "--profiles", roster, "--experience", "1")
    assert r.exit_code == 2
    assert r.stderr.strip() == (
        "certplan: --profiles reads each student from the file; profile flags cannot be combined with it"
    )
    r = run("eligible", "--summary")
    assert r.exit_code == 2 and r.stderr.strip() == "certplan: --summary is only used with --profiles FILE"
    r = run("plan", "CPC", "--profiles", roster, "--ics", "x.ics")
    assert r.exit_code == 2
    assert r.stderr.strip() == "certplan: --ics writes one person's calendar; it cannot be combined with --profiles"
    one = run("eligible", "CPC", "CCS", "--experience", "1", "--format", "jsonl").stdout.splitlines()
    assert [json.loads(x)["code"] for x in one] == ["CPC", "CCS"]  # one person: a line per credential


def test_cohort_summary(run, tmp_path):
    f = tmp_path / "c.csv"
    f.write_text(
        "Name,Experience,Education\n"
        "a,0,high-school\nb,0.5,high-school\nc,1,high-school\nd,3,high-school\ne,lots,high-school\n"
    )
    r = run("eligible", "CPC", "CBCS", "RHIT", "--profiles", f, "--summary", "--json")
    assert r.exit_code == 5
    data = json.loads(r.stdout)
    jsonschema.validate(data, SCHEMAS["cohort-summary"])
    by = {c["code"]: c for c in data["credentials"]}
    assert (data["students"], data["answered"]) == (5, 4)
    assert data["not_answered"] == [
        {"row": 5, "id": "e", "name": "e", "error": "experience 'lots' is not a number of years from 0 to 60"}
    ]
    cpc = by["CPC"]
    assert (cpc["eligible"], cpc["apprentice"], cpc["not_eligible"]) == (1, 3, 0)
    assert cpc["first_year_cost_total"] == 4 * 615  # every student can sit; $615 first year each
    cbcs = by["CBCS"]  # 1 year of billing or coding experience (or a course)
    assert (cbcs["eligible"], cbcs["not_eligible"]) == (2, 2)
    assert cbcs["median_months_until_eligible"] == 9  # 12 and 6 months to go
    assert cbcs["most_common_missing"] == "1 year of billing or coding experience"
    rhit = by["RHIT"]
    assert rhit["not_eligible"] == 4 and rhit["median_months_until_eligible"] is None
    assert rhit["first_year_cost_total"] == 0
    table = run("eligible", "CPC", "CBCS", "--profiles", f, "--summary").stdout
    assert "Cohort: 4 of 5 student(s) answered" in table and "- row 5 (e): experience 'lots'" in table
    md = run("eligible", "CPC", "--profiles", f, "--summary", "--format", "markdown").stdout
    assert md.startswith("## Cohort: 4 of 5 student(s) answered\n\n| Code | Eligible now |")
    rows = _csv(run("eligible", "CPC", "--profiles", f, "--summary", "--format", "csv").stdout)
    assert rows[0]["code"] == "CPC" and rows[0]["apprentice"] == "3"


@pytest.mark.parametrize(
    "cell, written",
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+2", "'+1+2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("-", "-"),
        ("-2.5", "-2.5"),
        ("Ana", "Ana"),
        (3, 3),
    ],
)
def test_safe_cell(cell, written):
    assert safe_cell(cell) == written


def test_csv_output_is_spreadsheet_safe(run, tmp_path):
    f = tmp_path / "c.csv"
    f.write_text('Student ID,Name\n=1+1,"=HYPERLINK(""http://evil"",""x"")"\n@x,-ana\n')
    out = run("eligible", "CPC", "--profiles", f, "--format", "csv").stdout
    rows = _csv(out)
    assert [(r["id"], r["name"]) for r in rows] == [("'=1+1", '\'=HYPERLINK("http://evil","x")'), ("'@x", "'-ana")]
    assert not any(line.startswith(("=", "+", "@")) for line in out.splitlines())


def test_json_array_is_written_incrementally_and_parses(run, tmp_path):
    f = tmp_path / "c.csv"
    f.write_text("id,experience\n" + "".join(f"s{i},{i % 4}\n" for i in range(200)))
    r = run("eligible", "CPC", "--profiles", f, "--json")
    data = json.loads(r.stdout)
    assert len(data) == 200 and r.stdout.startswith('[\n  {\n    "id": "s0"')
    empty = tmp_path / "e.csv"
    empty.write_text("id,experience\ns0,lots\n")
    assert json.loads(run("eligible", "CPC", "--profiles", empty, "--json").stdout)[0]["row"] == 1


def test_cohort_eligibility_gives_exactly_what_evaluate_all_gives(catalog):
    import itertools

    from certplan.core import eligibility
    from certplan.core.cohort import CohortEligibility
    from certplan.core.person import build

    ev = CohortEligibility(catalog)
    people = [
        build(
            catalog,
            [
                (
                    "test",
                    {
                        "education": e,
                        "accredited_program": a,
                        "experience_years": y,
                        "experience_kinds": list(k),
                        "held": list(h),
                        "course_hours": c,
                        "training_hours": t,
                        "practicode": pc,
                        "member": list(m),
                        "clinical_hours": ch,
                    },
                )
            ],
        ).person
        for e, a, y, k, h, c, t, pc, m, ch in itertools.product(
            ["high-school", "associate", "bachelor"],
            [None, "associate"],
            [0.0, 1.0, 2.5],
            [(), ("coding",), ("billing", "cdi"), ("privacy-security",)],
            [(), ("CPC",), ("CPC-A",), ("RHIA",), ("CCS", "RHDS")],
            [0, 80],
            [0, 400],
            [False, True],
            [(), ("AAPC",)],
            [0, 2000],
        )
    ][::11]
    assert len(people) > 800
    for p in people:
        assert ev.evaluate(p) == eligibility.evaluate_all(catalog, p)


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_streamed_json_is_byte_for_byte_what_json_dumps_gives(run, tmp_path, fmt):
    f = tmp_path / "c.csv"
    f.write_text('id,name,experience,held\ns1,"Zoë ""Z"" <b>",1,CPC\ns2,Bo,lots,\ns3,Cy,1,CPC\ns4,Di,0,\n')
    r = run("eligible", "CPC", "CCS", "--profiles", f, "--format", fmt)
    if fmt == "json":
        data = json.loads(r.stdout)
        assert r.stdout == json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    else:
        lines = r.stdout.splitlines()
        for line in lines:
            assert line == json.dumps(json.loads(line), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        data = [json.loads(x) for x in lines]
    assert [x["row"] for x in data] == [1, 2, 3, 4] and data[0]["name"] == 'Zoë "Z" <b>'
    assert data[0]["results"] == data[2]["results"]  # equal people, one shared answer


def test_cost_roster_with_funding(run, roster):
    r = run("cost", "CPC", "--profiles", roster, "--funding", "army", "--json")
    assert r.exit_code == 5
    data = json.loads(r.stdout)
    assert data[0]["result"]["funding"] is not None and data[1]["error"]
