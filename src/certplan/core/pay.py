"""Pay figures as plain data: what each figure is (median or mean), for whom, when, and from where.

Pure functions over catalog models and ``today``; no I/O.

Rules:
- a figure's ``period`` and ``source`` always travel with it;
- ``latest``: no newer figure of the same kind exists in the catalog;
  ``dated``: its year is more than three years before today's year (as ``show`` marks it);
  ``current``: latest and not dated.  A dated figure is never current, even when it is the newest found;
- credential figures come from salary surveys of the body's members who answered them; occupation figures
  are BLS figures for all US workers in the occupation.  The two are never presented as the same statistic;
- the certified-vs-not-certified difference comes from the catalog's structured ``pay_differences``
  (year, percent, both dollar amounts where the source states them, statistic, population, SOC codes).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from certplan.catalog.records import Catalog, Credential, Occupation, OccupationFigure, PayFigure
from certplan.core.views import DATED_AFTER_YEARS, is_dated

SCHEMA_VERSION = 1

# measure -> (statistic, unit, kind)
MEASURES: dict[str, tuple[str | None, str | None, str]] = {
    "median-annual-wage": ("median", "year", "money"),
    "median-hourly-wage": ("median", "hour", "money"),
    "mean-annual-wage": ("mean", "year", "money"),
    "pct10-annual-wage": ("pct10", "year", "money"),
    "pct90-annual-wage": ("pct90", "year", "money"),
    "employment": (None, None, "count"),
    "outlook-percent": (None, None, "percent"),
    "annual-openings": (None, None, "count"),
}
MEASURE_WORDS = {
    "median-annual-wage": "median annual wage",
    "median-hourly-wage": "median hourly wage",
    "mean-annual-wage": "mean (average) annual wage",
    "pct10-annual-wage": "10th percentile annual wage",
    "pct90-annual-wage": "90th percentile annual wage",
    "employment": "employment (jobs)",
    "outlook-percent": "projected employment change",
    "annual-openings": "openings a year (projected)",
}
STATISTIC_WORDS = {
    "median": "median",
    "mean": "mean (average)",
    "pct10": "10th percentile",
    "pct25": "25th percentile",
    "pct75": "75th percentile",
    "pct90": "90th percentile",
}
BLS_POPULATION = "all US workers in this occupation (BLS data)"
SURVEY_KIND = "member-survey"
BLS_KIND = "all-us-workers"
ASSOCIATION_NOTE = (
    "Survey averages describe people who answered the survey; they are associations, not promises: "
    "a credential does not guarantee a raise."
)


class Sources:
    """Source ids -> url, kind, date (what a figure needs to say where it came from)."""

    def __init__(self, cat: Catalog):
        self.by_id = {s.id: s for s in cat.sources}

    def url(self, sid: str | None) -> str | None:
        s = self.by_id.get(sid or "")
        return s.url if s else None

    def kind(self, sid: str | None) -> str | None:
        s = self.by_id.get(sid or "")
        return s.kind if s else None

    def date(self, sid: str | None) -> str | None:
        s = self.by_id.get(sid or "")
        return s.date if s else None


def status_of(latest: bool, dated: bool) -> str:
    if latest and not dated:
        return "current"
    if latest:
        return "latest-dated"
    return "superseded"


def status_words(f: dict[str, Any]) -> str:
    """A figure's age in words: current, dated, superseded by <period>."""
    if f["status"] == "current":
        return "current"
    if f["status"] == "latest-dated":
        return "dated (newest found)"
    by = f.get("superseded_by")
    return ("dated; " if f["dated"] else "") + (f"superseded by {by}" if by else "superseded")


# --------------------------------------------------------------------------- credential figures


def population_kind(p: PayFigure) -> str:
    text = f"{p.population} {p.period}".lower()
    return SURVEY_KIND if "survey" in text else "other"


