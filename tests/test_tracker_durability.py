"""The tracker under SIGKILL and concurrent writers.

Children are forked from the test process (certplan already imported, so a run costs milliseconds, not an
interpreter start) and run the real `ceu add` command in a loop; the parent SIGKILLs each one at a random
moment.  Every CEU a child reported "saved" must be in the database, and the database must pass
``PRAGMA integrity_check``.
"""

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from certplan.store.tracker import Tracker

FIXTURE = Path(__file__).parent / "data" / "tracker.yaml"
SAVED = re.compile(r"^certplan: saved CEU (\d+): 1 CEUs on 2025-02-01 \((\S+)\)$", re.M)

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")


def _prepare(db: Path) -> None:
    """A tracker holding CPC, and a warm parent (modules imported, catalog cached) to fork from."""
    import contextlib
    import io

    from certplan.cli.app import app
    from certplan.core.tracked import Held

    with Tracker(db) as t:
        t.held_add(Held("CPC", __import__("datetime").date(2024, 6, 15)))
    warm = db.with_name("warm.sqlite3")
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            app(["--catalog", str(FIXTURE), "ceu", "add", "--db", str(warm), "--date", "2025-02-01", "--ceus", "1",
                 "--title", "warm", "--json"], standalone_mode=False)
        except SystemExit:
            pass


def _child(db: Path, tag: str, w: int, count: int | None) -> None:
    """Run `certplan ceu add` again and again (or ``count`` times), reporting on fd ``w``."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(w, 2)
    sys.stdout = open(1, "w", closefd=False)
    sys.stderr = open(2, "w", buffering=1, closefd=False)
    from certplan.cli.app import app

    i = 0
    while count is None or i < count:
        args = ["--catalog", str(FIXTURE), "ceu", "add", "--db", str(db), "--date", "2025-02-01", "--ceus", "1",
                "--title", f"{tag}-{i}", "--for", "CPC", "--json"]
        try:
            app(args, standalone_mode=False, prog_name="certplan")
        except SystemExit:
            pass
        i += 1


def _spawn(db: Path, tag: str, count: int | None = None) -> tuple[int, int]:
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - child
        os.close(r)
        try:
            _child(db, tag, w, count)
        finally:
            os._exit(0)
    os.close(w)
    return pid, r


def _read_all(fd: int) -> str:
    chunks = []
    while True:
        b = os.read(fd, 65536)
        if not b:
            break
        chunks.append(b)
    os.close(fd)
    return b"".join(chunks).decode("utf-8", "replace")


def test_sigkill_during_ceu_add_never_loses_a_confirmed_entry(tmp_path, monkeypatch):
    monkeypatch.setenv("CERTPLAN_TODAY", "2025-06-01")
    db = tmp_path / "tracker.sqlite3"
    _prepare(db)
    rng = random.Random(15)
    confirmed: dict[int, str] = {}
    runs = 200
    for k in range(runs):
        pid, r = _spawn(db, f"run{k}")
        early = b""
        if k % 10 == 0:  # every tenth run: wait for a first confirmation, so a slow machine still has some
            import select

            if select.select([r], [], [], 10)[0]:
                early = os.read(r, 65536)
            time.sleep(rng.uniform(0.0, 0.05))
        else:
            time.sleep(rng.uniform(0.0, 0.2))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        for cid, title in SAVED.findall(early.decode("utf-8", "replace") + _read_all(r)):
            confirmed[int(cid)] = title
    with Tracker(db) as t:
        assert t.integrity() == "ok"
        stored = {c.id: c.title for c in t.ceus()}
    assert confirmed, "no child got as far as a commit: make the kill delay longer"
    missing = {i: t for i, t in confirmed.items() if stored.get(i) != t}
    assert missing == {}
    # Killed runs leave no half-written CEU: each stored CEU has its --for row.
    with Tracker(db) as t:
        assert all(c.for_codes == ("CPC",) for c in t.ceus())
    print(f"{runs} SIGKILLs, {len(confirmed)} confirmed, {len(stored)} stored")


def test_concurrent_ceu_add_keeps_every_entry(tmp_path, monkeypatch):
    monkeypatch.setenv("CERTPLAN_TODAY", "2025-06-01")
    db = tmp_path / "tracker.sqlite3"
    _prepare(db)
    kids = [_spawn(db, f"p{n}", count=25) for n in range(4)]
    outputs = []
    for pid, r in kids:
        outputs.append(_read_all(r))
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
    confirmed = {int(cid): title for out in outputs for cid, title in SAVED.findall(out)}
    assert len(confirmed) == 100
    with Tracker(db) as t:
        assert t.integrity() == "ok"
        titles = sorted(c.title for c in t.ceus())
    assert titles == sorted(f"p{n}-{i}" for n in range(4) for i in range(25))


def test_concurrent_processes_through_the_installed_entry_point(tmp_path):
    db = tmp_path / "tracker.sqlite3"
    _prepare(db)
    env = {**os.environ, "CERTPLAN_DB": str(db), "CERTPLAN_TODAY": "2025-06-01"}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "certplan", "--catalog", str(FIXTURE), "ceu", "add", "--date", "2025-02-01",
             "--ceus", "1", "--title", f"cli{n}"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        for n in range(4)
    ]
    errs = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], errs
    with Tracker(db) as t:
        assert sorted(c.title for c in t.ceus()) == ["cli0", "cli1", "cli2", "cli3"]


def test_newer_schema_is_refused_and_migrations_are_recorded(tmp_path):
    import sqlite3

    from certplan.store.tracker import SCHEMA_VERSION, TrackerError

    db = tmp_path / "t.sqlite3"
    with Tracker(db) as t:
        assert t.schema_version() == SCHEMA_VERSION
        assert t.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con = sqlite3.connect(db)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.commit()
    con.close()
    with pytest.raises(TrackerError) as e:
        Tracker(db)
    assert str(e.value) == (
        f"{db} was written by a newer certplan (schema {SCHEMA_VERSION + 1}; this one knows up to {SCHEMA_VERSION});"
        " upgrade certplan"
    )


def test_a_failed_batch_saves_nothing(tmp_path):
    import datetime as dt
    import sqlite3

    from certplan.core.tracked import CeuEntry

    with Tracker(tmp_path / "t.sqlite3") as t:
        good = CeuEntry(0, dt.date(2025, 1, 1), 1, "good")
        bad = CeuEntry(0, dt.date(2025, 1, 1), -1, "bad")  # the CHECK constraint refuses it
        with pytest.raises(sqlite3.IntegrityError):
            t.ceu_add_many([good, bad])
        assert t.ceus() == []
        t.ceu_add(good)
        assert [c.title for c in t.ceus()] == ["good"]


def test_an_older_database_is_migrated_forward_keeping_its_data(tmp_path):
    import sqlite3

    from certplan.store.tracker import MIGRATIONS, SCHEMA_VERSION, _statements

    db = tmp_path / "v1.sqlite3"
    con = sqlite3.connect(db)
    for stmt in _statements(MIGRATIONS[0]):
        con.execute(stmt)
    con.execute("INSERT INTO ceu (date, ceus, title, added_at) VALUES ('2025-01-02', 3, 'kept', 'x')")
    con.execute("PRAGMA user_version = 1")
    con.commit()
    con.close()
    with Tracker(db) as t:
        assert t.schema_version() == SCHEMA_VERSION == 2
        assert [c.title for c in t.ceus()] == ["kept"]
        names = {r[0] for r in t.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert "ceu_for_code" in names
