"""Routes: the ordered steps from a person to a goal credential (``certplan path --to``).

Pure functions over catalog models, a :class:`~certplan.core.eligibility.Profile` and ``today``; no I/O.

``to``: every eligibility pathway of the goal is a possible route.  Each requirement the person does not meet
(checked with :func:`certplan.core.eligibility.check_pathway`) becomes a step: a degree or accredited program
(durations from the catalog facts ``associate-degree-duration`` and ``bachelor-degree-duration``), a credential
(which recurses into that credential's own route; cycles are cut), a course, Practicode, clinical hours,
experience to gain, a condition to confirm with the body, joining the body; then the exam, then removing an
apprentice designation (CPC-A) when it applies.  Steps follow one another: months add up.  A step whose time
or cost no source gives is ``null`` (unknown), and the route's totals say so.  Exam preparation time is not
counted; costs are one-off (upkeep while progressing is ``certplan cost``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from certplan.catalog.vocab import EDUCATION_LEVELS
from certplan.core import cost
from certplan.core import requirements as rq
from certplan.core.person import PROGRAM_EDUCATION, Person, held_closure
from certplan.core.requirements import months_between

if TYPE_CHECKING:  # pragma: no cover
    from certplan.catalog.records import Catalog, Credential, CredentialReq, Pathway

Profile = Person

SCHEMA_VERSION = 1
ASSOCIATE_FACT = "associate-degree-duration"
BACHELOR_FACT = "bachelor-degree-duration"
MAX_DEPTH = 4
MAX_ROUTES = 30
SUB_ROUTES = 2  # routes kept per prerequisite credential: the fastest and the cheapest
REQ_ORDER = {
    "education": 0,
    "accredited-program": 1,
    "credential": 2,
    "course": 3,
    "practicode": 4,
    "clinical-hours": 5,
    "experience": 6,
    "training-program": 3,
    "other": 7,
    "membership": 8,
}


@dataclass(frozen=True)
class State:
    """The person as the route goes on: what they have after each step."""

    education: str = "high-school"
    accredited_program: str | None = None
    experience: tuple[tuple[str, float], ...] = ()
    held: frozenset[str] = frozenset()
    course_hours: int = 0
    training_program: bool = False
    training_hours: int = 0
    practicode: bool = False
    member: frozenset[str] = frozenset()
    clinical_hours: int = 0

    @classmethod
    def of(cls, person: Profile, cat: Catalog) -> State:
        exp = {k: person.experience_years for k in person.experience_kinds if person.experience_years > 0}
        return cls(
            education=person.education,
            accredited_program=person.accredited_program,
            experience=tuple(sorted(exp.items())),
            held=held_closure(cat, person.held),
            course_hours=person.course_hours,
            training_program=person.training_program,
            training_hours=person.training_hours,
            practicode=person.practicode,
            member=frozenset(person.members_effective) | {m.upper() for m in person.member},
            clinical_hours=person.clinical_hours,
        )

    def years_of(self, kinds: list[str]) -> tuple[float, str]:
        """The most experience of any of these kinds, and which kind it is (the first on a tie)."""
        exp = dict(self.experience)
        best = max(kinds, key=lambda k: (exp.get(k, 0.0), -kinds.index(k)))
        return exp.get(best, 0.0), best

    def with_experience(self, kind: str, years: float) -> State:
        exp = dict(self.experience)
        exp[kind] = max(exp.get(kind, 0.0), years)
        return replace(self, experience=tuple(sorted(exp.items())))

    def education_rank(self) -> int:
        return self.profile().education_rank()

    def profile(self, req=None) -> Profile:
        years, kinds = 0.0, ()
        if req is not None and req.kind == "experience":
            years, _ = self.years_of(list(req.of))
            kinds = tuple(req.of)
        return Person(
            education=self.education,
            accredited_program=self.accredited_program,
            experience_years=years,
            experience_kinds=kinds,
            held=tuple(sorted(self.held)),
            course_hours=self.course_hours,
            training_program=self.training_program,
            training_hours=self.training_hours,
            practicode=self.practicode,
            member=tuple(sorted(self.member)),
            clinical_hours=self.clinical_hours,
            held_effective=self.held,
            members_effective=self.member,
        )


@dataclass
class Partial:
    steps: tuple[dict[str, Any], ...]
    state: State
    ids: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    confirm: bool = False
    pathway: dict[str, Any] | None = None

    def then(self, other: Partial) -> Partial:
        return Partial(
            self.steps + other.steps,
            other.state,
            self.ids + other.ids,
            self.labels + other.labels,
            self.confirm or other.confirm,
            self.pathway or other.pathway,
        )


def step(
    kind: str,
    for_code: str,
    text: str,
    months: int | None,
    months_basis: str,
    cost_amount: float | None,
    cost_basis: str,
    months_source: str | None = None,
    cost_source: str | None = None,
    note: str | None = None,
) -> dict[str, Any]:
    return {
        "kind": kind,
        "for": for_code,
        "text": text,
        "months": months,
        "months_basis": months_basis if months is not None else "unknown",
        "months_source": months_source,
        "cost": cost_amount,
        "cost_basis": cost_basis if cost_amount is not None else "unknown",
        "cost_source": cost_source,
        "note": note,
    }


def totals(steps: tuple[dict[str, Any], ...] | list[dict[str, Any]]) -> dict[str, Any]:
    months = sum(s["months"] for s in steps if s["months"] is not None)
    money = sum(s["cost"] for s in steps if s["cost"] is not None)
    return {
        "months": months,
        "months_complete": all(s["months"] is not None for s in steps),
        "months_unknown": [s["text"] for s in steps if s["months"] is None],
        "cost": money,
        "cost_complete": all(s["cost"] is not None for s in steps),
        "cost_unknown": [s["text"] for s in steps if s["cost"] is None],
    }


def fastest_key(t: dict[str, Any], confirm: bool, i: int) -> tuple:
    """Routes certplan can vouch for first: nothing to confirm, every duration known; then fewest months."""
    return (confirm, not t["months_complete"], t["months"], len(t["months_unknown"]), t["cost"], i)


def cheapest_key(t: dict[str, Any], confirm: bool, i: int) -> tuple:
    """Nothing to confirm first; then the lowest known cost, the fewest unknown costs, the fewest months."""
    return (confirm, t["cost"], len(t["cost_unknown"]), not t["months_complete"], t["months"], i)


@dataclass
class Planner:
    cat: Catalog
    urls: dict[str, str] = field(default_factory=dict)
    dropped: list[str] = field(default_factory=list)
    facts_used: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.urls = {s.id: s.url for s in self.cat.sources}
        self.by_code = {c.code.upper(): c for c in self.cat.credentials}
        self.bodies = {b.code: b for b in self.cat.bodies}
        self.facts = {f.id: f for f in self.cat.facts}

    # ----------------------------------------------------------------- durations

    def _fact_years(self, fid: str) -> tuple[float | None, str | None]:
        f = self.facts.get(fid)
        if f is None or f.value is None:
            return None, None
        self.facts_used[fid] = {"id": f.id, "value": f.value, "text": f.text, "source": self.urls.get(f.source)}
        return f.value, self.urls.get(f.source)

    def degree_months(self, level: str, state: State) -> tuple[int | None, str, str | None, str | None]:
        """(months, basis, source, note) to earn a degree of ``level`` from ``state``."""
        if level == "associate":
            yrs, src = self._fact_years(ASSOCIATE_FACT)
            if yrs is None:
                return None, "unknown", None, "no sourced duration"
            return round(yrs * 12), "sourced", src, f"about {yrs:g} years of full-time study"
        if level == "bachelor":
            yrs, src = self._fact_years(BACHELOR_FACT)
            if yrs is None:
                return None, "unknown", None, "no sourced duration"
            if state.education_rank() >= EDUCATION_LEVELS.index("associate"):
                a, _ = self._fact_years(ASSOCIATE_FACT)
                if a is not None and yrs > a:
                    return (
                        round((yrs - a) * 12),
                        "estimate",
                        src,
                        f"estimate: a bachelor's (about {yrs:g} years) less the {a:g} years of your associate "
                        "degree, if its credits transfer",
                    )
            return round(yrs * 12), "sourced", src, f"about {yrs:g} years of full-time study"
        return None, "unknown", None, f"no sourced duration for {rq.EDUCATION_WORDS.get(level, level)}"

    # ----------------------------------------------------------------- requirements

    def met(self, req, p: Pathway, state: State) -> bool:
        """Met already, from ``state`` (a membership to buy is a step here, not met)."""
        return rq.check(req, state.profile(req)).state == "met"

    def education_step(self, level: str, code: str, state: State) -> Partial:
        pre = Partial((), state)
        if level in ("master", "doctorate") and state.education_rank() < EDUCATION_LEVELS.index("bachelor"):
            pre = self.education_step("bachelor", code, state)
        months, basis, src, note = self.degree_months(level, pre.state)
        text = "earn " + rq.EDUCATION_WORDS[level]
        s = step("degree", code, text, months, basis, None, "unknown", months_source=src, note=note)
        s["cost_note"] = "no sourced tuition figure"
        return pre.then(Partial((s,), replace(pre.state, education=level)))

    def satisfy(self, req, p: Pathway, cred: Credential, state: State, stack: frozenset[str]) -> list[Partial]:
        """The ways to meet ``req`` from ``state``: [] when it cannot be met, one empty Partial when it is."""
        code = cred.code
        src = self.urls.get(p.source)
        if req.kind == "other" and req.check == "step":
            return [Partial((), state)]
        if self.met(req, p, state):
            return [Partial((), state)]
        match req.kind:
            case "education":
                return self.education_options(req, code, state)
            case "accredited-program":
                return self.program_options(req, code, state)
            case "experience":
                return self.experience_options(req, code, state, src)
            case "credential":
                return self.credential_options(req, cred, state, stack)
            case "course" | "practicode" | "clinical-hours" | "training-program":
                return self.training_options(req, code, state)
            case "membership":
                return self.membership_options(req, code, state)
            case "other":
                s = step(
                    "confirm",
                    code,
                    f"{req.text} (certplan cannot check this; confirm it with {cred.body or 'the body'})",
                    None,
                    "unknown",
                    None,
                    "unknown",
                )
                return [Partial((s,), state, confirm=True)]
        raise TypeError(f"unknown requirement kind {req.kind!r}")  # pragma: no cover

    def education_options(self, req, code: str, state: State) -> list[Partial]:
        if req.level in ("none", "high-school"):
            s = step("degree", code, "earn " + rq.EDUCATION_WORDS[req.level], None, "unknown", None, "unknown")
            return [Partial((s,), replace(state, education=req.level))]
        return [self.education_step(req.level, code, state)]

    def program_options(self, req, code: str, state: State) -> list[Partial]:
        out = []
        for level in req.levels:
            pre = Partial((), state)
            need = PROGRAM_EDUCATION[level]
            if level in ("master", "post-baccalaureate") and state.education_rank() < EDUCATION_LEVELS.index(
                "bachelor"
            ):
                pre = self.education_step("bachelor", code, state)
            st = pre.state
            if level in ("associate", "bachelor"):
                months, basis, msrc, note = self.degree_months(level, st)
            else:
                months, basis, msrc, note = None, "unknown", None, "no sourced duration for this program"
            if req.final_term_ok:
                note = (note + "; " if note else "") + "students in their final term may sit the exam early"
            text = f"complete a {req.accreditor}-accredited HIM program ({rq.PROGRAM_WORDS[level]})"
            s = step("program", code, text, months, basis, None, "unknown", months_source=msrc, note=note)
            s["cost_note"] = "no sourced tuition figure"
            rank = max(EDUCATION_LEVELS.index(st.education), EDUCATION_LEVELS.index(need))
            after = replace(st, accredited_program=level, education=EDUCATION_LEVELS[rank])
            out.append(pre.then(Partial((s,), after, (level,), (f"{rq.PROGRAM_WORDS[level]} program",))))
        return out

    def experience_options(self, req, code: str, state: State, src: str | None) -> list[Partial]:
        have, kind = state.years_of(list(req.of))
        gap = months_between(req.years, have)
        have_txt = rq.years_words(have) if have else "none yet"
        text = (
            f"gain {gap} more month{'s' if gap != 1 else ''} of {rq.kind_words(list(req.of))} experience "
            f"({rq.years_words(req.years)} needed; you have {have_txt})"
        )
        s = step("experience", code, text, gap, "sourced", 0, "none", months_source=src, note="no fee: time only")
        return [Partial((s,), state.with_experience(kind, req.years))]

    def training_options(self, req, code: str, state: State) -> list[Partial]:
        if req.kind == "training-program":
            s = step(
                "training-program",
                code,
                f"complete {rq.describe(req)}",
                None,
                "unknown",
                None,
                "unknown",
                note="no sourced duration or price",
            )
            return [Partial((s,), replace(state, training_program=True, training_hours=req.hours or 0))]
        if req.kind == "course":
            text = f"complete {rq.describe(req)}" + (
                f" (you have {state.course_hours} hours)" if state.course_hours else ""
            )
            s = step("course", code, text, None, "unknown", None, "unknown", note="no sourced duration or price")
            return [Partial((s,), replace(state, course_hours=req.hours))]
        if req.kind == "practicode":
            s = step(
                "practicode",
                code,
                "complete Practicode (AAPC's practical coding module)",
                None,
                "unknown",
                None,
                "unknown",
                note="no sourced duration or price",
            )
            return [Partial((s,), replace(state, practicode=True))]
        s = step(
            "clinical-hours",
            code,
            f"work {req.hours} clinical hours (you have {state.clinical_hours})",
            None,
            "unknown",
            None,
            "unknown",
        )
        return [Partial((s,), replace(state, clinical_hours=req.hours))]

    def membership_options(self, req, code: str, state: State) -> list[Partial]:
        body = self.bodies.get(req.body)
        dues = cost.membership_fee(body)
        amount = dues.amount if dues else None
        s = step(
            "membership",
            code,
            f"join {req.body} (membership is required to register)",
            0,
            "none",
            amount,
            "sourced",
            cost_source=self.urls.get(dues.source) if dues else None,
            note="first year of dues"
            if amount is not None
            else ((dues.note if dues else None) or "no sourced dues"),
        )
        return [Partial((s,), replace(state, member=state.member | {req.body.upper()}))]

    def credential_options(
        self, req: CredentialReq, cred: Credential, state: State, stack: frozenset[str]
    ) -> list[Partial]:
        out: list[Partial] = []
        for option in req.any_of:
            key = option.upper()
            other = self.by_code.get(key)
            if key in stack or key == cred.code.upper():
                continue  # a cycle: this credential is already on the way
            if other is None or other.status != "current" or other.eligibility is None:
                why = "not in the catalog" if other is None else f"{other.status}; it can no longer be earned"
                self.dropped.append(f"{option} (a way to meet '{rq.describe(req)}' for {cred.code}) is {why}")
                continue
            subs = self.routes(other, state, stack | {cred.code.upper()})
            if not subs:
                continue
            keep = select(subs, SUB_ROUTES)
            for sub in keep:
                out.append(
                    Partial(
                        sub.steps,
                        sub.state,
                        (f"{other.code}:" + ",".join(sub.ids),),
                        (f"{other.code} first ({'; '.join(sub.labels)})",),
                        sub.confirm,
                    )
                )
        return out

    # ----------------------------------------------------------------- exam and apprentice

    def exam_step(self, cred: Credential, p: Pathway, state: State) -> Partial:
        basis, _, _ = cost.choose_basis(cred, self.cat, state.profile())
        fee = cost.exam_fee(cred, basis)
        to_do = [r.text for r in p.requirements if r.kind == "other" and r.check == "step"]
        notes = ["exam preparation time is not counted"]
        if cred.exam is not None and cred.exam.study_hours is not None and cred.exam.study_hours.value:
            est = " (estimate)" if cred.exam.study_hours.estimate else ""
            notes.append(f"study time: about {cred.exam.study_hours.value:g} hours{est}")
        if cred.exam is not None and cred.exam.retake.value:
            notes.append(f"retakes: {cred.exam.retake.value.rstrip('.')}")
        if to_do:
            notes.append("when registering: " + "; ".join(to_do))
        text = f"pass the {cred.code} exam"
        if cred.apprentice is not None:
            text += f" (passing without the experience gives {cred.apprentice.designation})"
        s = step(
            "exam",
            cred.code,
            text,
            0,
            "none",
            fee.amount if fee else None,
            "sourced",
            cost_source=self.urls.get(fee.source) if fee else None,
            note="; ".join(notes),
        )
        s["cost_note"] = (
            f"one attempt, {'member' if basis == 'member' else 'non-member'} price"
            if fee and fee.amount is not None
            else ((fee.note if fee else None) or "no sourced exam fee")
        )
        held = held_closure(self.cat, (*sorted(state.held), cred.code))
        return Partial((s,), replace(state, held=held))

    def apprentice(self, cred: Credential, state: State, stack: frozenset[str]) -> list[Partial]:
        a = cred.apprentice
        if a is None:
            return [Partial((), state)]
        if any(all(self.met(r, rp, state) for r in rp.requirements) for rp in a.removal):
            return [Partial((), state)]
        out = []
        for rp in a.removal:
            parts = [Partial((), state)]
            for req in sorted(rp.requirements, key=lambda r: REQ_ORDER[r.kind]):
                parts = [part.then(alt) for part in parts for alt in self.satisfy(req, rp, cred, part.state, stack)]
            for part in parts:
                s = step(
                    "apprentice-removal",
                    cred.code,
                    f"send {cred.body} the proof: {a.designation} becomes {cred.code}",
                    0,
                    "none",
                    None,
                    "unknown",
                    months_source=self.urls.get(rp.source),
                    note=rp.label,
                )
                s["cost_note"] = "no fee is listed in the catalog"
                out.append(part.then(Partial((s,), part.state, (f"apprentice:{rp.id}",), (rp.label,))))
        return out

    # ----------------------------------------------------------------- routes

    def routes(self, cred: Credential, state: State, stack: frozenset[str] = frozenset()) -> list[Partial]:
        """Every route from ``state`` to holding ``cred`` (at most MAX_ROUTES, the best kept)."""
        if cred.code.upper() in state.held:
            return [Partial((), state)]
        if cred.status != "current" or cred.eligibility is None or len(stack) >= MAX_DEPTH:
            return []
        out: list[Partial] = []
        for p in cred.eligibility.pathways:
            info = {"id": p.id, "label": p.label, "text": rq.describe_pathway(p), "source": self.urls.get(p.source)}
            parts = [Partial((), state, (p.id,), (f"{cred.code}: {p.label}",), pathway=info)]
            for req in sorted(p.requirements, key=lambda r: REQ_ORDER[r.kind]):
                parts = [part.then(alt) for part in parts for alt in self.satisfy(req, p, cred, part.state, stack)]
                if len(parts) > MAX_ROUTES:
                    parts = select(parts, MAX_ROUTES)
            for part in parts:
                done = part.then(self.exam_step(cred, p, part.state))
                for tail in self.apprentice(cred, done.state, stack):
                    out.append(done.then(tail))
        return select(out, MAX_ROUTES)


def select(parts: list[Partial], n: int) -> list[Partial]:
    """Drop duplicates; when more than ``n``, keep the fastest and cheapest first (in their original order)."""
    seen = set()
    uniq = []
    for p in parts:
        sig = tuple((s["kind"], s["for"], s["text"]) for s in p.steps) + (p.confirm,)
        if sig not in seen:
            seen.add(sig)
            uniq.append(p)
    if len(uniq) <= n:
        return uniq
    tots = [totals(p.steps) for p in uniq]
    fast = sorted(range(len(uniq)), key=lambda i: fastest_key(tots[i], uniq[i].confirm, i))
    cheap = sorted(range(len(uniq)), key=lambda i: cheapest_key(tots[i], uniq[i].confirm, i))
    chosen: list[int] = []
    for a, b in zip(fast, cheap):
        for i in (a, b):
            if i not in chosen and len(chosen) < n:
                chosen.append(i)
    return [uniq[i] for i in sorted(chosen)]


def with_cumulative(steps: tuple[dict[str, Any], ...]) -> list[dict[str, Any]]:
    out = []
    months, money = 0, 0.0
    m_ok, c_ok = True, True
    for s in steps:
        d = dict(s)
        d.setdefault("cost_note", None)
        if s["months"] is None:
            m_ok = False
        else:
            months += s["months"]
        if s["cost"] is None:
            c_ok = False
        else:
            money += s["cost"]
        d["cumulative_months"] = months
        d["cumulative_months_complete"] = m_ok
        d["cumulative_cost"] = money
        d["cumulative_cost_complete"] = c_ok
        out.append(d)
    return out


def to_goal(cat: Catalog, goal: Credential, person: Profile, today: dt.date) -> dict[str, Any]:
    """The ``certplan path --to`` answer."""
    from certplan.core.eligibility import evaluate

    planner = Planner(cat)
    start = State.of(person, cat)
    now = evaluate(goal, person, cat, planner.urls)
    notes: list[str] = []
    routes: list[dict[str, Any]] = []
    if goal.code.upper() in start.held:
        notes.append(f"you already hold {goal.code}")
    elif goal.status != "current" or goal.eligibility is None:
        where = ", ".join(goal.see_also or ([goal.replaced_by] if goal.replaced_by else []))
        notes.append(f"{goal.code} is {goal.status}; it cannot be earned" + (f" (see {where})" if where else ""))
    else:
        found = planner.routes(goal, start)
        tots = [totals(p.steps) for p in found]
        order = sorted(range(len(found)), key=lambda i: fastest_key(tots[i], found[i].confirm, i))
        fastest = order[0] if order else None
        cheapest = min(range(len(found)), key=lambda i: cheapest_key(tots[i], found[i].confirm, i)) if found else None
        for i in order:
            p = found[i]
            t = tots[i]
            routes.append(
                {
                    "id": "/".join(p.ids),
                    "label": "; ".join(p.labels),
                    "pathway": p.pathway,
                    "steps": with_cumulative(p.steps),
                    **t,
                    "needs_confirmation": p.confirm,
                    "fastest": i == fastest,
                    "cheapest": i == cheapest,
                }
            )
        if not routes:
            notes.append(f"no route to {goal.code} could be built from the catalog")
        if routes and all(r["needs_confirmation"] for r in routes):
            notes.append(f"every route to {goal.code} has a condition certplan cannot check; confirm it with the body")
    notes.extend(dict.fromkeys(planner.dropped))
    notes.append(
        "Months add up step after step (a degree and part-time work may overlap in practice); exam preparation "
        "time is not counted. Costs are one-off costs of each step; membership and renewal while you progress "
        "are in 'certplan cost'."
    )
    return {
        "schema_version": SCHEMA_VERSION,
        "goal": {"code": goal.code, "name": goal.name, "body": goal.body, "status": goal.status},
        "profile": person.to_dict(),
        "status_now": now["status"],
        "routes": routes,
        "fastest": next((r["id"] for r in routes if r["fastest"]), None),
        "cheapest": next((r["id"] for r in routes if r["cheapest"]), None),
        "facts": list(planner.facts_used.values()),
        "notes": notes,
    }