def credential_pay(cred: Credential, src: Sources, today: dt.date) -> list[dict[str, Any]]:
    """The credential's own pay figures, newest first, each with statistic, period, population and source."""
    newest: dict[tuple[str, str], PayFigure] = {}
    for p in cred.salary:
        key = (p.statistic, p.unit)
        if key not in newest or p.year > newest[key].year:
            newest[key] = p
    out = []
    for p in cred.salary:
        top = newest[(p.statistic, p.unit)]
        latest = p.year >= top.year
        dated = is_dated(p.year, today)
        out.append(
            {
                "amount": p.amount,
                "currency": p.currency,
                "unit": p.unit,
                "statistic": p.statistic,
                "statistic_words": STATISTIC_WORDS[p.statistic],
                "period": p.period,
                "year": p.year,
                "population": p.population,
                "population_kind": population_kind(p),
                "latest": latest,
                "dated": dated,
                "current": latest and not dated,
                "status": status_of(latest, dated),
                "superseded_by": None if latest else top.period,
                "note": p.note,
                "source": src.url(p.source),
                "source_kind": src.kind(p.source),
            }
        )
    out.sort(key=lambda f: (-f["year"], f["statistic"], -f["amount"]))
    return out


# --------------------------------------------------------------------------- occupations


def figure(f: OccupationFigure, newest: OccupationFigure, src: Sources, today: dt.date) -> dict[str, Any]:
    statistic, unit, kind = MEASURES[f.measure]
    latest = f.year >= newest.year
    dated = is_dated(f.year, today)
    return {
        "measure": f.measure,
        "measure_words": MEASURE_WORDS[f.measure],
        "statistic": statistic,
        "unit": unit,
        "kind": kind,
        "amount": f.amount,
        "period": f.period,
        "year": f.year,
        "population": BLS_POPULATION,
        "population_kind": BLS_KIND,
        "latest": latest,
        "dated": dated,
        "current": latest and not dated,
        "status": status_of(latest, dated),
        "superseded_by": None if latest else newest.period,
        "note": f.note,
        "source": src.url(f.source),
        "source_kind": src.kind(f.source),
    }


def occupation(o: Occupation, src: Sources, today: dt.date) -> dict[str, Any]:
    newest: dict[str, OccupationFigure] = {}
    for f in o.figures:
        if f.measure not in newest or f.year > newest[f.measure].year:
            newest[f.measure] = f
    order = list(MEASURES)
    figs = [figure(f, newest[f.measure], src, today) for f in o.figures]
    figs.sort(key=lambda x: (order.index(x["measure"]), -x["year"]))
    ee = o.entry_education
    return {
        "soc": o.soc,
        "title": o.title,
        "population": BLS_POPULATION,
        "figures": figs,
        "entry_education": None
        if ee is None
        else {"value": ee.value, "note": ee.note, "source": src.url(ee.source), "source_kind": src.kind(ee.source)},
        "notes": [{"text": n.text, "source": src.url(n.source)} for n in o.notes],
    }


def latest_figures(occ: dict[str, Any], measures: tuple[str, ...] | None = None) -> list[dict[str, Any]]:
    return [f for f in occ["figures"] if f["latest"] and (measures is None or f["measure"] in measures)]


# --------------------------------------------------------------------------- certified vs not certified


