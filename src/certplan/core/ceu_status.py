"""Where a holder stands in each body's CEU cycle: required, earned, remaining, category minimums, pace.

Every rule comes from the catalog (the body's ``renewal``: ``cycle``, ``ceus`` / ``ceus_earlier``,
``first_cycle``, ``categories``), each picked by :func:`certplan.catalog.rules.in_force` on the cycle's
last day (or first day, where the rule says ``dated_by: cycle-start``).  Pure: no clock, no files.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from certplan.catalog.models import Body, Catalog, CategoryRule, CeuSchedule, Credential, CycleRule
from certplan.catalog.rules import in_force
from certplan.core.tracked import CeuEntry, Held, add_years, month_end, whole_months

DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class HeldCredential:
    held: Held
    credential: Credential

    @property
    def code(self) -> str:
        return self.credential.code


def held_credentials(cat: Catalog, held: list[Held], on: dt.date) -> list[HeldCredential]:
    """Current credentials held on ``on`` (earned by then), without those replaced by another one held."""
    by_code = {c.code.upper(): c for c in cat.credentials}
    out = [
        HeldCredential(h, by_code[h.code.upper()]) for h in held if h.code.upper() in by_code and h.earned <= on
    ]
    replaced = {r.upper() for hc in out for r in hc.credential.replaces}
    return [hc for hc in out if hc.code.upper() not in replaced]


def pick_for_cycle(rules: list, start: dt.date, end: dt.date) -> list:
    """The rules in force for a cycle: each one is dated by the cycle's end or its start."""
    return [r for r in rules if in_force([r], start if getattr(r, "dated_by", "cycle-end") == "cycle-start" else end)]


def cycle_rule(body: Body, on: dt.date) -> CycleRule | None:
    r = body.renewal
    if r is None:
        return None
    rules = in_force(r.cycle, on)
    return rules[0] if rules else None


def cycle_bounds(rule: CycleRule, anchor: dt.date, on: dt.date) -> tuple[dt.date, dt.date]:
    """The cycle (first day, last day) that contains ``on``; the first cycle when ``on`` is before it."""

    def end_of(k: int) -> dt.date:
        nxt = add_years(anchor, rule.years * (k + 1))
        return month_end(nxt) if rule.ends == "end-of-month" else nxt - DAY

    k = 0
    while end_of(k) < on:
        k += 1
    start = anchor if k == 0 else end_of(k - 1) + DAY
    return start, end_of(k)


def schedule_for(body: Body, start: dt.date, end: dt.date) -> CeuSchedule | None:
    r = body.renewal
    if r is None:
        return None
    candidates = ([r.ceus] if r.ceus is not None else []) + list(r.ceus_earlier)
    found = pick_for_cycle(candidates, start, end)
    return found[0] if found else None


def required_ceus(schedule: CeuSchedule | None, mine: list[HeldCredential]) -> tuple[float | None, str]:
    """CEUs a holder of ``mine`` owes in one full cycle, and how that figure was reached."""
    n = len(mine)
    if schedule is None:
        own = [hc.credential.maintenance.ceus.value for hc in mine if hc.credential.maintenance]
        if n == 1 and own and own[0] is not None:
            return own[0], f"{mine[0].code}'s own requirement"
        return None, "the catalog has no CEU schedule for holding these credentials together"
    if schedule.by_count:
        return schedule.by_count[min(n, len(schedule.by_count)) - 1], f"schedule for {n} credential{'s' * (n > 1)}"
    bases = [hc.credential.maintenance.ceus.value for hc in mine if hc.credential.maintenance]
    if not bases or any(b is None for b in bases):
        return None, "a held credential's own CEU requirement is unknown"
    total = max(bases) + (schedule.increment or 0) * (n - 1)
    if schedule.cap is not None:
        total = min(total, schedule.cap)
    if n == 1:
        return total, f"{mine[0].code}'s own requirement"
    return total, f"highest single requirement {max(bases):g} + {schedule.increment} for each of {n - 1} more" + (
        f", capped at {schedule.cap}" if schedule.cap is not None else ""
    )


