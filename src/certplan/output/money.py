"""Terminal rendering of salary, cost and path answers (JSON goes through ``render.write_json``).

Every figure printed here carries its period and a numbered source mark ([n], listed at the end).
"""

from __future__ import annotations

import textwrap
from typing import Any

from certplan.output.bars import Footnotes, chart_from, render_bars
from certplan.output.render import OutputContext, money_text

STAT_WORDS = {
    "median": "median",
    "mean": "mean (average)",
    "pct10": "10th percentile",
    "pct25": "25th percentile",
    "pct75": "75th percentile",
    "pct90": "90th percentile",
}


def _writer(ctx: OutputContext):
    """A writer that wraps prose lines to the output width (URLs and words are never split)."""
    width = ctx.width or ctx.console().width

    def w(text: str) -> None:
        out = []
        for line in text.split("\n"):
            if len(line) <= width:
                out.append(line)
                continue
            indent = "  " if line.startswith("- ") else ("    " if line.startswith("  ") else "")
            out.append(
                textwrap.fill(line, width, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False)
            )
        ctx.stdout.write("\n".join(out))

    return w


def _table(ctx: OutputContext, title: str | None = None, lines: bool = False):
    from rich.table import Table

    return Table(title=title, title_justify="left", show_lines=lines, header_style="bold" if ctx.color else "")


def age_words(f: dict[str, Any]) -> str:
    if f["status"] == "current":
        return "current"
    if f["status"] == "latest-dated":
        return "dated (newest found)"
    by = f.get("superseded_by")
    return ("dated; " if f["dated"] else "") + (f"superseded by {by}" if by else "superseded")


def figure_amount(f: dict[str, Any]) -> str:
    kind = f.get("kind", "money")
    if kind == "count":
        return f"{f['amount']:,.0f}"
    if kind == "percent":
        return f"{f['amount']:+g}%"
    unit = f.get("unit") or "year"
    return f"{money_text(f['amount'])}/{unit}"


# --------------------------------------------------------------------------- salary


def render_salary(report: dict[str, Any], chart: list[dict[str, Any]], ctx: OutputContext) -> None:
    notes = Footnotes()
    w = _writer(ctx)
    for c in report["credentials"]:
        if not c["pay"]:
            w(f"{c['code']} - {c['name']}: no pay figure in the catalog for this credential; see its occupations.\n\n")
            continue
        t = _table(ctx, f"{c['code']} - {c['name']}: salary-survey figures (members who answered, not all US workers)")
        for h, j in (
            ("Statistic", "left"),
            ("Amount", "right"),
            ("Period", "left"),
            ("Population", "left"),
            ("Age", "left"),
            ("Source", "left"),
        ):
            t.add_column(h, justify=j, overflow="fold")
        for f in c["pay"]:
            t.add_row(
                STAT_WORDS[f["statistic"]],
                figure_amount(f),
                f"{f['period']} ({f['year']})" if str(f["year"]) not in f["period"] else f["period"],
                f["population"],
                age_words(f),
                f"{notes.ref(f['source'], f['source_kind'])} {f['source_kind'] or ''}".strip(),
            )
        ctx.print(t)
        w("\n")
    for o in report["occupations"]:
        t = _table(ctx, f"{o['soc']} {o['title']}: BLS figures for all US workers in the occupation")
        for h, j in (("Measure", "left"), ("Amount", "right"), ("Period", "left"), ("Age", "left"), ("Source", "left")):
            t.add_column(h, justify=j, overflow="fold")
        for f in o["figures"]:
            t.add_row(
                f["measure_words"],
                figure_amount(f),
                f["period"],
                age_words(f),
                f"{notes.ref(f['source'], f['source_kind'])} {f['source_kind'] or ''}".strip(),
            )
        ctx.print(t)
        ee = o.get("entry_education")
        if ee and ee.get("value"):
            w(f"Typical entry-level education: {ee['value']} {notes.ref(ee['source'], ee['source_kind'])}\n")
        w("\n")
    prem = report["certification_premium"]
    if prem:
        t = _table(ctx, "Certified vs not certified: pay difference reported by salary surveys")
        for h, j in (
            ("Year", "left"),
            ("Difference", "right"),
            ("Certified vs not", "left"),
            ("Statistic", "left"),
            ("Population", "left"),
            ("Age", "left"),
            ("Source", "left"),
        ):
            t.add_column(h, justify=j, overflow="fold")
        for p in prem:
            pair = (
                f"{money_text(p['certified_amount'])} vs {money_text(p['not_certified_amount'])}"
                + (" (approximate)" if p["difference_approximate"] else "")
                if p["certified_amount"]
                else "not stated"
            )
            t.add_row(
                str(p["year"]),
                "unknown" if p["percent"] is None else f"{p['percent']:g}% more",
                pair,
                p["statistic_words"],
                p["population"],
                age_words(p),
                f"{notes.ref(p['source'], p['source_kind'])} {p['source_kind'] or ''}".strip(),
            )
        ctx.print(t)
        w("\n")
    bars = chart_from(chart, notes, money_text)
    if bars:
        render_bars(
            bars,
            ctx,
            title="Annual pay, one scale (grouped by statistic; survey figures and BLS figures describe different people)",
        )
        w("\n")
    w("Notes:\n" + "".join(f"- {n}\n" for n in report["notes"]))
    notes.write(ctx)


