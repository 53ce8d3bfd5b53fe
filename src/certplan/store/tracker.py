"""The SQLite tracker: credentials held, CEUs earned, work experience.

* Where: ``--db FILE``, else ``$CERTPLAN_DB``, else ``tracker.sqlite3`` in platformdirs' user data dir.
* Durability: WAL journal with ``synchronous=FULL``; every change is one ``BEGIN IMMEDIATE`` transaction, and a
  caller reports "saved" only after :meth:`Tracker` returns from the commit, so a SIGKILL at any moment loses
  nothing that was reported saved.  Concurrent writers wait on a busy timeout instead of failing.
* Schema: versioned with ``PRAGMA user_version``; :data:`MIGRATIONS` are applied in order, each in the same
  transaction as the version bump.  A database from a newer certplan is refused, never rewritten.

The hook the profile resolution uses is :func:`person_facts`.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from certplan.core.tracked import CeuEntry, ExperienceEntry, Held

ENV_DB = "CERTPLAN_DB"
BUSY_TIMEOUT_MS = 30_000

MIGRATIONS: list[str] = [
    # 1: the first schema.
    """
    CREATE TABLE held (
        code        TEXT PRIMARY KEY,
        earned      TEXT NOT NULL CHECK (date(earned) = earned),
        cycle_start TEXT CHECK (cycle_start IS NULL OR date(cycle_start) = cycle_start),
        apprentice  INTEGER NOT NULL DEFAULT 0 CHECK (apprentice IN (0, 1)),
        designation TEXT,
        added_at    TEXT NOT NULL
    );
    CREATE TABLE ceu (
        id                 INTEGER PRIMARY KEY AUTOINCREMENT,
        date               TEXT NOT NULL CHECK (date(date) = date),
        ceus               REAL NOT NULL CHECK (ceus > 0),
        title              TEXT NOT NULL CHECK (length(title) > 0),
        provider           TEXT,
        approval           TEXT,
        category           TEXT,
        certificate        TEXT,
        certificate_sha256 TEXT,
        added_at           TEXT NOT NULL
    );
    CREATE TABLE ceu_for (
        ceu_id INTEGER NOT NULL REFERENCES ceu(id) ON DELETE CASCADE,
        code   TEXT NOT NULL,
        PRIMARY KEY (ceu_id, code)
    );
    CREATE TABLE experience (
        id        INTEGER PRIMARY KEY AUTOINCREMENT,
        start     TEXT NOT NULL CHECK (date(start) = start),
        end       TEXT CHECK (end IS NULL OR (date(end) = end AND end >= start)),
        kind      TEXT NOT NULL,
        employer  TEXT,
        added_at  TEXT NOT NULL
    );
    CREATE INDEX ceu_date ON ceu(date);
    """,
    # 2: find the CEUs recorded for a credential without a scan.
    """
    CREATE INDEX ceu_for_code ON ceu_for(code);
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


class TrackerError(Exception):
    """A problem with the tracker file the person can fix (message names the file)."""


