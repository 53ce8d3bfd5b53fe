"""After the exam: held, ceu, renew, experience and apprentice (the SQLite tracker).

Parse, open the tracker (store), compute (core), render (output).  A change is reported "saved" on
stderr only after its transaction has committed.
"""


import datetime as dt
import math
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, NoReturn, Optional

import typer

from certplan.cli import common
from certplan.cli.common import err, load
from certplan.cli.completion import completer
from certplan.cli.options import Output, output_options

held_app = typer.Typer(help="Credentials you hold, with the dates they were earned.", rich_markup_mode=None, no_args_is_help=True)
ceu_app = typer.Typer(help="Your CEU log: add, list, import, export, status, audit pack.", rich_markup_mode=None, no_args_is_help=True)
experience_app = typer.Typer(help="Work experience (used by apprentice status and eligibility).", rich_markup_mode=None, no_args_is_help=True)
apprentice_app = typer.Typer(help="When the -A (CPC-A, COC-A) can come off.", rich_markup_mode=None, no_args_is_help=True)
_complete_codes = completer("codes")


def register(app: typer.Typer) -> None:
    app.add_typer(held_app, name="held")
    app.add_typer(ceu_app, name="ceu")
    app.command("renew")(renew_cmd)
    app.add_typer(experience_app, name="experience")
    app.add_typer(apprentice_app, name="apprentice")

DbOpt = Annotated[
    Optional[Path],
    typer.Option(
        "--db",
        help="The tracker database (default: $CERTPLAN_DB, else tracker.sqlite3 in your user data folder).",
        metavar="FILE",
    ),
]
OnOpt = Annotated[Optional[str], typer.Option("--on", help="As of this day (default today).", metavar="YYYY-MM-DD")]
ForceOpt = Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")]


class ExportFormat(str, Enum):
    csv = "csv"
    json = "json"


# --------------------------------------------------------------------------- helpers


def _fail(text: str) -> NoReturn:
    common.fail_usage(text)


def _date(opt: str, text: str | None, *, not_after: dt.date | None = None) -> dt.date | None:
    if text is None:
        return None
    try:
        d = dt.date.fromisoformat(text.strip())
    except ValueError:
        _fail(f"{opt}: {text!r} is not a date (YYYY-MM-DD)")
    if len(text.strip()) != 10:
        _fail(f"{opt}: {text!r} is not a date (YYYY-MM-DD)")
    if not_after is not None and d > not_after:
        _fail(f"{opt}: {d.isoformat()} is in the future (today is {not_after.isoformat()})")
    return d


def _tracker(db: Path | None, write: bool = True):
    """The tracker; a command that only reads never creates one (a missing file reads as empty)."""
    from certplan.cli.env import current
    from certplan.store.tracker import Tracker, TrackerError, default_path

    path = db or default_path(current().environ)
    if not write and not Path(path).exists():
        path = ":memory:"
    try:
        return Tracker(path)
    except TrackerError as exc:
        _fail(str(exc))


def _credential(cat, code: str, opt: str = "") -> tuple[Any, bool]:
    """(credential, is_apprentice): CPC-A and COC-A resolve to CPC / COC held as an apprentice."""
    from certplan.core.lookup import UnknownCode, find

    typed = code.strip().upper()
    for c in cat.credentials:
        if c.apprentice is not None and c.apprentice.designation.upper() == typed:
            return c, True
    try:
        cred = find(cat, code)
    except UnknownCode as exc:
        _fail((f"{opt}: " if opt else "") + exc.message())
    if cred.status == "alias" and cred.see_also:
        target = find(cat, cred.see_also[0])
        err(f"certplan: {cred.code} is another name for {target.code}; recording {target.code}")
        return target, False
    return cred, False


def _held_codes(t) -> dict[str, Any]:
    return {h.code: h for h in t.held()}


def _category_names(cat) -> list[str]:
    return sorted({r.category for b in cat.bodies if b.renewal for r in b.renewal.categories})


def _sha256(path: Path) -> str:
    import hashlib

    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


