"""Rendering for the after-the-exam commands: held, ceu, renew, experience, apprentice.

Tables, CSV export, the renewal calendar (VALARM 90, 45 and 15 days before each due date) and the CEU
audit pack (a zip of the cycle's CEU list, the certificate files and their SHA-256 checksums).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from certplan.output.render import Column, OutputContext, cell_text, markdown_table, money_text, write_json, write_rows

REMINDER_DAYS = (90, 45, 15)

HELD_COLUMNS = [
    Column("code", "Code"),
    Column("name", "Name", max_width=40),
    Column("body", "Body"),
    Column("earned", "Earned"),
    Column("cycle_start", "Cycle start"),
    Column("apprentice", "Apprentice"),
]
CEU_COLUMNS = [
    Column("id", "ID", justify="right"),
    Column("date", "Date"),
    Column("ceus", "CEUs", justify="right"),
    Column("title", "Title", max_width=36),
    Column("provider", "Provider"),
    Column("approval", "Approval"),
    Column("category", "Category"),
    Column("for", "For"),
    Column("certificate", "Certificate", max_width=30),
]
EXPERIENCE_COLUMNS = [
    Column("id", "ID", justify="right"),
    Column("start", "Start"),
    Column("end", "End"),
    Column("kind", "Kind"),
    Column("employer", "Employer"),
]
CEU_FIELDS = ["id", "date", "ceus", "title", "provider", "approval", "category", "for", "certificate", "certificate_sha256"]


def _blank(v: Any) -> Any:
    return "-" if v in (None, "", []) else v


def write_records(rows: list[dict[str, Any]], columns: list[Column], fmt: str, ctx: OutputContext, title: str) -> None:
    if fmt == "json":
        write_json(rows, ctx)
        return
    shown = rows if fmt == "csv" else [{k: _blank(v) for k, v in r.items()} for r in rows]
    if not rows and fmt == "table":
        ctx.stderr.write(f"certplan: {title}: none recorded\n")
        return
    write_rows(shown, columns, fmt, ctx, title=title)


# --------------------------------------------------------------------------- ceu status


def _num(v: Any) -> str:
    return "unknown" if v is None else cell_text(v)


def status_groups(statuses: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """One group per body (its cycle in the title), a row for the total and one per category minimum."""
    groups = []
    for s in statuses:
        track = {True: "yes", False: "no", None: "unknown"}[s["on_track"]]
        cycle = f"{s['cycle_start']} to {s['cycle_end']}" if s["cycle_start"] else "cycle unknown"
        title = f"{s['body']} ({', '.join(s['credentials'])}): {cycle}"
        if s["days_left"] is not None:
            title += f", {s['days_left']} days left, on track: {track}"
        note = " (prorated, estimate)" if s["estimate"] else " (prorated)" if s["prorated"] else ""
        rows = [
            {
                "what": "total" + note,
                "required": _num(s["required"]),
                "earned": _num(s["earned"]),
                "remaining": _num(s["remaining"]),
            }
        ]
        for c in s["categories"]:
            rows.append(
                {
                    "what": c["name"] + (f" ({', '.join(c['for'])})" if c["for"] else ""),
                    "required": _num(c["required"]),
                    "earned": _num(c["earned"]),
                    "remaining": _num(c["remaining"]),
                }
            )
        groups.append((title, rows))
    return groups


def status_rows(statuses: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Flat rows for CSV and Markdown: the body and cycle on every row."""
    out = []
    for s, (_, rows) in zip(statuses, status_groups(statuses)):
        for r in rows:
            out.append(
                {
                    "body": s["body"],
                    "cycle_start": s["cycle_start"],
                    "cycle_end": s["cycle_end"],
                    "days_left": s["days_left"],
                    "on_track": s["on_track"],
                    **r,
                }
            )
    return out


STATUS_COLUMNS = [
    Column("what", "CEUs"),
    Column("required", "Required", justify="right"),
    Column("earned", "Earned", justify="right"),
    Column("remaining", "Remaining", justify="right"),
]
STATUS_FLAT_COLUMNS = [
    Column("body", "Body"),
    Column("cycle_start", "Cycle start"),
    Column("cycle_end", "Cycle end"),
    Column("what", "CEUs"),
    Column("required", "Required"),
    Column("earned", "Earned"),
    Column("remaining", "Remaining"),
    Column("days_left", "Days left"),
    Column("on_track", "On track"),
]


def write_status(statuses: list[dict[str, Any]], fmt: str, ctx: OutputContext) -> None:
    if fmt == "json":
        write_json(statuses, ctx)
        return
    if not statuses:
        ctx.stderr.write("certplan: no credential held; add one with 'certplan held add CODE --earned YYYY-MM-DD'\n")
        return
    if fmt != "table":
        write_rows(status_rows(statuses), STATUS_FLAT_COLUMNS, fmt, ctx, title="CEUs this cycle")
        return
    for title, rows in status_groups(statuses):
        ctx.stdout.write(title + "\n")  # a plain line: never wrapped to the table's width
        write_rows(rows, STATUS_COLUMNS, fmt, ctx)
    for s in statuses:
        for e in s["excluded"]:
            ctx.stdout.write(f"{s['body']}: CEU {e['id']} ({e['title']}) does not count: {e['reason']}\n")
        for n in s["notes"]:
            ctx.stdout.write(f"{s['body']}: {n}\n")
    srcs = list(dict.fromkeys(u for s in statuses for u in s["sources"]))
    for i, u in enumerate(srcs, 1):
        ctx.stdout.write(f"[{i}] {u}\n")


