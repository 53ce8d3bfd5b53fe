"""Rosters as advisors keep them: store/roster.py read directly, and through `eligible --profiles`."""

import json

import pytest

from certplan.store.roster import MAX_FIELD_CHARS, RosterError, open_roster

EXCEL_EXPORT = (
    "Student ID;First Name;Last Name;Email;Phone;Highest Education;Years of Experience;Credentials;Notes\r\n"
    "1001;Ana;Diaz;ana@example.edu;555-0101;Associate's degree;2;CPC;wants remote work\r\n"
    "1002;Bo;Li;bo@example.edu;555-0102;High School;lots;;\r\n"
    "1003;Cy;Ng;cy@example.edu;555-0103;Bachelor;0,5;;\r\n"
)


def rows(path, **kw):
    r = open_roster(path, **kw)
    return r.warnings, list(r)


def test_semicolon_excel_export_with_bom_and_crlf(tmp_path):
    f = tmp_path / "class.csv"
    f.write_bytes(b"\xef\xbb\xbf" + EXCEL_EXPORT.encode("utf-8"))
    warnings, got = rows(f)
    assert warnings == [
        f'{f}: ignoring column(s) "Email", "Phone", "Notes"; using "Student ID", "First Name", "Last Name", '
        '"Highest Education", "Years of Experience", "Credentials"'
    ]
    assert [(r.number, r.line, r.id, r.name, r.error) for r in got] == [
        (1, 2, "1001", "Ana Diaz", None),
        (2, 3, "1002", "Bo Li", "experience 'lots' is not a number of years from 0 to 60"),
        (3, 4, "1003", "Cy Ng", None),
    ]
    assert got[0].data == {"education": "associate", "experience_years": 2.0, "held": ["CPC"]}
    assert got[2].data == {"education": "bachelor", "experience_years": 0.5}  # a decimal comma


def test_tab_separated_and_title_case_synonyms(tmp_path):
    f = tmp_path / "class.tsv"
    f.write_text(
        "Name\tEducation\tProgram\tExperience Kind\tHeld\tCourse Hours\tPracticode\tMembership\n"
        "Dee Fox\tassociate\tassociate\tcoding, billing\tCCA\t80\tyes\tAHIMA\n"
    )
    _, got = rows(f)
    assert got[0].data == {
        "education": "associate",
        "accredited_program": "associate",
        "experience_kinds": ["coding", "billing"],
        "held": ["CCA"],
        "course_hours": 80,
        "practicode": True,
        "member": ["AHIMA"],
    }
    assert got[0].id == got[0].name == "Dee Fox"


def test_misspelt_header_gets_did_you_mean(tmp_path):
    f = tmp_path / "c.csv"
    f.write_text("id,educaton,experience\na,associate,1\n")
    with pytest.raises(RosterError) as exc:
        open_roster(f)
    assert str(exc.value) == (
        f'{f}: column "educaton" is not one certplan reads; did you mean "education"? (rename or remove the column)'
    )


def test_no_column_names_the_students(tmp_path):
    f = tmp_path / "c.csv"
    f.write_text("Email,Education\na@b.c,associate\n")
    with pytest.raises(RosterError, match="no column names the students; add one of: Student ID, ID, Name"):
        open_roster(f)


def test_unbalanced_quote_is_a_row_error_and_the_next_rows_are_read(tmp_path):
    f = tmp_path / "c.csv"
    f.write_text('name,education,experience\nana,associate,2\nbo,"high-school,1\ncy,bachelor,3\ndi,associate,1\n')
    _, got = rows(f)
    assert [(r.number, r.line, r.id) for r in got] == [(1, 2, "ana"), (2, 3, "bo"), (3, 4, "cy"), (4, 5, "di")]
    assert got[1].error == (
        'a quote (") opened on line 3 is not closed, so it would swallow the next 2 line(s); '
        "fix the quote (the lines after it are read on their own)"
    )
    assert got[2].data == {"education": "bachelor", "experience_years": 3.0}


def test_a_multi_line_note_in_quotes_is_not_an_error(tmp_path):
    f = tmp_path / "c.csv"
    f.write_text('name,education,notes\nana,associate,"first line\nsecond line"\nbo,bachelor,\n')
    _, got = rows(f)
    assert [(r.id, r.error) for r in got] == [("ana", None), ("bo", None)]


def test_huge_field_is_a_row_error(tmp_path):
    f = tmp_path / "c.csv"
    f.write_text("name,education,notes\nana,associate,\nbo," + "x" * (MAX_FIELD_CHARS + 1) + ",\ncy,bachelor,\n")
    _, got = rows(f)
    assert [(r.number, r.line, r.error) for r in got] == [
        (1, 2, None),
        (2, 3, f'the "education" cell is {MAX_FIELD_CHARS + 1:,} characters long (at most {MAX_FIELD_CHARS:,})'),
        (3, 4, None),
    ]