def _write_file(path: str, data: bytes, force: bool, what: str, stdout=None, option: str = "--out") -> None:
    """``-`` is stdout; otherwise the file is written whole, and an existing one only with --force (fsutil)."""
    import sys

    if path == "-":
        stream = stdout or sys.stdout
        stream.flush()
        if hasattr(stream, "buffer"):
            stream.buffer.write(data)
            stream.buffer.flush()
        else:
            stream.write(data.decode("utf-8", "replace"))
        return
    from certplan.fsutil import FileProblem, write_output_file

    try:
        name = write_output_file(path, data, force=force, option=option)
    except FileProblem as exc:
        _fail(str(exc))
    err(f"certplan: wrote {what} to {name}")


def _held_record(cat, h) -> dict[str, Any]:
    by = {c.code: c for c in cat.credentials}
    c = by.get(h.code)
    return {
        "code": h.code,
        "name": c.name if c else None,
        "body": c.body if c else None,
        "earned": h.earned.isoformat(),
        "cycle_start": h.cycle_start.isoformat() if h.cycle_start else None,
        "apprentice": h.apprentice,
        "designation": c.apprentice.designation if (c and h.apprentice and c.apprentice) else None,
    }


# --------------------------------------------------------------------------- held


@held_app.command("add")
@output_options()
def held_add(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="The credential (CPC-A / COC-A for an apprentice).", autocompletion=_complete_codes)],
    earned: Annotated[str, typer.Option("--earned", help="The day you passed the exam.", metavar="YYYY-MM-DD")],
    cycle_start: Annotated[
        Optional[str],
        typer.Option("--cycle-start", help="Your current cycle start as the body's portal shows it.", metavar="YYYY-MM-DD"),
    ] = None,
    apprentice: Annotated[bool, typer.Option("--apprentice", help="You hold the -A designation.")] = False,
    db: DbOpt = None,
    *,
    out: Output,
) -> None:
    """Record a credential you hold (replaces the dates if it is already recorded).

    \b
    Examples:
      certplan held add CPC --earned 2025-03-14 --cycle-start 2025-01-01
      certplan held add CPC-A --earned 2025-06-02
      certplan held add CCS --earned 2024-11-20
    """
    from certplan.core.tracked import Held
    from certplan.output.tracker import HELD_COLUMNS, write_records

    f = out.format
    today = common.today()
    e = _date("--earned", earned, not_after=today)
    cs = _date("--cycle-start", cycle_start)
    cat = load(ctx)
    cred, is_app = _credential(cat, code)
    if apprentice and cred.apprentice is None:
        _fail(f"--apprentice: {cred.code} has no apprentice designation")
    if cred.status not in ("current", "retired"):
        _fail(f"{cred.code} is listed as {cred.status!r}, not a credential you can hold; see 'certplan show {cred.code}'")
    h = Held(cred.code, e, cs, is_app or apprentice)
    with _tracker(db) as t:
        t.held_add(h, cred.apprentice.designation if h.apprentice else None)
    err(f"certplan: saved {cred.code}" + (f" ({cred.apprentice.designation})" if h.apprentice else "") + f", earned {e.isoformat()}")
    write_records([_held_record(cat, h)], HELD_COLUMNS, f, out.ctx, "Held credential")


@held_app.command("list")
@output_options()
def held_list(ctx: typer.Context, db: DbOpt = None, *, out: Output) -> None:
    """List the credentials you hold.

    \b
    Examples:
      certplan held list
      certplan held list --json
    """
    from certplan.output.tracker import HELD_COLUMNS, write_records

    f = out.format
    cat = load(ctx)
    with _tracker(db, write=False) as t:
        rows = [_held_record(cat, h) for h in t.held()]
    write_records(rows, HELD_COLUMNS, f, out.ctx, "Held credentials")


@held_app.command("remove")
@output_options(formats=("table", "json"))
def held_remove(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="The credential.", autocompletion=_complete_codes)],
    db: DbOpt = None,
    *,
    out: Output,
) -> None:
    """Stop tracking a credential (its CEUs stay in the log).

    \b
    Examples:
      certplan held remove CPB
    """
    from certplan.output.render import write_json

    cat = load(ctx)
    cred, _ = _credential(cat, code)
    with _tracker(db) as t:
        if not t.held_remove(cred.code):
            _fail(f"{cred.code} is not held; 'certplan held list' shows what is")
    err(f"certplan: removed {cred.code}")
    if out.format == "json":
        write_json({"removed": cred.code}, out.ctx)


# --------------------------------------------------------------------------- ceu add / list / remove


