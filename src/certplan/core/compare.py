"""Side-by-side comparison of credentials and of certifying bodies."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover - the row builders below work on plain dicts
    pass

MIN_CODES, MAX_CODES = 2, 8


def _fee_cell(fees: list[dict[str, Any]], member: bool) -> str:
    vals = []
    for f in fees:
        if f["student"] or (f["member"] is not None and f["member"] != member):
            continue
        vals.append(
            "unknown" if f["amount"] is None else _money(f["amount"]) + (f" ({f['what']})" if f.get("what") else "")
        )
    return "; ".join(vals) if vals else "not listed"


def _money(a: float | None) -> str:
    if a is None:
        return "unknown"
    return f"${a:,.0f}" if float(a).is_integer() else f"${a:,.2f}"


def _txt(v: Any) -> str:
    if v is None:
        return "unknown"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, list):
        return ", ".join(_txt(x) for x in v) if v else "-"
    return str(v)


def _latest_pay(salary: list[dict[str, Any]]) -> str:
    if not salary:
        return "no sourced figure"
    p = max(salary, key=lambda s: (s["year"], s["statistic"] == "median"))
    unit = "/yr" if p["unit"] == "year" else "/hr"
    dated = " (dated)" if p["dated"] else ""
    tier = f" (tier {p['source_tier']})" if p.get("source_tier") else ""
    return (
        f"{_money(p['amount'])}{unit} {p['statistic']}, {p['period']}{dated} - {p['population']}; {p['source']}{tier}"
    )


def _tiers(sources: list[dict[str, Any]]) -> str:
    """How many of the cited sources are of each tier: '12 (tier 1: 9, tier 3: 3)'."""
    counts: dict[int, int] = {}
    for s in sources:
        counts[s["tier"]] = counts.get(s["tier"], 0) + 1
    parts = ", ".join(f"tier {t}: {n}" for t, n in sorted(counts.items()))
    return f"{len(sources)} ({parts})" if sources else "none"


def rows(views_: list[dict[str, Any]], costs_: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Comparison rows: {group, label, path, values[], differs}."""
    spec: list[tuple[str, str, str, Any]] = [
        ("overview", "Body", "body", lambda v: f"{v['body']}" if v["body"] else "unknown"),
        ("overview", "Level", "level", lambda v: _txt(v["level"])),
        ("overview", "Status", "status", lambda v: v["status"]),
        ("overview", "Work settings", "settings", lambda v: _txt(v["settings"])),
        ("exam", "Questions", "exam.questions", lambda v: _txt((v["exam"] or {}).get("questions"))),
        ("exam", "Minutes", "exam.duration_minutes", lambda v: _txt((v["exam"] or {}).get("duration_minutes"))),
        ("exam", "Pass mark", "exam.passing_score", lambda v: _txt((v["exam"] or {}).get("passing_score"))),
        ("exam", "Open book", "exam.open_book", lambda v: _txt((v["exam"] or {}).get("open_book"))),
        ("exam", "References", "exam.references", lambda v: _txt((v["exam"] or {}).get("references"))),
        ("exam", "Delivery", "exam.delivery", lambda v: _txt((v["exam"] or {}).get("delivery"))),
        ("exam", "Fee (member)", "exam.fees.member", lambda v: _fee_cell((v["exam"] or {}).get("fees", []), True)),
        (
            "exam",
            "Fee (non-member)",
            "exam.fees.non_member",
            lambda v: _fee_cell((v["exam"] or {}).get("fees", []), False),
        ),
        ("exam", "Retakes", "exam.retake", lambda v: _txt((v["exam"] or {}).get("retake"))),
        (
            "eligibility",
            "Pathways",
            "eligibility.pathways",
            lambda v: " OR ".join(f"({p['text']})" for p in (v["eligibility"] or {}).get("pathways", [])) or "-",
        ),
        (
            "eligibility",
            "Apprentice rule",
            "apprentice",
            lambda v: (
                "none"
                if not v["apprentice"]
                else f"{v['apprentice']['designation']} until: "
                + " OR ".join(v["apprentice"]["removal"] and [p["text"] for p in v["apprentice"]["removal"]])
            ),
        ),
        (
            "upkeep",
            "CEUs per cycle",
            "maintenance.ceus",
            lambda v: (
                "-"
                if not v["maintenance"]
                else f"{_txt(v['maintenance']['ceus'])} every {_txt(v['maintenance']['cycle_years'])} years"
            ),
        ),
        (
            "upkeep",
            "Membership needed",
            "maintenance.membership_required",
            lambda v: "-" if not v["maintenance"] else _txt(v["maintenance"]["membership_required"]),
        ),
        ("pay", "Latest pay figure", "salary", lambda v: _latest_pay(v["salary"])),
        ("sources", "Sources by tier", "sources", lambda v: _tiers(v["sources"])),
        ("where it leads", "Next credentials", "next", lambda v: _txt(v["next"])),
        (
            "where it leads",
            "Occupations",
            "occupations",
            lambda v: ", ".join(f"{o['soc']} {o['title'] or ''}".strip() for o in v["occupations"]) or "-",
        ),
    ]
    out = []
    for group, label, path, fn in spec:
        vals = [fn(v) for v in views_]
        out.append({"group": group, "label": label, "path": path, "values": vals, "differs": len(set(vals)) > 1})
    cost_spec = [
        ("First-year cost", "costs.first_year", lambda c: _money(c["first_year"])),
        ("Two-year upkeep", "costs.two_year_upkeep", lambda c: _money(c["two_year_upkeep"])),
        ("Fee basis", "costs.basis", lambda c: c["basis_reason"]),
        (
            "Unknown in the cost",
            "costs.unknown_parts",
            lambda c: _txt(c["unknown_parts"]) if c["unknown_parts"] else "-",
        ),
    ]
    for label, path, fn in cost_spec:
        vals = [fn(c) for c in costs_]
        out.append({"group": "cost", "label": label, "path": path, "values": vals, "differs": len(set(vals)) > 1})
    return out


