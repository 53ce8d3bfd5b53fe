"""When each held credential is due, what grace there is, what a late or extended renewal costs, when it
lapses, and how and until when it can be reinstated.  Every figure comes from the body's dated rules
(``renewal.grace``, ``lapses``, ``reinstatement`` and the ``fees`` with an ``event``).  Pure.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from certplan.catalog.models import Body, Catalog, Money
from certplan.core.ceu_status import body_status, held_credentials, pick_for_cycle
from certplan.core.tracked import CeuEntry, Held, add_years

DAY = dt.timedelta(days=1)


def _fee(fees: list[Money], event: str, urls: dict[str, str]) -> dict[str, Any] | None:
    for f in fees:
        if f.event == event:
            return {"amount": f.amount, "what": f.what, "note": f.note, "source": urls.get(f.source, f.source)}
    return None


def credential_renewal(
    cat: Catalog, body: Body | None, code: str, bstatus: dict[str, Any] | None, urls: dict[str, str]
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "code": code,
        "body": body.code if body else None,
        "cycle_start": None,
        "due": None,
        "grace_days": None,
        "grace_until": None,
        "grace_alternatives": [],
        "late_fee": None,
        "extension_fee": None,
        "reinstatement_fee": None,
        "lapses_on": None,
        "lapse_status": None,
        "lapse_steps": [],
        "reinstate_until": None,
        "reinstate_how": None,
        "notes": [],
        "sources": [],
    }
    notes, sources = out["notes"], out["sources"]

    def cite(sid: str) -> str:
        u = urls.get(sid, sid)
        if u not in sources:
            sources.append(u)
        return u

    if body is None or body.renewal is None:
        notes.append("the catalog has no renewal rules for this credential's body")
        return out
    r = body.renewal
    if bstatus is None or bstatus["cycle_end"] is None:
        notes.extend(bstatus["notes"] if bstatus else [])
        if not bstatus:
            notes.append(f"no cycle rule for {body.code}")
        return out
    start = dt.date.fromisoformat(bstatus["cycle_start"])
    due = dt.date.fromisoformat(bstatus["cycle_end"])
    out["cycle_start"], out["due"] = start.isoformat(), due.isoformat()
    notes.extend(n for n in bstatus["notes"] if "cycle" in n and "prorated" not in n)
    for s in bstatus["sources"][:1]:
        if s not in sources:
            sources.append(s)

    graces = pick_for_cycle(r.grace, start, due)
    used = [g for g in graces if g.used]
    if used:
        g = used[0]
        cite(g.source)
        out["grace_days"] = g.days
        if g.days is not None:
            out["grace_until"] = (due + dt.timedelta(days=g.days)).isoformat()
        if g.note:
            notes.append(f"grace: {g.note}")
    else:
        notes.append(f"no grace period is recorded for {body.code}")
    for g in graces:
        if not g.used:
            out["grace_alternatives"].append(
                {"days": g.days, "what": g.what, "note": g.note, "source": urls.get(g.source, g.source)}
            )

    for key, event in (("late_fee", "late"), ("extension_fee", "extension"), ("reinstatement_fee", "reinstatement")):
        out[key] = _fee(r.fees, event, urls)
        if out[key]:
            cite(next(f.source for f in r.fees if f.event == event))

    lapses = sorted(pick_for_cycle(r.lapses, start, due), key=lambda x: (x.after_days is None, x.after_days or 0))
    lapse_day: dt.date | None = None
    for lp in lapses:
        cite(lp.source)
        on = None if lp.after_days is None else due + dt.timedelta(days=lp.after_days)
        out["lapse_steps"].append(
            {"on": None if on is None else on.isoformat(), "status": lp.status, "what": lp.what, "note": lp.note}
        )
        if on is not None:
            lapse_day = on
            out["lapse_status"] = lp.status
    if lapse_day is not None:
        out["lapses_on"] = lapse_day.isoformat()
    elif not lapses:
        notes.append(f"when an unrenewed {code} lapses is not recorded for {body.code}")

    for rr in pick_for_cycle(r.reinstatement, start, due):
        cite(rr.source)
        base = due if rr.counted_from == "due" else lapse_day
        out["reinstate_how"] = rr.how
        if rr.note:
            notes.append(f"reinstatement: {rr.note}")
        if base is not None:
            until = base
            if rr.within_years:
                until = add_years(until, rr.within_years)
            if rr.within_days:
                until = until + dt.timedelta(days=rr.within_days)
            if rr.within_years or rr.within_days:
                out["reinstate_until"] = until.isoformat()
        break
    else:
        notes.append(f"how a lapsed {code} is reinstated is not recorded for {body.code}")
    return out


def renewals(cat: Catalog, held: list[Held], ceus: list[CeuEntry], on: dt.date) -> list[dict[str, Any]]:
    """One entry per credential held on ``on`` (in the order held)."""
    urls = {s.id: s.url for s in cat.sources}
    bodies = {b.code: b for b in cat.bodies}
    statuses: dict[str, dict[str, Any] | None] = {}
    out = []
    for hc in held_credentials(cat, held, on):
        b = bodies.get(hc.credential.body or "")
        if b is not None and b.code not in statuses:
            statuses[b.code] = body_status(cat, b, held, ceus, on, urls)
        out.append(credential_renewal(cat, b, hc.code, statuses.get(b.code) if b else None, urls))
    return out
