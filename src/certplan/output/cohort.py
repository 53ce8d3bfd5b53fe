"""The cohort summary (``eligible --profiles FILE --summary``) as a table, JSON, CSV or Markdown."""

from __future__ import annotations

from typing import Any

from certplan.output.render import Column, OutputContext, money_text, write_json, write_rows

SUMMARY_COLUMNS = (
    Column("code", "Code"),
    Column("eligible", "Eligible now", justify="right"),
    Column("apprentice", "Apprentice", justify="right"),
    Column("not_eligible", "Not yet", justify="right"),
    Column("already_held", "Hold it", justify="right"),
    Column("median_months_until_eligible", "Median months", justify="right"),
    Column("most_common_missing", "Most common missing", max_width=48),
    Column("first_year_cost_total", "First-year cost (can sit now)", justify="right"),
)


def summary_object(summ, not_answered: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "students": summ.students + len(not_answered),
        "answered": summ.students,
        "credentials": summ.rows(),
        "not_answered": not_answered,
    }


def cost_text(r: dict[str, Any]) -> str:
    if r["eligible"] + r["apprentice"] == 0:
        return "-"
    if r["first_year_cost_total"] is not None:
        return money_text(r["first_year_cost_total"])
    if not r["first_year_cost_known"]:
        return "unknown"
    return f"{money_text(r['first_year_cost_known'])}+ ({r['first_year_cost_unknown_students']} unknown)"


def _table_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for r in rows:
        miss = r["most_common_missing"]
        out.append(
            {
                **r,
                "median_months_until_eligible": "-"
                if r["median_months_until_eligible"] is None
                else f"{r['median_months_until_eligible']:g} (of {r['months_known']})",
                "most_common_missing": f"{miss} ({r['most_common_missing_count']})" if miss else "-",
                "first_year_cost_total": cost_text(r),
            }
        )
    return out


def render_summary(summ, not_answered: list[dict[str, Any]], fmt: str, ctx: OutputContext) -> None:
    obj = summary_object(summ, not_answered)
    rows = obj["credentials"]
    if fmt == "json":
        write_json(obj, ctx)
        return
    if fmt == "csv":
        cols = [Column(k, k) for k in rows[0]] if rows else [Column(c.key, c.key) for c in SUMMARY_COLUMNS]
        write_rows(rows, cols, "csv", ctx)
        return
    title = f"Cohort: {obj['answered']} of {obj['students']} student(s) answered"
    write_rows(_table_rows(rows), SUMMARY_COLUMNS, fmt, ctx, title=title)
    if not_answered:
        lines = [
            f"- row {n['row']}" + (f" ({n['name'] or n['id']})" if n["name"] or n["id"] else "") + f": {n['error']}"
            for n in not_answered
        ]
        head = "\nNot answered:\n" if fmt == "table" else "\n### Not answered\n\n"
        ctx.stdout.write(head + "\n".join(lines) + "\n")
