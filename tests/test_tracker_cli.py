"""held, ceu, renew, experience and apprentice through the CLI, on the fixture catalog and a temporary tracker."""

import csv
import hashlib
import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import jsonschema
import pytest

from certplan.contract.generate import SCHEMAS

FIXTURE = Path(__file__).parent / "data" / "tracker.yaml"


@pytest.fixture
def db(tmp_path, monkeypatch):
    path = tmp_path / "tracker.sqlite3"
    monkeypatch.setenv("CERTPLAN_DB", str(path))
    monkeypatch.setenv("CERTPLAN_TODAY", "2025-06-01")
    return path


@pytest.fixture
def cp(run, db):
    """Run certplan on the fixture catalog."""

    def _cp(*args):
        return run("--catalog", FIXTURE, *args)

    return _cp


def ok(result):
    assert result.exit_code == 0, result.stderr
    return result


def js(cp, *args):
    r = ok(cp(*args, "--json"))
    return json.loads(r.stdout)


def fails(result, message):
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stderr == message + "\n"
    assert result.stdout == ""


# --------------------------------------------------------------------------- held


def test_held_add_list_remove(cp, db):
    r = ok(cp("held", "add", "CPC", "--earned", "2024-06-15", "--cycle-start", "2025-01-01"))
    assert r.stderr == "certplan: saved CPC, earned 2024-06-15\n"
    assert "CPC credential" in r.stdout
    ok(cp("held", "add", "ccs", "--earned", "2024-04-01"))
    rows = js(cp, "held", "list")
    jsonschema.validate(rows, SCHEMAS["held"])
    assert [(h["code"], h["body"], h["earned"], h["cycle_start"]) for h in rows] == [
        ("CCS", "AHIMA", "2024-04-01", None),
        ("CPC", "AAPC", "2024-06-15", "2025-01-01"),
    ]
    # Re-adding keeps the cycle start given earlier.
    ok(cp("held", "add", "CPC", "--earned", "2024-06-16"))
    assert js(cp, "held", "list")[1]["cycle_start"] == "2025-01-01"
    r = ok(cp("held", "remove", "CCS", "--json"))
    assert json.loads(r.stdout) == {"removed": "CCS"}
    jsonschema.validate(json.loads(r.stdout), SCHEMAS["removed"])
    assert [h["code"] for h in js(cp, "held", "list")] == ["CPC"]
    fails(cp("held", "remove", "CCS"), "certplan: CCS is not held; 'certplan held list' shows what is")


def test_held_apprentice_designation(cp):
    r = ok(cp("held", "add", "CPC-A", "--earned", "2025-05-01"))
    assert r.stderr == "certplan: saved CPC (CPC-A), earned 2025-05-01\n"
    (h,) = js(cp, "held", "list")
    assert (h["code"], h["apprentice"], h["designation"]) == ("CPC", True, "CPC-A")


def test_held_errors(cp):
    fails(cp("held", "add", "CPX", "--earned", "2024-01-01"), "certplan: unknown credential code 'CPX'; did you mean CPC, CPMA, CANPC?")
    fails(cp("held", "add", "CPC", "--earned", "2024-02-30"), "certplan: --earned: '2024-02-30' is not a date (YYYY-MM-DD)")
    fails(cp("held", "add", "CPC", "--earned", "2025-07-01"), "certplan: --earned: 2025-07-01 is in the future (today is 2025-06-01)")
    fails(cp("held", "add", "CCS", "--earned", "2024-01-01", "--apprentice"), "certplan: --apprentice: CCS has no apprentice designation")


# --------------------------------------------------------------------------- ceu


