"""eligible: the real rules on concrete people, properties, profile and batch."""

import json
import os
import signal
import subprocess
import sys
import textwrap

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from certplan.contract.generate import SCHEMAS
from certplan.core.eligibility import STATUS_ORDER, Profile, evaluate_all


def answers(run_json, *args):
    return {r["code"]: r for r in run_json("eligible", *args, "--json")}


# --------------------------------------------------------------------------- the rules on people


def test_newcomer_can_sit_cpc_as_apprentice(run_json):
    r = answers(run_json, "CPC", "COC", "--education", "high-school")
    cpc = r["CPC"]
    assert cpc["status"] == "apprentice"
    assert cpc["missing"] == [] and cpc["months_until_eligible"] == 0
    assert cpc["to_do"] == ["join AAPC (membership is required to register)"]
    assert cpc["apprentice"]["designation"] == "CPC-A"
    assert cpc["apprentice"]["months_to_full_credential"] == 24
    assert r["COC"]["apprentice"]["designation"] == "COC-A"


def test_two_years_of_coding_gives_the_full_cpc(run_json):
    r = answers(run_json, "CPC", "--experience", "2", "--member", "AAPC")
    assert r["CPC"]["status"] == "eligible"
    assert r["CPC"]["apprentice"] is None and r["CPC"]["to_do"] == []


def test_one_year_plus_80_hour_course_removes_the_a(run_json):
    r = answers(run_json, "CPC", "--experience", "1", "--course-hours", "80")
    assert r["CPC"]["status"] == "eligible"
    r = answers(run_json, "CPC", "--experience", "1", "--practicode")
    assert r["CPC"]["status"] == "eligible"
    r = answers(run_json, "CPC", "--experience", "1", "--course-hours", "79")
    assert r["CPC"]["status"] == "apprentice"
    assert r["CPC"]["apprentice"]["months_to_full_credential"] == 12


def test_apprentice_months_count_down_with_experience(run_json):
    r = answers(run_json, "CPC", "--experience", "1.5")
    assert r["CPC"]["apprentice"]["months_to_full_credential"] == 6
    assert any("80-hour" in a for a in r["CPC"]["advice"])


def test_cca_and_ccs_need_only_a_diploma(run_json):
    r = answers(run_json, "CCA", "CCS", "--education", "high-school")
    assert r["CCA"]["status"] == r["CCS"]["status"] == "eligible"
    assert any(a.startswith("recommended:") for a in r["CCS"]["advice"])
    r = answers(run_json, "CCA", "--education", "none")
    assert r["CCA"]["status"] == "not-eligible"
    assert r["CCA"]["missing"] == ["a high-school diploma or equivalent (or higher)"]
    assert r["CCA"]["months_until_eligible"] is None


def test_rhit_needs_an_accredited_degree_and_experience_does_not_help(run_json):
    r = answers(run_json, "RHIT", "RHIA", "--experience", "20", "--education", "bachelor")
    for code in ("RHIT", "RHIA"):
        assert r[code]["status"] == "not-eligible"
        assert r[code]["months_until_eligible"] is None
        assert "CAHIIM-accredited HIM program" in r[code]["missing"][0]
    r = answers(run_json, "RHIT", "--education", "associate", "--accredited-program", "associate")
    assert r["RHIT"]["status"] == "eligible"
    r = answers(run_json, "RHIA", "--accredited-program", "post-baccalaureate", "--education", "bachelor")
    assert r["RHIA"]["status"] == "eligible"


def test_chps_needs_privacy_security_experience(run_json):
    r = answers(run_json, "CHPS", "--experience", "10", "--experience-kind", "coding")
    assert r["CHPS"]["status"] == "not-eligible"
    assert "privacy-security experience" in r["CHPS"]["missing"][0]
    r2 = answers(run_json, "CHPS", "--experience", "10", "--experience-kind", "privacy-security")
    assert r2["CHPS"]["status"] == "eligible"


def test_months_until_eligible_when_only_experience_is_missing(run_json):
    r = answers(run_json, "CBCS", "--experience", "0.25", "--experience-kind", "billing")
    assert r["CBCS"]["status"] == "not-eligible"
    assert r["CBCS"]["months_until_eligible"] == 9


def test_scribe_apprentice_needs_clinical_hours(run_json):
    r = answers(run_json, "CMSS")
    assert r["CMSS"]["status"] == "apprentice"
    assert r["CMSS"]["apprentice"]["designation"] == "CMSA"
    r = answers(run_json, "CMSS", "--clinical-hours", "200")
    assert r["CMSS"]["status"] == "eligible"


