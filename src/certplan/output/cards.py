"""Detail cards (``show``, ``bodies``): a view dict as labelled sections."""

from __future__ import annotations

from typing import Any

from certplan.output.render import OutputContext, cell_text, markdown_escape, money_text

Section = tuple[str, list[tuple[str, str]]]


def cited(text: str, url: str | None) -> str:
    """``text`` followed by its source URL (a card shows the URL as a footnote mark)."""
    return f"{text} {url}" if url else text


def fee_text(f: dict[str, Any]) -> str:
    who = {True: "member", False: "non-member", None: "anyone"}[f["member"]]
    if f.get("student"):
        who = "student"
    parts = [f"{money_text(f['amount'])} ({who})"]
    if f.get("what"):
        parts.append(f["what"])
    if f.get("attempts") and "attempt" not in (f.get("what") or ""):
        parts.append(f"{f['attempts']} attempt" + ("s" if f["attempts"] > 1 else ""))
    if f.get("note") and f["amount"] is None:
        parts.append(f["note"])
    return ", ".join(parts)


def _body_text(v: dict[str, Any]) -> str:
    if not v["body"]:
        return "unknown (no certifying body could be verified)"
    name = v["body_name"] or ""
    return name if v["body"] in name else f"{v['body']} ({name})" if name else v["body"]


def pay_text(p: dict[str, Any]) -> str:
    unit = "/year" if p["unit"] == "year" else "/hour"
    text = f"{money_text(p['amount'])}{unit} {p['statistic']}, {p['period']} ({p['population']})"
    if p.get("dated"):
        text += f" (dated: {p['year']} figure)"
    return cited(text, p["source"])


def tier_mark(s: dict[str, Any], key: str = "tier") -> str:
    """'(tier 2)' beside a source: 1 the body's own page, 2 quotes one with its date, 3 other."""
    return f"(tier {s[key]})"