def test_ceu_add_list_remove_and_errors(cp, tmp_path):
    ok(cp("held", "add", "CPC", "--earned", "2024-06-15", "--cycle-start", "2025-01-01"))
    cert = tmp_path / "cert.pdf"
    cert.write_bytes(b"%PDF certificate")
    r = ok(
        cp(
            "ceu", "add", "--date", "2025-02-01", "--ceus", "1.5", "--title", "E/M update", "--provider", "AAPC",
            "--approval", "IDX-1", "--for", "cpc", "--certificate", cert, "--json",
        )
    )
    assert r.stderr == "certplan: saved CEU 1: 1.5 CEUs on 2025-02-01 (E/M update)\n"
    (rec,) = json.loads(r.stdout)
    jsonschema.validate([rec], SCHEMAS["ceu-list"])
    assert rec["for"] == ["CPC"] and rec["certificate"] == str(cert.resolve())
    assert rec["certificate_sha256"] == hashlib.sha256(b"%PDF certificate").hexdigest()
    base = ["ceu", "add", "--date", "2025-02-01", "--ceus", "1", "--title", "x"]
    fails(cp("ceu", "add", "--date", "2025-02-01", "--ceus", "-2", "--title", "x"), "certplan: --ceus: must be more than 0 (got -2)")
    fails(cp("ceu", "add", "--date", "2025-02-01", "--ceus", "0", "--title", "x"), "certplan: --ceus: must be more than 0 (got 0)")
    fails(cp("ceu", "add", "--date", "2025-02-01", "--ceus", "two", "--title", "x"), "certplan: --ceus: 'two' is not a number")
    fails(cp("ceu", "add", "--date", "01/02/2025", "--ceus", "1", "--title", "x"), "certplan: --date: '01/02/2025' is not a date (YYYY-MM-DD)")
    fails(cp(*base, "--for", "CCS"), "certplan: --for CCS: CCS is not held; add it first with 'certplan held add CCS --earned YYYY-MM-DD'")
    fails(cp(*base, "--for", "XYZ"), "certplan: --for: unknown credential code 'XYZ'")
    fails(
        cp(*base, "--category", "auditng"),
        "certplan: --category: unknown category 'auditng' (did you mean auditing?); categories: ahima-sources, auditing, hiim, specialty",
    )
    fails(cp(*base, "--certificate", tmp_path / "nope.pdf"), f"certplan: --certificate: {tmp_path / 'nope.pdf'} is not a file")
    ok(cp(*base))
    rows = js(cp, "ceu", "list")
    assert [r["id"] for r in rows] == [1, 2]
    fails(cp("ceu", "remove", "9"), "certplan: no CEU with ID 9; 'certplan ceu list' shows the IDs")
    ok(cp("ceu", "remove", "1"))
    assert [r["id"] for r in js(cp, "ceu", "list")] == [2]


def test_ceu_import_tolerates_headers_and_is_all_or_nothing(cp, tmp_path):
    ok(cp("held", "add", "CPC", "--earned", "2024-06-15", "--cycle-start", "2025-01-01"))
    ok(cp("held", "add", "CPMA", "--earned", "2024-06-15"))
    good = tmp_path / "ceus.csv"
    good.write_text(
        "\ufeffDate Completed;CE Credits;Course Title;Vendor;Index Number;Topic;Credential\n"
        "2025-02-01;2;Audit basics;AAPC;A1;auditing;CPMA\n"
        "\n"
        "2025-03-01;1.5;Coding update;AAPC;;;\n",
        encoding="utf-8",
    )
    r = ok(cp("ceu", "import", good, "--json"))
    assert r.stderr == f"certplan: saved 2 CEUs from {good} (IDs 1 to 2)\n"
    recs = json.loads(r.stdout)
    jsonschema.validate(recs, SCHEMAS["ceu-list"])
    assert [(x["ceus"], x["category"], x["for"], x["approval"]) for x in recs] == [(2, "auditing", ["CPMA"], "A1"), (1.5, None, [], None)]
    bad = tmp_path / "bad.csv"
    bad.write_text("date,ceus,title\n2025-02-01,1,fine\n2025-02-02,-1,negative\n", encoding="utf-8")
    fails(cp("ceu", "import", bad), f"certplan: {bad}:3: ceus: must be more than 0 (got -1)")
    missing = tmp_path / "missing.csv"
    missing.write_text("when,credits\n2025-02-01,1\n", encoding="utf-8")
    fails(cp("ceu", "import", missing), f"certplan: {missing}: missing column(s): date, title; headers found: when, credits")
    fails(cp("ceu", "import", tmp_path / "absent.csv"), f"certplan: {tmp_path / 'absent.csv'}: no such file")
    assert len(js(cp, "ceu", "list")) == 2  # nothing from the bad files


