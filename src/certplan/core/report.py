"""What a student's printable report says: pure data for output/report.py to render.

For one person: their answers, the top recommendations with reasons, eligibility and what is
missing for each, a dated study plan for the top choice, first-year cost, and pay (credential
survey figures and the BLS figures of the linked occupation, each with its year and source).
Chart geometry (pay bars, the plan's timeline) is computed here so templates only draw.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from certplan.catalog.models import Catalog
from certplan.core import cohort, pay, plan, recommend

PHASE_COLOURS = {
    "prerequisites": "#8c6d31",
    "foundations": "#6b6ecf",
    "study": "#3182bd",
    "buffer": "#bdbdbd",
    "review": "#e6550d",
    "exam": "#31a354",
}


class ReportMaker:
    """Per-catalog work done once; :meth:`student` gives one student's report."""

    def __init__(
        self,
        cat: Catalog,
        prefs: recommend.Preferences,
        req: plan.Request,
        today: dt.date,
        top: int = 3,
    ):
        self.cat = cat
        self.prefs = prefs
        self.req = req
        self.today = today
        self.top = top
        self.ev = cohort.CohortEligibility(cat)
        self.by_code = {c.code: c for c in cat.credentials}
        self.src = pay.Sources(cat)
        self.occupations = {o.soc: o for o in cat.occupations}
        self._pay: dict[str, list[dict[str, Any]]] = {}

    def pay_of(self, code: str) -> list[dict[str, Any]]:
        """Annual pay figures for a credential: its own newest survey figures, then its first occupation's BLS median."""
        if code in self._pay:
            return self._pay[code]
        cred = self.by_code[code]
        out = []
        for f in pay.credential_pay(cred, self.src, self.today):
            if f["unit"] == "year" and f["latest"]:
                out.append({**f, "what": f"{code} holders: {f['statistic_words']}", "kind": "credential"})
        for soc in cred.occupations[:1]:
            o = self.occupations.get(soc)
            if o is None:
                continue
            occ = pay.occupation(o, self.src, self.today)
            for f in pay.latest_figures(occ, ("median-annual-wage",)):
                out.append({**f, "what": f"{occ['title']} ({soc}): {f['measure_words']}", "kind": "occupation"})
        self._pay[code] = out
        return out

    def student(self, person, meta: dict[str, Any], notes: list[str]) -> dict[str, Any]:
        ranked = recommend.recommend(self.cat, person, self.prefs, self.today)[: self.top]
        elig = {r["code"]: r for r in self.ev.evaluate(person)}
        recs = []
        seen: set[tuple[str, str]] = set()  # an occupation's BLS figure is shown once, under the first credential
        for r in ranked:
            figures = []
            for f in self.pay_of(r["code"]):
                key = (f["what"], f["period"])
                if f["kind"] == "occupation":
                    if key in seen:
                        continue
                    seen.add(key)
                figures.append(f)
            recs.append({**r, "eligibility": elig.get(r["code"]), "pay": figures})
        study = None
        plan_error = None
        if recs:
            try:
                study = plan.build(self.by_code[recs[0]["code"]], self.cat, person, self.req, self.today)
            except plan.PlanError as exc:
                plan_error = str(exc)
        return {
            **meta,
            "answers": answers_of(person),
            "assumptions": notes,
            "recommendations": recs,
            "top": recs[0] if recs else None,
            "plan": study,
            "plan_error": plan_error,
            "timeline": timeline(study) if study else None,
            "pay_chart": pay_chart(recs),
        }


def answers_of(person) -> list[tuple[str, str]]:
    d = person.to_dict()

    def text(v: Any) -> str:
        if v is None:
            return "none"
        if isinstance(v, bool):
            return "yes" if v else "no"
        if isinstance(v, list):
            return ", ".join(v) or "none"
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
        return str(v)

    labels = {
        "education": "Highest education",
        "accredited_program": "CAHIIM-accredited program completed",
        "experience_years": "Years of experience",
        "experience_kinds": "Kinds of experience",
        "held": "Credentials held",
        "course_hours": "Coding course hours",
        "training_program": "Billing/coding training program completed",
        "training_hours": "Training program hours",
        "practicode": "Practicode completed",
        "member": "Member of",
        "clinical_hours": "Clinical hours",
    }
    return [(labels.get(k, k), text(v)) for k, v in d.items() if k in labels]


# --------------------------------------------------------------------------- charts (geometry only)

CHART_WIDTH = 640


def pay_chart(recs: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Horizontal bars on one scale: every annual figure of the top recommendations."""
    bars = [f for r in recs for f in r["pay"]]
    if not bars:
        return None
    label_w, bar_w, row_h = 300, CHART_WIDTH - 300 - 90, 22
    top = max(f["amount"] for f in bars) or 1
    out = []
    for i, f in enumerate(bars):
        w = max(1, round(bar_w * f["amount"] / top))
        out.append(
            {
                "y": i * row_h,
                "width": w,
                "label": f["what"],
                "value": f"${f['amount']:,.0f}",
                "period": f["period"],
                "kind": f["kind"],
            }
        )
    return {"width": CHART_WIDTH, "height": len(out) * row_h + 4, "label_width": label_w, "bars": out}


def timeline(p: dict[str, Any]) -> dict[str, Any]:
    """One box per study week coloured by phase, and the milestones as ticks."""
    weeks = p["weeks"]
    n = len(weeks) or 1
    left, width = 10, CHART_WIDTH - 20
    step = width / n
    boxes = [
        {
            "x": round(left + i * step, 1),
            "width": round(max(step - 2, 1), 1),
            "phase": w["phase"],
            "colour": PHASE_COLOURS.get(w["phase"], "#999999"),
            "label": str(w["week"]),
            "title": f"Week {w['week']} ({w['start']} to {w['end']}): {w['phase']}, {w['hours']} h",
        }
        for i, w in enumerate(weeks)
    ]
    phases = [{"phase": k, "colour": v} for k, v in PHASE_COLOURS.items() if any(w["phase"] == k for w in weeks)]
    return {"width": CHART_WIDTH, "height": 70, "boxes": boxes, "phases": phases}