def _ceu_entry(cat, held: dict[str, Any], today: dt.date, *, where: str, date, ceus, title, provider, approval,
               category, for_codes, certificate):
    """Validate one CEU (from options or an imported row); exit 2 with ``where`` naming the place."""
    from certplan.core.tracked import CeuEntry

    d = _date(f"{where}date", date, not_after=today)
    if d is None:
        _fail(f"{where}date: missing")
    try:
        n = float(str(ceus).strip())
    except ValueError:
        _fail(f"{where}ceus: {ceus!r} is not a number")
    if not math.isfinite(n) or n <= 0:
        _fail(f"{where}ceus: must be more than 0 (got {ceus})")
    if n > 1000:
        _fail(f"{where}ceus: {ceus} is more than 1000 for one activity")
    if not title or not str(title).strip():
        _fail(f"{where}title: missing")
    codes = []
    for raw in for_codes:
        cred, _ = _credential(cat, raw, f"{where}for")
        if cred.code not in held:
            _fail(
                f"{where}for {cred.code}: {cred.code} is not held; add it first with"
                f" 'certplan held add {cred.code} --earned YYYY-MM-DD'"
            )
        codes.append(cred.code)
    if category:
        category = category.strip().lower()
        names = _category_names(cat)
        if category not in names:
            from certplan.core.lookup import suggest

            hint = suggest(category, names)
            _fail(
                f"{where}category: unknown category {category!r}"
                + (f" (did you mean {hint[0]}?)" if hint else "")
                + f"; categories: {', '.join(names)}"
            )
    cert_path = sha = None
    if certificate:
        p = Path(certificate).expanduser()
        if not p.is_file():
            _fail(f"{where}certificate: {certificate} is not a file")
        cert_path, sha = str(p.resolve()), _sha256(p)
    return CeuEntry(
        id=0,
        date=d,
        ceus=n,
        title=str(title).strip(),
        provider=(provider or "").strip() or None,
        approval=(approval or "").strip() or None,
        category=category or None,
        for_codes=tuple(codes),
        certificate=cert_path,
        certificate_sha256=sha,
    )


@ceu_app.command("add")
@output_options()
def ceu_add(
    ctx: typer.Context,
    date: Annotated[str, typer.Option("--date", help="The day the activity was completed.", metavar="YYYY-MM-DD")],
    ceus: Annotated[str, typer.Option("--ceus", help="CEUs awarded (more than 0).", metavar="N")],
    title: Annotated[str, typer.Option("--title", help="The activity's title.")],
    provider: Annotated[Optional[str], typer.Option("--provider", help="Who gave it (e.g. AAPC, AHIMA, HCPro).")] = None,
    approval: Annotated[Optional[str], typer.Option("--approval", help="Approval or index number.", metavar="ID")] = None,
    category: Annotated[
        Optional[str], typer.Option("--category", help="As the body names it: auditing, compliance, specialty, hiim, ...")
    ] = None,
    for_codes: Annotated[
        Optional[list[str]],
        typer.Option("--for", help="The held credential(s) it is for (repeatable).", autocompletion=_complete_codes),
    ] = None,
    certificate: Annotated[
        Optional[str], typer.Option("--certificate", help="The certificate file (recorded by path and SHA-256).", metavar="FILE")
    ] = None,
    db: DbOpt = None,
    *,
    out: Output,
) -> None:
    """Record a CEU.

    \b
    Examples:
      certplan ceu add --date 2026-03-04 --ceus 1.5 --title "E/M" --provider AAPC --approval A12
      certplan ceu add --date 2026-04-10 --ceus 2 --title Audit --category auditing --for CPMA
    """
    from certplan.output.tracker import CEU_COLUMNS, ceu_record, write_records

    f = out.format
    cat = load(ctx)
    with _tracker(db) as t:
        entry = _ceu_entry(
            cat, _held_codes(t), common.today(), where="--", date=date, ceus=ceus, title=title, provider=provider,
            approval=approval, category=category, for_codes=for_codes or [], certificate=certificate,
        )
        cid = t.ceu_add(entry)
    err(f"certplan: saved CEU {cid}: {ceu_record(entry)['ceus']} CEUs on {entry.date.isoformat()} ({entry.title})")
    rec = ceu_record(entry)
    rec["id"] = cid
    write_records([rec], CEU_COLUMNS, f, out.ctx, "CEU")