def test_ceu_export_csv_json_and_overwrite_rules(cp, tmp_path):
    ok(cp("held", "add", "CPC", "--earned", "2024-06-15"))
    ok(cp("ceu", "add", "--date", "2025-02-01", "--ceus", "1", "--title", "=HYPERLINK(\"x\")", "--for", "CPC"))
    r = ok(cp("ceu", "export"))
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert rows[0]["title"] == "'=HYPERLINK(\"x\")" and rows[0]["for"] == "CPC" and rows[0]["ceus"] == "1"
    out = tmp_path / "ceus.json"
    r = ok(cp("ceu", "export", "--format", "json", "--out", out))
    assert r.stderr == f"certplan: wrote 1 CEUs to {out}\n"
    data = json.loads(out.read_text())
    jsonschema.validate(data, SCHEMAS["ceu-list"])
    fails(
        cp("ceu", "export", "--out", out),
        f"certplan: {out}: the file exists; give --out FILE --force to replace it, or - to write to stdout",
    )
    ok(cp("ceu", "export", "--out", out, "--force"))
    assert out.read_text().startswith("id,date,ceus,title")


def test_ceu_status_json_and_table(cp):
    ok(cp("held", "add", "CPC", "--earned", "2023-01-10", "--cycle-start", "2025-01-01"))
    ok(cp("held", "add", "CCS", "--earned", "2024-04-01"))
    ok(cp("ceu", "add", "--date", "2025-02-01", "--ceus", "4", "--title", "a", "--for", "CPC"))
    ok(cp("ceu", "add", "--date", "2025-03-01", "--ceus", "6", "--title", "b", "--for", "CCS", "--category", "hiim", "--provider", "AHIMA"))
    ok(cp("ceu", "add", "--date", "2024-03-01", "--ceus", "2", "--title", "old"))
    data = js(cp, "ceu", "status")
    jsonschema.validate(data, SCHEMAS["ceu-status"])
    assert [(s["body"], s["required"], s["earned"], s["remaining"]) for s in data] == [("AAPC", 36, 4, 32), ("AHIMA", 20, 6, 14)]
    assert data[0]["excluded"][0]["reason"] == "dated 2024-03-01, outside the cycle 2025-01-01 to 2026-12-31 (CEUs do not carry over)"
    table = ok(cp("ceu", "status")).stdout
    assert "AAPC (CPC): 2025-01-01 to 2026-12-31, 578 days left, on track: no" in table
    assert "AHIMA (CCS): 2024-04-01 to 2026-03-31, 303 days left, on track: no" in table
    assert "│ hiim " in table
    assert "AAPC: CEU 3 (old) does not count: dated 2024-03-01, outside the cycle" in table
    assert "[1] https://example.org/aapc" in table
    later = js(cp, "ceu", "status", "--on", "2026-06-01")
    assert later[0]["days_left"] == 213
    fails(cp("ceu", "status", "--on", "tomorrow"), "certplan: --on: 'tomorrow' is not a date (YYYY-MM-DD)")


