"""Plain-data views of catalog records: the stable JSON contract of ``show`` and ``list``.

Facts are flattened to their values; where each came from is in ``provenance`` (by
field path) and ``sources``.  Unknown facts are ``null`` and listed in ``unknown``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from certplan.catalog.records import (
    Body,
    Catalog,
    Credential,
    Fact,
    Money,
    Pathway,
    PayFigure,
    Record,
)
from certplan.core import requirements as rq

SCHEMA_VERSION = 1
DATED_AFTER_YEARS = 3


class Ctx:
    """What a view needs besides the record: the catalog (for sources) and today."""

    def __init__(self, cat: Catalog, today: dt.date):
        self.cat = cat
        self.today = today
        self.sources = {s.id: s for s in cat.sources}
        self.bodies = {b.code: b for b in cat.bodies}
        self.occupations = {o.soc: o for o in cat.occupations}

    def url(self, source_id: str | None) -> str | None:
        s = self.sources.get(source_id or "")
        return s.url if s else None

    def source(self, source_id: str) -> dict[str, Any]:
        s = self.sources[source_id]
        return {
            "id": s.id,
            "url": s.url,
            "kind": s.kind,
            "tier": s.tier,
            "date": s.date,
            "date_kind": s.date_kind,
            "title": s.title,
        }


def source_ids(obj: Any) -> list[str]:
    """Every source id cited anywhere inside ``obj``, in first-seen order."""
    out: list[str] = []

    def walk(o: Any) -> None:
        if isinstance(o, Record):
            for name in type(o).model_fields:
                v = getattr(o, name)
                if name == "source" and isinstance(v, str):
                    if v not in out:
                        out.append(v)
                else:
                    walk(v)
        elif isinstance(o, list):
            for i in o:
                walk(i)

    walk(obj)
    return out


def value(f: Fact | None) -> Any:
    return None if f is None else f.value


def money(m: Money, ctx: Ctx) -> dict[str, Any]:
    return {
        "amount": m.amount,
        "currency": m.currency,
        "member": m.member,
        "student": m.student,
        "what": m.what,
        "attempts": m.attempts,
        "note": m.note,
        "source": ctx.url(m.source),
    }


def requirement(req) -> dict[str, Any]:
    d = req.model_dump(mode="json")
    d["text"] = rq.describe(req)
    return d


def pathway(p: Pathway, ctx: Ctx) -> dict[str, Any]:
    return {
        "id": p.id,
        "label": p.label,
        "text": rq.describe_pathway(p),
        "requirements": [requirement(r) for r in p.requirements],
        "note": p.note,
        "source": ctx.url(p.source),
    }


def is_dated(year: int, today: dt.date) -> bool:
    return today.year - year > DATED_AFTER_YEARS


def pay(p: PayFigure, ctx: Ctx) -> dict[str, Any]:
    src = ctx.sources.get(p.source)
    return {
        "amount": p.amount,
        "currency": p.currency,
        "unit": p.unit,
        "statistic": p.statistic,
        "period": p.period,
        "year": p.year,
        "population": p.population,
        "dated": is_dated(p.year, ctx.today),
        "note": p.note,
        "source": src.url if src else None,
        "source_kind": src.kind if src else None,
        "source_tier": src.tier if src else None,
    }


def _provenance(obj: Any, ctx: Ctx, prefix: str, out: dict[str, Any], unknown: list[str]) -> None:
    if isinstance(obj, Fact):
        out[prefix] = {"source": ctx.url(obj.source), "note": obj.note, "estimate": obj.estimate}
        if obj.value is None:
            unknown.append(prefix)
        return
    if isinstance(obj, Money) and obj.amount is None:
        unknown.append(prefix)
    if isinstance(obj, Record):
        for name in type(obj).model_fields:
            _provenance(getattr(obj, name), ctx, f"{prefix}.{name}" if prefix else name, out, unknown)
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            _provenance(item, ctx, f"{prefix}[{i}]", out, unknown)


def credential(c: Credential, ctx: Ctx) -> dict[str, Any]:
    body = ctx.bodies.get(c.body or "")
    exam = None
    if c.exam is not None:
        e = c.exam
        exam = {
            "questions": value(e.questions),
            "duration_minutes": value(e.duration_minutes),
            "passing_score": value(e.passing_score),
            "open_book": value(e.open_book),
            "references": value(e.references),
            "delivery": value(e.delivery),
            "retake": value(e.retake),
            "fees": [money(m, ctx) for m in e.fees],
            "domains": [
                {"name": d.name, "weight_percent": d.weight_percent, "questions": d.questions} for d in e.domains
            ],
            "study_hours": value(e.study_hours),
            "study_hours_estimate": bool(e.study_hours and e.study_hours.estimate),
        }
    elig = None
    if c.eligibility is not None:
        elig = {
            "pathways": [pathway(p, ctx) for p in c.eligibility.pathways],
            "recommended": [{"text": n.text, "source": ctx.url(n.source)} for n in c.eligibility.recommended],
        }
    appr = None
    if c.apprentice is not None:
        appr = {
            "designation": c.apprentice.designation,
            "rule": c.apprentice.rule,
            "removal": [pathway(p, ctx) for p in c.apprentice.removal],
            "source": ctx.url(c.apprentice.source),
        }
    maint = None
    if c.maintenance is not None:
        m = c.maintenance
        maint = {
            "ceus": value(m.ceus),
            "cycle_years": value(m.cycle_years),
            "topic_rules": [{"text": t.text, "ceus": t.ceus, "source": ctx.url(t.source)} for t in m.topic_rules],
            "fees": [money(x, ctx) for x in m.fees],
            "membership_required": value(m.membership_required),
        }
    provenance: dict[str, Any] = {}
    unknown: list[str] = []
    for section in ("exam", "maintenance"):
        _provenance(getattr(c, section), ctx, section, provenance, unknown)
    sources = [ctx.source(s) for s in source_ids(c) if s in ctx.sources]
    return {
        "schema_version": SCHEMA_VERSION,
        "code": c.code,
        "name": c.name,
        "body": c.body,
        "body_name": value(body.name) if body else None,
        "level": c.level,
        "status": c.status,
        "aliases": list(c.aliases),
        "settings": list(c.settings),
        "focus": list(c.focus),
        "description": c.description,
        "exam": exam,
        "eligibility": elig,
        "apprentice": appr,
        "maintenance": maint,
        "salary": [pay(p, ctx) for p in c.salary],
        "occupations": [
            {"soc": s, "title": ctx.occupations[s].title if s in ctx.occupations else None} for s in c.occupations
        ],
        "next": list(c.next),
        "replaces": list(c.replaces),
        "replaced_by": c.replaced_by,
        "retired": None
        if c.retired is None
        else {"date": c.retired.date, "successor": c.retired.successor, "note": c.retired.note},
        "see_also": list(c.see_also),
        "recognition": [{"text": n.text, "signal": n.signal, "source": ctx.url(n.source)} for n in c.recognition],
        "notes": [{"text": n.text, "source": ctx.url(n.source)} for n in c.notes],
        "unknown": unknown,
        "provenance": provenance,
        "sources": sources,
    }


def body(b: Body, ctx: Ctx) -> dict[str, Any]:
    r = b.renewal
    creds = [c.code for c in ctx.cat.credentials if c.body == b.code and c.status == "current"]
    return {
        "schema_version": SCHEMA_VERSION,
        "code": b.code,
        "name": value(b.name),
        "website": value(b.website),
        "membership": [money(m, ctx) for m in b.membership],
        "credentials": creds,
        "credential_count": len(creds),
        "renewal": None
        if r is None
        else {
            "cycle_years": value(r.cycle_years),
            "ceus": None
            if r.ceus is None
            else {"by_count": r.ceus.by_count, "increment": r.ceus.increment, "cap": r.ceus.cap, "note": r.ceus.note},
            "fees": [money(m, ctx) for m in r.fees],
            "grace_period_days": value(r.grace_period_days),
            "lapse": value(r.lapse),
            "membership_required": value(r.membership_required),
            "rules": [{"text": n.text, "source": ctx.url(n.source)} for n in r.rules],
        },
        "exam_delivery": value(b.exam_delivery),
        "accreditation": [{"text": n.text, "source": ctx.url(n.source)} for n in b.accreditation],
        "notes": [{"text": n.text, "source": ctx.url(n.source)} for n in b.notes],
        "sources": [ctx.source(s) for s in source_ids(b) if s in ctx.sources],
    }
