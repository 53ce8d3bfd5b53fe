"""The one cost engine: what a credential costs to earn and keep, as dated, period-tagged lines.

:func:`estimate` chooses the fee basis by one rule (:func:`choose_basis`) and returns the lines of
:func:`earn_and_keep`; each line carries a ``schedule`` of the years (1 = the year the credential is
earned) in which its amounts fall.  Every other cost figure is a projection of those lines:

- ``compare``'s first-year cost and two-year upkeep, ``recommend``'s budget check and ``plan``'s costs:
  :func:`cheapest` (fee lines in year 1, and in years 2 and 3);
- ``cost``: the lines over ``--years``;
- ``path``'s running totals: the exam and membership of year 1.

A cost that depends on an unknown fact is unknown (``None``), never zero; the parts that are unknown
are named in ``unknown_parts``.  Money is never formatted here: that is ``output/``'s job.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from certplan.core.catalog_index import index_of
from certplan.core.person import Person

if TYPE_CHECKING:  # pragma: no cover
    from certplan.catalog.records import Body, Catalog, Credential, Money

BASES = ("member", "non-member")
NOBODY = Person()
COMPARE_YEARS = 3  # compare: the first year plus two years of upkeep


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
    return all(any(r.kind == "membership" for r in p.requirements) for p in cred.eligibility.pathways)


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


def already_member(cred: Credential, person: Person) -> bool:
    """The person is a member of the credential's body (said, or implied by a credential they hold)."""
    return bool(cred.body) and person.is_member(cred.body)


def first_year_fees(cred: Credential, cat: Catalog, basis: str, person: Person = NOBODY) -> float | None:
    """One exam attempt plus the membership dues of the first year on ``basis`` (None when unknown).

    Year 1 does not depend on how many years are costed, so compare's three-year lines serve (and are memoized).
    """
    res = earn_and_keep(cred, cat, basis, years=COMPARE_YEARS, attempts=1, person=person)
    return year_total(res, 1, 1)


def choose_basis(
    cred: Credential, cat: Catalog, person: Person = NOBODY, basis: str | None = None
) -> tuple[str, str, dict[str, Any]]:
    """The fee basis, the rule that chose it and that rule's figures: the one rule every command uses.

    1. a basis asked for (``--basis``);  2. the person is a member of the body (said, or implied by a credential
    they hold, e.g. a CPC requires AAPC membership);  3. membership is required to sit the exam;  4. the basis whose
    first-year fees (one exam attempt plus the first year's dues where they are paid) are lower;  5. with neither
    known: member prices where membership is required to keep the credential (the dues are paid anyway), else
    non-member prices.
    """
    if basis is not None:
        return basis, "asked", {}
    if already_member(cred, person):
        return "member", "member-already", {"body": cred.body}
    if membership_needed_to_sit(cred):
        return "member", "required-to-sit", {"body": cred.body}
    totals = {b: first_year_fees(cred, cat, b, person) for b in BASES}
    known = {b: v for b, v in totals.items() if v is not None}
    if len(known) == 2:
        if known["member"] == known["non-member"]:
            return "non-member", "same-cost", totals
        return min(BASES, key=lambda b: (known[b], BASES.index(b))), "lower-first-year", totals
    if len(known) == 1:
        return next(iter(known)), "only-known", totals
    body = index_of(cat).body_of(cred)
    if membership_needed_to_keep(cred, body):
        return "member", "required-to-keep", totals
    return "non-member", "none-known", totals


BASIS_REASONS = {
    "asked": "{basis} prices, as asked",
    "member-already": "member prices: you are a member of {body}",
    "required-to-sit": "member prices: {body} membership is required to sit the exam",
    "same-cost": "non-member prices: both bases cost the same in the first year",
    "lower-first-year": "{basis} prices: lower first-year fees (exam and dues)",
    "only-known": "{basis} prices: the only basis whose first-year fees are all known",
    "required-to-keep": "member prices: membership is required to keep the credential (no basis has fully known fees)",
    "none-known": "non-member prices: no basis has fully known fees",
}