def test_audit_pack(cp, tmp_path):
    ok(cp("held", "add", "CPC", "--earned", "2023-01-10", "--cycle-start", "2025-01-01"))
    cert = tmp_path / "webinar.pdf"
    cert.write_bytes(b"certificate bytes")
    ok(cp("ceu", "add", "--date", "2025-02-01", "--ceus", "2", "--title", "in cycle", "--certificate", cert))
    ok(cp("ceu", "add", "--date", "2024-02-01", "--ceus", "2", "--title", "previous cycle"))
    pack = tmp_path / "audit.zip"
    r = ok(cp("ceu", "audit-pack", "--out", pack))
    assert r.stderr == f"certplan: wrote the audit pack (1 CEUs) to {pack}\n"
    with zipfile.ZipFile(pack) as z:
        assert sorted(z.namelist()) == ["README.txt", "SHA256SUMS", "certificates/1-webinar.pdf", "ceus.csv"]
        listing = z.read("ceus.csv").decode()
        assert "in cycle" in listing and "previous cycle" not in listing
        sums = dict(reversed(line.split("  ")) for line in z.read("SHA256SUMS").decode().splitlines())
        assert sums["certificates/1-webinar.pdf"] == hashlib.sha256(b"certificate bytes").hexdigest()
        assert sums["ceus.csv"] == hashlib.sha256(z.read("ceus.csv")).hexdigest()
    fails(
        cp("ceu", "audit-pack", "--out", pack),
        f"certplan: {pack}: the file exists; give --out FILE --force to replace it, or - to write to stdout",
    )
    manifest = json.loads(ok(cp("ceu", "audit-pack", "--out", pack, "--force", "--json")).stdout)
    jsonschema.validate(manifest, SCHEMAS["ceu-audit-pack"])
    assert (manifest["ceus"], [f["name"] for f in manifest["files"]]) == ([1], ["ceus.csv", "certificates/1-webinar.pdf"])
    cert.write_bytes(b"changed")
    r = ok(cp("ceu", "audit-pack", "--out", pack, "--force"))
    assert f"certplan: CEU 1: certificate {cert.resolve()} changed since it was recorded\n" in r.stderr


# --------------------------------------------------------------------------- renew and the calendar


def test_renew_json_table_and_ics(cp, tmp_path):
    ok(cp("held", "add", "CPC", "--earned", "2024-03-01", "--cycle-start", "2025-01-01"))
    ok(cp("held", "add", "CCS", "--earned", "2024-04-01"))
    data = js(cp, "renew")
    jsonschema.validate(data, SCHEMAS["renew"])
    assert [(r["code"], r["due"], r["grace_until"], r["lapses_on"], r["reinstate_until"]) for r in data] == [
        ("CPC", "2026-12-31", "2027-01-10", "2027-03-31", "2030-03-31"),
        ("CCS", "2026-03-31", "2026-03-31", "2026-09-27", "2026-09-27"),
    ]
    table = ok(cp("renew")).stdout
    assert "Renewal deadlines" in table
    assert "│ CPC  │ AAPC  │ 2026-12-31 │ 2027-01-10  │ 2027-03-31 │ 2030-03-31   │" in table
    assert "CPC: late fee $50; extension $50; reinstatement $200\n" in table
    assert "CCS: revoked on 2026-09-27: revoked after 180 days\n" in table
    ics = tmp_path / "renew.ics"
    r = ok(cp("renew", "--ics", ics))
    assert f"certplan: wrote 2 due dates to {ics}\n" in r.stderr
    from icalendar import Calendar

    cal = Calendar.from_ical(ics.read_bytes())
    events = cal.walk("VEVENT")
    assert sorted(str(e["summary"]) for e in events) == ["CCS renewal due (AHIMA)", "CPC renewal due (AAPC)"]
    for e in events:
        triggers = sorted(a.decoded("trigger").days for a in e.walk("VALARM"))
        assert triggers == [-90, -45, -15]
    fails(
        cp("renew", "--ics", ics),
        f"certplan: {ics}: the file exists; give --ics FILE --force to replace it, or - to write to stdout",
    )
    r = ok(cp("renew", "--ics", "-"))
    assert r.stdout.startswith("BEGIN:VCALENDAR")


def _ics(cp, tmp_path):
    ok(cp("held", "add", "CPC", "--earned", "2024-03-01", "--cycle-start", "2025-01-01"))
    ics = tmp_path / "renew.ics"
    ok(cp("renew", "--ics", ics))
    return ics


