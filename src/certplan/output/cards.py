"""Detail cards (``show``, ``bodies``): a view dict as labelled sections."""

from __future__ import annotations

from typing import Any

from certplan.output.render import OutputContext, cell_text, markdown_escape, money_text

Section = tuple[str, list[tuple[str, str]]]


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
        text += f" [dated: {p['year']} figure]"
    return text + f" - source: {p['source']}" + (f" {tier_mark(p, 'source_tier')}" if p.get("source_tier") else "")


def tier_mark(s: dict[str, Any], key: str = "tier") -> str:
    """'(tier 2)' beside a source: 1 the body's own page, 2 quotes one with its date, 3 other."""
    return f"(tier {s[key]})"


def credential_sections(v: dict[str, Any]) -> list[Section]:
    out: list[Section] = []
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
        ov.append(("Note", n["text"]))
    out.append(("Overview", ov))
    e = v["exam"]
    if e:
        rows = [
            ("Questions", cell_text(e["questions"])),
            ("Time", "unknown" if e["duration_minutes"] is None else f"{e['duration_minutes']} minutes"),
            ("Pass mark", cell_text(e["passing_score"])),
            ("Open book", cell_text(e["open_book"])),
            ("References", cell_text(e["references"]) if e["references"] != [] else "none allowed"),
            ("Delivery", cell_text(e["delivery"])),
            ("Retakes", cell_text(e["retake"])),
        ]
        for f in e["fees"]:
            rows.append(("Fee", fee_text(f)))
        for d in e["domains"]:
            w = "weight unknown" if d["weight_percent"] is None else f"{d['weight_percent']:g}%"
            q = f", {d['questions']} questions" if d.get("questions") else ""
            rows.append(("Domain", f"{d['name']} ({w}{q})"))
        if e["study_hours"] is not None:
            rows.append(("Study hours", f"{e['study_hours']:g}" + (" (estimate)" if e["study_hours_estimate"] else "")))
        out.append(("Exam", rows))
    el = v["eligibility"]
    if el:
        rows = []
        for i, p in enumerate(el["pathways"], 1):
            rows.append((f"Pathway {i}" if len(el["pathways"]) > 1 else "Required", f"{p['label']}: {p['text']}"))
        for r in el["recommended"]:
            rows.append(("Recommended", r["text"]))
        out.append(("Eligibility", rows))
    a = v["apprentice"]
    if a:
        rows = [("Designation", a["designation"]), ("Rule", a["rule"])]
        for p in a["removal"]:
            rows.append(("Removed by", p["text"]))
        out.append(("Apprentice status", rows))
    m = v["maintenance"]
    if m:
        rows = [
            (
                "CEUs",
                "unknown"
                if m["ceus"] is None
                else f"{m['ceus']} per {cell_text(m['cycle_years'])}-year cycle (as your only credential of this body)",
            ),
        ]
        for t in m["topic_rules"]:
            rows.append(("Topic rule", t["text"]))
        for f in m["fees"]:
            rows.append(("Fee", fee_text(f)))
        if m["membership_required"] is not None:
            rows.append(("Membership", "required to keep it" if m["membership_required"] else "not required"))
        out.append(("Upkeep", rows))
    if v["salary"]:
        out.append(("Pay", [("Pay", pay_text(p)) for p in v["salary"]]))
    lead = []
    if v["next"]:
        lead.append(("Next", ", ".join(v["next"])))
    for o in v["occupations"]:
        lead.append(("Occupation", f"{o['soc']} {cell_text(o['title'])}"))
    for r in v["recognition"]:
        lead.append(("Recognition", r["text"]))
    if lead:
        out.append(("Where it leads", lead))
    if v["unknown"]:
        out.append(("Unknown", [("Not found", ", ".join(v["unknown"]))]))
    out.append(
        (
            "Sources",
            [(s["kind"], f"{s['url']} ({s['date_kind']} {s['date']}) {tier_mark(s)}") for s in v["sources"]],
        )
    )
    return out


def render_sections(title: str, sections: list[Section], ctx: OutputContext, fmt: str = "table") -> None:
    if fmt == "markdown":
        lines = [f"# {markdown_escape(title)}", ""]
        for name, rows in sections:
            lines += [f"## {markdown_escape(name)}", ""]
            lines += [f"- **{markdown_escape(k)}**: {markdown_escape(val)}" for k, val in rows]
            lines.append("")
        ctx.stdout.write("\n".join(lines))
        return
    from rich.table import Table

    t = Table(title=title, title_justify="left", show_header=False, show_lines=False, box=None, pad_edge=False)
    t.add_column("label", style="bold" if ctx.color else "", no_wrap=True)
    t.add_column("value", overflow="fold")
    for name, rows in sections:
        t.add_row("", "")
        t.add_row(f"{name}", "", style="underline" if ctx.color else "")
        for k, val in rows:
            t.add_row(f"  {k}", val)
    ctx.print(t)
