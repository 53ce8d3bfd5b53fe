"""CEUs required per cycle for a set of credentials held, by each body's rule."""

from __future__ import annotations

from typing import Any

from certplan.catalog.records import Body, Catalog, Credential


def effective_held(cat: Catalog, codes: list[str]) -> list[Credential]:
    """Current credentials held, without those replaced by another one held (RHIA replaces RHIT)."""
    from certplan.core.catalog_index import index_of

    by_code = index_of(cat).by_code  # built once per catalog: a dict per call made served builds quadratic
    held = [by_code[c.upper()] for c in dict.fromkeys(codes) if c.upper() in by_code]
    replaced = {r.upper() for c in held for r in c.replaces}
    return [c for c in held if c.code.upper() not in replaced and c.status == "current"]


def required(body: Body, held: list[Credential]) -> dict[str, Any]:
    """CEUs per cycle that a holder of ``held`` owes ``body``: {ceus, cycle_years, basis, unknown}."""
    mine = [c for c in held if c.body == body.code]
    r = body.renewal
    out: dict[str, Any] = {
        "body": body.code,
        "credentials": [c.code for c in mine],
        "ceus": None,
        "cycle_years": None if r is None else r.cycle_years.value,
        "basis": "",
    }
    if not mine:
        out["ceus"] = 0
        out["basis"] = "no credential of this body held"
        return out
    if r is None or r.ceus is None:
        own = [c.maintenance.ceus.value for c in mine if c.maintenance]
        if len(mine) == 1 and own and own[0] is not None:
            out["ceus"] = own[0]
            out["basis"] = f"{mine[0].code}'s own requirement"
        else:
            out["basis"] = f"{body.code} publishes no rule for holding several credentials"
        return out
    rule = r.ceus
    n = len(mine)
    if rule.by_count:
        out["ceus"] = rule.by_count[min(n, len(rule.by_count)) - 1]
        out["basis"] = f"{body.code} schedule for {n} credential{'s' if n > 1 else ''}"
        return out
    bases = [c.maintenance.ceus.value for c in mine if c.maintenance is not None]
    if not bases or any(b is None for b in bases):
        out["basis"] = "a held credential's own CEU requirement is unknown"
        return out
    total = max(bases) + (rule.increment or 0) * (n - 1)
    if rule.cap is not None:
        total = min(total, rule.cap)
    out["ceus"] = total
    out["basis"] = (
        f"highest single requirement {max(bases)} + {rule.increment} for each of {n - 1} more"
        + (f", capped at {rule.cap}" if rule.cap is not None else "")
        if n > 1
        else f"{mine[0].code}'s own requirement"
    )
    return out


def by_count(body: Body, cat: Catalog) -> list[dict[str, Any]]:
    """CEUs per cycle for 1..5 credentials of this body, as a range over which credentials they are."""
    r = body.renewal
    if r is None or r.ceus is None:
        return []
    rule = r.ceus
    rows = []
    if rule.by_count:
        for n in range(1, 6):
            v = rule.by_count[min(n, len(rule.by_count)) - 1]
            rows.append({"held": n, "min": v, "max": v})
        return rows
    bases = sorted(
        {
            c.maintenance.ceus.value
            for c in cat.credentials
            if c.body == body.code and c.status == "current" and c.maintenance and c.maintenance.ceus.value
        }
    )
    if not bases:
        return []
    for n in range(1, 6):
        lo = bases[0] + (rule.increment or 0) * (n - 1)
        hi = bases[-1] + (rule.increment or 0) * (n - 1)
        if rule.cap is not None:
            lo, hi = min(lo, rule.cap), min(hi, rule.cap)
        rows.append({"held": n, "min": lo, "max": hi})
    return rows
