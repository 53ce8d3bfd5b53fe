"""Indexes over one catalog, built once per catalog object (not on every lookup).

Commands that ask about many credentials (``eligible`` over a 5,000-credential catalog, a roster of
thousands of people) look codes, bodies and sources up constantly; rebuilding a dict each time made
them quadratic.  :func:`index_of` keeps the index of the catalog it last saw.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def norm(code: str) -> str:
    return " ".join(code.strip().upper().replace("_", "-").split())


@dataclass
class CatalogIndex:
    by_code: dict[str, Any]  # upper-case code -> credential
    by_typed: dict[str, Any]  # normalised code or alias -> credential
    bodies: dict[str, Any]  # upper-case body code -> body
    urls: dict[str, str]  # source id -> url
    sources: dict[str, Any]  # source id -> source
    facts: dict[str, Any]  # fact id -> fact
    current: list[Any] = field(default_factory=list)
    memo: dict[Any, Any] = field(default_factory=dict)  # per-catalog results of pure functions (cost lines, ...)

    def credential(self, code: str) -> Any | None:
        key = norm(code)
        return self.by_typed.get(key) or self.by_typed.get(key.replace(" ", ""))

    def body_of(self, cred: Any) -> Any | None:
        return self.bodies.get((cred.body or "").upper()) if cred is not None else None


_RECENT: list[tuple[Any, CatalogIndex]] = []  # the last few catalogs asked about (a dated view and its base)
_KEEP = 4


def index_of(cat: Any) -> CatalogIndex:
    """The index of ``cat``, built on first use and reused while the same catalog object is asked about."""
    for seen, idx in _RECENT:
        if seen is cat:
            return idx
    by_code = {c.code.upper(): c for c in cat.credentials}
    by_typed: dict[str, Any] = {}
    for c in cat.credentials:
        by_typed[norm(c.code)] = c
    for c in cat.credentials:
        for alias in c.aliases:
            by_typed.setdefault(norm(alias), c)
    for c in cat.credentials:
        by_typed.setdefault(norm(c.code).replace(" ", ""), c)
    idx = CatalogIndex(
        by_code=by_code,
        by_typed=by_typed,
        bodies={b.code.upper(): b for b in cat.bodies},
        urls={s.id: s.url for s in cat.sources},
        sources={s.id: s for s in cat.sources},
        facts={f.id: f for f in cat.facts},
        current=[c for c in cat.credentials if c.status == "current"],
    )
    _RECENT.insert(0, (cat, idx))
    del _RECENT[_KEEP:]
    return idx