def test_huge_field_in_yaml_is_a_row_error(tmp_path):
    f = tmp_path / "c.yaml"
    f.write_text("- {id: a}\n- {id: b, education: " + "x" * (MAX_FIELD_CHARS + 1) + "}\n")
    assert [r.error for r in open_roster(f)] == [
        None,
        f"the education value is {MAX_FIELD_CHARS + 1:,} characters long (at most {MAX_FIELD_CHARS:,})",
    ]


def test_rows_are_a_stream(tmp_path):
    f = tmp_path / "c.csv"
    f.write_text("id\n" + "".join(f"s{i}\n" for i in range(1000)))
    it = iter(open_roster(f))
    assert next(it).id == "s0" and next(it).id == "s1"


def test_xlsx_written_by_openpyxl_first_sheet_or_named(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Fall 2026"
    ws.append(["Student ID", "First Name", "Last Name", "Email", "Years of experience", "Highest education"])
    ws.append([1001, "Ana", "Diaz", "a@x.edu", 2, "associate"])
    ws.append([None, None, None, None, None, None])  # a blank row in the middle
    ws.append([1002, "Bo", "Li", "b@x.edu", "two", "high school"])
    other = wb.create_sheet("Spring 2027")
    other.append(["Name", "Experience"])
    other.append(["Cy Ng", 1.5])
    f = tmp_path / "roster.xlsx"
    wb.save(f)
    warnings, got = rows(f)
    assert warnings == [
        f'{f}: ignoring column(s) "Email"; using "Student ID", "First Name", "Last Name", "Years of experience", '
        '"Highest education"'
    ]
    assert [(r.number, r.line, r.id, r.name, r.error) for r in got] == [
        (1, 2, "1001", "Ana Diaz", None),
        (2, 4, "1002", "Bo Li", "experience 'two' is not a number of years from 0 to 60"),
    ]
    _, spring = rows(f, sheet="Spring 2027")
    assert spring[0].data == {"experience_years": 1.5} and spring[0].id == "Cy Ng"
    with pytest.raises(RosterError) as exc:
        open_roster(f, sheet="Spring 2026")
    assert (
        str(exc.value)
        == f'{f}: no sheet "Spring 2026"; its sheets: Fall 2026, Spring 2027 (did you mean "Spring 2027"?)'
    )


def test_yaml_aliases_are_refused(tmp_path):
    f = tmp_path / "c.yaml"
    f.write_text("- &a {id: x, held: [CPC]}\n- *a\n")
    with pytest.raises(RosterError) as exc:
        open_roster(f)
    assert str(exc.value) == f"{f}:1: anchors and aliases are not allowed"  # at the anchor


def test_json_and_json_lines(tmp_path):
    j = tmp_path / "c.json"
    j.write_text(json.dumps({"students": [{"Student ID": "7", "Years of Experience": 1}]}))
    assert [(r.id, r.data) for r in open_roster(j)] == [("7", {"experience_years": 1.0})]
    jl = tmp_path / "c.jsonl"
    jl.write_text('{"id": "a", "education": "bachelor"}\nnot json\n{"id": "b"}\n')
    got = list(open_roster(jl))
    assert [(r.number, r.line, r.id, r.error) for r in got] == [
        (1, 1, "a", None),
        (2, 2, None, "not valid JSON (Expecting value)"),
        (3, 3, "b", None),
    ]


def test_file_errors(tmp_path):
    with pytest.raises(RosterError, match="no such file"):
        open_roster(tmp_path / "missing.csv")
    with pytest.raises(RosterError, match="is a directory"):
        open_roster(tmp_path)
    empty = tmp_path / "e.csv"
    empty.write_text("")
    with pytest.raises(RosterError, match="the file is empty"):
        open_roster(empty)
    bad = tmp_path / "latin1.csv"
    bad.write_bytes("name\nJos\xe9\n".encode("latin-1"))
    with pytest.raises(RosterError, match="not UTF-8 text; save it as CSV UTF-8"):
        list(open_roster(bad))


def test_cli_roster_with_extra_columns_and_a_bad_row_in_the_middle(run, tmp_path):
    f = tmp_path / "students.csv"
    f.write_bytes(b"\xef\xbb\xbf" + EXCEL_EXPORT.encode("utf-8"))
    r = run("eligible", "CPC", "--profiles", f, "--format", "csv")
    assert r.exit_code == 5
    lines = r.stdout.splitlines()
    assert [ln.split(",")[:5] for ln in lines[1:]] == [
        ["1", "1001", "Ana Diaz", "CPC", "held"],  # she holds it
        ["2", "1002", "Bo Li", "", ""],
        ["3", "1003", "Cy Ng", "CPC", "apprentice"],
    ]
    assert lines[2].endswith(",experience 'lots' is not a number of years from 0 to 60")
    assert r.stderr.splitlines() == [
        f'certplan: {f}: ignoring column(s) "Email", "Phone", "Notes"; using "Student ID", "First Name", '
        '"Last Name", "Highest Education", "Years of Experience", "Credentials"',
        f"{f}: row 2 (Bo Li), line 3: experience 'lots' is not a number of years from 0 to 60",
        "certplan: 2 student(s): no experience kind given: counting the experience as coding experience",
        "certplan: 3 student(s) read, 2 answered, 1 not answered (row 2)",
    ]


def test_cli_exit_codes(run, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text("name,experience\nana,1\n")
    assert run("eligible", "CPC", "--profiles", good).exit_code == 0
    none = tmp_path / "none.csv"
    none.write_text("name,experience\nana,lots\nbo,-1\n")
    r = run("eligible", "CPC", "--profiles", none, "--json")
    assert r.exit_code == 2
    assert [x["error"] for x in json.loads(r.stdout)] == [
        "experience 'lots' is not a number of years from 0 to 60",
        "experience '-1' is not a number of years from 0 to 60",
    ]
    header_only = tmp_path / "h.csv"
    header_only.write_text("name,experience\n")
    r = run("eligible", "CPC", "--profiles", header_only)
    assert r.exit_code == 2 and r.stderr.strip().endswith("certplan: the roster has no students")
    misspelt = tmp_path / "m.csv"
    misspelt.write_text("name,educaton\nana,associate\n")
    r = run("eligible", "--profiles", misspelt)
    assert r.exit_code == 2 and 'did you mean "education"?' in r.stderr and r.stdout == ""


def test_cli_stray_quote_and_huge_cell_are_named_rows_not_crashes(run, tmp_path):
    f = tmp_path / "c.csv"
    f.write_text('Name,Experience,Notes\nana,2,\nbo,"1,\ncy,3,\ndi,1,' + "n" * (MAX_FIELD_CHARS + 5) + "\nee,0,\n")
    r = run("eligible", "CPC", "--profiles", f, "--json")
    assert r.exit_code == 5
    data = json.loads(r.stdout)
    assert [(x["row"], x["name"], "results" in x) for x in data] == [
        (1, "ana", True),
        (2, "bo", False),
        (3, "cy", True),
        (4, "di", False),
        (5, "ee", True),
    ]
    err = r.stderr.splitlines()[1:]
    assert err[0] == (
        f'{f}: row 2 (bo), line 3: a quote (") opened on line 3 is not closed, so it would swallow the next 3 line(s); '
        "fix the quote (the lines after it are read on their own)"
    )
    assert (
        err[1]
        == f'{f}: row 4 (di), line 5: the "Notes" cell is {MAX_FIELD_CHARS + 5:,} characters long (at most 131,072)'
    )
    assert err[-1] == "certplan: 5 student(s) read, 3 answered, 2 not answered (row 2, 4)"


def test_cli_xlsx_sheet_option(run, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "Fall"
    wb.active.append(["Name", "Years of Experience"])
    wb.active.append(["Ana", 2])
    spring = wb.create_sheet("Spring")
    spring.append(["Name", "Years of Experience"])
    spring.append(["Bo", 0])
    f = tmp_path / "roster.xlsx"
    wb.save(f)
    fall = json.loads(run("eligible", "CPC", "--profiles", f, "--json").stdout)
    assert [(x["name"], x["results"][0]["status"]) for x in fall] == [("Ana", "eligible")]
    got = json.loads(run("eligible", "CPC", "--profiles", f, "--sheet", "Spring", "--json").stdout)
    assert [(x["name"], x["results"][0]["status"]) for x in got] == [("Bo", "apprentice")]
    csv_file = tmp_path / "r.csv"
    csv_file.write_text("name\nana\n")
    r = run("eligible", "--profiles", csv_file, "--sheet", "Spring")
    assert r.exit_code == 2 and r.stderr.strip() == f"certplan: {csv_file}: --sheet is only for .xlsx workbooks"
    r = run("eligible", "--sheet", "Spring")
    assert r.exit_code == 2 and r.stderr.strip() == "certplan: --sheet is only used with --profiles FILE"


def test_a_fifo_or_device_is_refused_without_hanging(tmp_path):
    import os

    fifo = tmp_path / "roster.csv"
    os.mkfifo(fifo)
    with pytest.raises(RosterError) as exc:
        open_roster(fifo)
    assert str(exc.value) == f"{fifo}: not a regular file (a device, FIFO or socket cannot be a roster)"
    with pytest.raises(RosterError, match="not a regular file"):
        open_roster("/dev/zero")


def test_cli_roster_on_standard_input(run):
    r = run("eligible", "CPC", "--profiles", "-", "--format", "csv", input="Name;Experience\nana;2\nbo;0\n")
    assert r.exit_code == 0, r.stderr
    assert [ln.split(",")[:5] for ln in r.stdout.splitlines()[1:]] == [
        ["1", "ana", "ana", "CPC", "eligible"],
        ["2", "bo", "bo", "CPC", "apprentice"],
    ]
    r = run("eligible", "CPC", "--profiles", "-", "--strict", input="Name\nana\n")
    assert r.exit_code == 2
    assert r.stderr.strip() == "certplan: --strict reads the roster twice; give a file, not standard input"