def _differences(views_: list[dict[str, Any]]) -> list[str]:
    """Field paths (dotted) whose JSON values differ between the credentials."""
    skip = {"code", "name", "aliases", "description", "provenance", "sources", "unknown", "schema_version"}
    out: list[str] = []

    def walk(vals: list[Any], path: str) -> None:
        if all(isinstance(v, dict) for v in vals):
            keys: list[str] = []
            for v in vals:
                keys += [k for k in v if k not in keys]
            for k in sorted(keys):
                if not path and k in skip:
                    continue
                walk([v.get(k) for v in vals], f"{path}.{k}" if path else k)
            return
        if len({json.dumps(v, sort_keys=True) for v in vals}) > 1:
            out.append(path)

    walk(views_, "")
    return out


def assemble(vs: list[dict[str, Any]], cs: list[dict[str, Any]]) -> dict[str, Any]:
    """The comparison from show views and cost results (plain data)."""
    return {
        "schema_version": 1,
        "credentials": vs,
        "differences": _differences(vs),
        "costs": cs,
        "rows": rows(vs, cs),
    }


def body_rows(bviews: list[dict[str, Any]]) -> list[dict[str, Any]]:
    def dues(v: dict[str, Any], student: bool) -> str:
        vals = [
            _money(m["amount"]) + (f" ({m['what']})" if m.get("what") else "")
            for m in v["membership"]
            if m["student"] == student
        ]
        return "; ".join(vals) if vals else "not listed"

    def ceus(v: dict[str, Any]) -> str:
        r = v["renewal"]
        if not r or not r["ceus"]:
            return "unknown"
        c = r["ceus"]
        if c["by_count"]:
            t = c["by_count"]
            return (
                ", ".join(f"{i + 1}{'+' if i == len(t) - 1 else ''}: {n}" for i, n in enumerate(t))
                + f" per {_txt(r['cycle_years'])} years"
            )
        cycle = _txt(r["cycle_years"])
        return f"the credential's own CEUs +{c['increment']} per extra one, at most {c['cap']}, per {cycle} years"

    def recert(v: dict[str, Any]) -> str:
        r = v["renewal"]
        if not r:
            return "unknown"
        vals = []
        for m in r["fees"]:  # each fee says what it is for: "$50 (anyone)" three times said nothing
            who = {True: "member", False: "non-member", None: None}[m["member"]]
            what = m.get("what") or "fee"
            vals.append(f"{_money(m['amount'])} {what}" + (f" ({who})" if who else ""))
        return "; ".join(vals) if vals else "not listed"

    spec = [
        ("Name", lambda v: _txt(v["name"])),
        ("Website", lambda v: _txt(v["website"])),
        ("Membership dues", lambda v: dues(v, False)),
        ("Student dues", lambda v: dues(v, True)),
        ("Credentials offered", lambda v: f"{v['credential_count']}: " + ", ".join(v["credentials"])),
        ("CEUs by credentials held", ceus),
        ("Recertification fees", recert),
        ("Membership required to keep credentials", lambda v: _txt((v["renewal"] or {}).get("membership_required"))),
        ("Grace period (days)", lambda v: _txt((v["renewal"] or {}).get("grace_period_days"))),
        ("When dues or CEUs lapse", lambda v: _txt((v["renewal"] or {}).get("lapse"))),
        ("Exam delivery", lambda v: _txt(v["exam_delivery"])),
        ("Accreditation", lambda v: "; ".join(a["text"] for a in v["accreditation"]) or "none recorded"),
    ]
    out = []
    for label, fn in spec:
        vals = [fn(v) for v in bviews]
        out.append({"group": "body", "label": label, "path": label, "values": vals, "differs": len(set(vals)) > 1})
    return out