@ceu_app.command("list")
@output_options()
def ceu_list(ctx: typer.Context, db: DbOpt = None, *, out: Output) -> None:
    """List every CEU recorded.

    \b
    Examples:
      certplan ceu list
      certplan ceu list --format csv
    """
    from certplan.output.tracker import CEU_COLUMNS, ceu_record, write_records

    f = out.format
    with _tracker(db, write=False) as t:
        rows = [ceu_record(c) for c in t.ceus()]
    write_records(rows, CEU_COLUMNS, f, out.ctx, "CEUs")


@ceu_app.command("remove")
@output_options(formats=("table", "json"))
def ceu_remove(
    ceu_id: Annotated[int, typer.Argument(help="The CEU's ID (see 'certplan ceu list').", metavar="ID")],
    db: DbOpt = None,
    *,
    out: Output,
) -> None:
    """Remove a CEU from the log.

    \b
    Examples:
      certplan ceu remove 12
    """
    from certplan.output.render import write_json

    with _tracker(db) as t:
        if not t.ceu_remove(ceu_id):
            _fail(f"no CEU with ID {ceu_id}; 'certplan ceu list' shows the IDs")
    err(f"certplan: removed CEU {ceu_id}")
    if out.format == "json":
        write_json({"removed": ceu_id}, out.ctx)


@ceu_app.command("import")
@output_options()
def ceu_import(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(help="CSV with date, ceus and title columns (and optional others).", metavar="FILE")],
    db: DbOpt = None,
    *,
    out: Output,
) -> None:
    """Import CEUs from a CSV file: all rows or none.

    Headers are matched loosely (Date/Completed, CEUs/Credits/Hours, Title/Course/Activity, Provider/Vendor,
    Approval/Index, Category/Topic, For/Credential, Certificate/File); ';' separates several --for codes.

    \b
    Examples:
      certplan ceu import my-ceus.csv
    """
    from certplan.output.tracker import CEU_COLUMNS, ceu_record, write_records
    from certplan.store.ceu_csv import CsvProblem, read_rows

    f = out.format
    cat = load(ctx)
    try:
        rows = read_rows(file)
    except CsvProblem as exc:
        _fail(str(exc))
    if not rows:
        _fail(f"{file}: no CEU rows")
    with _tracker(db) as t:
        held = _held_codes(t)
        today = common.today()
        entries = []
        for line, r in rows:
            fors = [x.strip() for x in (r.get("for") or "").replace(",", ";").split(";") if x.strip()]
            entries.append(
                _ceu_entry(
                    cat, held, today, where=f"{file}:{line}: ", date=r.get("date") or None, ceus=r.get("ceus", ""),
                    title=r.get("title"), provider=r.get("provider"), approval=r.get("approval"),
                    category=r.get("category") or None, for_codes=fors, certificate=r.get("certificate") or None,
                )
            )
        ids = t.ceu_add_many(entries)
    err(f"certplan: saved {len(ids)} CEU{'s' * (len(ids) != 1)} from {file} (IDs {ids[0]} to {ids[-1]})")
    recs = []
    for cid, e in zip(ids, entries):
        rec = ceu_record(e)
        rec["id"] = cid
        recs.append(rec)
    write_records(recs, CEU_COLUMNS, f, out.ctx, "Imported CEUs")


@ceu_app.command("export")
def ceu_export(
    fmt: Annotated[
        ExportFormat,
        typer.Option("--format", "-f", help="csv (default) or json.", autocompletion=completer("formats", ("csv", "json"))),
    ] = ExportFormat.csv,
    out_file: Annotated[str, typer.Option("--out", help="Write here ('-' for stdout, the default).", metavar="FILE")] = "-",
    force: ForceOpt = False,
    db: DbOpt = None,
) -> None:
    """Export the CEU log as CSV or JSON.

    \b
    Examples:
      certplan ceu export > ceus.csv
      certplan ceu export --format json --out ceus.json
    """
    from certplan.output.tracker import ceu_record, write_ceu_export

    with _tracker(db, write=False) as t:
        recs = [ceu_record(c) for c in t.ceus()]
    _write_file(out_file, write_ceu_export(recs, fmt.value), force, f"{len(recs)} CEUs", common.out().stdout)


# --------------------------------------------------------------------------- ceu status / audit-pack


def _statuses(ctx, db, on):
    from certplan.core import ceu_status

    cat = load(ctx)
    day = _date("--on", on) or common.today()
    with _tracker(db, write=False) as t:
        held, ceus = t.held(), t.ceus()
    return cat, day, held, ceus, ceu_status.status(cat, held, ceus, day)