def basis_reason(basis: str, rule: str, data: dict[str, Any]) -> str:
    return BASIS_REASONS[rule].format(basis=basis, body=data.get("body") or "the body")


def year_total(res: dict[str, Any], first: int, last: int, fees_only: bool = True) -> float | None:
    """The sum of the lines' amounts that fall in years ``first``..``last`` (None when one of them is unknown)."""
    total = 0.0
    for ln in res["lines"]:
        if not ln["in_total"] or (fees_only and not ln["fee"]):
            continue
        for s in ln["schedule"]:
            if first <= s["year"] <= last:
                if s["amount"] is None:
                    return None
                total += s["amount"]
    return total


def estimate(
    cred: Credential,
    cat: Catalog,
    person: Person = NOBODY,
    basis: str | None = None,
    years: int = 2,
    attempts: int = 1,
) -> dict[str, Any]:
    """``earn_and_keep`` on the basis :func:`choose_basis` picks, with ``basis_reason`` and ``basis_rule``."""
    chosen, rule, data = choose_basis(cred, cat, person, basis)
    res = earn_and_keep(cred, cat, chosen, years, attempts, person=person)
    res["basis_reason"] = basis_reason(chosen, rule, data)
    res["basis_rule"] = rule
    return res


def cheapest(
    cred: Credential, cat: Catalog, basis: str | None = None, person: Person = NOBODY
) -> dict[str, Any]:
    """Compare's projection: first-year cost and two-year upkeep (fees only) on the chosen basis."""
    res = estimate(cred, cat, person, basis, years=COMPARE_YEARS, attempts=1)
    chosen = res["basis"]
    lines: list[dict[str, Any]] = []
    unknown: list[str] = []
    for ln in res["lines"]:
        if not ln["fee"] or not ln["in_total"]:
            continue
        if ln["id"] == "exam":
            label, missing = f"exam ({chosen} price)", f"exam fee ({chosen})"
        elif ln["id"] == "membership":
            why = ln["label"].rsplit("(", 1)[-1].rstrip(")")
            label, missing = f"{cred.body} membership ({why})", f"{cred.body} membership dues"
        else:
            label, missing = ln["label"], "renewal fee"
        for span, lo, hi in (("first year", 1, 1), (f"{COMPARE_YEARS - 1} years", 2, COMPARE_YEARS)):
            parts = [s for s in ln["schedule"] if lo <= s["year"] <= hi]
            if not parts:
                continue
            amount = None if any(s["amount"] is None for s in parts) else sum(s["amount"] for s in parts)
            if amount is None and missing not in unknown:
                unknown.append(missing)
            lines.append(
                {
                    "label": label if len(parts) == 1 else f"{label} x{len(parts)}",
                    "amount": amount,
                    "period": span,
                    "source": ln["source"],
                    "note": ln["note"] if amount is not None else (ln["note"] or "no sourced figure"),
                }
            )
    labels = {ln["label"] for ln in res["lines"]}
    unknown += [u for u in res["unknown_parts"] if u not in labels and u not in unknown]
    return {
        "code": cred.code,
        "basis": res["basis"],
        "basis_reason": res["basis_reason"],
        "basis_rule": res["basis_rule"],
        "first_year": year_total(res, 1, 1),
        "two_year_upkeep": year_total(res, 2, COMPARE_YEARS),
        "lines": lines,
        "unknown_parts": unknown,
    }


# --------------------------------------------------------------------------- certplan cost (earn and keep over N years)

CEU_COST_FACT = "ceu-cost-per-unit"
STUDY_FACT_PREFIX = "study-materials-"
MAX_YEARS = 40
MAX_ATTEMPTS = 10


