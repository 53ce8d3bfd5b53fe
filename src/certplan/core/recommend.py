"""Which credential is right for this person: a documented, deterministic score.

Every part of the score comes from catalog fields or the person's answers; the README
documents the weights. Recognition counts only sourced signals (employer demand,
current accreditation); a body's own claims and historical statements are reported but
not scored. Pay is reported with its statistic and year, never scored, because figures of
different statistics and populations are not comparable.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from certplan.catalog.records import Catalog, Credential
from certplan.core import cost, eligibility, views
from certplan.core import requirements as rq
from certplan.core.person import Person, held_closure

WEIGHTS = {
    "setting_primary": 3,  # the credential's first-listed work setting is one you want
    "setting_listed": 2,  # one of its other settings is
    "focus_primary": 5,  # its first-listed focus is one you want
    "focus_listed": 3,
    "eligible": 3,
    "apprentice": 2,  # you can sit now; passing gives an apprentice designation
    "soon": 0,  # not eligible, only experience missing, within 12 months (or within --within)
    "later": -2,  # only experience missing, longer than that
    "blocked": -3,  # something else is missing (a degree, a credential, an unverifiable rule)
    "level_fit": 2,  # entry level for newcomers; advanced for 2+ years
    "level_stretch": -1,  # management for newcomers
    "within_budget": 2,
    "over_budget": -3,
    "employer_demand": 2,  # sourced: e.g. US Army COOL 'In-Demand', an employer requiring it
    "accreditation": 1,  # sourced: a current NCCA/ANAB accreditation
}
SOON_MONTHS = 12


@dataclass(frozen=True)
class Preferences:
    settings: tuple[str, ...] = ()
    focus: tuple[str, ...] = ()
    budget: float | None = None
    within_months: int | None = None


@dataclass
class Scored:
    cred: Credential
    parts: dict[str, int] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)
    tradeoffs: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    elig: dict[str, Any] = field(default_factory=dict)
    first_year: float | None = None

    @property
    def score(self) -> int:
        return sum(self.parts.values())


def _money(a: float | None) -> str:
    return "unknown" if a is None else f"${a:,.0f}"


def _level_part(c: Credential, person: Person) -> tuple[int, str | None, str | None]:
    years = person.experience_years
    newcomer = years < 1 and not person.held
    if newcomer:
        if c.level == "entry":
            return WEIGHTS["level_fit"], "an entry-level credential, suited to a first credential", None
        if c.level == "management":
            return WEIGHTS["level_stretch"], None, "a management credential: usually taken after years of experience"
        return 0, None, None
    if years >= 2 and c.level in ("advanced", "specialty"):
        article = "an" if c.level[:1] in "aeiou" else "a"  # a specialty, an advanced credential
        return WEIGHTS["level_fit"], f"{article} {c.level} credential that builds on your {rq.years_words(years)}", None
    return 0, None, None


def _recognition(c: Credential) -> tuple[int, list[str], list[str]]:
    score = 0
    reasons: list[str] = []
    notes: list[str] = []
    kinds = {n.signal for n in c.recognition}
    if "employer-demand" in kinds:
        score += WEIGHTS["employer_demand"]
    if "accreditation" in kinds:
        score += WEIGHTS["accreditation"]
    for n in c.recognition:
        if n.signal in ("employer-demand", "accreditation"):
            reasons.append(f"recognition ({n.signal}): {n.text}")
        elif n.signal == "body-claim":
            notes.append(f"recognition claimed by the body itself (not scored): {n.text}")
        elif n.signal == "historical":
            notes.append(f"older recognition, not current (not scored): {n.text}")
    if not c.recognition:
        notes.append("no sourced recognition or employer-demand signal in the catalog")
    return score, reasons, notes


def _sourced_remote(cat: Catalog) -> frozenset[str]:
    """Codes of the credentials whose sourced notes speak of remote work (once per catalog)."""
    from certplan.core.catalog_index import index_of
    from certplan.core.remote import remote_signals

    memo = index_of(cat).memo
    if "sourced_remote" not in memo:
        memo["sourced_remote"] = frozenset(s.code for s in remote_signals(cat))
    return memo["sourced_remote"]


def score_one(c: Credential, cat: Catalog, person: Person, prefs: Preferences, today: dt.date) -> Scored:
    s = Scored(c)
    urls = {x.id: x.url for x in cat.sources}
    # setting ("remote" counts only where a source ties the credential to remote work)
    if prefs.settings:
        sourced_remote = _sourced_remote(cat)
        usable = [x for x in c.settings if x != "remote" or c.code in sourced_remote]
        if "remote" in prefs.settings and c.code in sourced_remote and "remote" not in usable:
            usable.append("remote")
        hit = [x for x in prefs.settings if x in usable]
        if usable and c.settings and c.settings[0] in prefs.settings and c.settings[0] in usable:
            s.parts["setting"] = WEIGHTS["setting_primary"]
            s.reasons.append(f"made for {c.settings[0]} work")
        elif hit:
            s.parts["setting"] = WEIGHTS["setting_listed"]
            s.reasons.append(
                "a source ties it to remote work"
                if hit == ["remote"]
                else f"used in {', '.join(hit)} (among {len(c.settings)} settings)"
            )
        else:
            s.parts["setting"] = 0
            if "remote" in prefs.settings and "remote" in c.settings:
                s.tradeoffs.append("listed for remote work, but no source in the catalog says so (not scored)")
            else:
                s.tradeoffs.append(
                    "not listed for "
                    + " or ".join(prefs.settings)
                    + (f" (its settings: {', '.join(c.settings)})" if c.settings else " (no settings recorded)")
                )
    # focus
    if prefs.focus:
        hit = [x for x in prefs.focus if x in c.focus]
        if c.focus and c.focus[0] in prefs.focus:
            s.parts["focus"] = WEIGHTS["focus_primary"]
            s.reasons.append(f"centred on {c.focus[0]}")
        elif hit:
            s.parts["focus"] = WEIGHTS["focus_listed"]
            s.reasons.append(f"covers {', '.join(hit)}")
        else:
            s.parts["focus"] = 0
            s.tradeoffs.append(f"its focus is {', '.join(c.focus) or 'not recorded'}, not {' or '.join(prefs.focus)}")
    # eligibility
    e = eligibility.evaluate(c, person, cat, urls)
    s.elig = e
    months = e["months_until_eligible"]
    if e["status"] == "eligible":
        s.parts["eligibility"] = WEIGHTS["eligible"]
        s.reasons.append("you are eligible now" + (f" ({'; '.join(e['to_do'])})" if e["to_do"] else ""))
    elif e["status"] == "apprentice":
        s.parts["eligibility"] = WEIGHTS["apprentice"]
        a = e["apprentice"]
        m = a["months_to_full_credential"]
        s.reasons.append(f"you can sit it now; passing gives {a['designation']}")
        s.tradeoffs.append(
            f"{a['designation']} until {a['removal_pathway']}"
            + (f" (about {m} months for you)" if m is not None else "")
        )
        s.changes.append(f"with {a['removal_pathway']}, you would earn the full {c.code} without the apprentice status")
    elif months is not None:
        limit = prefs.within_months if prefs.within_months is not None else SOON_MONTHS
        key = "soon" if months <= limit else "later"
        s.parts["eligibility"] = WEIGHTS[key]
        s.tradeoffs.append(f"not eligible yet: {'; '.join(e['missing'])}")
        s.changes.append(f"in {months} months, with that experience, {c.code} becomes open to you")
    else:
        s.parts["eligibility"] = WEIGHTS["blocked"]
        s.tradeoffs.append(f"not eligible: {'; '.join(e['missing'])}")
        s.changes.append(f"with {' and '.join(e['missing'])}, {c.code} becomes open to you")
    if (
        prefs.within_months is not None
        and e["status"] == "not-eligible"
        and (months is None or months > prefs.within_months)
    ):
        s.tradeoffs.append(f"not reachable within your {prefs.within_months} months")
    # level
    lv, why, against = _level_part(c, person)
    s.parts["level"] = lv
    if why:
        s.reasons.append(why)
    if against:
        s.tradeoffs.append(against)
    # cost
    k = cost.cheapest(c, cat, None, person)
    s.first_year = k["first_year"]
    if prefs.budget is not None:
        if s.first_year is None:
            s.parts["cost"] = 0
            s.tradeoffs.append(
                "first-year cost unknown (" + ", ".join(k["unknown_parts"]) + "): cannot check it against your budget"
            )
        elif s.first_year <= prefs.budget:
            s.parts["cost"] = WEIGHTS["within_budget"]
            s.reasons.append(f"first-year cost {_money(s.first_year)} fits your {_money(prefs.budget)} budget")
        else:
            s.parts["cost"] = WEIGHTS["over_budget"]
            s.tradeoffs.append(f"first-year cost {_money(s.first_year)} is over your {_money(prefs.budget)} budget")
            s.changes.append(f"with a budget of {_money(s.first_year)}, {c.code} fits")
    else:
        s.reasons.append(
            f"first-year cost {_money(s.first_year)} ({k['basis']} prices)"
            if s.first_year is not None
            else "first-year cost unknown (" + ", ".join(k["unknown_parts"]) + ")"
        )
    # recognition
    rec, rec_reasons, rec_notes = _recognition(c)
    s.parts["recognition"] = rec
    s.reasons += rec_reasons
    s.tradeoffs += [n for n in rec_notes if n.startswith("no sourced")]
    # pay (reported, not scored)
    if c.salary:
        p = max(c.salary, key=lambda x: (x.year, x.statistic == "median"))
        v = views.pay(p, views.Ctx(cat, today))
        s.reasons.append(
            f"pay: {_money(p.amount)}/{p.unit} {p.statistic}, {p.period} ({p.population})"
            + (" - a dated figure" if v["dated"] else "")
        )
    else:
        s.tradeoffs.append("no sourced pay figure for this credential")
    return s


def recommend(cat: Catalog, person: Person, prefs: Preferences, today: dt.date) -> list[dict[str, Any]]:
    held = held_closure(cat, person.held)
    cands = [c for c in cat.credentials if c.status == "current" and c.code.upper() not in held]
    scored = [score_one(c, cat, person, prefs, today) for c in cands]
    order = {c.code: i for i, c in enumerate(cat.credentials)}
    scored.sort(key=lambda s: (-s.score, s.first_year is None, order[s.cred.code]))
    out = []
    for rank, s in enumerate(scored, 1):
        out.append(
            {
                "code": s.cred.code,
                "name": s.cred.name,
                "rank": rank,
                "score": s.score,
                "score_parts": dict(s.parts),
                "status": s.elig["status"],
                "months_until_eligible": s.elig["months_until_eligible"],
                "first_year_cost": s.first_year,
                "reasons": s.reasons,
                "tradeoffs": s.tradeoffs,
                "what_would_change": s.changes,
            }
        )
    return out