def credential_sections(v: dict[str, Any]) -> list[Section]:
    """Labelled rows; a sourced value ends with its source URL, which the renderer turns into a mark."""
    out: list[Section] = []
    prov = v.get("provenance") or {}

    def fact(path: str, text: str) -> str:
        return cited(text, (prov.get(path) or {}).get("source"))

    ov = [
        ("Name", v["name"]),
        ("Body", _body_text(v)),
        ("Status", v["status"]),
        ("Level", cell_text(v["level"])),
        ("Settings", ", ".join(v["settings"]) or "-"),
        ("About", v["description"]),
    ]
    if v["aliases"]:
        ov.append(("Also written", ", ".join(v["aliases"])))
    if v["retired"]:
        r = v["retired"]
        ov.append(("Retired", f"{cell_text(r['date'])}; successor: {cell_text(r['successor'])}"))
    if v["replaced_by"]:
        ov.append(("Replaced by", v["replaced_by"]))
    if v["replaces"]:
        ov.append(("Replaces", ", ".join(v["replaces"])))
    if v["see_also"]:
        ov.append(("See", ", ".join(v["see_also"])))
    for n in v["notes"]:
        ov.append(("Note", cited(n["text"], n.get("source"))))
    out.append(("Overview", ov))
    e = v["exam"]
    if e:
        rows = [
            ("Questions", fact("exam.questions", cell_text(e["questions"]))),
            (
                "Time",
                fact(
                    "exam.duration_minutes",
                    "unknown" if e["duration_minutes"] is None else f"{e['duration_minutes']} minutes",
                ),
            ),
            ("Pass mark", fact("exam.passing_score", cell_text(e["passing_score"]))),
            ("Open book", fact("exam.open_book", cell_text(e["open_book"]))),
            (
                "References",
                fact("exam.references", cell_text(e["references"]) if e["references"] != [] else "none allowed"),
            ),
            ("Delivery", fact("exam.delivery", cell_text(e["delivery"]))),
            ("Retakes", fact("exam.retake", cell_text(e["retake"]))),
        ]
        for f in e["fees"]:
            rows.append(("Fee", cited(fee_text(f), f.get("source"))))
        for d in e["domains"]:
            w = "weight unknown" if d["weight_percent"] is None else f"{d['weight_percent']:g}%"
            q = f", {d['questions']} questions" if d.get("questions") else ""
            rows.append(("Domain", f"{d['name']} ({w}{q})"))
        if e["study_hours"] is not None:
            hours = f"{e['study_hours']:g}" + (" (estimate)" if e["study_hours_estimate"] else "")
            rows.append(("Study hours", fact("exam.study_hours", hours)))
        out.append(("Exam", rows))
    el = v["eligibility"]
    if el:
        rows = []
        for i, p in enumerate(el["pathways"], 1):
            label = f"Pathway {i}" if len(el["pathways"]) > 1 else "Required"
            rows.append((label, cited(f"{p['label']}: {p['text']}", p.get("source"))))
        for r in el["recommended"]:
            rows.append(("Recommended", cited(r["text"], r.get("source"))))
        out.append(("Eligibility", rows))
    a = v["apprentice"]
    if a:
        rows = [("Designation", a["designation"]), ("Rule", cited(a["rule"], a.get("source")))]
        for p in a["removal"]:
            rows.append(("Removed by", p["text"]))
        out.append(("Apprentice status", rows))
    m = v["maintenance"]
    if m:
        rows = [
            (
                "CEUs",
                fact(
                    "maintenance.ceus",
                    "unknown"
                    if m["ceus"] is None
                    else f"{m['ceus']} per {cell_text(m['cycle_years'])}-year cycle"
                    " (as your only credential of this body)",
                ),
            ),
        ]
        for t in m["topic_rules"]:
            rows.append(("Topic rule", cited(t["text"], t.get("source"))))
        for f in m["fees"]:
            rows.append(("Fee", cited(fee_text(f), f.get("source"))))
        if m["membership_required"] is not None:
            needed = "required to keep it" if m["membership_required"] else "not required"
            rows.append(("Membership", fact("maintenance.membership_required", needed)))
        out.append(("Upkeep", rows))
    if v["salary"]:
        out.append(("Pay", [("Pay", pay_text(p)) for p in v["salary"]]))
    lead = []
    if v["next"]:
        lead.append(("Next", ", ".join(v["next"])))
    for o in v["occupations"]:
        lead.append(("Occupation", f"{o['soc']} {cell_text(o['title'])}"))
    for r in v["recognition"]:
        lead.append(("Recognition", cited(r["text"], r.get("source"))))
    if lead:
        out.append(("Where it leads", lead))
    if v["unknown"]:
        out.append(("Unknown", [("Not found", ", ".join(v["unknown"]))]))
    return out


def render_sections(
    title: str,
    sections: list[Section],
    ctx: OutputContext,
    fmt: str = "table",
    sources: list[dict[str, Any]] | None = None,
) -> None:
    """The card; URLs in values become marks [n], and the sources are listed once at the end.

    ``sources`` (the record's catalog sources) describe each URL and are all listed, the cited ones first.
    """
    from certplan.output.bars import Footnotes

    notes = Footnotes().known(sources or [])
    sections = [(name, [(k, notes.cite(val)) for k, val in rows]) for name, rows in sections]
    for s in sources or []:
        notes.ref(s.get("url"), s.get("kind"))
    if fmt == "markdown":
        lines = [f"# {markdown_escape(title)}", ""]
        for name, rows in sections:
            lines += [f"## {markdown_escape(name)}", ""]
            lines += [f"- **{markdown_escape(k)}**: {markdown_escape(val)}" for k, val in rows]
            lines.append("")
        if notes.order:
            lines += ["## Sources", ""] + [f"- {markdown_escape(line)}" for line in notes.lines()] + [""]
        ctx.stdout.write("\n".join(lines))
        return
    from rich.table import Table

    t = Table(title=title, title_justify="left", show_header=False, show_lines=False, box=None, pad_edge=False)
    t.add_column("label", style="bold" if ctx.color else "", no_wrap=True)
    t.add_column("value")
    for name, rows in sections:
        t.add_row("", "")
        t.add_row(f"{name}", "", style="underline" if ctx.color else "")
        for k, val in rows:
            t.add_row(f"  {k}", val)
    ctx.print(t)
    notes.write(ctx)
