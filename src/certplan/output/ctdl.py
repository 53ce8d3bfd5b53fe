"""The catalog as CTDL JSON-LD (Credential Engine's Credential Transparency Description Language).

``ctdl_document(cat)`` is pure: catalog models in, a JSON-LD dict out.  Each credential becomes a
``ceterms:Certification`` (every credential in the catalog is time-limited and renewed: CTDL's definition of a
certification), owned by its body as a ``ceterms:CredentialOrganization``; its eligibility pathways are
``ceterms:ConditionProfile``s (several pathways: alternatives of one condition, ``ceterms:alternativeCondition``,
any one of which qualifies), its fees ``ceterms:CostProfile``s whose ``ceterms:costDetails`` is the fee's
source, its upkeep a renewal condition with ``ceterms:renewalFrequency``, and its occupations
``ceterms:occupationType`` alignments with O*NET-SOC codes (the SOC code where no source confirms the O*NET one).

No CTID is given: none of these credentials is known to be in the Credential Registry, and a CTID is never
made up.  Nodes are blank nodes (``_:cred-CPC``, ``_:org-AAPC``), so no registry address is implied.

The document's ``@context`` is Credential Engine's published context URL.  A subset of that context (the terms
used here, copied unchanged) ships as ``ctdl-context.json``; :func:`offline_loader` serves it so a JSON-LD
processor can expand the export without a network.  Source of the subset: https://credreg.net/ctdl/schema/context/json
as retrieved on 2026-08-06 (SHA-256 ddb6b4586c38df5fa43aa5f6a558de407dd7acdec9bc1329ce790e164bf40db5, the copy
vendored by github.com/ChelseaKR/ctdl-validate).
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from certplan.catalog.records import Catalog, Credential, Money, Pathway
from certplan.catalog.rules import start_of
from certplan.core import requirements as reqs

CTDL_CONTEXT_URL = "https://credreg.net/ctdl/schema/context/json"
LANG = "en-US"
EXPORTED = {"current": ("Active", "credentialStat:Active"), "retired": ("Deprecated", "credentialStat:Deprecated")}
ONET = ("https://www.onetcenter.org/taxonomy.html", "O*NET-SOC")
SOC = ("https://www.bls.gov/soc/2018/", "Standard Occupational Classification (SOC) 2018")
COST_TYPE_NAMES = {"StandaloneAssessment": "Standalone Assessment", "RenewalFee": "Renewal Fee"}


@lru_cache(maxsize=1)
def shipped_context() -> dict[str, Any]:
    """The CTDL context subset shipped in the package (read with importlib.resources)."""
    from importlib.resources import files

    return json.loads((files("certplan.output") / "ctdl-context.json").read_text(encoding="utf-8"))


def offline_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """A JSON-LD document loader (pyld's signature) that serves the shipped CTDL context and nothing else."""
    if url.rstrip("/") != CTDL_CONTEXT_URL:
        raise ValueError(f"offline: no document for {url} (only {CTDL_CONTEXT_URL} is shipped)")
    return {"contextUrl": None, "documentUrl": url, "document": shipped_context()}


def _text(s: str) -> dict[str, str]:
    return {LANG: s}


def _alignment(framework: str, framework_name: str, node: str | None, node_name: str, code: str | None = None):
    out: dict[str, Any] = {
        "@type": "ceterms:CredentialAlignmentObject",
        "ceterms:framework": framework,
        "ceterms:frameworkName": _text(framework_name),
        "ceterms:targetNodeName": _text(node_name),
    }
    if node:
        out["ceterms:targetNode"] = node
    if code:
        out["ceterms:codedNotation"] = code
    return out


def _iso(text: str | None) -> str | None:
    day = start_of(text)
    return day.isoformat() if day else None


def _condition(p: Pathway, exported: set[str]) -> dict[str, Any]:
    from certplan.catalog.records import CredentialReq, ExperienceReq

    node: dict[str, Any] = {
        "@type": "ceterms:ConditionProfile",
        "ceterms:name": _text(p.label),
        "ceterms:description": _text(reqs.describe_pathway(p)),
        "ceterms:condition": {LANG: [reqs.describe(r) for r in p.requirements]},
    }
    years = [r.years for r in p.requirements if isinstance(r, ExperienceReq)]
    if years:
        node["ceterms:yearsOfExperience"] = max(years)
    targets = [f"_:cred-{c}" for r in p.requirements if isinstance(r, CredentialReq) for c in r.any_of if c in exported]
    if targets:
        node["ceterms:targetCredential"] = targets
    if p.effective_from:  # a ConditionProfile has a start (dateEffective) but no end date in CTDL
        node["ceterms:dateEffective"] = _iso(p.effective_from)
    if p.effective_until:
        node["ceterms:description"] = _text(f"{reqs.describe_pathway(p)} (until {_iso(p.effective_until)})")
    return node


def _requires(c: Credential, exported: set[str]) -> list[dict[str, Any]]:
    if c.eligibility is None:
        return []
    paths = [_condition(p, exported) for p in c.eligibility.pathways]
    if len(paths) == 1:
        return paths
    return [
        {
            "@type": "ceterms:ConditionProfile",
            "ceterms:name": _text(f"Eligibility to sit the {c.code} exam"),
            "ceterms:description": _text(f"Meet any one of these {len(paths)} pathways."),
            "ceterms:alternativeCondition": paths,
        }
    ]


def _cost(m: Money, what: str, cost_type: str, urls: dict[str, str]) -> dict[str, Any] | None:
    if m.per == "event":  # paid only when something happens (late fees, extensions): not an estimated cost
        return None
    parts = [m.what or what]
    if m.member is True:
        parts.append("member price")
    elif m.member is False:
        parts.append("non-member price")
    if m.student:
        parts.append("student price")
    if m.attempts and not m.what:
        parts.append(f"{m.attempts} attempt" + ("s" if m.attempts != 1 else ""))
    if m.per:
        parts.append(f"per {m.per}")
    if m.amount is None:
        parts.append("price unknown" + (f": {m.note}" if m.note else ""))
    node: dict[str, Any] = {
        "@type": "ceterms:CostProfile",
        "ceterms:description": _text("; ".join(parts)),
        "ceterms:directCostType": _alignment(
            "ceterms:CostType", "Cost Type", f"costType:{cost_type}", COST_TYPE_NAMES[cost_type]
        ),
    }
    if m.amount is not None:
        node["ceterms:price"] = m.amount
        node["ceterms:currency"] = m.currency
    if urls.get(m.source):
        node["ceterms:costDetails"] = urls[m.source]
    if m.effective_from:
        node["ceterms:startDate"] = _iso(m.effective_from)
    if m.effective_until:
        node["ceterms:endDate"] = _iso(m.effective_until)
    return node


def _renewal(c: Credential) -> tuple[list[dict[str, Any]], str | None]:
    m = c.maintenance
    if m is None:
        return [], None
    ceus, years = m.ceus.value, m.cycle_years.value
    text = (f"{ceus} continuing education units" if ceus is not None else "continuing education (amount unknown)") + (
        f" every {years} year{'s' if years != 1 else ''}"
        if years is not None
        else " per renewal cycle (length unknown)"
    )
    node = {
        "@type": "ceterms:ConditionProfile",
        "ceterms:name": _text(f"Renewal of the {c.code}"),
        "ceterms:description": _text(text),
        "ceterms:condition": {LANG: [text] + [r.text for r in m.topic_rules]},
    }
    return [node], (f"P{years}Y" if years else None)


def _occupations(c: Credential, cat: Catalog) -> list[dict[str, Any]]:
    by_soc = {o.soc: o for o in cat.occupations}
    out = []
    for soc in c.occupations:
        o = by_soc.get(soc)
        title = o.title if o else soc
        onet = o.onet.value if o is not None and o.onet is not None else None
        if onet:
            out.append(_alignment(ONET[0], ONET[1], f"https://www.onetonline.org/link/summary/{onet}", title, onet))
        else:
            out.append(_alignment(SOC[0], SOC[1], None, title, soc))  # no page address is made up
    return out


def _organization(b) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@id": f"_:org-{b.code}",
        "@type": "ceterms:CredentialOrganization",
        "ceterms:name": _text(b.name.value or b.code),
        "ceterms:alternateName": {LANG: [b.code]},
    }
    if b.website.value:
        node["ceterms:subjectWebpage"] = b.website.value
    return node


