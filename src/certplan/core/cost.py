"""Costs computed from catalog fees: first-year cost and two-year upkeep.

A cost that depends on an unknown fact is unknown (``None``), never zero; the
parts that are unknown are named in ``unknown_parts``.
"""

from __future__ import annotations

from typing import Any

from certplan.catalog.models import Body, Catalog, Credential, MembershipReq, Money

BASES = ("member", "non-member")


def _applies(m: Money, basis: str) -> bool:
    if m.student:
        return False
    if m.member is None:
        return True
    return m.member == (basis == "member")


def exam_fee(cred: Credential, basis: str) -> Money | None:
    """The fee for one attempt on this basis (the lowest that applies), or None if none is listed."""
    if cred.exam is None:
        return None
    fees = [
        m
        for m in cred.exam.fees
        if _applies(m, basis) and (m.attempts in (None, 1)) and m.per in (None, "attempt", "once")
    ]
    known = [m for m in fees if m.amount is not None]
    if known:
        return min(known, key=lambda m: m.amount)
    return fees[0] if fees else None


def membership_fee(body: Body | None) -> Money | None:
    if body is None:
        return None
    regular = [m for m in body.membership if not m.student]
    known = [m for m in regular if m.amount is not None]
    if known:
        return min(known, key=lambda m: m.amount)
    return regular[0] if regular else None


def membership_needed_to_sit(cred: Credential) -> bool:
    if cred.eligibility is None:
        return False
    return all(any(isinstance(r, MembershipReq) for r in p.requirements) for p in cred.eligibility.pathways)


def membership_needed_to_keep(cred: Credential, body: Body | None) -> bool | None:
    if cred.maintenance is not None and cred.maintenance.membership_required is not None:
        return cred.maintenance.membership_required.value
    if body is not None and body.renewal is not None and body.renewal.membership_required is not None:
        return body.renewal.membership_required.value
    return None


def cycle_years(cred: Credential, body: Body | None) -> int | None:
    if cred.maintenance is not None and cred.maintenance.cycle_years.value:
        return cred.maintenance.cycle_years.value
    if body is not None and body.renewal is not None:
        return body.renewal.cycle_years.value
    return None


def renewal_fees(cred: Credential, body: Body | None, basis: str) -> list[Money]:
    fees = cred.maintenance.fees if cred.maintenance is not None and cred.maintenance.fees else []
    if not fees and body is not None and body.renewal is not None:
        fees = body.renewal.fees
    chosen = [m for m in fees if _applies(m, basis) and m.per in (None, "cycle", "year")]
    # one fee per cadence: the lowest that applies
    out: dict[str, Money] = {}
    for m in chosen:
        key = m.per or "cycle"
        cur = out.get(key)
        if cur is None or (m.amount is not None and (cur.amount is None or m.amount < cur.amount)):
            out[key] = m
    return list(out.values())


def costs(cred: Credential, cat: Catalog, basis: str, years: int = 2) -> dict[str, Any]:
    """First-year cost and upkeep over ``years`` years (after the first) on one fee basis."""
    urls = {s.id: s.url for s in cat.sources}
    body = next((b for b in cat.bodies if b.code == cred.body), None)
    lines: list[dict[str, Any]] = []
    unknown: list[str] = []

    def add(label: str, m: Money | None, times: int, period: str, missing_label: str) -> float | None:
        if m is None or m.amount is None:
            unknown.append(missing_label)
            lines.append(
                {
                    "label": label,
                    "amount": None,
                    "period": period,
                    "source": urls.get(m.source) if m else None,
                    "note": (m.note if m else None) or "no sourced figure",
                }
            )
            return None
        amount = m.amount * times
        lines.append(
            {
                "label": label + (f" x{times}" if times > 1 else ""),
                "amount": amount,
                "period": period,
                "source": urls.get(m.source),
                "note": m.what,
            }
        )
        return amount

    first: list[float | None] = []
    upkeep: list[float | None] = []
    fee = exam_fee(cred, basis)
    first.append(add(f"exam ({basis} price)", fee, 1, "first year", f"exam fee ({basis})"))
    to_sit = membership_needed_to_sit(cred)
    to_keep = membership_needed_to_keep(cred, body)
    if to_keep is None and cred.status == "current":
        unknown.append("whether membership is required to keep the credential")
    wants_membership = basis == "member" or to_sit or bool(to_keep)
    dues = membership_fee(body) if wants_membership else None
    if wants_membership:
        why = "required to sit" if to_sit else ("required to keep" if to_keep else "for the member price")
        first.append(add(f"{cred.body} membership ({why})", dues, 1, "first year", f"{cred.body} membership dues"))
        if to_keep or basis == "member":
            upkeep.append(add(f"{cred.body} membership", dues, years, f"{years} years", f"{cred.body} membership dues"))
    cyc = cycle_years(cred, body)
    for m in renewal_fees(cred, body, basis):
        if m.per == "year":
            upkeep.append(add("renewal fee (yearly)", m, years, f"{years} years", "renewal fee"))
        elif cyc is None:
            unknown.append("renewal cycle length")
            upkeep.append(None)
        else:
            n = years // cyc
            if n:
                upkeep.append(add(f"renewal fee (every {cyc} years)", m, n, f"{years} years", "renewal fee"))
    first_total = None if any(x is None for x in first) else sum(x for x in first if x is not None)
    upkeep_total = None if any(x is None for x in upkeep) else sum(x for x in upkeep if x is not None)
    return {
        "code": cred.code,
        "basis": basis,
        "first_year": first_total,
        "two_year_upkeep" if years == 2 else f"{years}_year_upkeep": upkeep_total,
        "lines": lines,
        "unknown_parts": unknown,
    }


def cheapest(cred: Credential, cat: Catalog, basis: str | None = None) -> dict[str, Any]:
    """Costs on the given basis, or on the basis that is cheapest in total (said in ``basis_reason``)."""
    if basis is not None:
        res = costs(cred, cat, basis)
        res["basis_reason"] = f"{basis} prices, as asked"
        return res
    options = [costs(cred, cat, b) for b in BASES]

    def total(r: dict[str, Any]) -> float | None:
        if r["first_year"] is None or r["two_year_upkeep"] is None:
            return None
        return r["first_year"] + r["two_year_upkeep"]

    known = [(total(r), i, r) for i, r in enumerate(options) if total(r) is not None]
    if known:
        t, _, res = min(known, key=lambda x: (x[0], x[1]))
        other = [r for r in options if r is not res][0]
        ot = total(other)
        if ot is None:
            res["basis_reason"] = f"{res['basis']} prices: the only basis whose total is known"
        elif ot == t:
            res["basis_reason"] = f"{res['basis']} prices: both bases cost the same"
        else:
            res["basis_reason"] = (
                f"{res['basis']} prices: cheapest over the first three years (${t:,.0f} vs ${ot:,.0f})"
            )
        return res
    res = options[1]
    res["basis_reason"] = "non-member prices: no basis has a fully known total"
    return res