# --------------------------------------------------------------------------- renew


RENEW_COLUMNS = [
    Column("code", "Code"),
    Column("body", "Body"),
    Column("due", "Due"),
    Column("grace_until", "Grace until"),
    Column("lapses_on", "Lapses"),
    Column("reinstate_until", "Reinstate by"),
]
RENEW_FLAT_COLUMNS = RENEW_COLUMNS[:4] + [
    Column("late_fee", "Late fee"),
    Column("extension_fee", "Extension fee"),
    Column("reinstatement_fee", "Reinstatement fee"),
    Column("lapses_on", "Lapses"),
    Column("lapse_status", "Lapse status"),
    Column("reinstate_until", "Reinstate by"),
]


def _fee_text(f: dict[str, Any] | None) -> str:
    return "-" if f is None else money_text(f["amount"])


def renew_rows(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "code": r["code"],
            "body": r["body"] or "-",
            "due": r["due"] or "unknown",
            "grace_until": r["grace_until"] or ("none" if r["grace_days"] == 0 else "unknown"),
            "late_fee": _fee_text(r["late_fee"]),
            "extension_fee": _fee_text(r["extension_fee"]),
            "reinstatement_fee": _fee_text(r["reinstatement_fee"]),
            "lapses_on": r["lapses_on"] or "unknown",
            "lapse_status": r["lapse_status"] or "unknown",
            "reinstate_until": r["reinstate_until"] or "unknown",
        }
        for r in items
    ]


def write_renew(items: list[dict[str, Any]], fmt: str, ctx: OutputContext) -> None:
    if fmt == "json":
        write_json(items, ctx)
        return
    if not items:
        ctx.stderr.write("certplan: no credential held; add one with 'certplan held add CODE --earned YYYY-MM-DD'\n")
        return
    if fmt != "table":
        write_rows(renew_rows(items), RENEW_FLAT_COLUMNS, fmt, ctx, title="Renewal deadlines")
        return
    write_rows(renew_rows(items), RENEW_COLUMNS, fmt, ctx, title="Renewal deadlines")
    for r, row in zip(items, renew_rows(items)):
        fees = [f"{name} {row[key]}" for name, key in (("late fee", "late_fee"), ("extension", "extension_fee"),
                ("reinstatement", "reinstatement_fee")) if r[key]]
        if fees:
            ctx.stdout.write(f"{r['code']}: " + "; ".join(fees) + "\n")
        for step in r["lapse_steps"]:
            ctx.stdout.write(f"{r['code']}: {step['status']} on {step['on'] or 'an unknown day'}: {step['what']}\n")
        if r["reinstate_how"]:
            ctx.stdout.write(f"{r['code']}: to reinstate: {r['reinstate_how']}\n")
        for n in r["notes"]:
            ctx.stdout.write(f"{r['code']}: {n}\n")
        for g in r["grace_alternatives"]:
            ctx.stdout.write(f"{r['code']}: another source gives {g['days']} days ({g['what']}): {g['source']}\n")
    srcs = list(dict.fromkeys(u for r in items for u in r["sources"]))
    for i, u in enumerate(srcs, 1):
        ctx.stdout.write(f"[{i}] {u}\n")