@pytest.mark.skipif(shutil.which("khal") is None, reason="khal is not installed (apt-get install khal; .ci/run does)")
def test_ics_imports_into_khal_with_its_reminders(cp, tmp_path):
    ics = _ics(cp, tmp_path)
    caldir, home = tmp_path / "cal", tmp_path / "home"
    caldir.mkdir()
    home.mkdir()
    config = tmp_path / "khal.conf"
    config.write_text(
        f"[calendars]\n[[renewals]]\npath = {caldir}\n"
        "[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
        "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
        f"[sqlite]\npath = {tmp_path / 'khal.db'}\n"
    )
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TZ": "UTC"}
    run = lambda *a: subprocess.run(["khal", "-c", str(config), *a], capture_output=True, text=True, env=env, timeout=60)  # noqa: E731
    r = run("import", "--batch", str(ics))
    assert r.returncode == 0, r.stderr
    r = run("list", "--format", "{title}|{alarm-symbol}|{start}", "2026-12-31", "1d")
    assert r.returncode == 0, r.stderr
    assert "CPC renewal due (AAPC)|" in r.stdout and "⏰" in r.stdout and "2026-12-31" in r.stdout
    from icalendar import Calendar

    (stored,) = list(caldir.glob("*.ics"))
    (event,) = Calendar.from_ical(stored.read_bytes()).walk("VEVENT")
    assert sorted(a.decoded("trigger").days for a in event.walk("VALARM")) == [-90, -45, -15]