def attempt_plan(cred: Credential, basis: str, attempts: int) -> dict[str, Any]:
    """The cheapest combination of the listed exam fees that pays for ``attempts`` attempts.

    A fee with ``attempts: k`` covers k attempts (the AAPC two-attempt package); a fee without it covers one.
    Returns {amount (None if no known fee), packages [Money], fees [Money considered]}.
    """
    if cred.exam is None:
        return {"amount": None, "packages": [], "fees": []}
    fees = [m for m in cred.exam.fees if _applies(m, basis) and m.per in (None, "attempt", "once")]
    known = [m for m in fees if m.amount is not None]
    if not known:
        return {"amount": None, "packages": [], "fees": fees}
    best: list[tuple[float, int, list[Money]]] = [(0.0, 0, [])]
    for n in range(1, attempts + 1):
        options = []
        for i, m in enumerate(known):
            prev = best[max(0, n - (m.attempts or 1))]
            options.append((prev[0] + float(m.amount or 0), prev[1] + 1, i, prev[2] + [m]))
        amount, count, _, chosen = min(options, key=lambda o: (o[0], o[1], o[2]))
        best.append((amount, count, chosen))
    amount, _, chosen = best[attempts]
    return {"amount": amount, "packages": chosen, "fees": fees}


def _fee_who(m: Money) -> str:
    return {True: "member price", False: "non-member price", None: "same price for anyone"}[m.member]


def conditional_fees(cred: Credential, body: Body | None) -> list[Money]:
    """Fees paid only when something happens (late payment, extension, reinstatement): never in a total."""
    out: list[Money] = []
    if cred.exam is not None:
        out += [m for m in cred.exam.fees if m.per == "event"]
    if cred.maintenance is not None:
        out += [m for m in cred.maintenance.fees if m.per == "event"]
    if body is not None and body.renewal is not None:
        seen = {(m.amount, m.source) for m in out}
        out += [m for m in body.renewal.fees if m.per == "event" and (m.amount, m.source) not in seen]
    return out


def _additional_fee(cred: Credential, body: Body | None, basis: str) -> Money | None:
    fees = cred.maintenance.fees if cred.maintenance is not None and cred.maintenance.fees else []
    if not fees and body is not None and body.renewal is not None:
        fees = body.renewal.fees
    extra = [m for m in fees if _applies(m, basis) and m.per == "additional-credential"]
    known = [m for m in extra if m.amount is not None]
    if known:
        return min(known, key=lambda m: m.amount)
    return extra[0] if extra else None


def holder_counts(cat: Catalog, body: Body | None, held: list[str], code: str) -> dict[str, Any]:
    """CEUs per cycle owed to the body now and after adding ``code`` (RHIA replaces RHIT)."""
    from certplan.core import ceu

    before = ceu.effective_held(cat, [h for h in held if h.upper() != code.upper()])
    after = ceu.effective_held(cat, [*held, code])
    if body is None:
        return {"now": None, "after": None, "others": []}
    now = ceu.required(body, before)
    then = ceu.required(body, after)
    others = [c.code for c in after if c.body == body.code and c.code.upper() != code.upper()]
    return {"now": now, "after": then, "others": others}