def default_path(environ: Mapping[str, str] | None = None) -> Path:
    """``$CERTPLAN_DB`` (from ``environ``, default the process environment), else the user data dir's file."""
    env = (os.environ if environ is None else environ).get(ENV_DB)
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("certplan", appauthor=False)) / "tracker.sqlite3"


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class Tracker:
    """One open tracker database.  Use as a context manager; every write method commits before returning."""

    def __init__(self, path: str | Path | None = None, *, create: bool = True):
        self.path = Path(path) if path else default_path()
        if not create and not self.path.exists():
            raise FileNotFoundError(self.path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(
                str(self.path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
            )
        except (OSError, sqlite3.Error) as exc:
            raise TrackerError(f"cannot open the tracker {self.path}: {exc}") from None
        try:
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            mode = self.conn.execute("PRAGMA journal_mode").fetchone()[0]
            if mode.lower() != "wal":
                self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = FULL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise TrackerError(f"{self.path} is not a certplan tracker database ({exc})") from None

    # -- plumbing

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Tracker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction: BEGIN IMMEDIATE (waits for other writers) ... COMMIT, or ROLLBACK on any error."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        if version > SCHEMA_VERSION:
            raise TrackerError(
                f"{self.path} was written by a newer certplan (schema {version}; this one knows up to"
                f" {SCHEMA_VERSION}); upgrade certplan"
            )
        with self._write() as c:
            version = c.execute("PRAGMA user_version").fetchone()[0]  # another process may have migrated
            for i in range(version, SCHEMA_VERSION):
                for stmt in _statements(MIGRATIONS[i]):
                    c.execute(stmt)
                c.execute(f"PRAGMA user_version = {i + 1}")

    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    # -- held credentials

    def held(self) -> list[Held]:
        rows = self.conn.execute("SELECT code, earned, cycle_start, apprentice FROM held ORDER BY earned, code")
        return [
            Held(code, dt.date.fromisoformat(e), dt.date.fromisoformat(cs) if cs else None, bool(a))
            for code, e, cs, a in rows
        ]

    def held_add(self, h: Held, designation: str | None = None) -> None:
        """Add (or, when the code is already held, replace) a held credential; ``designation`` is the
        apprentice designation held (CPC-A), recorded as the catalog names it."""
        with self._write() as c:
            c.execute(
                "INSERT INTO held (code, earned, cycle_start, apprentice, designation, added_at)"
                " VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(code) DO UPDATE SET earned = excluded.earned,"
                " cycle_start = COALESCE(excluded.cycle_start, held.cycle_start),"
                " apprentice = excluded.apprentice, designation = excluded.designation",
                (
                    h.code,
                    h.earned.isoformat(),
                    h.cycle_start.isoformat() if h.cycle_start else None,
                    int(h.apprentice),
                    designation if h.apprentice else None,
                    _now(),
                ),
            )

    def held_remove(self, code: str) -> bool:
        with self._write() as c:
            return c.execute("DELETE FROM held WHERE code = ?", (code,)).rowcount > 0

    # -- CEUs

    def ceus(self) -> list[CeuEntry]:
        fors: dict[int, list[str]] = {}
        for cid, code in self.conn.execute("SELECT ceu_id, code FROM ceu_for ORDER BY ceu_id, code"):
            fors.setdefault(cid, []).append(code)
        rows = self.conn.execute(
            "SELECT id, date, ceus, title, provider, approval, category, certificate, certificate_sha256"
            " FROM ceu ORDER BY date, id"
        )
        return [
            CeuEntry(
                id=i,
                date=dt.date.fromisoformat(d),
                ceus=n,
                title=t,
                provider=p,
                approval=a,
                category=cat,
                for_codes=tuple(fors.get(i, ())),
                certificate=cert,
                certificate_sha256=sha,
            )
            for i, d, n, t, p, a, cat, cert, sha in rows
        ]

    def ceu_add(self, e: CeuEntry) -> int:
        """Save one CEU; returns its id once committed."""
        return self.ceu_add_many([e])[0]

    def ceu_add_many(self, entries: Iterable[CeuEntry]) -> list[int]:
        """Save several CEUs in one transaction (all or none); returns their ids."""
        ids = []
        now = _now()
        with self._write() as c:
            for e in entries:
                cur = c.execute(
                    "INSERT INTO ceu (date, ceus, title, provider, approval, category, certificate,"
                    " certificate_sha256, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        e.date.isoformat(),
                        e.ceus,
                        e.title,
                        e.provider,
                        e.approval,
                        e.category,
                        e.certificate,
                        e.certificate_sha256,
                        now,
                    ),
                )
                cid = cur.lastrowid
                c.executemany("INSERT INTO ceu_for (ceu_id, code) VALUES (?, ?)", [(cid, x) for x in dict.fromkeys(e.for_codes)])
                ids.append(cid)
        return ids

    def ceu_remove(self, ceu_id: int) -> bool:
        with self._write() as c:
            return c.execute("DELETE FROM ceu WHERE id = ?", (ceu_id,)).rowcount > 0

    # -- experience

    def experience(self) -> list[ExperienceEntry]:
        rows = self.conn.execute("SELECT id, start, end, kind, employer FROM experience ORDER BY start, id")
        return [
            ExperienceEntry(i, dt.date.fromisoformat(s), dt.date.fromisoformat(e) if e else None, k, emp)
            for i, s, e, k, emp in rows
        ]

    def experience_add(self, e: ExperienceEntry) -> int:
        with self._write() as c:
            cur = c.execute(
                "INSERT INTO experience (start, end, kind, employer, added_at) VALUES (?, ?, ?, ?, ?)",
                (e.start.isoformat(), e.end.isoformat() if e.end else None, e.kind, e.employer, _now()),
            )
            return cur.lastrowid

    def experience_remove(self, exp_id: int) -> bool:
        with self._write() as c:
            return c.execute("DELETE FROM experience WHERE id = ?", (exp_id,)).rowcount > 0

    def integrity(self) -> str:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0]


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


# --------------------------------------------------------------------------- the profile hook


def person_facts(path: str | Path | None = None) -> dict[str, Any]:
    """What the tracker knows about the person, for the profile resolution to merge with the saved profile:

    ``{"held": [{"code", "earned", "apprentice", "designation"}], "experience": [{"start", "end", "kind",
    "employer"}]}`` (dates ISO; ``designation`` is CPC-A while the apprentice designation is held, else None).
    An absent tracker gives empty lists and is not created.
    """
    p = Path(path) if path else default_path()
    if not p.exists():
        return {"held": [], "experience": []}
    with Tracker(p) as t:
        designations = dict(t.conn.execute("SELECT code, designation FROM held"))
        return {
            "held": [
                {
                    "code": h.code,
                    "earned": h.earned.isoformat(),
                    "apprentice": h.apprentice,
                    "designation": designations.get(h.code),
                }
                for h in t.held()
            ],
            "experience": [
                {
                    "start": e.start.isoformat(),
                    "end": e.end.isoformat() if e.end else None,
                    "kind": e.kind,
                    "employer": e.employer,
                }
                for e in t.experience()
            ],
        }


def experience_years(entries: list[dict[str, Any]], on: dt.date) -> tuple[float, list[str]]:
    """Years of experience up to ``on`` (overlapping periods once) and the kinds seen, from :func:`person_facts`."""
    from certplan.core.apprentice_removal import experience_days

    exp = [
        ExperienceEntry(0, dt.date.fromisoformat(e["start"]), dt.date.fromisoformat(e["end"]) if e["end"] else None, e["kind"])
        for e in entries
    ]
    kinds = list(dict.fromkeys(e.kind for e in exp))
    days = experience_days(exp, kinds, on)
    return round(days / 365.25, 2), kinds