def ctdl_document(cat: Catalog) -> dict[str, Any]:
    """The catalog's current and retired credentials, with their owners, as one CTDL JSON-LD document."""
    urls = {s.id: s.url for s in cat.sources}
    creds = [c for c in cat.credentials if c.status in EXPORTED]
    exported = {c.code for c in creds}
    owners = {c.body for c in creds if c.body}
    graph: list[dict[str, Any]] = [_organization(b) for b in cat.bodies if b.code in owners]
    for c in creds:
        status_name, status_node = EXPORTED[c.status]
        node: dict[str, Any] = {
            "@id": f"_:cred-{c.code}",
            "@type": "ceterms:Certification",
            "ceterms:name": _text(c.name),
            "ceterms:alternateName": {LANG: [c.code, *c.aliases]},
            "ceterms:description": _text(c.description),
            "ceterms:credentialStatusType": _alignment(
                "ceterms:CredentialStatus", "Credential Status", status_node, status_name
            ),
        }
        if c.body:
            node["ceterms:ownedBy"] = [f"_:org-{c.body}"]
        requires = _requires(c, exported)
        if requires:
            node["ceterms:requires"] = requires
        costs = []
        if c.exam is not None:
            costs += [_cost(m, f"{c.code} exam", "StandaloneAssessment", urls) for m in c.exam.fees]
        if c.maintenance is not None:
            costs += [_cost(m, f"{c.code} renewal", "RenewalFee", urls) for m in c.maintenance.fees]
        costs = [x for x in costs if x is not None]
        if costs:
            node["ceterms:estimatedCost"] = costs
        renewal, frequency = _renewal(c)
        if renewal:
            node["ceterms:renewal"] = renewal
        if frequency:
            node["ceterms:renewalFrequency"] = frequency
        occ = _occupations(c, cat)
        if occ:
            node["ceterms:occupationType"] = occ
        graph.append(node)
    return {"@context": CTDL_CONTEXT_URL, "@graph": graph}


def summary(cat: Catalog) -> dict[str, int]:
    """How many records the export holds and leaves out (for the message on stderr)."""
    by = {s: sum(1 for c in cat.credentials if c.status == s) for s in ("current", "retired", "unverified")}
    by["left_out"] = sum(1 for c in cat.credentials if c.status not in EXPORTED)
    by["bodies"] = len({c.body for c in cat.credentials if c.status in EXPORTED and c.body})
    return by