def earn_and_keep(
    cred: Credential,
    cat: Catalog,
    basis: str,
    years: int = 2,
    attempts: int = 1,
    held: tuple[str, ...] | list[str] = (),
    member_of: tuple[str, ...] | list[str] = (),
    person: Person | None = None,
) -> dict[str, Any]:
    """What it costs to earn ``cred`` and keep it for ``years`` years, on one fee basis.

    ``person`` says what the person holds and which bodies they belong to (``held``/``member_of`` are the
    older way to say the same).  Every line has a ``schedule``: [{year, amount}], year 1 being the year the
    credential is earned; exam and study fall in year 1, dues in each year they are paid, a renewal fee at
    the end of each cycle (years c, 2c, ...; a yearly fee every year), CEUs at the end of each cycle.

    Lines: exam attempts, membership, renewal fees, CEUs (scaled by the credentials held afterwards) and their
    cost, study materials.  Each line is sourced, an estimate, or unknown (``amount`` None); unknown lines make
    the total unknown and are named in ``unknown_parts``.  ``fees_total`` covers only the fee lines (exam,
    membership, renewal) and decides the cheapest basis.
    """
    idx = index_of(cat)
    if person is None:
        from certplan.core.person import derive

        person = derive(Person(held=tuple(h.upper() for h in held), member=tuple(m.upper() for m in member_of)), cat)
    key = ("earn_and_keep", cred.code, basis, years, attempts, person)
    hit = idx.memo.get(key)
    if hit is None:
        hit = idx.memo[key] = _earn_and_keep(cred, cat, basis, years, attempts, person)
    return dict(hit)  # callers add their own top-level keys (basis_reason, roi, ...)


