"""Who pays: the net cost to a person after a funding program and/or an employer's reimbursement.

Pure arithmetic over a cost result (the dict ``core.cost.earn_and_keep_best`` returns: ``lines``, ``total``,
``total_known``, ``years``, ``attempts``, ``ceus``) and the catalog's funding programs.  Nothing here reads
files, the clock or the environment.

How a program's money is counted:

- Each cost line is split into the charges paid in each year of the period: one-off lines (exam, study
  materials) in year 1, membership once a year, renewal fees at the end of each cycle, CEU costs spread evenly.
- A program pays only the parts its source names (``pays_for``), each up to its own limit (per exam attempt, or
  per credential), and all of it up to the program's cap in force on the day: per year (the cap starts again
  each year of the period) or per career (once).
- An employer's amount (user-supplied, in total or per year) pays any part of what is left.
- A line whose amount is unknown stays unknown: what a program pays towards it, and what is left for the
  person, are unknown too.  Amounts are carried as (least, most) spans, so an unknown part uses at most its
  own limit (or all that is left) of a cap, and a later amount stays known when the cap surely covers it,
  or surely does not.  Totals are then unknown, and ``you_pay_at_least`` gives the least the person pays.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from certplan.catalog.records import Catalog, Funding
from certplan.catalog.rules import in_force

PART_OF_LINE = {"exam": "exam", "membership": "membership", "renewal": "renewal", "ceus": "ceus", "study": "study"}
PART_WORDS = {
    "exam": "exam fees",
    "membership": "membership dues",
    "renewal": "renewal fees",
    "ceus": "continuing education",
    "study": "study materials",
    "course": "training courses",
}
PER_WORDS = {"year": "a year", "fiscal-year": "a fiscal year", "career": "per career (lifetime)"}


class FundingError(ValueError):
    """A funding choice certplan cannot use (an unknown program, a malformed amount)."""


@dataclass(frozen=True)
class Employer:
    """An amount an employer reimburses, as the user gave it: in total over the period, or per year."""

    amount: float
    per: str = "total"  # "total" or "year"


def parse_employer(text: str) -> Employer:
    """``500``, ``$1,500``, ``1500/year``, ``$2,000 a year`` or ``1000/yr`` → :class:`Employer`."""
    t = text.strip().lower().replace(",", "").replace("$", "").replace("usd", "").strip()
    m = re.fullmatch(r"(\d+(?:\.\d{1,2})?)\s*(?:(?:/|per|a|an|each)\s*(year|yr|y|annum))?", t)
    if not m:
        raise FundingError(f"--employer-pays: {text!r} is not an amount; give e.g. 500, $1,500 or 1500/year")
    amount = float(m.group(1))
    if amount > 1_000_000:
        raise FundingError(f"--employer-pays: {text!r} is more than certplan can take (at most $1,000,000)")
    return Employer(amount, "year" if m.group(2) else "total")


def find_program(cat: Catalog, name: str) -> Funding:
    """The funding program named by id or alias (any case), or :class:`FundingError` listing the choices."""
    key = name.strip().lower()
    for f in cat.funding:
        if key == f.id or key in (a.lower() for a in f.aliases):
            return f
    choices = ", ".join(f.id for f in cat.funding) or "none in this catalog"
    raise FundingError(f"--funding: unknown program {name!r}; choose one of: {choices} (or use --employer-pays)")


# --------------------------------------------------------------------------- charges per year


@dataclass
class Charge:
    line: str  # the cost line's id
    part: str | None
    year: int
    amount: float | None
    attempts: int = 1


def charges(result: dict[str, Any]) -> list[Charge]:
    """Each in-total cost line split into what is paid in which year of the period (1-based)."""
    years = max(1, int(result.get("years") or 1))
    cycle = (result.get("ceus") or {}).get("cycle_years") or years
    out: list[Charge] = []
    for ln in result["lines"]:
        if not ln.get("in_total", True):
            continue
        lid, amount = ln["id"], ln["amount"]
        part = PART_OF_LINE.get(lid)
        count = int(ln.get("count") or 1)
        unit = ln.get("unit_amount")
        if lid == "membership" and count > 1 and unit is not None:
            out += [Charge(lid, part, min(y, years), float(unit)) for y in range(1, count + 1)]
        elif lid == "renewal" and count > 1 and unit is not None:
            out += [Charge(lid, part, min(i * cycle, years), float(unit)) for i in range(1, count + 1)]
        elif lid == "renewal":
            out.append(Charge(lid, part, min(cycle, years), amount))
        elif lid == "ceus" and amount is not None and years > 1:
            out += [Charge(lid, part, y, amount / years) for y in range(1, years + 1)]
        elif lid == "exam":
            out.append(Charge(lid, part, 1, amount, int(result.get("attempts") or 1)))
        else:
            out.append(Charge(lid, part, 1, amount))
    return out


# --------------------------------------------------------------------------- one payer over the charges


INF = float("inf")
Span = tuple[float, float]  # (least, most); an unknown amount is (0, inf), a known one (a, a)


def _known(x: Span) -> float | None:
    return round(x[0], 2) if x[0] == x[1] else None


class _Pool:
    """What a payer has left, as (least, most): per year, for the whole period, or no cap at all."""

    def __init__(self, cap: float | None, per: str | None):
        self.per = per
        self.start: Span = (INF, INF) if per is None else ((0.0, INF) if cap is None else (cap, cap))
        self.left: dict[int, Span] = {}

    def take(self, year: int, want: Span) -> Span:
        """Pay up to ``want`` from what is left; returns what is paid, as (least, most)."""
        k = year if self.per in ("year", "fiscal-year") else 0
        lo, hi = self.left.get(k, self.start)
        paid = (min(want[0], lo), min(want[1], hi))
        self.left[k] = (max(lo - want[1], 0.0), max(hi - want[0], 0.0))
        return paid


def _pay(wants: list[Span], chs: list[Charge], paid_for: dict[str, Any], pool: _Pool) -> list[Span]:
    """What a payer pays of each charge, in year order; ``paid_for``: part → PaidPart (or True: anything)."""
    used: dict[str, Span] = {}  # per-credential limits: what was paid towards the part so far
    paid: list[Span] = [(0.0, 0.0)] * len(chs)
    for i in sorted(range(len(chs)), key=lambda i: (chs[i].year, i)):
        ch, want = chs[i], wants[i]
        rule = paid_for.get(ch.part) if ch.part else None
        if rule is None:
            continue
        limit: Span | None = None
        if rule is not True and rule.cap is not None:
            if rule.cap_per == "test":
                limit = (rule.cap * max(1, ch.attempts),) * 2
            else:  # per credential, over the period
                ul, uh = used.get(ch.part, (0.0, 0.0))
                limit = (max(rule.cap - uh, 0.0), max(rule.cap - ul, 0.0))
        if limit is not None:
            want = (min(want[0], limit[0]), min(want[1], limit[1]))
        got = pool.take(ch.year, want)
        if rule is not True and rule.cap_per == "credential":
            ul, uh = used.get(ch.part, (0.0, 0.0))
            used[ch.part] = (ul + got[0], uh + got[1])
        paid[i] = got
    return paid


def _left(want: list[Span], paid: list[Span]) -> list[Span]:
    return [(max(w[0] - p[1], 0.0), max(w[1] - p[0], 0.0)) for w, p in zip(want, paid)]


def _sum(xs) -> float | None:
    xs = list(xs)
    return None if any(x is None for x in xs) else round(sum(xs), 2)


def _most_known(paid: list[Span], chs: list[Charge]) -> float:
    """The most a payer pays towards the charges whose amount is known."""
    return round(sum(min(p[1], c.amount) for p, c in zip(paid, chs) if c.amount is not None), 2)


def _cap_in_force(program: Funding, day: dt.date):
    caps = in_force(program.caps, day)
    return caps[0] if caps else None


# --------------------------------------------------------------------------- the answer


def net_cost(
    result: dict[str, Any],
    cat: Catalog,
    day: dt.date,
    program: Funding | None = None,
    employer: Employer | None = None,
) -> dict[str, Any]:
    """What is left for the person to pay of ``result`` after ``program`` (on ``day``) and then ``employer``.

    Returns ``payers`` (each with what it pays, its rule and sources), ``lines`` (each cost line with what each
    payer covers and what the person pays), ``you_pay`` (None when unknown) and ``you_pay_at_least``.
    """
    urls = {s.id: s.url for s in cat.sources}
    code = result["code"]
    chs = charges(result)
    left: list[Span] = [(0.0, INF) if c.amount is None else (c.amount, c.amount) for c in chs]
    payers: list[dict[str, Any]] = []
    paid_by: dict[str, list] = {}
    notes: list[str] = []

    if program is not None:
        cap = _cap_in_force(program, day)
        listed = next((c for c in program.covers if c.code.upper() == code.upper()), None)
        paid_for = {p.part: p for p in program.pays_for}
        if cap is None and program.caps:
            pool = _Pool(None, "career")
            cap_d = None
            notes.append(f"{program.name}: no cap in force on {day.isoformat()} in the catalog")
        elif cap is None:
            pool = _Pool(None, None)
            cap_d = None
        else:
            pool = _Pool(cap.amount, cap.per)
            cap_d = {
                "amount": cap.amount,
                "per": cap.per,
                "text": (f"${cap.amount:,.0f} " + PER_WORDS[cap.per]) if cap.amount is not None else "unknown",
                "effective_from": cap.effective_from,
                "effective_until": cap.effective_until,
                "note": cap.note,
                "source": urls.get(cap.source),
            }
        if cap is not None and cap.per == "career":
            notes.append(f"{program.name}: the cap is for a whole career; less whatever you have already used of it")
        paid = _pay(left, chs, paid_for, pool)
        left = _left(left, paid)
        paid_by[program.id] = paid
        not_paid = sorted({c.part for c in chs if c.part and c.part not in paid_for})
        payers.append(
            {
                "id": program.id,
                "name": program.name,
                "kind": program.kind,
                "applies": "listed" if listed else "if-approved",
                "applies_source": urls.get(listed.source) if listed else None,
                "applies_note": (listed.note if listed else None)
                or (
                    None
                    if listed
                    else f"the catalog's sources do not say whether {program.name} funds {code}: "
                    "the amounts assume it does"
                ),
                "who": program.who.value,
                "who_source": urls.get(program.who.source),
                "cap": cap_d,
                "pays_for": [
                    {
                        "part": p.part,
                        "words": PART_WORDS[p.part],
                        "cap": p.cap,
                        "cap_per": p.cap_per,
                        "note": p.note,
                        "source": urls.get(p.source),
                    }
                    for p in program.pays_for
                ],
                "does_not_pay": [PART_WORDS[p] for p in not_paid],
                "pays": _sum(_known(p) for p in paid),
                "pays_at_most_known": _most_known(paid, chs),
                "notes": [{"text": n.text, "source": urls.get(n.source)} for n in program.notes],
            }
        )

    if employer is not None:
        pool = _Pool(employer.amount, "year" if employer.per == "year" else "career")
        everything = {p: True for p in PART_WORDS}
        paid = _pay(left, chs, everything, pool)
        left = _left(left, paid)
        paid_by["employer"] = paid
        payers.append(
            {
                "id": "employer",
                "name": "your employer",
                "kind": "employer",
                "applies": "user-supplied",
                "applies_source": None,
                "applies_note": "the amount you gave (--employer-pays); no source",
                "who": None,
                "who_source": None,
                "cap": {
                    "amount": employer.amount,
                    "per": employer.per,
                    "text": f"${employer.amount:,.0f} " + ("a year" if employer.per == "year" else "in total"),
                    "effective_from": None,
                    "effective_until": None,
                    "note": None,
                    "source": None,
                },
                "pays_for": [],
                "does_not_pay": [],
                "pays": _sum(_known(p) for p in paid),
                "pays_at_most_known": _most_known(paid, chs),
                "notes": [],
            }
        )

    lines = []
    for ln in result["lines"]:
        if not ln.get("in_total", True):
            continue
        idx = [i for i, c in enumerate(chs) if c.line == ln["id"]]
        covered = [{"by": pid, "amount": _sum(_known(paid[i]) for i in idx)} for pid, paid in paid_by.items()]
        lines.append(
            {
                "id": ln["id"],
                "label": ln["label"],
                "amount": ln["amount"],
                "source": ln["source"],
                "covered": covered,
                "you_pay": _sum(_known(left[i]) for i in idx) if idx else ln["amount"],
            }
        )
    you_pay = _sum(_known(x) for x in left)
    at_least = round(sum(x[0] for x in left), 2)
    if you_pay is None:
        unknown = [ln["label"] for ln in lines if ln["you_pay"] is None]
        notes.append("unknown: what you pay for " + "; ".join(unknown))
    return {
        "code": code,
        "years": result.get("years"),
        "day": day.isoformat(),
        "gross": {
            "total": result.get("total"),
            "total_known": result.get("total_known"),
            "unknown_parts": list(result.get("unknown_parts") or []),
        },
        "payers": payers,
        "lines": lines,
        "you_pay": you_pay,
        "you_pay_at_least": at_least if you_pay is None else you_pay,
        "notes": notes,
    }
