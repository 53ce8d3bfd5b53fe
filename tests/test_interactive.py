"""On a terminal, profile set and recommend ask their questions (driven here through a pseudo-terminal)."""

import json
import os
import pty
import select
import subprocess
import sys
import time


def drive(args, answers, env_extra, timeout=30.0):
    """Run certplan on a pty, send each answer after its prompt appears; return (rc, everything printed)."""
    master, slave = pty.openpty()
    env = {**os.environ, **env_extra, "COLUMNS": "100"}
    p = subprocess.Popen(
        [sys.executable, "-c", "from certplan.cli.main import main; main()", *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        close_fds=True,
    )
    os.close(slave)
    out = b""
    pending = list(answers)
    deadline = time.time() + timeout
    while time.time() < deadline:
        r, _, _ = select.select([master], [], [], 0.2)
        if r:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
            if pending and out.rstrip().endswith(b":"):
                os.write(master, pending.pop(0).encode() + b"\n")
        elif p.poll() is not None:
            break
    p.wait(timeout=10)
    os.close(master)
    return p.returncode, out.decode(errors="replace")


def test_profile_set_asks_on_a_terminal(tmp_path):
    cfg = tmp_path / "cfg"
    env = {"CERTPLAN_CONFIG_DIR": str(cfg), "CERTPLAN_CACHE_DIR": str(tmp_path / "cache")}
    rc, out = drive(["profile", "set"], ["associate", "associate", "1.5", "coding", "CPC", "40", "no", "AAPC"], env)
    assert rc == 0, out
    assert "Highest education" in out and "profile saved to" in out
    saved = json.loads((cfg / "profile.json").read_text())
    assert saved == {
        "accredited_program": "associate",
        "course_hours": 40,
        "education": "associate",
        "experience_kinds": ["coding"],
        "experience_years": 1.5,
        "held": ["CPC"],
        "member": ["AAPC"],
        "practicode": False,
    }


def test_recommend_asks_on_a_terminal(tmp_path):
    env = {"CERTPLAN_CONFIG_DIR": str(tmp_path / "cfg"), "CERTPLAN_CACHE_DIR": str(tmp_path / "cache")}
    rc, out = drive(["recommend", "--top", "3"], ["hospital-inpatient", "coding", "HS", "0", "$500", "-"], env)
    assert rc == 0, out
    assert "Where do you want to work?" in out
    assert "Highest education" in out and "Years of work experience" in out
    assert "CCS" in out or "CIC" in out


def test_profile_set_takes_education_as_people_say_it(tmp_path):
    cfg = tmp_path / "cfg"
    env = {"CERTPLAN_CONFIG_DIR": str(cfg), "CERTPLAN_CACHE_DIR": str(tmp_path / "cache")}
    rc, out = drive(["profile", "set"], ["college", "GED", "-", "0", "coding", "-", "0", "no", "-"], env)
    assert rc == 0, out
    assert "'college' is not an education level" in out  # asked again, with the ways that work
    assert json.loads((cfg / "profile.json").read_text())["education"] == "high-school"
