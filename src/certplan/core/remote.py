"""What the catalog says about remote work: sourced statements, and where `remote` is only a listed setting."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from certplan.catalog.records import Catalog

# "remote" about the work, not about the exam ("live remote proctoring")
REMOTE_WORK = re.compile(r"\b(remote|remotely|work from home|work-from-home|telework)\b(?!\s+proctor)", re.I)


@dataclass(frozen=True)
class RemoteSignal:
    code: str
    text: str
    source: str | None  # source id


def remote_signals(cat: Catalog) -> list[RemoteSignal]:
    """Sourced notes and recognition statements of current credentials that speak of remote work."""
    out = []
    for c in cat.credentials:
        if c.status != "current":
            continue
        for n in [*c.notes, *c.recognition]:
            if REMOTE_WORK.search(n.text):
                out.append(RemoteSignal(c.code, n.text, n.source))
    return out


def remote_summary(cat: Catalog) -> str:
    """One plain paragraph: which credentials a source ties to remote work, and that the rest have no signal."""
    sourced = sorted({s.code for s in remote_signals(cat)})
    listed = sorted(c.code for c in cat.credentials if c.status == "current" and "remote" in c.settings)
    unsourced = [c for c in listed if c not in sourced]
    parts = []
    if sourced:
        parts.append("a source ties " + ", ".join(sourced) + " to remote work (see their notes in 'certplan show')")
    if unsourced:
        verb = "lists" if len(unsourced) == 1 else "list"
        parts.append(f"{', '.join(unsourced)} {verb} remote as a setting without a source saying so")
    if not parts:
        return "remote work: the catalog has no sourced signal about remote work for any credential."
    return (
        "remote work: "
        + "; ".join(parts)
        + "; for every other credential the catalog has no sourced signal either way (not a 'no')."
    )