# --------------------------------------------------------------------------- cost


def render_cost(
    res: dict[str, Any], roi: dict[str, Any] | None, ctx: OutputContext, funding: dict[str, Any] | None = None
) -> None:
    notes = Footnotes()
    w = _writer(ctx)
    years = res["years"]
    title = (
        f"{res['code']} - {res['name']}: cost to earn and keep it over {years} year{'s' if years != 1 else ''} "
        f"({res['basis_reason']})"
    )
    t = _table(ctx, title)
    for h, j, mw in (
        ("Item", "left", 44),
        ("Amount", "right", None),
        ("Period", "left", 22),
        ("Basis", "left", None),
        ("Source", "left", None),
        ("Note", "left", 48),
    ):
        t.add_column(h, justify=j, overflow="fold", max_width=mw)
    for ln in res["lines"]:
        amount = money_text(ln["amount"])
        if not ln["in_total"] and ln["amount"] is not None:
            amount += " (not in total)"
        t.add_row(
            ln["label"],
            amount,
            ln["period"],
            ln["basis"],
            notes.ref(ln["source"]) if ln["source"] else "-",
            ln["note"] or "",
        )
    known = money_text(res["total_known"])
    if res["total"] is not None:
        total = known
        how = "every part known"
    else:
        total = f"{known} + unknown"
        how = f"{res['unknown_count']} of {res['line_count']} parts unknown: " + "; ".join(res["unknown_parts"])
    t.add_row("Total", total, f"{years} year{'s' if years != 1 else ''}", "", "", how)
    ctx.print(t)
    ce = res["ceus"]
    if ce and ce.get("per_cycle_after") is not None:
        w(
            f"\nCEUs: {ce['per_cycle_after']} per {ce['cycle_years']}-year cycle for "
            f"{' + '.join(ce['credentials_after'])} ({ce['rule']}); "
            + (
                f"you owe {ce['body']} {ce['per_cycle_now']} now.\n"
                if ce["per_cycle_now"]
                else f"you owe {ce['body']} none now.\n"
            )
        )
    if res["retake"]:
        w(f"Retake rule: {res['retake']}\n")
    if res["conditional"]:
        w("Conditional fees (paid only if it happens; never in the total):\n")
        for c in res["conditional"]:
            w(f"- {c['label']}: {money_text(c['amount'])} {notes.ref(c['source'])}\n")
    for n in res["notes"]:
        w(f"Note: {n}\n")
    if roi is not None:
        w("\nReturn on the cost (--roi):\n")
        d = roi["difference"]
        if d is None:
            w(f"- {roi['text']}\n")
        else:
            w(
                f"- break-even: {roi['text']} {notes.ref(d['source'], d['source_kind'])}\n"
                f"- the difference: {d['year']} survey, {money_text(d['certified_amount'])} certified vs "
                f"{money_text(d['not_certified_amount'])} not certified"
                + (" (approximate)" if d["difference_approximate"] else "")
                + f", {d['statistic'] or 'statistic not stated'}; {d['population']}"
                + ("; dated" if d["dated"] else "")
                + f" ({d['source_kind']} source)\n"
            )
            for a in roi["alternatives"]:
                lb = "at least " if roi["break_even_is_lower_bound"] else ""
                w(
                    f"- with the {a['year']} difference ({money_text(a['difference_per_year'])} a year, "
                    f"{a['source_kind']} source{', dated' if a['dated'] else ''}): {lb}{a['break_even_months']} months "
                    f"{notes.ref(a['source'], a['source_kind'])}\n"
                )
        w(f"- {roi['note']}\n")
    if funding is not None:
        from certplan.output.funding import render_funding

        render_funding(funding, notes.ref, w)
    notes.write(ctx)