def test_retired_names_are_not_eligible_and_say_why(run_json):
    r = answers(run_json, "CPC-H")
    assert r["CPC-H"]["status"] == "not-eligible"
    assert r["CPC-H"]["missing"] == ["CPC-H is retired; it cannot be earned (see COC)"]


def test_default_education_is_said_on_stderr(run):
    res = run("eligible", "CPC", "--json")
    assert "assuming a high-school diploma" in res.stderr
    assert json.loads(res.stdout)[0]["code"] == "CPC"


def test_json_contract(run_json):
    data = run_json("eligible", "--experience", "2", "--json")
    jsonschema.validate(data, SCHEMAS["eligible"])
    # two years of coding experience: no AAPC apprentice status; scribes still need clinical hours
    assert {r["code"] for r in data if r["status"] == "apprentice"} == {"CMSS", "CMSP"}


def test_status_filter_and_table_grouping(run, run_json):
    only = run_json("eligible", "--status", "apprentice", "--json")
    assert only and all(r["status"] == "apprentice" for r in only)
    table = run("eligible", "CPC", "CCS", "RHIT").stdout
    assert (
        table.index("You can sit now: 1 credential (eligible)")
        < table.index("passing gives an apprentice designation first: 1 credential (apprentice)")
        < table.index("Not yet: 1 credential (not-eligible)")
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--experience", "-1"], "Invalid value for '--experience'"),
        (["--experience", "200"], "Invalid value for '--experience'"),
        (["--education", "college"], "certplan: --education 'college' is not an education level; say one of: none,"),
        (["--held", "CPX"], "certplan: --held: unknown credential code 'CPX'; did you mean CPC"),
        (["--member", "AAPX"], "certplan: --member: unknown body 'AAPX'; did you mean AAPC"),
        (["--experience-kind", "codin"], "certplan: --experience-kind 'codin' is not one of"),
        (["CPX"], "certplan: unknown credential code 'CPX'"),
    ],
)
def test_bad_input_exits_2(run, args, message):
    r = run("eligible", *args)
    assert r.exit_code == 2
    assert message in r.stderr
    assert "Traceback" not in r.stderr


# --------------------------------------------------------------------------- properties

EDU = ["none", "high-school", "associate", "bachelor", "master", "doctorate"]
KINDS = ["coding", "billing", "auditing", "privacy-security", "clinical", "cdi", "him", "healthcare"]
people = st.builds(
    Profile,
    education=st.sampled_from(EDU),
    accredited_program=st.sampled_from([None, "associate", "bachelor", "master", "post-baccalaureate"]),
    experience_years=st.floats(min_value=0, max_value=60, allow_nan=False),
    experience_kinds=st.lists(st.sampled_from(KINDS), max_size=3, unique=True).map(tuple),
    held=st.lists(st.sampled_from(["CPC", "CCS", "RHIT", "RHIA", "CCA", "COC", "RHDS"]), max_size=3, unique=True).map(
        tuple
    ),
    course_hours=st.integers(min_value=0, max_value=400),
    practicode=st.booleans(),
    member=st.lists(st.sampled_from(["AAPC", "AHIMA"]), max_size=2, unique=True).map(tuple),
    clinical_hours=st.integers(min_value=0, max_value=400),
)
PROP = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def statuses(catalog, p):
    return {r["code"]: STATUS_ORDER[r["status"]] for r in evaluate_all(catalog, p)}


def never_lower(catalog, before, after):
    a, b = statuses(catalog, before), statuses(catalog, after)
    assert all(b[c] >= a[c] for c in a), [c for c in a if b[c] < a[c]]


@PROP
@given(people, st.floats(min_value=0, max_value=20, allow_nan=False))
def test_more_experience_never_lowers_a_status(catalog, p, extra):
    from dataclasses import replace

    never_lower(catalog, p, replace(p, experience_years=min(60.0, p.experience_years + extra)))


@PROP
@given(people, st.sampled_from(["CPC", "CCS", "RHIT", "RHIA", "CCA", "CPB", "CRC", "RHDS"]))
def test_more_credentials_never_lower_a_status(catalog, p, code):
    from dataclasses import replace

    never_lower(catalog, p, replace(p, held=tuple(dict.fromkeys((*p.held, code)))))


@PROP
@given(people, st.sampled_from(EDU))
def test_more_education_never_lowers_a_status(catalog, p, edu):
    from dataclasses import replace

    if EDU.index(edu) >= EDU.index(p.education):
        never_lower(catalog, p, replace(p, education=edu))


