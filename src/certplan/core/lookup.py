"""Finding credentials and bodies by what people type."""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

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


def resolve(idx: dict[str, str], codes: Iterable[str], typed: str, names: Mapping[str, Any] | None = None) -> str:
    """The canonical code for what was typed (a code, an alias or a name), or UnknownCode with suggestions.

    ``names`` maps code -> name (or -> a dict with ``name``, like the served catalog's ``meta``).
    """
    code = code_index_lookup(idx, typed)
    if code is None and names is not None:
        code = name_lookup(names, typed) or code_index_lookup(idx, name_key(typed))  # "the CPC exam"
    if code is None:
        raise UnknownCode(typed, _suggestions(typed, codes, names))
    return code


# --------------------------------------------------------------------------- names


def _suggestions(typed: str, codes: Iterable[str], names: Mapping[str, Any] | None) -> list[str]:
    by_code = suggest(typed, codes)
    by_name = suggest_names(names, typed) if names else []
    if " " in typed.strip() or not by_code:  # a name was typed: the names it resembles come first
        return by_name or by_code
    return by_code


def name_key(text: str) -> str:
    """A name as people may type it: case, punctuation, common misspellings and filler words do not matter."""
    from certplan.catalog.vocab import NAME_FILLERS, NAME_MISSPELLINGS, words_key

    t = words_key(text.replace("&", " and ").replace("(", " ").replace(")", " ").replace(",", " "))
    for wrong, right in NAME_MISSPELLINGS.items():
        if " " in wrong:
            t = t.replace(wrong, right)
    words = [NAME_MISSPELLINGS.get(w, w) for w in t.split()]
    while words and words[0] in NAME_FILLERS:
        words.pop(0)
    while len(words) > 1 and words[-1] in NAME_FILLERS:
        words.pop()
    return " ".join(words)


_NAME_INDEXES: dict[int, tuple[Any, dict[str, str]]] = {}


def name_index(names: Mapping[str, Any]) -> dict[str, str]:
    """name_key(name) -> code, built once per ``names`` mapping; a name two credentials share is left out."""
    hit = _NAME_INDEXES.get(id(names))
    if hit is not None and hit[0] is names:
        return hit[1]
    out: dict[str, str] = {}
    shared: set[str] = set()
    for code, meta in names.items():
        name = meta.get("name") if isinstance(meta, Mapping) else meta
        if not name:
            continue
        key = name_key(name)
        if key in out and out[key] != code:
            shared.add(key)
        out.setdefault(key, code)
    for key in shared:
        del out[key]
    _NAME_INDEXES[id(names)] = (names, out)
    return out


def name_lookup(names: Mapping[str, Any], typed: str) -> str | None:
    key = name_key(typed)
    return name_index(names).get(key) if key else None


def suggest_names(names: Mapping[str, Any], typed: str, n: int = 3) -> list[str]:
    """'CPC (Certified Professional Coder)' for the names closest to what was typed."""
    idx = name_index(names)
    key = name_key(typed)
    if len(key) < 4:
        return []
    out = []
    for hit in difflib.get_close_matches(key, list(idx), n=n, cutoff=0.6):
        code = idx[hit]
        meta = names[code]
        out.append(f"{code} ({meta.get('name') if isinstance(meta, Mapping) else meta})")
    return out


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


_NAMES: dict[int, tuple[Any, dict[str, str]]] = {}


def names_of(cat: Catalog) -> dict[str, str]:
    """code -> name of ``cat``, kept per catalog object so its name index is built once."""
    hit = _NAMES.get(id(cat))
    if hit is None or hit[0] is not cat:
        hit = (cat, {c.code: c.name for c in cat.credentials})
        _NAMES[id(cat)] = hit
    return hit[1]


def find(cat: Catalog, code: str) -> Credential:
    from certplan.core.catalog_index import index_of

    ci = index_of(cat)
    cred = ci.credential(code)
    if cred is None:
        names = names_of(cat)
        by_name = name_lookup(names, code)
        if by_name is not None:
            return ci.by_code[by_name.upper()]
        key = name_key(code)
        bare = ci.credential(key) if key else None  # "the CPC exam"
        if bare is not None:
            return bare
        raise UnknownCode(code, _suggestions(code, [c.code for c in cat.credentials], names))
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