@ceu_app.command("status")
@output_options()
def ceu_status_cmd(
    ctx: typer.Context, on: OnOpt = None, db: DbOpt = None, *, out: Output
) -> None:
    """Where you stand in each body's CEU cycle: required, earned, remaining, category minimums, pace.

    \b
    Examples:
      certplan ceu status
      certplan ceu status --on 2026-12-31 --json
    """
    from certplan.output.tracker import write_status

    f = out.format
    _, _, _, _, statuses = _statuses(ctx, db, on)
    write_status(statuses, f, out.ctx)


@ceu_app.command("audit-pack")
@output_options(formats=("table", "json"))
def ceu_audit_pack(
    ctx: typer.Context,
    out_file: Annotated[str, typer.Option("--out", help="The zip file to write ('-' for stdout).", metavar="FILE.zip")],
    on: OnOpt = None,
    force: ForceOpt = False,
    db: DbOpt = None,
    *,
    out: Output,
) -> None:
    """Zip the current cycle's CEUs (CSV), their certificate files and SHA-256 checksums, for an audit.

    \b
    Examples:
      certplan ceu audit-pack --out ceu-audit.zip
    """
    from certplan.output.tracker import audit_pack, ceu_record

    _, day, _, ceus, statuses = _statuses(ctx, db, on)
    if not statuses:
        _fail("no credential held; add one with 'certplan held add CODE --earned YYYY-MM-DD'")
    ids = {i for s in statuses for i in s["counted"]}
    recs = [ceu_record(c) for c in ceus if c.id in ids]
    cycles = "; ".join(f"{s['body']} {s['cycle_start']} to {s['cycle_end']}" for s in statuses if s["cycle_start"])
    data, problems, files = audit_pack(recs, f"CEU audit pack as of {day.isoformat()}: {cycles}")
    for p in problems:
        err(f"certplan: {p}")
    if out.format == "json" and out_file == "-":
        _fail("--json needs --out FILE (the zip itself would go to stdout)")
    _write_file(out_file, data, force, f"the audit pack ({len(recs)} CEUs)", out.ctx.stdout)
    if out.format == "json":
        from certplan.output.render import write_json

        write_json({"out": out_file, "on": day.isoformat(), "ceus": [r["id"] for r in recs], "files": files,
                    "problems": problems}, out.ctx)


# --------------------------------------------------------------------------- renew


@output_options()
def renew_cmd(
    ctx: typer.Context,
    on: OnOpt = None,
    ics: Annotated[
        Optional[str],
        typer.Option("--ics", help="Also write the due dates as an iCalendar file (reminders 90, 45, 15 days before; '-' for stdout).", metavar="FILE"),
    ] = None,
    force: ForceOpt = False,
    db: DbOpt = None,
    *,
    out: Output,
) -> None:
    """Renewal deadlines for every credential you hold: due date, grace, late and extension fees, lapse, reinstatement.

    \b
    Examples:
      certplan renew
      certplan renew --ics renewals.ics
      certplan renew --json
    """
    from certplan.core import renewal
    from certplan.output.tracker import renewal_calendar, write_renew

    f = out.format
    cat = load(ctx)
    day = _date("--on", on) or common.today()
    with _tracker(db, write=False) as t:
        items = renewal.renewals(cat, t.held(), t.ceus(), day)
    if ics == "-":
        _write_file("-", renewal_calendar(items, day), force, "the calendar", out.ctx.stdout)
        return
    if ics is not None:
        _write_file(ics, renewal_calendar(items, day), force, f"{sum(1 for i in items if i['due'])} due dates", option="--ics")
    write_renew(items, f, out.ctx)


# --------------------------------------------------------------------------- experience and apprentice


