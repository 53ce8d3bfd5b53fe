"""Flat rows for CSV and Markdown from the nested results of salary, cost and path.

One row per thing a spreadsheet would count: a cost line, a pay figure, a route step, a next
credential. Unknown values stay empty cells (CSV) or "unknown" (Markdown), never 0.
"""

from __future__ import annotations

from typing import Any

from certplan.output.render import Column, money_text

# --------------------------------------------------------------------------- cost

COST_COLUMNS = [
    Column("code", "Code"),
    Column("kind", "Kind"),
    Column("id", "Id"),
    Column("label", "Line"),
    Column("period", "Period"),
    Column("count", "Count", justify="right"),
    Column("amount", "Amount (USD)", justify="right"),
    Column("in_total", "In total"),
    Column("basis", "Basis"),
    Column("source", "Source"),
]


def cost_rows(res: dict[str, Any]) -> list[dict[str, Any]]:
    """Every cost line, then the conditional fees (never added), then the known total."""
    code = res["code"]
    rows = [
        {
            "code": code,
            "kind": "line",
            "id": ln.get("id"),
            "label": ln.get("label"),
            "period": ln.get("period"),
            "count": ln.get("count"),
            "amount": ln.get("amount"),
            "in_total": ln.get("in_total"),
            "basis": ln.get("basis"),
            "source": ln.get("source"),
        }
        for ln in res.get("lines") or []
    ]
    rows += [
        {
            "code": code,
            "kind": "conditional",
            "id": None,
            "label": c.get("label"),
            "period": None,
            "count": None,
            "amount": c.get("amount"),
            "in_total": False,
            "basis": None,
            "source": c.get("source"),
        }
        for c in res.get("conditional") or []
    ]
    unknown = res.get("unknown_count") or 0
    rows.append(
        {
            "code": code,
            "kind": "total",
            "id": "total" if not unknown else "total_known",
            "label": f"total over {res.get('years')} years, {res.get('basis')} prices"
            + (f" ({unknown} part{'s' if unknown != 1 else ''} unknown, not added)" if unknown else ""),
            "period": None,
            "count": None,
            "amount": res.get("total") if not unknown else res.get("total_known"),
            "in_total": None,
            "basis": res.get("basis"),
            "source": None,
        }
    )
    return rows


# --------------------------------------------------------------------------- salary

SALARY_COLUMNS = [
    Column("kind", "Kind"),
    Column("subject", "Credential or occupation"),
    Column("measure", "Measure"),
    Column("amount", "Amount", justify="right"),
    Column("unit", "Unit"),
    Column("year", "Year"),
    Column("period", "Period"),
    Column("population", "Who it describes"),
    Column("status", "Status"),
    Column("source_kind", "Source kind"),
    Column("source", "Source"),
]


def _figure(kind: str, subject: str, measure: str | None, f: dict[str, Any], amount: Any = None) -> dict[str, Any]:
    return {
        "kind": kind,
        "subject": subject,
        "measure": measure,
        "amount": f.get("amount") if amount is None else amount,
        "unit": f.get("unit"),
        "year": f.get("year"),
        "period": f.get("period"),
        "population": f.get("population"),
        "status": f.get("status"),
        "source_kind": f.get("source_kind"),
        "source": f.get("source"),
    }


def salary_rows(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Each credential's pay figures, each occupation's figures, each certified-vs-not difference."""
    rows = []
    for c in report.get("credentials") or []:
        for f in c.get("pay") or []:
            rows.append(_figure("credential", c["code"], f.get("statistic_words") or f.get("statistic"), f))
    for o in report.get("occupations") or []:
        for f in o.get("figures") or []:
            rows.append(_figure("occupation", o["soc"], f.get("measure_words") or f.get("measure"), f))
    for p in report.get("certification_premium") or []:
        row = _figure(
            "certified-vs-not",
            ", ".join(p.get("applies_to") or []),
            f"difference per year, {p.get('statistic_words') or p.get('statistic')}",
            p,
            amount=p.get("difference_per_year"),
        )
        row["unit"] = "year"
        rows.append(row)
    return rows


# --------------------------------------------------------------------------- path

ROUTE_COLUMNS = [
    Column("route", "Route"),
    Column("fastest", "Fastest"),
    Column("cheapest", "Cheapest"),
    Column("step", "Step", justify="right"),
    Column("kind", "Kind"),
    Column("for", "For"),
    Column("text", "What to do"),
    Column("months", "Months", justify="right"),
    Column("cost", "Cost (USD)", justify="right"),
    Column("cumulative_months", "Months so far", justify="right"),
    Column("cumulative_cost", "Cost so far", justify="right"),
    Column("complete", "Totals complete"),
]


def route_rows(res: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per step of every route to the goal, numbered within its route."""
    rows = []
    for r in res.get("routes") or []:
        for i, s in enumerate(r.get("steps") or [], start=1):
            rows.append(
                {
                    "route": r.get("id"),
                    "fastest": r.get("fastest"),
                    "cheapest": r.get("cheapest"),
                    "step": i,
                    "kind": s.get("kind"),
                    "for": s.get("for"),
                    "text": s.get("text"),
                    "months": s.get("months"),
                    "cost": s.get("cost"),
                    "cumulative_months": s.get("cumulative_months"),
                    "cumulative_cost": s.get("cumulative_cost"),
                    "complete": bool(s.get("cumulative_months_complete") and s.get("cumulative_cost_complete")),
                }
            )
    return rows


LEADS_COLUMNS = [
    Column("from", "From"),
    Column("code", "Next"),
    Column("name", "Name"),
    Column("body", "Body"),
    Column("level", "Level"),
    Column("requires", "Requires"),
    Column("pay", "Pay (latest)"),
    Column("pay_source", "Pay source"),
]


def leads_rows(res: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per credential this one leads to, with what it requires and its latest pay figure."""
    origin = (res.get("from") or {}).get("code")
    rows = []
    for n in res.get("next") or []:
        pay = next((p for p in n.get("pay") or [] if p.get("latest")), None)
        rows.append(
            {
                "from": origin,
                "code": n.get("code"),
                "name": n.get("name"),
                "body": n.get("body"),
                "level": n.get("level"),
                "requires": [q.get("text") for q in n.get("requires") or []],
                "pay": None
                if pay is None
                else f"{money_text(pay.get('amount'))} a {pay.get('unit')}, "
                f"{pay.get('statistic_words') or pay.get('statistic')} ({pay.get('period')})",
                "pay_source": None if pay is None else pay.get("source"),
            }
        )
    return rows