def _num(x: float) -> float | int:
    return int(x) if float(x).is_integer() else round(x, 2)


def _matches(rule: CategoryRule, hc: HeldCredential) -> bool:
    c = hc.credential
    if rule.credentials:
        return c.code in rule.credentials
    if rule.level is not None:
        return c.level == rule.level and c.code not in rule.exclude
    return True


def _provider_match(rule: CategoryRule, provider: str | None) -> bool:
    p = (provider or "").lower()
    return any(name.lower() in p for name in rule.providers)


def body_status(
    cat: Catalog, body: Body, held: list[Held], ceus: list[CeuEntry], on: dt.date, urls: dict[str, str] | None = None
) -> dict[str, Any] | None:
    """The status of ``body``'s current cycle for this holder, or None when no credential of it is held."""
    urls = urls or {s.id: s.url for s in cat.sources}
    mine = [hc for hc in held_credentials(cat, held, on) if hc.credential.body == body.code]
    if not mine:
        return None
    codes = [hc.code for hc in mine]
    notes: list[str] = []
    sources: list[str] = []

    def cite(source_id: str) -> None:
        u = urls.get(source_id, source_id)
        if u not in sources:
            sources.append(u)

    out: dict[str, Any] = {
        "body": body.code,
        "credentials": codes,
        "cycle_start": None,
        "cycle_end": None,
        "required": None,
        "required_full_cycle": None,
        "basis": "",
        "prorated": False,
        "estimate": False,
        "earned": 0,
        "remaining": None,
        "categories": [],
        "days_left": None,
        "on_track": None,
        "counted": [],
        "excluded": [],
        "notes": notes,
        "sources": sources,
    }
    rule = cycle_rule(body, on)
    if rule is None:
        notes.append(f"the catalog has no CEU cycle rule for {body.code}; see 'certplan show' for what is known")
        return out
    cite(rule.source)
    given = [hc.held.cycle_start for hc in mine if hc.held.cycle_start]
    first_earned = min(hc.held.earned for hc in mine)
    if given:
        anchor = min(given)
    else:
        anchor = first_earned
        if rule.starts == "membership-renewal":
            notes.append(
                f"{body.code} cycles follow the membership renewal date; none was given (held add --cycle-start),"
                f" so the cycle starts on the earned date {first_earned.isoformat()}"
            )
    start, end = cycle_bounds(rule, anchor, on)
    out["cycle_start"], out["cycle_end"] = start.isoformat(), end.isoformat()

    schedule = schedule_for(body, start, end)
    if schedule is not None:
        cite(schedule.source)
    full, basis = required_ceus(schedule, mine)
    out["required_full_cycle"] = None if full is None else _num(full)
    out["basis"] = basis
    required = full
    if full is not None and start < first_earned <= end:
        for fc in pick_for_cycle(body.renewal.first_cycle if body.renewal else [], start, end):
            cite(fc.source)
            if fc.prorated and fc.method == "whole-months":
                months = whole_months(first_earned, end + DAY)
                required = math.ceil(full * months / (rule.years * 12))
                out["prorated"] = True
                out["estimate"] = fc.estimate
                notes.append(
                    f"first cycle prorated: {months} whole months of {rule.years * 12} from"
                    f" {first_earned.isoformat()}" + (" (certplan's estimate; the body publishes no formula)" if fc.estimate else "")
                )
            elif fc.prorated:
                notes.append(f"{body.code} prorates a first cycle but publishes no method; the full figure is shown")
            break
    out["required"] = None if required is None else _num(required)

    # Which CEUs count for this body's cycle, and why the others do not.
    earned_by_code = {hc.code: hc.held.earned for hc in mine}
    counted: list[CeuEntry] = []
    for c in sorted(ceus, key=lambda c: (c.date, c.id)):
        if c.for_codes and not set(c.for_codes) & set(codes):
            continue  # recorded for another body's credentials
        targets = [x for x in c.for_codes if x in earned_by_code] or codes
        earliest = min(earned_by_code[x] for x in targets)
        if c.date < earliest:
            who = "/".join(x for x in targets if earned_by_code[x] == earliest)
            reason = f"dated {c.date.isoformat()}, before {who} was earned ({earliest.isoformat()})"
        elif c.date < start or c.date > end:
            reason = f"dated {c.date.isoformat()}, outside the cycle {start.isoformat()} to {end.isoformat()}"
            if c.date < start:
                reason += " (CEUs do not carry over)"
        else:
            counted.append(c)
            continue
        out["excluded"].append({"id": c.id, "title": c.title, "ceus": _num(c.ceus), "reason": reason})
    earned = sum(c.ceus for c in counted)
    out["earned"] = _num(earned)
    out["counted"] = [c.id for c in counted]
    if required is not None:
        out["remaining"] = _num(max(0.0, required - earned))

    # Category minimums.
    cats = pick_for_cycle(body.renewal.categories if body.renewal else [], start, end)
    rows: list[dict[str, Any]] = []
    for cr in cats:
        matched = [hc for hc in mine if _matches(cr, hc)]
        if not matched:
            continue
        cite(cr.source)
        groups = [[hc] for hc in matched] if cr.per_credential else [matched]
        targeted = bool(cr.credentials or cr.level)
        for grp in groups:
            for_codes = [hc.code for hc in grp] if targeted else []
            if cr.ceus is not None:
                need: float | None = cr.ceus
            elif required is not None and cr.percent is not None:
                need = math.ceil(required * cr.percent / 100)
            else:
                need = None
            got = 0.0
            for c in counted:
                if cr.counts == "provider":
                    ok = _provider_match(cr, c.provider)
                else:
                    ok = c.category == cr.category
                if not ok:
                    continue
                if for_codes:
                    if c.for_codes:
                        hit = [x for x in c.for_codes if x in for_codes]
                        if not hit:
                            continue
                    elif cr.per_credential and len(groups) > 1:
                        continue  # several credentials share this rule: the CEU must say which (--for)
                    if all(c.date < earned_by_code[x] for x in for_codes):
                        continue
                got += c.ceus
            rows.append(
                {
                    "name": cr.category,
                    "for": for_codes,
                    "required": None if need is None else _num(need),
                    "earned": _num(got),
                    "remaining": None if need is None else _num(max(0.0, need - got)),
                    "counts": cr.counts,
                    "source": urls.get(cr.source, cr.source),
                }
            )
            if cr.per_credential and len(groups) > 1 and any(
                c.category == cr.category and not c.for_codes for c in counted
            ):
                msg = f"{cr.category} CEUs without --for count toward the total only: say which credential they are for"
                if msg not in notes:
                    notes.append(msg)
    out["categories"] = rows

    # Days left and pace.
    out["days_left"] = (end - on).days
    if required is None:
        return out
    done = (out["remaining"] == 0) and all(r["remaining"] in (0, None) for r in rows)
    if done:
        out["on_track"] = True
    elif on > end:
        out["on_track"] = False
    else:
        elapsed = (on - start).days + 1
        total_days = (end - start).days + 1
        pace = total_days / elapsed

        def reaches(got: float, need: float | None) -> bool:
            return need is None or got * pace >= need

        out["on_track"] = reaches(earned, required) and all(reaches(r["earned"], r["required"]) for r in rows)
    return out


def status(cat: Catalog, held: list[Held], ceus: list[CeuEntry], on: dt.date) -> list[dict[str, Any]]:
    """One entry per body of which a credential is held (catalog order)."""
    urls = {s.id: s.url for s in cat.sources}
    out = []
    for body in cat.bodies:
        s = body_status(cat, body, held, ceus, on, urls)
        if s is not None:
            out.append(s)
    return out