@pytest.mark.skipif(shutil.which("calcurse") is None, reason="calcurse is not installed (apt-get install calcurse)")
def test_ics_imports_into_calcurse(cp, tmp_path):
    ics = _ics(cp, tmp_path)
    data, conf = tmp_path / "data", tmp_path / "conf"
    data.mkdir()
    conf.mkdir()
    r = subprocess.run(["calcurse", "-D", data, "-C", conf, "-i", ics], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert "1 event" in r.stdout and "0 skipped" in r.stdout
    r = subprocess.run(["calcurse", "-D", data, "-C", conf, "-Q", "--from", "12/31/2026", "--days", "1"], capture_output=True, text=True, timeout=60)
    assert "CPC renewal due (AAPC)" in r.stdout
    # calcurse keeps no reminders on all-day events; khal (above) checks the VALARMs.


# --------------------------------------------------------------------------- experience, apprentice, the profile hook


def test_experience_and_apprentice_status(cp):
    ok(cp("held", "add", "CPC-A", "--earned", "2025-05-01"))
    r = ok(cp("experience", "add", "--start", "2024-09-01", "--kind", "coding", "--employer", "Clinic", "--json"))
    jsonschema.validate(json.loads(r.stdout), SCHEMAS["experience"])
    assert r.stderr == "certplan: saved experience 1: coding from 2024-09-01 (ongoing)\n"
    fails(cp("experience", "add", "--start", "2024-09-01", "--kind", "codng"), "certplan: --kind: unknown kind 'codng' (did you mean coding?); kinds: "
          + ", ".join(__import__("certplan.catalog.vocab", fromlist=["x"]).EXPERIENCE_KINDS))
    fails(cp("experience", "add", "--start", "2024-09-01", "--end", "2024-01-01", "--kind", "coding"), "certplan: --end: 2024-01-01 is before --start 2024-09-01")
    data = js(cp, "apprentice", "status")
    jsonschema.validate(data, SCHEMAS["apprentice"])
    assert data[0]["designation"] == "CPC-A" and data[0]["earliest"] == "2026-09-01"
    table = ok(cp("apprentice", "status", "--course-done", "2025-01-15")).stdout
    assert "Apprentice removal" in table and "CPC-A evidence (experience): employer letters on letterhead" in table
    rows = js(cp, "experience", "list")
    assert rows == [{"id": 1, "start": "2024-09-01", "end": None, "kind": "coding", "employer": "Clinic"}]
    assert js(cp, "experience", "remove", "1") == {"removed": 1}
    fails(cp("experience", "remove", "1"), "certplan: no experience entry with ID 1; 'certplan experience list' shows the IDs")


def test_held_credentials_reach_eligible(cp):
    before = {r["code"]: r for r in js(cp, "eligible", "CIC")}
    assert before["CIC"]["status"] == "not-eligible"
    ok(cp("held", "add", "CPC", "--earned", "2024-06-15"))
    after = {r["code"]: r for r in js(cp, "eligible", "CIC")}
    assert after["CIC"]["status"] == "eligible"
    assert "you already hold CPC" in js(cp, "eligible", "CPC")[0]["advice"]
    r = ok(cp("eligible", "CIC", "--json"))
    assert "certplan: using the tracker: holds CPC\n" in r.stderr


def test_tracker_experience_and_saved_held_make_one_person(cp, run):
    ok(run("profile", "set", "--held", "CCS"))
    ok(cp("held", "add", "CPC-A", "--earned", "2025-03-01"))
    ok(cp("experience", "add", "--start", "2024-06-01", "--end", "2025-05-31", "--kind", "billing"))
    r = ok(cp("eligible", "CIC", "--json"))
    assert "certplan: using the tracker: 1 year billing experience, holds CCS, CPC\n" in r.stderr
    # The command line still has the last word.
    r = ok(cp("eligible", "CIC", "--experience", "0", "--json"))
    assert "certplan: using the command line: 0 years billing experience; using the tracker: holds CCS, CPC\n" in r.stderr


def test_db_option_and_bad_database(cp, tmp_path):
    other = tmp_path / "other.sqlite3"
    ok(cp("held", "add", "CPC", "--earned", "2024-06-15", "--db", other))
    assert js(cp, "held", "list") == []
    assert [h["code"] for h in js(cp, "held", "list", "--db", other)] == ["CPC"]
    junk = tmp_path / "junk.db"
    junk.write_text("not a database at all, just text " * 50)
    fails(cp("held", "list", "--db", junk), f"certplan: {junk} is not a certplan tracker database (file is not a database)")


def test_every_tracker_schema_is_closed():
    for name in ("held", "ceu-list", "ceu-status", "renew", "experience", "apprentice", "removed", "ceu-audit-pack"):
        s = SCHEMAS[name]
        item = s.get("items", s)
        if "$ref" in item:  # generated from the typed contract: a list's items are a definition
            item = s["$defs"][item["$ref"].rsplit("/", 1)[1]]
        assert item["additionalProperties"] is False, name


def test_the_tracker_follows_the_injected_environment(tmp_path):
    from certplan.cli.main import run
    from mockenv import MockEnvironment

    db = tmp_path / "injected.sqlite3"
    env = MockEnvironment(environ={"CERTPLAN_DB": str(db), "CERTPLAN_TODAY": "2025-06-01"})
    assert run(["--catalog", str(FIXTURE), "held", "add", "CPC", "--earned", "2024-06-15", "--json"], env) == 0
    assert env.err == "certplan: saved CPC, earned 2024-06-15\n"
    assert json.loads(env.out)[0]["code"] == "CPC"
    assert db.exists()
    env = MockEnvironment(environ={"CERTPLAN_DB": str(db)})
    assert run(["--catalog", str(FIXTURE), "eligible", "CIC", "--json"], env) == 0
    assert json.loads(env.out)[0]["status"] == "eligible"


def test_reading_commands_never_create_a_tracker(cp, db):
    for args in (["held", "list"], ["ceu", "list"], ["ceu", "status"], ["renew"], ["experience", "list"], ["apprentice", "status"], ["ceu", "export"]):
        r = ok(cp(*args, "--json") if args != ["ceu", "export"] else cp(*args))
        assert r.stdout.strip() in ("[]", "id,date,ceus,title,provider,approval,category,for,certificate,certificate_sha256")
    assert not db.exists()