def _earn_and_keep(cred: Credential, cat: Catalog, basis: str, years: int, attempts: int, person: Person):
    idx = index_of(cat)
    urls = idx.urls
    body = idx.body_of(cred)
    facts = idx.facts
    held = [h.upper() for h in person.held]
    lines: list[dict[str, Any]] = []
    notes: list[str] = []
    unknown_parts: list[str] = []

    def line(
        key, label, amount, period, source, note, kind="sourced", fee=True, in_total=True, count=1, unit=None, when=None
    ):
        if amount is None:
            kind = "unknown"
            if in_total:
                unknown_parts.append(label)
        # the years the amount falls in: `when` lists them (unit amount each), else all of it in year 1
        if when is not None:
            each = None if amount is None or not when else amount / len(when)
            schedule = [{"year": y, "amount": each} for y in when]
        else:
            schedule = [{"year": 1, "amount": amount}]
        lines.append(
            {
                "schedule": schedule,
                "id": key,
                "label": label,
                "amount": amount,
                "unit_amount": unit,
                "count": count,
                "period": period,
                "basis": kind,
                "source": source,
                "note": note,
                "fee": fee,
                "in_total": in_total,
            }
        )

    # exam attempts
    retake = cred.exam.retake.value if cred.exam is not None else None
    plan = attempt_plan(cred, basis, attempts)
    word = f"{attempts} attempt" + ("s" if attempts != 1 else "")
    if plan["amount"] is None:
        first = plan["fees"][0] if plan["fees"] else None
        line(
            "exam",
            f"{cred.code} exam, {word} budgeted",
            None,
            "once",
            urls.get(first.source) if first else None,
            (first.note if first else None) or "no sourced exam fee",
        )
    else:
        pk = plan["packages"]
        groups: dict[int, tuple[Money, int]] = {}
        for m in pk:
            groups[id(m)] = (m, groups[id(m)][1] + 1 if id(m) in groups else 1)
        parts = []
        for m, n in groups.values():
            parts.append(f"{n} x " * (n > 1) + f"{money(m.amount)} ({m.what or 'exam fee'}; {_fee_who(m)})")
        note = " + ".join(parts)
        others = [m for m in plan["fees"] if id(m) not in groups and m.amount is not None]
        if others:
            note += ". Other fees listed: " + "; ".join(f"{money(m.amount)} ({m.what or 'exam fee'})" for m in others)
        line(
            "exam",
            f"{cred.code} exam, {word} budgeted",
            plan["amount"],
            "once",
            urls.get(pk[0].source),
            note,
            count=attempts,
        )

    # membership
    to_sit = membership_needed_to_sit(cred)
    to_keep = membership_needed_to_keep(cred, body)
    if to_keep is None and cred.status == "current":
        notes.append(f"whether {cred.body} membership is required to keep {cred.code} is not stated in the catalog")
        unknown_parts.append("whether membership is required to keep the credential")
    already = body is not None and already_member(cred, person)
    if to_sit or to_keep or basis == "member":
        dues = membership_fee(body)
        n = years if (to_keep or basis == "member") else 1
        if to_sit and to_keep:
            why = "required to sit and to keep"
        elif to_sit:
            why = "required to sit"
        elif to_keep:
            why = "required to keep"
        else:
            why = "for the member prices"
        label = f"{cred.body} membership, {n} year" + ("s" if n != 1 else "") + f" ({why})"
        note = dues.what if dues else None
        if already:
            note = f"you are already a member of {cred.body}: not an extra cost (not in the total)"
        line(
            "membership",
            label,
            None if dues is None or dues.amount is None else dues.amount * n,
            f"{n} year" + ("s" if n != 1 else ""),
            urls.get(dues.source) if dues else None,
            note
            if (dues and dues.amount is not None) or already
            else ((dues.note if dues else None) or "no sourced figure"),
            in_total=not already,
            count=n,
            unit=dues.amount if dues else None,
            when=list(range(1, n + 1)),
        )

    # renewal (recertification) fees
    cyc = cycle_years(cred, body)
    hc = holder_counts(cat, body, held, cred.code)
    others = hc["others"]
    cadence = renewal_fees(cred, body, basis)
    membership_listed = any(ln["id"] == "membership" for ln in lines)
    for m in cadence:
        if membership_listed and m.what and "membership" in m.what.lower():
            continue  # the yearly membership dues are already a line
        if m.per == "year":
            n = years
            period = f"{years} year" + ("s" if years != 1 else "")
            due = list(range(1, years + 1))
        elif cyc is None:
            line(
                "renewal",
                "renewal fee",
                None,
                "each renewal",
                urls.get(m.source),
                "renewal cycle length unknown",
                when=[years] if years > 1 else [],
            )
            continue
        else:
            n = years // cyc
            period = f"every {cyc} years ({n} in {years} year" + ("s" if years != 1 else "") + ")"
            due = [cyc * k for k in range(1, n + 1)]
        fee = m
        label = f"renewal fee ({m.what})" if m.what and m.what.lower() != "renewal fee" else "renewal fee"
        note = _fee_who(m)
        if others:
            extra = _additional_fee(cred, body, basis)
            if extra is not None:
                fee = extra
                label = f"renewal fee for one more credential ({extra.what})" if extra.what else "renewal fee"
                note = f"you already hold {', '.join(others)}; this is the fee for each additional credential"
            else:
                line(
                    "renewal",
                    label,
                    None,
                    period,
                    urls.get(m.source),
                    f"you already hold {', '.join(others)}; whether {cred.code} adds to that fee is not stated",
                    when=due,
                )
                continue
        if fee.amount is None:
            line("renewal", label, None, period, urls.get(fee.source), fee.note or "no sourced figure", when=due)
        else:
            line(
                "renewal", label, fee.amount * n, period, urls.get(fee.source), note, count=n, unit=fee.amount, when=due
            )
    if not cadence and cred.status == "current":
        notes.append(
            f"the catalog lists no separate renewal fee for {cred.code}"
            + (f" ({cred.body} renews through membership and CEUs)" if to_keep else "")
        )

    # CEUs, scaled by the credentials held afterwards
    now, after = hc["now"], hc["after"]
    ceus = None
    if after is not None and after["ceus"] is not None and now is not None and now["ceus"] is not None:
        added = after["ceus"] - now["ceus"]
        cycles = (years // cyc) if cyc else None
        ceus = {
            "body": cred.body,
            "credentials_after": after["credentials"],
            "per_cycle_now": now["ceus"],
            "per_cycle_after": after["ceus"],
            "added_per_cycle": added,
            "cycle_years": cyc,
            "cycles_in_period": cycles,
            "added_in_period": None if cycles is None else added * cycles,
            "rule": after["basis"],
        }
    else:
        ceus = {
            "body": cred.body,
            "credentials_after": after["credentials"] if after else [cred.code],
            "per_cycle_now": now["ceus"] if now else None,
            "per_cycle_after": after["ceus"] if after else None,
            "added_per_cycle": None,
            "cycle_years": cyc,
            "cycles_in_period": (years // cyc) if cyc else None,
            "added_in_period": None,
            "rule": (after["basis"] if after else "no renewal rule in the catalog"),
        }
    generic = facts.get(CEU_COST_FACT)
    own = body_ceu_fact(cat, cred.body)
    per_unit = own if own is not None and own.value is not None else generic
    ceus["cost_per_ceu"] = per_unit.value if per_unit else None
    ceus["cost_source"] = urls.get(per_unit.source) if per_unit else None
    ceus["cost_facts"] = [
        {"id": f.id, "text": f.text, "value": f.value, "source": urls.get(f.source)} for f in (own, generic) if f
    ]
    n_ceus = ceus["added_in_period"]
    rule_src = None
    if body is not None and body.renewal is not None and body.renewal.ceus is not None:
        rule_src = urls.get(body.renewal.ceus.source)
    elif cred.maintenance is not None:
        rule_src = urls.get(cred.maintenance.ceus.source)
    ceus["source"] = rule_src
    span = f"{years} year" + ("s" if years != 1 else "")
    cycles = ceus["cycles_in_period"]
    ceu_when = [cyc * k for k in range(1, cycles + 1)] if cyc and cycles else [years]
    if n_ceus is None:
        line(
            "ceus", "CEUs to earn", None, span, None, "how many CEUs this adds is not known: " + ceus["rule"], fee=False, when=ceu_when
        )
    elif n_ceus == 0:
        why = (
            f"no renewal falls due within {span}"
            if not ceus["cycles_in_period"]
            else f"holding it adds no CEUs to the {ceus['per_cycle_after']} you owe {cred.body} per cycle"
        )
        line("ceus", "CEUs to earn: none", 0, span, rule_src, why, fee=False, when=ceu_when)
    else:
        label = f"CEUs to earn: {n_ceus} ({ceus['added_per_cycle']} per {cyc}-year cycle x {ceus['cycles_in_period']})"
        if per_unit is None or per_unit.value is None:
            note = "no sourced figure for the cost of a CEU"
            if own is not None:
                note += f" ({own.text.rstrip('.')})"
            line("ceus", label, None, span, rule_src, note, fee=False, count=n_ceus, when=ceu_when)
        else:
            # a body-specific figure is conditional (e.g. free courses from the body): an estimate
            line(
                "ceus",
                label,
                per_unit.value * n_ceus,
                span,
                ceus["cost_source"],
                per_unit.text,
                kind="estimate" if per_unit is own or "estimate" in (per_unit.note or "").lower() else "sourced",
                fee=False,
                count=n_ceus,
                unit=per_unit.value,
                when=ceu_when,
            )

    # study materials: a priced fact for this credential, else unknown; related sourced facts are listed
    study = facts.get(STUDY_FACT_PREFIX + cred.code.lower())
    related = study_facts(cat, cred)
    if study is not None and study.value is not None:
        line("study", "study materials", study.value, "once", urls.get(study.source), study.text, fee=False)
    else:
        note = (study.note if study else None) or "no sourced figure"
        unpriced = [_short(f.text) for f in related if f.value is None]
        if unpriced:
            note += " (no sourced price for: " + "; ".join(unpriced) + ")"
        for f in related:
            if f.value is not None:
                note += f". {f.text.rstrip('.')}"
        line("study", "study materials", None, "once", urls.get(study.source) if study else None, note, fee=False)
    study_list = [{"id": f.id, "text": f.text, "value": f.value, "source": urls.get(f.source)} for f in related]

    in_total = [ln for ln in lines if ln["in_total"]]
    known = [ln["amount"] for ln in in_total if ln["amount"] is not None]
    fee_lines = [ln for ln in in_total if ln["fee"]]
    fees_total = None if any(ln["amount"] is None for ln in fee_lines) else sum(ln["amount"] for ln in fee_lines)
    return {
        "code": cred.code,
        "name": cred.name,
        "body": cred.body,
        "basis": basis,
        "years": years,
        "attempts": attempts,
        "retake": retake,
        "lines": lines,
        "conditional": [
            {"label": m.what or "conditional fee", "amount": m.amount, "source": urls.get(m.source), "note": m.note}
            for m in conditional_fees(cred, body)
        ],
        "ceus": ceus,
        "study_materials": study_list,
        "fees_total": fees_total,
        "total_known": sum(known),
        "total": None if any(ln["amount"] is None for ln in in_total) else sum(known),
        "unknown_parts": unknown_parts,
        "unknown_count": sum(ln["amount"] is None for ln in in_total),
        "line_count": len(in_total),
        "notes": notes,
    }


def earn_and_keep_best(
    cred: Credential,
    cat: Catalog,
    basis: str | None = None,
    years: int = 2,
    attempts: int = 1,
    held: tuple[str, ...] | list[str] = (),
    member_of: tuple[str, ...] | list[str] = (),
    person: Person | None = None,
) -> dict[str, Any]:
    """:func:`estimate` for callers that still pass held codes and bodies."""
    if person is None:
        from certplan.core.person import derive

        person = derive(Person(held=tuple(h.upper() for h in held), member=tuple(m.upper() for m in member_of)), cat)
    return estimate(cred, cat, person, basis, years, attempts)


def body_ceu_fact(cat: Catalog, body: str | None):
    """A catalog fact about the cost of CEUs from this body (id ``ceu-cost-<body>-...``), or None."""
    if not body:
        return None
    for f in cat.facts:
        parts = f.id.split("-")
        if f.id.startswith("ceu-cost-") and body.lower() in parts[2:3]:
            return f
    return None


def study_facts(cat: Catalog, cred: Credential) -> list:
    """Catalog facts about books and preparation (ids ``book-...``, ``prep-...``) that name this credential or,
    for facts about a body's exams, its body."""
    import re

    idx = index_of(cat)
    key = ("study_facts", cred.code)
    if key in idx.memo:
        return idx.memo[key]
    candidates = idx.memo.get("study_candidates")
    if candidates is None:
        candidates = idx.memo["study_candidates"] = [
            (f, f"{f.id} {f.text}") for f in cat.facts if f.id.startswith(("book-", "prep-"))
        ]
    body_re = None
    if cred.body:
        body_re = idx.memo.get(("body_exam_re", cred.body))
        if body_re is None:
            body_re = re.compile(rf"\b{re.escape(cred.body)}(?: [A-Za-z-]+)? exams?\b")
            idx.memo[("body_exam_re", cred.body)] = body_re
    code = cred.code.lower()
    out = [f for f, text in candidates if _names(text.lower(), code) or (body_re is not None and body_re.search(f.text))]
    idx.memo[key] = out
    return out


def _names(text: str, code: str) -> bool:
    """``code`` appears in ``text`` as a whole code (not inside a longer word or hyphenated code); both lower case."""
    start = text.find(code)
    while start >= 0:
        before = text[start - 1] if start else " "
        end = start + len(code)
        after = text[end] if end < len(text) else " "
        if not (before.isalpha() or before == "-") and not (after.isalpha() or after == "-"):
            return True
        start = text.find(code, start + 1)
    return False


def _short(text: str) -> str:
    name = text.split(" (")[0].rstrip(".")
    for tail in (" list price", " price"):
        if name.endswith(tail):
            name = name[: -len(tail)]
    return name.removeprefix("Price of ")


def money(amount: float | None) -> str:
    if amount is None:
        return "unknown"
    if float(amount).is_integer():
        return f"${int(amount):,}"
    return f"${amount:,.2f}"