# --------------------------------------------------------------------------- path --to


def _months(s: dict[str, Any]) -> str:
    return "unknown" if s["months"] is None else str(s["months"])


def _cum(value: float, complete: bool, money: bool = False) -> str:
    if not complete and not value:
        return "unknown"  # nothing known yet: "$0+" would read as a figure
    text = money_text(value) if money else str(value)
    return text if complete else text + "+"


def route_summary(r: dict[str, Any]) -> str:
    months = f"{r['months']} months" + ("" if r["months_complete"] else " + unknown time")
    cost = money_text(r["cost"]) + ("" if r["cost_complete"] else " + unknown costs")
    flags = [f for f, on in (("fastest", r["fastest"]), ("cheapest", r["cheapest"])) if on]
    extra = " (needs confirmation with the body)" if r["needs_confirmation"] else ""
    return f"{months}; {cost}" + (f" [{', '.join(flags)}]" if flags else "") + extra


def _steps_table(r: dict[str, Any], ctx: OutputContext, notes: Footnotes, title: str, goal: str):
    t = _table(ctx, title)
    for h, j, mw in (
        ("#", "right", None),
        ("Step", "left", 52),
        ("Months", "right", None),
        ("By month", "right", None),
        ("Cost", "right", None),
        ("Total cost", "right", None),
        ("Source", "left", None),
        ("Note", "left", 40),
    ):
        t.add_column(h, justify=j, overflow="fold", max_width=mw)
    for i, s in enumerate(r["steps"], 1):
        refs = " ".join(dict.fromkeys(notes.ref(u) for u in (s["months_source"], s["cost_source"]) if u)) or "-"
        note = "; ".join(x for x in (s.get("note"), s.get("cost_note")) if x)
        t.add_row(
            str(i),
            s["text"] + (f" [for {s['for']}]" if s["for"] != goal else ""),
            _months(s),
            _cum(s["cumulative_months"], s["cumulative_months_complete"]),
            money_text(s["cost"]),
            _cum(s["cumulative_cost"], s["cumulative_cost_complete"], money=True),
            refs,
            note,
        )
    return t


def render_path_to(res: dict[str, Any], ctx: OutputContext) -> None:
    notes = Footnotes()
    w = _writer(ctx)
    g = res["goal"]
    w(f"Path to {g['code']} - {g['name']} (you now: {res['status_now']})\n\n")
    routes = res["routes"]
    if not routes:
        w("No route: " + "; ".join(res["notes"][:-1] or ["nothing to do"]) + "\n")
        notes.write(ctx)
        return
    fastest = next(r for r in routes if r["fastest"])
    cheapest = next(r for r in routes if r["cheapest"])
    ctx.print(
        _steps_table(fastest, ctx, notes, f"Fastest route: {fastest['label']} ({route_summary(fastest)})", g["code"])
    )
    if cheapest is not fastest:
        w("\n")
        title = f"Cheapest route: {cheapest['label']} ({route_summary(cheapest)})"
        ctx.print(_steps_table(cheapest, ctx, notes, title, g["code"]))
    else:
        w("The fastest route is also the cheapest.\n")
    others = [r for r in routes if r is not fastest and r is not cheapest]
    if others:
        w("\n")
        t = _table(ctx, f"Other routes ({len(others)})")
        t.add_column("Route", overflow="fold", max_width=70)
        t.add_column("Months", justify="right")
        t.add_column("Cost", justify="right")
        t.add_column("Unknown", overflow="fold", max_width=40)
        for r in others:
            unknown = list(dict.fromkeys(r["months_unknown"] + r["cost_unknown"]))
            t.add_row(
                r["label"] + (" (needs confirmation with the body)" if r["needs_confirmation"] else ""),
                _cum(r["months"], r["months_complete"]),
                _cum(r["cost"], r["cost_complete"], money=True),
                "; ".join(unknown) if unknown else "-",
            )
        ctx.print(t)
    w("\n'+' means at least: a step's time or cost has no sourced figure.\n")
    for n in res["notes"]:
        w(f"Note: {n}\n")
    for f in res["facts"]:
        w(f"Fact used: {f['text']} {notes.ref(f['source'])}\n")
    notes.write(ctx)


