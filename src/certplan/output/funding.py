"""Terminal rendering of ``cost --funding`` / ``--employer-pays``: who pays what, and what is left for you.

Every amount carries the source of its rule as a numbered mark shared with the cost table's footnotes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from certplan.output.render import money_text


def _period(cap: dict[str, Any] | None) -> str:
    if cap is None:
        return "no overall cap in the catalog"
    dates = ""
    if cap.get("effective_from") or cap.get("effective_until"):
        dates = " (in force " + (f"from {cap['effective_from']}" if cap.get("effective_from") else "")
        dates += (" " if cap.get("effective_from") and cap.get("effective_until") else "") + (
            f"until {cap['effective_until']}" if cap.get("effective_until") else ""
        )
        dates += ")"
    return f"cap {cap['text']}{dates}"


def render_funding(res: dict[str, Any], ref: Callable[[str | None], str], w: Callable[[str], None]) -> None:
    """Write the funding section; ``ref(url)`` gives a footnote mark, ``w`` writes wrapped text."""
    w("\nWho pays:\n")
    for p in res["payers"]:
        cap = p["cap"]
        mark = f" {ref(cap['source'])}" if cap and cap.get("source") else ""
        pays = money_text(p["pays"]) if p["pays"] is not None else "unknown"
        if p["pays"] is None and p["pays_at_most_known"]:
            pays += f" (up to {money_text(p['pays_at_most_known'])} of the known costs)"
        w(f"- {p['name']} pays {pays}; {_period(cap)}{mark}\n")
        if cap and cap.get("note"):
            w(f"  about the cap: {cap['note']}\n")
        if p["applies"] == "listed":
            w(f"  listed for {res['code']} {ref(p['applies_source'])}\n")
        elif p["applies_note"]:
            w(f"  {p['applies_note']}\n")
        if p["who"]:
            w(f"  who qualifies: {p['who']} {ref(p['who_source'])}\n")
        paid = []
        for part in p["pays_for"]:
            limit = ""
            if part["cap"] is not None:
                each = "per test" if part["cap_per"] == "test" else "per credential"
                limit = f" (up to {money_text(part['cap'])} {each})"
            paid.append(f"{part['words']}{limit} {ref(part['source'])}")
        if paid:
            w("  pays: " + "; ".join(paid) + "\n")
        if p["does_not_pay"]:
            w("  does not pay: " + ", ".join(p["does_not_pay"]) + "\n")
        for n in p["notes"]:
            w(f"  note: {n['text']} {ref(n['source'])}\n")
    w("\nWhat is left for you:\n")
    for ln in res["lines"]:
        parts = [f"{money_text(ln['amount']) if ln['amount'] is not None else 'unknown'}"]
        for c in ln["covered"]:
            if c["amount"]:
                parts.append(f"- {money_text(c['amount'])} ({c['by']})")
            elif c["amount"] is None:
                parts.append(f"- unknown ({c['by']})")
        you = money_text(ln["you_pay"]) if ln["you_pay"] is not None else "unknown"
        w(f"- {ln['label']}: {' '.join(parts)} = {you}\n")
    if res["you_pay"] is not None:
        total = money_text(res["you_pay"])
    else:
        total = f"at least {money_text(res['you_pay_at_least'])} + unknown"
    w(f"You pay: {total} over {res['years']} year{'s' if res['years'] != 1 else ''}\n")
    for n in res["notes"]:
        w(f"Note: {n}\n")
