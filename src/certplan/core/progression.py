"""Progression: where a credential leads (``certplan path --from``): the catalog's next credentials, with what
each requires and whether holding this one counts, the occupations and their newest pay, and the tree.

Pure functions over catalog models and ``today``; no I/O.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from certplan.core import pay
from certplan.core import requirements as rq
from certplan.core.routes import SCHEMA_VERSION

if TYPE_CHECKING:  # pragma: no cover
    from certplan.catalog.records import Catalog, Credential


def _node(cat_by_code: dict[str, Credential], code: str) -> dict[str, Any]:
    c = cat_by_code.get(code.upper())
    return {
        "code": c.code if c else code,
        "name": c.name if c else None,
        "body": c.body if c else None,
        "level": c.level if c else None,
        "status": c.status if c else None,
        "next": [],
        "repeat": False,
    }


def tree(cat: Catalog, root: Credential) -> dict[str, Any]:
    """The progression from ``root`` by the catalog's ``next`` lists, breadth first.

    Each credential is expanded once, where it first appears nearest the root; later appearances are
    ``repeat: true`` leaves (this also cuts cycles such as CCS <-> CCS-P).
    """
    by_code = {c.code.upper(): c for c in cat.credentials}
    top = _node(by_code, root.code)
    top["expanded_under"] = None
    under: dict[str, str | None] = {root.code.upper(): None}
    queue = [top]
    while queue:
        node = queue.pop(0)
        c = by_code.get(node["code"].upper())
        for n in c.next if c else []:
            child = _node(by_code, n)
            if n.upper() in under:
                child["repeat"] = True
                child["expanded_under"] = under[n.upper()] or "the top"
            else:
                under[n.upper()] = node["code"]
                child["expanded_under"] = node["code"]
                queue.append(child)
            node["next"].append(child)
    return top


def leads(cat: Catalog, cred: Credential, today: dt.date) -> dict[str, Any]:
    """The ``certplan path --from`` answer: next credentials, occupations and their pay, the progression."""
    src = pay.Sources(cat)
    urls = {s.id: s.url for s in cat.sources}
    by_code = {c.code.upper(): c for c in cat.credentials}
    occ_by_soc = {o.soc: o for o in cat.occupations}
    nexts = []
    for n in cred.next:
        c = by_code.get(n.upper())
        if c is None:
            nexts.append(
                {
                    "code": n,
                    "name": None,
                    "body": None,
                    "level": None,
                    "status": None,
                    "requires": [],
                    "this_counts": False,
                    "pay": [],
                    "occupations": [],
                }
            )
            continue
        pathways = c.eligibility.pathways if c.eligibility else []
        counts = any(
            r.kind == "credential" and cred.code.upper() in {x.upper() for x in r.any_of}
            for p in pathways
            for r in p.requirements
        )
        nexts.append(
            {
                "code": c.code,
                "name": c.name,
                "body": c.body,
                "level": c.level,
                "status": c.status,
                "requires": [
                    {"label": p.label, "text": rq.describe_pathway(p), "source": urls.get(p.source)} for p in pathways
                ],
                "this_counts": counts,
                "pay": [f for f in pay.credential_pay(c, src, today) if f["latest"]],
                "occupations": list(c.occupations),
            }
        )
    occupations = []
    for s in cred.occupations:
        o = occ_by_soc.get(s)
        if o is None:
            occupations.append({"soc": s, "title": None, "population": pay.BLS_POPULATION, "figures": []})
            continue
        ov = pay.occupation(o, src, today)
        occupations.append(
            {"soc": ov["soc"], "title": ov["title"], "population": ov["population"], "figures": pay.latest_figures(ov)}
        )
    return {
        "schema_version": SCHEMA_VERSION,
        "from": {"code": cred.code, "name": cred.name, "body": cred.body, "level": cred.level, "status": cred.status},
        "pay": pay.credential_pay(cred, src, today),
        "next": nexts,
        "occupations": occupations,
        "tree": tree(cat, cred),
        "notes": [
            "'next' lists the credentials people commonly take after this one (from the catalog); "
            "'this_counts' is true when holding it meets a requirement of the next one.",
            "Occupation figures are BLS figures for all US workers in the occupation; credential figures are "
            "salary-survey figures of members who answered. " + pay.ASSOCIATION_NOTE,
        ],
    }
