"""When the "-A" can come off: for each removal option the catalog encodes (the credential's
``apprentice.removal`` pathways), the earliest date it is met from the experience recorded, and the
evidence each needs (``apprentice.evidence``).  Pure.

Experience counts in days: the periods of the kinds a requirement accepts are merged (overlaps count
once; a period without an end is taken to go on).  When the first period alone covers whole years the
date is the calendar anniversary; otherwise N years need ceil(N x 365.25) days, so a date is never
earlier than the calendar would allow.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from certplan.catalog.models import Catalog, Credential
from certplan.core.tracked import ExperienceEntry, Held, add_years

DAY = dt.timedelta(days=1)


def _merged(entries: list[ExperienceEntry], kinds: list[str]) -> list[tuple[dt.date, dt.date | None]]:
    spans = sorted((e.start, e.end) for e in entries if e.kind in kinds)
    out: list[tuple[dt.date, dt.date | None]] = []
    for s, e in spans:
        if out:
            ps, pe = out[-1]
            if pe is None or s <= pe + DAY:
                out[-1] = (ps, None if pe is None or e is None else max(pe, e))
                continue
        out.append((s, e))
    return out


def experience_met_on(entries: list[ExperienceEntry], kinds: list[str], years: float) -> dt.date | None:
    """The first day on which ``years`` of these kinds have been completed, or None if the periods end short."""
    need = math.ceil(years * 365.25)
    have = 0
    spans = _merged(entries, kinds)
    if spans and float(years).is_integer():
        s, e = spans[0]
        anniversary = add_years(s, int(years))
        if e is None or e >= anniversary - DAY:
            return anniversary
    for s, e in spans:
        length = None if e is None else (e - s).days + 1
        if length is None or have + length >= need:
            return s + dt.timedelta(days=need - have)
        have += length
    return None


def experience_days(entries: list[ExperienceEntry], kinds: list[str], on: dt.date) -> int:
    total = 0
    for s, e in _merged(entries, kinds):
        if s > on:
            continue
        last = on if e is None or e > on else e
        total += (last - s).days + 1
    return total


def apprentice_credentials(cat: Catalog, held: list[Held]) -> list[tuple[Held, Credential]]:
    by_code = {c.code.upper(): c for c in cat.credentials}
    return [
        (h, by_code[h.code.upper()])
        for h in held
        if h.apprentice and h.code.upper() in by_code and by_code[h.code.upper()].apprentice is not None
    ]


def removal_status(
    cat: Catalog,
    h: Held,
    cred: Credential,
    experience: list[ExperienceEntry],
    on: dt.date,
    course_done: dt.date | None = None,
    practicode_done: dt.date | None = None,
) -> dict[str, Any]:
    urls = {s.id: s.url for s in cat.sources}
    ap = cred.apprentice
    assert ap is not None
    evidence = {e.kind: e for e in ap.evidence}
    options = []
    for pw in ap.removal:
        reqs = []
        dates: list[dt.date | None] = []
        needs: list[str] = []
        for rq in pw.requirements:
            if rq.kind == "experience":
                met = experience_met_on(experience, list(rq.of), rq.years)
                have = experience_days(experience, list(rq.of), on)
                reqs.append(
                    {
                        "kind": "experience",
                        "text": f"{rq.years:g} year{'s' * (rq.years != 1)} of {' or '.join(rq.of)} experience",
                        "met_on": None if met is None else met.isoformat(),
                        "days_recorded": have,
                        "days_needed": math.ceil(rq.years * 365.25),
                    }
                )
                dates.append(met)
                if met is None:
                    needs.append(f"record more {'/'.join(rq.of)} experience (certplan experience add)")
            elif rq.kind in ("course", "practicode"):
                done = course_done if rq.kind == "course" else practicode_done
                text = f"{rq.hours}-contact-hour {rq.topic} course" if rq.kind == "course" else "CPC-A Practicode completed"
                reqs.append({"kind": rq.kind, "text": text, "met_on": None if done is None else done.isoformat()})
                dates.append(done)
                if done is None:
                    flag = "--course-done" if rq.kind == "course" else "--practicode-done"
                    needs.append(f"{text} (give its completion date with {flag})")
            else:
                reqs.append({"kind": rq.kind, "text": getattr(rq, "text", rq.kind), "met_on": None})
                dates.append(None)
                needs.append(getattr(rq, "text", rq.kind))
        kinds = [rq.kind for rq in pw.requirements]
        earliest = None if any(d is None for d in dates) else max(d for d in dates if d is not None)
        if earliest is not None:
            earliest = max(earliest, h.earned)
        options.append(
            {
                "id": pw.id,
                "label": pw.label,
                "earliest": None if earliest is None else earliest.isoformat(),
                "met": earliest is not None and earliest <= on,
                "requirements": reqs,
                "still_needed": needs,
                "evidence": [
                    {"kind": k, "text": evidence[k].text, "source": urls.get(evidence[k].source, evidence[k].source)}
                    for k in dict.fromkeys(kinds)
                    if k in evidence
                ],
                "note": pw.note,
                "source": urls.get(pw.source, pw.source),
            }
        )
    dated = [o["earliest"] for o in options if o["earliest"]]
    return {
        "code": cred.code,
        "designation": ap.designation,
        "earned": h.earned.isoformat(),
        "earliest": min(dated) if dated else None,
        "options": options,
        "rule": ap.rule,
        "source": urls.get(ap.source, ap.source),
    }


def status(
    cat: Catalog,
    held: list[Held],
    experience: list[ExperienceEntry],
    on: dt.date,
    course_done: dt.date | None = None,
    practicode_done: dt.date | None = None,
) -> list[dict[str, Any]]:
    return [
        removal_status(cat, h, c, experience, on, course_done, practicode_done)
        for h, c in apprentice_credentials(cat, held)
    ]
