"""Rendering of study plans: Rich timeline, Markdown checklist, CSV of weeks, iCalendar file."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from typing import Any

from certplan.output.render import OutputContext, markdown_escape, markdown_table, money_text, write_json


def render_plan(plan: dict[str, Any], fmt: str, ctx: OutputContext) -> None:
    if fmt == "json":
        write_json(plan, ctx)
    elif fmt == "markdown":
        ctx.stdout.write(markdown(plan))
    elif fmt == "csv":
        write_csv(plan, ctx)
    else:
        table(plan, ctx)


# --------------------------------------------------------------------------- shared text


def h(v: float | int) -> str:
    return f"{v:g} h"


def summary_lines(p: dict[str, Any]) -> list[tuple[str, str]]:
    ex = p["exam"]
    rows = [
        ("Start", p["start"]),
        ("Exam", p["exam_date"]),
        ("Book the exam by", f"{p['registration_deadline']} (certplan's rule: {p['book_ahead_weeks']} weeks ahead)"),
        (
            "Hours",
            f"{h(p['total_hours'])} in total, {h(p['hours_per_week'])}/week ({p['hours_per_week_basis']}), "
            f"{p['study_weeks']} study weeks",
        ),
        (
            "Study hours",
            p["hours_basis"] + (f" - source: {p['base_hours']['source']}" if p["base_hours"]["source"] else ""),
        ),
    ]
    for a in p["adjustments"]:
        sign = "+" if a["hours"] >= 0 else ""
        rows.append(("Adjusted", f"{sign}{a['hours']:g} h: {a['reason']}"))
    b = p["breakdown"]
    parts = [f"{k.replace('_', ' ')} {h(v)}" for k, v in b.items() if v]
    rows.append(("Made of", ", ".join(parts) + f" = {h(p['total_hours'])}"))
    rows.append(("Domains", p["domain_weighting"]))
    length = f"{ex['duration_minutes']} minutes" if ex["duration_minutes"] else "length unknown"
    q = f"{ex['questions']} questions" if ex["questions"] else "question count unknown"
    rows.append(("Exam format", f"{q}, {length}, passing score {ex['passing_score'] or 'unknown'}"))
    el = p["eligibility"]
    status = el["status"]
    if el["apprentice"]:
        status += f" (passing now gives {el['apprentice']['designation']})"
    if el["missing"]:
        status += "; missing: " + "; ".join(el["missing"])
    if el["eligible_from"]:
        status += f"; eligible from about {el['eligible_from']}"
    rows.append(("Eligibility", status))
    for pr in el["prerequisites"]:
        rows.append(("First", pr["text"]))
    cb = p["code_books"]
    if cb["open_book"]:
        rows.append(("Code books", f"{cb['year']} editions: " + ("; ".join(cb["references"]) or "unknown")))
        rows.append(("Tabs and notes", cb["tabbing_and_notes"]))
    elif cb["open_book"] is None:
        rows.append(("Code books", "unknown whether books are allowed (not in the catalog)"))
    else:
        rows.append(("Code books", "closed-book exam"))
    for n in cb.get("notes", []):
        rows.append(("Books note", n["text"] + (f" - source: {n['source']}" if n["source"] else "")))
    return rows


def week_dates(w: dict[str, Any]) -> str:
    return w["start"] if w["start"] == w["end"] else f"{w['start']} to {w['end']}"


def milestone_text(m: dict[str, Any]) -> str:
    return f"{m['date']}: {m['title']}"


def after_text(a: dict[str, Any]) -> str:
    text = f"{a['title']}: {a['detail']}"
    if a.get("date"):
        text += f" (about {a['date']})"
    return text


def cost_total_text(p: dict[str, Any]) -> str:
    if p["cost_total"] is None:
        text = "unknown (no price for: " + ", ".join(p["cost_unknown_parts"]) + ")"
        if p.get("cost_known_subtotal"):
            text += f"; {money_text(p['cost_known_subtotal'])} without them"
        return text
    return money_text(p["cost_total"])


# --------------------------------------------------------------------------- table


def table(p: dict[str, Any], ctx: OutputContext) -> None:
    from rich.table import Table

    bold = "bold" if ctx.color else ""
    head = Table(
        title=f"{p['code']} study plan - {p['name']}" + (f" ({p['body']})" if p["body"] else ""),
        title_justify="left",
        show_header=False,
        box=None,
        pad_edge=False,
    )
    head.add_column("label", no_wrap=True, style=bold)
    head.add_column("value", overflow="fold")
    for k, v in summary_lines(p):
        head.add_row(k, v)
    ctx.print(head)
    ctx.stdout.write("\n")

    t = Table(title="Week by week", title_justify="left", show_lines=True, header_style=bold)
    t.add_column("Week", justify="right")
    t.add_column("Dates", no_wrap=True)
    t.add_column("Hours", justify="right")
    t.add_column("Focus", overflow="fold")
    t.add_column("Milestones", overflow="fold")
    for w in p["weeks"]:
        t.add_row(
            str(w["week"]),
            week_dates(w).replace(" to ", "\nto "),
            f"{w['hours']:g}",
            "\n".join(w["focus"]),
            "\n".join(milestone_text(m) for m in w["milestones"]),
        )
    ctx.print(t)
    ctx.stdout.write("\n")

    d = Table(title="Domains", title_justify="left", header_style=bold)
    d.add_column("Domain", overflow="fold")
    d.add_column("Published", justify="right")
    d.add_column("Share", justify="right")
    d.add_column("Hours", justify="right")
    for r in p["domains"]:
        pub = []
        if r["weight_percent"] is not None:
            pub.append(f"{r['weight_percent']:g}%")
        if r["questions"] is not None:
            pub.append(f"{r['questions']} q")
        d.add_row(r["name"], ", ".join(pub) or "none", f"{r['share_percent']:g}%", f"{r['hours']:g}")
    ctx.print(d)
    ctx.stdout.write("\n")

    c = Table(title=f"Costs ({p['cost_basis']})", title_justify="left", header_style=bold)
    c.add_column("Item", overflow="fold")
    c.add_column("Amount", justify="right")
    c.add_column("Source or note", overflow="fold")
    for ln in p["costs"]:
        c.add_row(ln["label"], money_text(ln["amount"]), _src_note(ln))
    c.add_row("Total", cost_total_text(p), "")
    ctx.print(c)
    ctx.stdout.write("\n")

    a = Table(title="After the exam", title_justify="left", show_header=False, box=None, pad_edge=False)
    a.add_column("item", overflow="fold")
    for item in p["after"]:
        a.add_row("- " + after_text(item))
    ctx.print(a)


def _src_note(ln: dict[str, Any]) -> str:
    parts = [x for x in (ln.get("note"), ln.get("source")) if x]
    return " - ".join(parts)


# --------------------------------------------------------------------------- markdown checklist


def markdown(p: dict[str, Any]) -> str:
    out: list[str] = [f"# {p['code']} study plan: {markdown_escape(p['name'])}", ""]
    for k, v in summary_lines(p):
        out.append(f"- **{k}:** {v}")
    out.append("")
    for w in p["weeks"]:
        label = "Exam week" if w["phase"] == "exam" else f"Week {w['week']}"
        out.append(f"## {label}: {week_dates(w)} ({h(w['hours'])}, {w['phase']})")
        out.append("")
        for m in w["milestones"]:
            out.append(f"- [ ] **{m['date']}: {m['title']}**" + (f" - {m['detail']}" if m.get("detail") else ""))
        for f in w["focus"]:
            out.append(f"- [ ] {f}")
        out.append("")
    out.append("## After the exam")
    out.append("")
    for a in p["after"]:
        out.append(f"- [ ] {after_text(a)}")
    out.append("")
    rows = [[ln["label"], money_text(ln["amount"]), _src_note(ln)] for ln in p["costs"]]
    rows.append(["**Total**", cost_total_text(p), ""])
    out.append(markdown_table(["Cost", "Amount", "Source or note"], rows, f"Costs ({p['cost_basis']})"))
    if p["warnings"]:
        out.append("## Warnings")
        out.append("")
        out += [f"- {w}" for w in p["warnings"]]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


# --------------------------------------------------------------------------- csv


def write_csv(p: dict[str, Any], ctx: OutputContext) -> None:
    w = csv.writer(ctx.stdout, lineterminator="\n")
    w.writerow(["week", "start", "end", "phase", "hours", "focus", "milestones"])
    for wk in p["weeks"]:
        w.writerow(
            [
                wk["week"],
                wk["start"],
                wk["end"],
                wk["phase"],
                f"{wk['hours']:g}",
                "; ".join(wk["focus"]),
                "; ".join(milestone_text(m) for m in wk["milestones"]),
            ]
        )


# --------------------------------------------------------------------------- iCalendar


def _uid(p: dict[str, Any], *parts: Any) -> str:
    key = "|".join(
        str(x) for x in (p["code"], p["start"], p["exam_date"], p["hours_per_week"], p["registration_deadline"], *parts)
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + "@certplan"


def calendar(p: dict[str, Any]):
    """The plan as an icalendar.Calendar: one all-day event per study week, one per milestone."""
    from icalendar import Calendar, Event

    from certplan import __version__

    cal = Calendar()
    cal.add("prodid", f"-//certplan//certplan {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"{p['code']} study plan")
    stamp = dt.datetime.combine(dt.date.fromisoformat(p["generated_on"]), dt.time(0, 0), tzinfo=dt.timezone.utc)
    day = dt.timedelta(days=1)

    def event(uid: str, start: dt.date, end: dt.date, summary: str, description: str, category: str, busy: bool):
        e = Event()
        e.add("uid", uid)
        e.add("dtstamp", stamp)
        e.add("dtstart", start)
        e.add("dtend", end + day)  # all-day: DTEND is the day after the last day
        e.add("summary", summary)
        e.add("description", description)
        e.add("categories", [category])
        e.add("transp", "OPAQUE" if busy else "TRANSPARENT")
        cal.add_component(e)

    for w in p["weeks"]:
        if not w["hours"]:
            continue
        event(
            _uid(p, "week", w["week"]),
            dt.date.fromisoformat(w["start"]),
            dt.date.fromisoformat(w["end"]),
            f"{p['code']} study week {w['week']}: {w['hours']:g} h",
            "\n".join(w["focus"]),
            "study",
            False,
        )
    for i, m in enumerate(p["milestones"]):
        desc = m.get("detail") or ""
        if m.get("source"):
            desc += f"\nSource: {m['source']}"
        d = dt.date.fromisoformat(m["date"])
        event(
            _uid(p, "milestone", m["kind"], i, m["date"]),
            d,
            d,
            f"{p['code']}: {m['title']}",
            desc.strip(),
            m["kind"],
            m["kind"] in ("exam", "practice-exam"),
        )
    return cal


def write_ics(p: dict[str, Any], path: str, *, force: bool = False) -> tuple[int, str]:
    """Write the calendar to ``path`` whole (``-``: stdout; an existing file only with ``force``).

    Returns the number of events and how the destination is named; raises fsutil.FileProblem."""
    from certplan.fsutil import write_output_file

    cal = calendar(p)
    name = write_output_file(path, cal.to_ical(), force=force, option="--ics")
    return len(cal.walk("VEVENT")), name