@PROP
@given(people)
def test_same_input_same_output(catalog, p):
    assert evaluate_all(catalog, p) == evaluate_all(catalog, p)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.one_of(
            st.tuples(st.just("--experience"), st.floats(allow_nan=True, allow_infinity=True).map(str)),
            st.tuples(st.just("--education"), st.text(max_size=12)),
            st.tuples(st.just("--accredited-program"), st.sampled_from(["associate", "bachelor", "x"])),
            st.tuples(st.just("--held"), st.text(max_size=8)),
            st.tuples(st.just("--member"), st.text(max_size=8)),
            st.tuples(st.just("--course-hours"), st.integers(-5, 100000).map(str)),
            st.tuples(st.just("--experience-kind"), st.text(max_size=12)),
            st.tuples(st.just("--status"), st.sampled_from(["eligible", "apprentice", "nope"])),
        ),
        max_size=5,
    )
)
def test_no_input_the_flags_accept_raises(run, pairs):
    args = [x for pair in pairs for x in pair]
    r = run("eligible", *args, "--json")
    assert r.exit_code in (0, 2), (args, r.stderr)
    if r.exit_code == 0:
        json.loads(r.stdout)


# --------------------------------------------------------------------------- profile


def test_profile_set_then_eligible_uses_it(run, run_json):
    r = run("profile", "set", "--experience", "1", "--held", "cpc")
    assert r.exit_code == 0 and "profile saved to" in r.stderr
    shown = run_json("profile", "show", "--json")
    jsonschema.validate(shown, SCHEMAS["profile"])
    assert shown["experience_years"] == 1.0 and shown["held"] == ["CPC"]
    r = answers(run_json, "CPC", "CDEO")
    assert "you already hold CPC" in r["CPC"]["advice"]
    # flags override the saved profile, field by field
    assert r["CPC"]["status"] == "held"
    # flags override the saved profile, field by field, and stderr says where each answer came from
    r = run("eligible", "CPC", "CIC", "--experience", "2", "--json")
    assert r.exit_code == 0
    assert (
        "certplan: using the command line: 2 years coding experience; using the saved profile: holds CPC\n"
        in r.stderr
    )
    assert "assuming a high-school diploma" in r.stderr  # neither place states an education
    assert run("profile", "clear").exit_code == 0
    assert "there was no saved profile" in run("profile", "clear").stderr


def test_profile_set_never_prompts_without_a_terminal(run):
    r = run("profile", "set", input="")
    assert r.exit_code == 2
    assert "stdin is not a terminal" in r.stderr


def test_profile_set_updates_instead_of_replacing(run, run_json):
    run("profile", "set", "--education", "associate")
    run("profile", "set", "--experience", "3")
    shown = run_json("profile", "show", "--json")
    assert (shown["education"], shown["experience_years"]) == ("associate", 3.0)


@pytest.mark.parametrize("content", ['{"experience_years": "lots"}', "{not json", '["a"]', '{"colour": "red"}'])
def test_broken_profile_file_gives_a_clear_error(run, content):
    path = os.path.join(os.environ["CERTPLAN_CONFIG_DIR"], "profile.json")
    with open(path, "w") as fh:
        fh.write(content)
    r = run("eligible", "CPC")
    assert r.exit_code == 2
    assert r.stderr.startswith(f"certplan: {path}")
    assert "certplan profile clear" in r.stderr
    assert "Traceback" not in r.stderr
    assert run("profile", "clear").exit_code == 0
    assert run("eligible", "CPC").exit_code == 0


def test_killed_mid_write_leaves_old_or_new_profile(tmp_path):
    """SIGKILL a writer looping over profile saves; the file always parses."""
    cfg = tmp_path / "cfg"
    env = {**os.environ, "CERTPLAN_CONFIG_DIR": str(cfg)}
    code = textwrap.dedent(
        """
        import sys
        from certplan.store.profile import save
        save({"experience_years": 0.0, "held": ["CPC"] * 2000})
        print("ready", flush=True)
        i = 0
        while True:
            i += 1
            save({"experience_years": float(i % 50), "held": ["CCS"] * (2000 + i % 7)})
        """
    )
    for _ in range(3):
        proc = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE)
        assert proc.stdout.readline().strip() == b"ready"
        import time

        time.sleep(0.15)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        data = json.loads((cfg / "profile.json").read_text())
        assert isinstance(data["held"], list) and len(data["held"]) >= 2000


# --------------------------------------------------------------------------- batch


def make_csv(path, n=50):
    rows = ["id,education,accredited_program,experience,experience_kind,held,course_hours,practicode,member"]
    edus = ["high-school", "associate", "bachelor"]
    for i in range(n):
        rows.append(
            f"s{i:02d},{edus[i % 3]},{'associate' if i % 10 == 0 else ''},{(i % 5) * 0.5},coding,"
            f"{'CPC' if i % 4 == 0 else ''},{80 if i % 6 == 0 else 0},{'yes' if i % 7 == 0 else 'no'},AAPC"
        )
    path.write_text("\n".join(rows) + "\n")
    return path