def render_path_to_tree(res: dict[str, Any], ctx: OutputContext) -> None:
    from rich.tree import Tree

    notes = Footnotes()
    g = res["goal"]
    root = Tree(f"{g['code']} - {g['name']} (you now: {res['status_now']})")
    for r in res["routes"]:
        branch = root.add(f"{r['label']}: {route_summary(r)}")
        for s in r["steps"]:
            refs = " ".join(dict.fromkeys(notes.ref(u) for u in (s["months_source"], s["cost_source"]) if u))
            branch.add(
                f"{s['text']} - {_months(s)} months, {money_text(s['cost'])}; by month "
                f"{_cum(s['cumulative_months'], s['cumulative_months_complete'])}" + (f" {refs}" if refs else "")
            )
    if not res["routes"]:
        root.add("no route: " + "; ".join(res["notes"][:-1] or ["nothing to do"]))
    ctx.print(root)
    ctx.stdout.write("\n'+' means at least: a step's time or cost has no sourced figure.\n")
    notes.write(ctx)


# --------------------------------------------------------------------------- path --from


def _pay_line(f: dict[str, Any], notes: Footnotes) -> str:
    who = "BLS, all US workers" if f["population_kind"] == "all-us-workers" else "survey of members"
    what = f.get("measure_words") or STAT_WORDS.get(f.get("statistic") or "", "")
    return f"{what} {figure_amount(f)}, {f['period']}, {who}, {age_words(f)} {notes.ref(f['source'], f['source_kind'])}"


def render_path_from(res: dict[str, Any], ctx: OutputContext) -> None:
    notes = Footnotes()
    w = _writer(ctx)
    fr = res["from"]
    t = _table(ctx, f"After {fr['code']} - {fr['name']}: the next credentials people take")
    for h, mw in (("Code", None), ("Name", 36), ("Body", None), ("Level", None), (f"{fr['code']} counts", None)):
        t.add_column(h, overflow="fold", max_width=mw)
    t.add_column("Requires", overflow="fold", max_width=50)
    for n in res["next"]:
        req = " OR ".join(p["text"] for p in n["requires"]) or "unknown"
        t.add_row(
            n["code"],
            n["name"] or "not in the catalog",
            n["body"] or "-",
            n["level"] or "-",
            "yes" if n["this_counts"] else "no",
            req,
        )
    if res["next"]:
        ctx.print(t)
    else:
        w(f"The catalog lists no next credential after {fr['code']}.\n")
    w("\n")
    if res["pay"]:
        w(f"Pay of {fr['code']} holders (salary surveys of members who answered):\n")
        for f in res["pay"]:
            w(f"- {_pay_line(f, notes)}\n")
    for o in res["occupations"]:
        w(f"\n{o['soc']} {o['title'] or ''} (BLS, all US workers in the occupation):\n")
        if not o["figures"]:
            w("- no figures in the catalog\n")
        for f in o["figures"]:
            w(f"- {_pay_line(f, notes)}\n")
    w("\n")
    for n in res["notes"]:
        w(f"Note: {n}\n")
    notes.write(ctx)


def render_path_from_tree(res: dict[str, Any], ctx: OutputContext) -> None:
    from rich.tree import Tree

    notes = Footnotes()

    def label(node: dict[str, Any]) -> str:
        if node["name"] is None:
            return f"{node['code']} (not in the catalog)"
        extra = [x for x in (node["body"], node["level"]) if x]
        if node["status"] and node["status"] != "current":
            extra.append(node["status"])
        text = f"{node['code']} - {node['name']}" + (f" ({', '.join(extra)})" if extra else "")
        if node["repeat"]:
            where = node.get("expanded_under")
            text += f" (its next steps are shown under {where})" if where else " (shown above)"
        return text

    def grow(branch, node: dict[str, Any]) -> None:
        for child in node["next"]:
            grow(branch.add(label(child)), child)

    top = res["tree"]
    root = Tree(label(top))
    grow(root, top)
    if res["occupations"]:
        occ = root.add("Occupations")
        for o in res["occupations"]:
            ob = occ.add(f"{o['soc']} {o['title'] or ''}".strip())
            for f in o["figures"]:
                if f["kind"] == "money":
                    ob.add(_pay_line(f, notes))
    if res["pay"]:
        pb = root.add(f"Pay of {top['code']} holders")
        for f in res["pay"]:
            pb.add(_pay_line(f, notes))
    ctx.print(root)
    ctx.stdout.write("\n")
    notes.write(ctx)