def premium_facts(cat: Catalog, src: Sources, today: dt.date) -> list[dict[str, Any]]:
    """The catalog's certified-vs-not-certified pay differences (``pay_differences``), newest first."""
    if not cat.pay_differences:
        return []
    top = max(p.year for p in cat.pay_differences)
    out = []
    for p in cat.pay_differences:
        dated = is_dated(p.year, today)
        latest = p.year >= top
        both = p.certified_amount is not None and p.not_certified_amount is not None
        out.append(
            {
                "id": p.id,
                "year": p.year,
                "period": p.period,
                "percent": p.percent,
                "text": p.text,
                "statistic": p.statistic,
                "statistic_words": STATISTIC_WORDS[p.statistic] if p.statistic else "not stated",
                "population": p.population,
                "population_kind": SURVEY_KIND if "survey" in p.population.lower() else "other",
                "applies_to": list(p.applies_to),
                "certified_amount": p.certified_amount,
                "not_certified_amount": p.not_certified_amount,
                "difference_per_year": (p.certified_amount - p.not_certified_amount) if both else None,
                "difference_approximate": p.approximate,
                "latest": latest,
                "dated": dated,
                "current": latest and not dated,
                "status": status_of(latest, dated),
                "conflicts": [{"value": c.value, "note": c.note, "source": src.url(c.source)} for c in p.conflicts],
                "note": p.note,
                "source": src.url(p.source),
                "source_kind": src.kind(p.source),
            }
        )
    out.sort(key=lambda x: (-x["year"], x["id"]))
    return out


def premium_applies(cred: Credential, premiums: list[dict[str, Any]]) -> bool:
    """Whether a surveyed pay difference covers the occupations this credential leads to."""
    return any(set(cred.occupations) & set(p["applies_to"]) for p in premiums)


