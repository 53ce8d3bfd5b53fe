"""The plan's costs: the exam and membership (from the one cost engine) and code books."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from certplan.core import cost
from certplan.core.person import Person

if TYPE_CHECKING:  # pragma: no cover
    from certplan.catalog.records import Catalog, Credential

Profile = Person


def plan_costs(
    cred: Credential, cat: Catalog, person: Profile, refs: list[str], year: int, urls: dict[str, str]
) -> tuple[list[dict[str, Any]], float | None, list[str], str]:
    """Exam fee and membership (from core.cost) and code books (from ``book-`` facts, else unknown)."""
    member = cost.already_member(cred, person)
    res = cost.cheapest(cred, cat, None, person)
    lines: list[dict[str, Any]] = []
    unknown: list[str] = [u for u in res["unknown_parts"] if "keep" not in u and "renewal" not in u]
    for ln in res["lines"]:
        if ln["period"] != "first year":
            continue
        is_membership = "membership" in ln["label"]
        if is_membership and member:
            continue
        lines.append(
            {
                "kind": "membership" if is_membership else "exam",
                "label": ln["label"],
                "amount": ln["amount"],
                "currency": "USD",
                "source": ln["source"],
                "note": ln["note"],
            }
        )
    if member:
        lines.append(
            {
                "kind": "membership",
                "label": f"{cred.body} membership",
                "amount": 0,
                "currency": "USD",
                "source": None,
                "note": "you are a member already (your renewal is not counted here)",
            }
        )
    if cred.exam is not None and cred.exam.open_book.value is not False and refs:
        books = book_price_facts(cat, refs)
        if books:
            for f in books:
                lines.append(
                    {
                        "kind": "books",
                        "label": f.text,
                        "amount": f.value,
                        "currency": "USD",
                        "source": urls.get(f.source),
                        "note": f.note,
                    }
                )
                if f.value is None:
                    unknown.append(f"book price ({f.id})")
        else:
            lines.append(
                {
                    "kind": "books",
                    "label": f"{year} code books: " + "; ".join(refs),
                    "amount": None,
                    "currency": "USD",
                    "source": None,
                    "note": "unknown: the catalog has no book prices yet",
                }
            )
            unknown.append("code books")
    amounts = [ln["amount"] for ln in lines]
    total = None if any(a is None for a in amounts) else float(sum(amounts))
    basis = "member prices (you are a member)" if member else res["basis_reason"]
    return lines, total, unknown, basis


def book_price_facts(cat: Catalog, refs: list[str]) -> list:
    """``book-`` facts about a book among the exam's references (CPT, ICD-10-CM, ICD-10-PCS, HCPCS)."""
    keys = book_keys(refs)
    return [f for f in cat.facts if f.id.startswith("book-") and _matches(f.id + " " + f.text, keys)]


def book_notes(cat: Catalog, cred: Credential, refs: list[str], urls: dict[str, str]) -> list[dict[str, Any]]:
    """``book-`` facts about no particular book that name this credential or its body (e.g. eBooks provided,
    no books allowed)."""
    names = [n.lower() for n in (cred.code, cred.body or "") if n]
    out = []
    for f in cat.facts:
        if not f.id.startswith("book-") or _matches(f.id + " " + f.text, list(BOOK_KEYS)):
            continue  # a price of a particular book: a cost line where the exam uses that book
        if _matches(f.id + " " + f.text, names):
            out.append({"id": f.id, "text": f.text, "value": f.value, "note": f.note, "source": urls.get(f.source)})
    return out


BOOK_KEYS = ("icd-10-cm", "icd-10-pcs", "hcpcs", "cpt", "icd-10")


def book_keys(refs: list[str]) -> list[str]:
    keys = []
    for r in refs:
        low = r.lower()
        for k in BOOK_KEYS:
            if k in low and k not in keys:
                keys.append(k)
                break
    return keys


def _matches(text: str, keys: list[str]) -> bool:
    low = text.lower()
    return any(re.search(r"(?<![a-z0-9])" + re.escape(k) + r"(?![a-z0-9])", low) for k in keys)