@experience_app.command("add")
@output_options()
def experience_add(
    start: Annotated[str, typer.Option("--start", help="First day.", metavar="YYYY-MM-DD")],
    kind: Annotated[
        str,
        typer.Option(
            "--kind", help="coding, billing, ... (see 'certplan eligible --help').", autocompletion=completer("experience-kinds")
        ),
    ],
    end: Annotated[Optional[str], typer.Option("--end", help="Last day (omit while it goes on).", metavar="YYYY-MM-DD")] = None,
    employer: Annotated[Optional[str], typer.Option("--employer", help="Who you worked for.")] = None,
    db: DbOpt = None,
    *,
    out: Output,
) -> None:
    """Record a period of work experience.

    \b
    Examples:
      certplan experience add --start 2025-07-01 --kind coding --employer "Valley Clinic"
      certplan experience add --start 2023-01-09 --end 2024-06-30 --kind billing
    """
    from certplan.catalog.vocab import EXPERIENCE_KINDS
    from certplan.core.tracked import ExperienceEntry
    from certplan.output.tracker import EXPERIENCE_COLUMNS, write_records

    f = out.format
    today = common.today()
    s = _date("--start", start, not_after=today)
    e = _date("--end", end)
    if e is not None and e < s:
        _fail(f"--end: {e.isoformat()} is before --start {s.isoformat()}")
    k = kind.strip().lower()
    if k not in EXPERIENCE_KINDS:
        from certplan.core.lookup import suggest

        hint = suggest(k, EXPERIENCE_KINDS)
        _fail(f"--kind: unknown kind {kind!r}" + (f" (did you mean {hint[0]}?)" if hint else "") + f"; kinds: {', '.join(EXPERIENCE_KINDS)}")
    entry = ExperienceEntry(0, s, e, k, (employer or "").strip() or None)
    with _tracker(db) as t:
        eid = t.experience_add(entry)
    err(f"certplan: saved experience {eid}: {k} from {s.isoformat()}" + (f" to {e.isoformat()}" if e else " (ongoing)"))
    write_records([_exp_record(entry, eid)], EXPERIENCE_COLUMNS, f, out.ctx, "Experience")


def _exp_record(e, eid: int | None = None) -> dict[str, Any]:
    return {
        "id": e.id if eid is None else eid,
        "start": e.start.isoformat(),
        "end": e.end.isoformat() if e.end else None,
        "kind": e.kind,
        "employer": e.employer,
    }


@experience_app.command("list")
@output_options()
def experience_list(db: DbOpt = None, *, out: Output) -> None:
    """List the work experience recorded.

    \b
    Examples:
      certplan experience list
    """
    from certplan.output.tracker import EXPERIENCE_COLUMNS, write_records

    f = out.format
    with _tracker(db, write=False) as t:
        rows = [_exp_record(e) for e in t.experience()]
    write_records(rows, EXPERIENCE_COLUMNS, f, out.ctx, "Experience")


@experience_app.command("remove")
@output_options(formats=("table", "json"))
def experience_remove(
    exp_id: Annotated[int, typer.Argument(help="The entry's ID (see 'certplan experience list').", metavar="ID")],
    db: DbOpt = None,
    *,
    out: Output,
) -> None:
    """Remove a period of experience.

    \b
    Examples:
      certplan experience remove 3
    """
    with _tracker(db) as t:
        if not t.experience_remove(exp_id):
            _fail(f"no experience entry with ID {exp_id}; 'certplan experience list' shows the IDs")
    err(f"certplan: removed experience {exp_id}")
    if out.format == "json":
        from certplan.output.render import write_json

        write_json({"removed": exp_id}, out.ctx)


@apprentice_app.command("status")
@output_options()
def apprentice_status(
    ctx: typer.Context,
    on: OnOpt = None,
    course_done: Annotated[
        Optional[str], typer.Option("--course-done", help="The day you completed an 80-contact-hour coding course.", metavar="YYYY-MM-DD")
    ] = None,
    practicode_done: Annotated[
        Optional[str], typer.Option("--practicode-done", help="The day you completed Practicode.", metavar="YYYY-MM-DD")
    ] = None,
    db: DbOpt = None,
    *,
    out: Output,
) -> None:
    """For a CPC-A or COC-A: the earliest day the -A can come off under each removal option, and the evidence.

    \b
    Examples:
      certplan apprentice status
      certplan apprentice status --course-done 2025-02-28 --json
    """
    from certplan.core import apprentice_removal
    from certplan.output.tracker import write_apprentice

    f = out.format
    cat = load(ctx)
    today = common.today()
    day = _date("--on", on) or today
    cd = _date("--course-done", course_done, not_after=today)
    pd = _date("--practicode-done", practicode_done, not_after=today)
    with _tracker(db, write=False) as t:
        items = apprentice_removal.status(cat, t.held(), t.experience(), day, cd, pd)
    write_apprentice(items, f, out.ctx)