def premium_for_roi(premiums: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The difference to use: the newest with dollar figures from an official source, else the newest with them."""
    usable = [p for p in premiums if p["difference_per_year"] and p["statistic"]]
    official = [p for p in usable if p["source_kind"] == "official"]
    pool = official or usable
    return pool[0] if pool else None


# --------------------------------------------------------------------------- the salary answer


def salary(
    cat: Catalog,
    creds: list[Credential],
    socs: list[str] | None,
    today: dt.date,
) -> dict[str, Any]:
    """The ``certplan salary`` answer.

    ``creds`` empty and ``socs`` None: every current credential with pay figures and every occupation.
    ``socs`` given: only those occupations (and only the credentials asked for); otherwise the occupations
    related to ``creds``.
    """
    src = Sources(cat)
    premiums = premium_facts(cat, src, today)
    occ_by_soc = {o.soc: o for o in cat.occupations}
    if creds or socs is not None:
        chosen = list(creds)
    else:
        chosen = [c for c in cat.credentials if c.salary and c.status == "current"]
    if socs is None:
        if creds:
            socs = []
            for c in creds:
                for s in c.occupations:
                    if s not in socs:
                        socs.append(s)
        else:
            socs = [o.soc for o in cat.occupations]
    cred_rows = []
    for c in chosen:
        cred_rows.append(
            {
                "code": c.code,
                "name": c.name,
                "body": c.body,
                "status": c.status,
                "pay": credential_pay(c, src, today),
                "occupations": list(c.occupations),
                "premium_applies": premium_applies(c, premiums),
            }
        )
    occupations = [occupation(occ_by_soc[s], src, today) for s in socs if s in occ_by_soc]
    missing = [s for s in socs if s not in occ_by_soc]
    notes = [
        "Credential figures are from salary surveys of members who answered them; occupation figures are BLS "
        "figures for all US workers in the occupation. They measure different people and are not comparable.",
        f"A figure is dated when its year is more than {DATED_AFTER_YEARS} years before {today.year}; "
        "'current' means the newest figure found and not dated.",
        ASSOCIATION_NOTE,
    ]
    for s in missing:
        notes.append(f"occupation {s} has no figures in the catalog")
    for r in cred_rows:
        if not r["pay"]:
            notes.append(f"{r['code']}: the catalog has no pay figure for this credential; see its occupations")
    return {
        "schema_version": SCHEMA_VERSION,
        "today": today.isoformat(),
        "dated_after_years": DATED_AFTER_YEARS,
        "credentials": cred_rows,
        "occupations": occupations,
        "certification_premium": premiums,
        "notes": notes,
    }


def chart_groups(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Annual pay figures to draw, grouped by statistic (never mixed without a label).

    Only the newest figure of each kind per credential or occupation is drawn; dated ones say so.
    """
    groups: dict[str, list[dict[str, Any]]] = {}
    for c in report["credentials"]:
        for f in c["pay"]:
            if f["unit"] != "year" or not f["latest"]:
                continue
            groups.setdefault(f["statistic"], []).append(
                {
                    "subject": c["code"],
                    "amount": f["amount"],
                    "period": f["period"],
                    "population": "survey of members",
                    "population_kind": f["population_kind"],
                    "dated": f["dated"],
                    "source": f["source"],
                    "source_kind": f["source_kind"],
                }
            )
    for o in report["occupations"]:
        for f in o["figures"]:
            if f["kind"] != "money" or f["unit"] != "year" or not f["latest"]:
                continue
            groups.setdefault(f["statistic"], []).append(
                {
                    "subject": o["soc"],
                    "amount": f["amount"],
                    "period": f["period"],
                    "population": "BLS, all US workers",
                    "population_kind": f["population_kind"],
                    "dated": f["dated"],
                    "source": f["source"],
                    "source_kind": f["source_kind"],
                }
            )
    order = ["median", "mean", "pct10", "pct25", "pct75", "pct90"]
    return [
        {"statistic": s, "title": f"{STATISTIC_WORDS[s]}, USD a year", "bars": groups[s]} for s in order if s in groups
    ]


# --------------------------------------------------------------------------- return on the cost


def break_even_months(cost: float, difference_per_year: float) -> int:
    """Whole months of the yearly pay difference needed to cover ``cost`` (rounded up)."""
    if cost <= 0:
        return 0
    return math.ceil(round(cost / (difference_per_year / 12), 6))


def roi(cred: Credential, cost: dict[str, Any], premiums: list[dict[str, Any]]) -> dict[str, Any]:
    """Compare the cost with the sourced certified-vs-not-certified pay difference.

    Uses only dollar figures stated by a source.  With unknown costs the break-even is computed on the known
    part and is a lower bound.
    """
    out: dict[str, Any] = {
        "applies": premium_applies(cred, premiums),
        "difference": None,
        "cost": cost["total_known"],
        "cost_complete": cost["total"] is not None,
        "unknown_parts": list(cost["unknown_parts"]),
        "break_even_months": None,
        "break_even_is_lower_bound": False,
        "alternatives": [],
        "text": "",
        "note": ASSOCIATION_NOTE,
    }
    if not out["applies"]:
        out["text"] = (
            f"no sourced figure: the catalog's certified-vs-not-certified pay difference comes from a survey of "
            f"coding and billing specialists, and {cred.code} is not linked to those occupations"
        )
        return out
    chosen = premium_for_roi(premiums)
    if chosen is None:
        out["text"] = "no sourced figure: no source states the pay difference in dollars"
        return out

    def months(p: dict[str, Any]) -> int:
        return break_even_months(cost["total_known"], p["difference_per_year"])

    keys = (
        "id",
        "year",
        "percent",
        "certified_amount",
        "not_certified_amount",
        "difference_per_year",
        "difference_approximate",
        "statistic",
        "population",
        "dated",
        "current",
        "source",
        "source_kind",
    )
    out["difference"] = {k: chosen[k] for k in keys}
    out["break_even_months"] = months(chosen)
    out["break_even_is_lower_bound"] = not out["cost_complete"]
    for p in premiums:
        if p is chosen or not p["difference_per_year"]:
            continue
        out["alternatives"].append({**{k: p[k] for k in keys}, "break_even_months": months(p)})
    at_least = "at least " if out["break_even_is_lower_bound"] else ""
    out["text"] = (
        f"{at_least}{out['break_even_months']} months of the {chosen['year']} difference "
        f"(${chosen['difference_per_year']:,.0f} a year, {chosen['statistic_words']} of survey respondents)"
        + (f" to cover the known ${cost['total_known']:,.0f}" if not out["cost_complete"] else "")
    )
    return out