def renewal_calendar(items: list[dict[str, Any]], stamp: dt.date) -> bytes:
    """An iCalendar file: one all-day event per due date, each with reminders 90, 45 and 15 days before."""
    from icalendar import Alarm, Calendar, Event

    from certplan import __version__

    cal = Calendar()
    cal.add("prodid", f"-//certplan//certplan {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "Credential renewals")
    dtstamp = dt.datetime.combine(stamp, dt.time(0, 0), tzinfo=dt.timezone.utc)
    for r in items:
        if not r["due"]:
            continue
        due = dt.date.fromisoformat(r["due"])
        e = Event()
        key = f"renew|{r['code']}|{r['due']}"
        e.add("uid", hashlib.sha256(key.encode()).hexdigest()[:32] + "@certplan")
        e.add("dtstamp", dtstamp)
        e.add("dtstart", due)
        e.add("dtend", due + dt.timedelta(days=1))
        e.add("summary", f"{r['code']} renewal due ({r['body']})")
        lines = [f"CEUs and renewal for {r['code']} are due {r['due']}."]
        if r["grace_until"]:
            lines.append(f"Grace period until {r['grace_until']}.")
        if r["late_fee"] and r["late_fee"]["amount"] is not None:
            lines.append(f"Late fee: {money_text(r['late_fee']['amount'])}.")
        if r["lapses_on"]:
            lines.append(f"{r['lapse_status'].capitalize()} on {r['lapses_on']} if not renewed.")
        if r["reinstate_until"]:
            lines.append(f"Can be reinstated until {r['reinstate_until']}.")
        lines += [f"Source: {u}" for u in r["sources"]]
        e.add("description", "\n".join(lines))
        e.add("categories", ["renewal"])
        e.add("transp", "TRANSPARENT")
        for days in REMINDER_DAYS:
            a = Alarm()
            a.add("action", "DISPLAY")
            a.add("description", f"{r['code']} renewal due in {days} days ({r['due']})")
            a.add("trigger", dt.timedelta(days=-days))
            e.add_component(a)
        cal.add_component(e)
    return cal.to_ical()


# --------------------------------------------------------------------------- ceu export and audit pack


def ceu_record(c: Any) -> dict[str, Any]:
    return {
        "id": c.id,
        "date": c.date.isoformat(),
        "ceus": int(c.ceus) if float(c.ceus).is_integer() else c.ceus,
        "title": c.title,
        "provider": c.provider,
        "approval": c.approval,
        "category": c.category,
        "for": list(c.for_codes),
        "certificate": c.certificate,
        "certificate_sha256": c.certificate_sha256,
    }


def ceu_csv(records: Sequence[dict[str, Any]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CEU_FIELDS)
    for r in records:
        w.writerow([_csv_cell("; ".join(r[f]) if f == "for" else ("" if r[f] is None else r[f])) for f in CEU_FIELDS])
    return buf.getvalue()


def _csv_cell(v: Any) -> Any:
    """Defuse spreadsheet formulas: a text cell starting with = + - @ (or tab/CR) gets a leading apostrophe."""
    if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + v
    return v


def write_ceu_export(records: list[dict[str, Any]], fmt: str) -> bytes:
    if fmt == "json":
        import json

        return (json.dumps(records, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()
    return ceu_csv(records).encode()


def audit_pack(records: list[dict[str, Any]], title: str) -> tuple[bytes, list[str], list[dict[str, str]]]:
    """The zip's bytes, the problems found (a certificate missing or changed since it was recorded) and the
    files in it with their SHA-256."""
    problems: list[str] = []
    buf = io.BytesIO()
    sums: list[str] = []
    fixed = (1980, 1, 1, 0, 0, 0)  # same input, same zip
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        listing = ceu_csv(records).encode()
        z.writestr(zipfile.ZipInfo("ceus.csv", fixed), listing)
        sums.append(f"{hashlib.sha256(listing).hexdigest()}  ceus.csv")
        for r in records:
            if not r["certificate"]:
                continue
            src = Path(r["certificate"])
            try:
                data = src.read_bytes()
            except OSError:
                problems.append(f"CEU {r['id']}: certificate {src} is missing")
                continue
            digest = hashlib.sha256(data).hexdigest()
            if r["certificate_sha256"] and digest != r["certificate_sha256"]:
                problems.append(f"CEU {r['id']}: certificate {src} changed since it was recorded")
            name = f"certificates/{r['id']}-{src.name}"
            z.writestr(zipfile.ZipInfo(name, fixed), data)
            sums.append(f"{digest}  {name}")
        readme = f"{title}\nceus.csv lists the CEUs; certificates/ holds their files; SHA256SUMS their checksums.\n"
        z.writestr(zipfile.ZipInfo("README.txt", fixed), readme.encode())
        z.writestr(zipfile.ZipInfo("SHA256SUMS", fixed), ("\n".join(sums) + "\n").encode())
    files = [{"name": line.split("  ", 1)[1], "sha256": line.split("  ", 1)[0]} for line in sums]
    return buf.getvalue(), problems, files


# --------------------------------------------------------------------------- apprentice


def write_apprentice(items: list[dict[str, Any]], fmt: str, ctx: OutputContext) -> None:
    if fmt == "json":
        write_json(items, ctx)
        return
    if not items:
        ctx.stderr.write(
            "certplan: no apprentice designation held; record one with 'certplan held add CPC-A --earned YYYY-MM-DD'\n"
        )
        return
    rows = []
    for a in items:
        for o in a["options"]:
            rows.append(
                {
                    "designation": a["designation"],
                    "option": o["label"],
                    "earliest": o["earliest"] or "not yet known",
                    "met": "yes" if o["met"] else "no",
                    "still_needed": "; ".join(o["still_needed"]) or "-",
                }
            )
    cols = [
        Column("designation", "Designation"),
        Column("option", "Removal option", max_width=48),
        Column("earliest", "Earliest"),
        Column("met", "Met"),
        Column("still_needed", "Still needed", max_width=40),
    ]
    if fmt == "markdown":
        ctx.stdout.write(markdown_table([c.header for c in cols], [[r[c.key] for c in cols] for r in rows]))
        return
    write_rows(rows, cols, fmt, ctx, title="Apprentice removal")
    if fmt == "table":
        for a in items:
            seen: set[str] = set()
            for o in a["options"]:
                for ev in o["evidence"]:
                    if ev["kind"] in seen:
                        continue
                    seen.add(ev["kind"])
                    ctx.stdout.write(f"{a['designation']} evidence ({ev['kind']}): {ev['text']} [{ev['source']}]\n")
