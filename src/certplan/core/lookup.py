"""Finding credentials and bodies by what people type."""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover - kept stdlib-only so the fast paths need no pydantic
    from certplan.catalog.records import Catalog, Credential


class UnknownCode(LookupError):
    def __init__(self, code: str, suggestions: list[str], what: str = "credential"):
        self.code = code
        self.suggestions = suggestions
        self.what = what
        super().__init__(code)

    def message(self) -> str:
        text = f"unknown {self.what} code {self.code!r}"
        if self.suggestions:
            text += "; did you mean " + ", ".join(self.suggestions) + "?"
        return text


def _norm(code: str) -> str:
    return " ".join(code.strip().upper().replace("_", "-").split())


def code_index(entries: Iterable[tuple[str, Iterable[str]]]) -> dict[str, str]:
    """Normalised code or alias -> canonical code, for (code, aliases) pairs."""
    entries = list(entries)
    out: dict[str, str] = {}
    for code, aliases in entries:
        out[_norm(code)] = code
        for alias in aliases:
            out.setdefault(_norm(alias), code)
    # "CPC+CPB" and "CPC + CPB" are the same thing typed two ways
    for code, _ in entries:
        out.setdefault(_norm(code).replace(" ", ""), code)
    return out


def code_index_lookup(idx: dict[str, str], typed: str) -> str | None:
    key = _norm(typed)
    return idx.get(key) or idx.get(key.replace(" ", ""))


def resolve(idx: dict[str, str], codes: Iterable[str], typed: str) -> str:
    """The canonical code for what was typed, or UnknownCode with suggestions."""
    code = code_index_lookup(idx, typed)
    if code is None:
        raise UnknownCode(typed, suggest(typed, codes))
    return code


def index(cat: Catalog) -> dict[str, Credential]:
    by_code = {c.code: c for c in cat.credentials}
    return {k: by_code[v] for k, v in code_index((c.code, c.aliases) for c in cat.credentials).items()}


def suggest(code: str, candidates: Iterable[str], n: int = 3) -> list[str]:
    cands = sorted(set(candidates))
    key = _norm(code)
    upper = {c.upper(): c for c in cands}
    hits = difflib.get_close_matches(key, list(upper), n=max(n, 10), cutoff=0.5)
    # Equal similarity is common among short codes (CPX is as close to SCP as to CPC); break ties by the
    # longer shared beginning, since people get the start of a code right more often than the end.
    hits.sort(
        key=lambda h: (
            -round(difflib.SequenceMatcher(None, key, h).ratio(), 6),
            -len(os.path.commonprefix([key, h])),
        )
    )
    hits = hits[:n]
    prefix = [c for u, c in upper.items() if u.startswith(key) and key] if len(key) >= 2 else []
    out: list[str] = []
    for c in [upper[h] for h in hits] + prefix:
        if c not in out:
            out.append(c)
    return out[:n]


def find(cat: Catalog, code: str) -> Credential:
    from certplan.core.catalog_index import index_of

    cred = index_of(cat).credential(code)
    if cred is None:
        raise UnknownCode(code, suggest(code, [c.code for c in cat.credentials]))
    return cred


def find_many(cat: Catalog, codes: Iterable[str]) -> tuple[list[Credential], list[UnknownCode]]:
    found: list[Credential] = []
    unknown: list[UnknownCode] = []
    for code in codes:
        try:
            found.append(find(cat, code))
        except UnknownCode as exc:
            unknown.append(exc)
    return found, unknown