def test_batch_of_fifty_people(run, tmp_path):
    f = make_csv(tmp_path / "students.csv")
    r = run("eligible", "CPC", "RHIT", "--profiles", f, "--json")
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    jsonschema.validate(data, SCHEMAS["eligible-batch"])
    assert len(data) == 50 and data[0]["id"] == "s00" and data[0]["row"] == 1
    assert [x["code"] for x in data[0]["results"]] == ["CPC", "RHIT"]
    assert data[0]["results"][1]["status"] == "eligible"  # s00 has an accredited associate program
    assert data[1]["results"][1]["status"] == "not-eligible"
    assert r.stderr.strip() == "certplan: 50 student(s) read, 50 answered, 0 not answered"
    csv_out = run("eligible", "CPC", "--profiles", f, "--format", "csv").stdout.splitlines()
    assert csv_out[0] == "row,id,name,code,status,pathway,missing,months_until_eligible,apprentice,to_do,advice,error"
    assert len(csv_out) == 51


def test_batch_bad_rows_are_reported_and_counted(run, tmp_path):
    f = tmp_path / "people.csv"
    f.write_text("name,experience,education\nana,1,high-school\nbo,lots,high-school\n,1,associate\ncy,2,wizard\n")
    r = run("eligible", "CPC", "--profiles", f, "--json")
    assert r.exit_code == 5
    data = json.loads(r.stdout)
    jsonschema.validate(data, SCHEMAS["eligible-batch"])
    assert [(p["row"], p["id"], "results" in p) for p in data] == [
        (1, "ana", True),
        (2, "bo", False),
        (3, None, False),
        (4, "cy", False),
    ]
    assert data[1]["error"] == "experience 'lots' is not a number of years from 0 to 60"
    err = r.stderr.splitlines()
    assert err[0] == f"{f}: row 2 (bo), line 3: experience 'lots' is not a number of years from 0 to 60"
    assert err[1] == f"{f}: row 3, line 4: no name or id"
    assert err[2].startswith(f"{f}: row 4 (cy), line 5: education 'wizard' is not one of")
    assert err[-1] == "certplan: 4 student(s) read, 1 answered, 3 not answered (row 2, 3, 4)"
    strict = run("eligible", "CPC", "--profiles", f, "--json", "--strict")
    assert strict.exit_code == 2 and strict.stdout == ""
    assert strict.stderr.splitlines()[-1] == "certplan: 3 bad row(s); nothing written (--strict)"


def test_batch_yaml(run, tmp_path):
    f = tmp_path / "people.yaml"
    f.write_text("- {id: a, experience_years: 2, member: [AAPC]}\n- {id: b, held: [RHIT], education: associate}\n")
    data = json.loads(run("eligible", "CPC", "CCS", "--profiles", f, "--json").stdout)
    assert [p["id"] for p in data] == ["a", "b"]
    assert data[0]["results"][0]["status"] == "eligible"


def test_batch_file_errors(run, tmp_path):
    r = run("eligible", "--profiles", tmp_path / "missing.csv")
    assert r.exit_code == 2 and "no such file" in r.stderr
    r = run("eligible", "--profiles", tmp_path, "--experience", "1")
    assert r.exit_code == 2


def test_table_names_beside_codes_shared_to_do_once_months_only_when_waiting(run):
    r = run("eligible", "--experience", "2")
    assert r.exit_code == 0, r.stderr
    out = r.stdout
    # a to-do twenty AAPC credentials share is said once, under the tables
    assert out.count("join AAPC") == 1
    assert "  - join AAPC before you register: CPC, CPB, COC and 19 more\n" in out
    eligible_part = out.split("Not yet")[0]
    assert "│ CPC   │ Certified Professional" in eligible_part  # the name beside the code (it may wrap)
    assert "Months" not in eligible_part  # nobody waits for what they can sit now
    assert "Months" in out.split("Not yet")[1]


def test_shared_to_do_words():
    from certplan.output.eligible import shared_text

    todo = "join AAPC (membership is required to register)"
    assert shared_text(todo, ["CPC", "CPB", "COC"]) == "join AAPC before you register: CPC, CPB and COC"
    assert shared_text(todo, list("ABCDEF")) == "join AAPC before you register: A, B, C and 3 more"
    assert shared_text("bring an ID", ["CPC", "CPB", "COC", "CIC"]) == "bring an ID: CPC, CPB, COC and CIC"
