"""Cross-record checks that a per-field schema cannot express.

Each problem is ``(loc, message)`` with a pydantic-style ``loc`` so the loader can
point at the line in the YAML file.
"""

from __future__ import annotations

from collections.abc import Iterator

from certplan.catalog.models import Catalog, CategoryRule, CredentialReq, MembershipReq

Loc = tuple


def _walk(obj: object, loc: Loc) -> Iterator[tuple[Loc, object]]:
    """Every (loc, value) inside ``obj``, depth first; a stack, not nested generators (which cost
    O(depth) per item: seconds on a 5,000-credential catalog)."""
    stack = [(loc, obj)]
    while stack:
        loc, obj = stack.pop()
        yield loc, obj
        t = type(obj)
        if t is str or t is int or t is float or t is bool or obj is None:
            continue
        fields = getattr(t, "model_fields", None)
        if fields is not None:
            stack.extend(reversed([((*loc, f), getattr(obj, f)) for f in fields]))
        elif t is list:
            stack.extend(reversed([((*loc, i), item) for i, item in enumerate(obj)]))


def cross_check(cat: Catalog) -> list[tuple[Loc, str]]:
    problems: list[tuple[Loc, str]] = []

    def dupes(items, key: str, section: str) -> set[str]:
        seen: set[str] = set()
        for i, item in enumerate(items):
            value = getattr(item, key)
            if value.upper() in seen:
                problems.append(((section, i, key), f"duplicate {key} {value!r}"))
            seen.add(value.upper())
        return seen

    source_ids = {s.id for s in cat.sources}
    dupes(cat.sources, "id", "sources")
    body_codes = {b.code for b in cat.bodies}
    dupes(cat.bodies, "code", "bodies")
    codes = {c.code for c in cat.credentials}
    dupes(cat.credentials, "code", "credentials")
    socs = {o.soc for o in cat.occupations}
    dupes(cat.occupations, "soc", "occupations")

    dupes(cat.pay_differences, "id", "pay_differences")
    dupes(cat.facts, "id", "facts")
    for i, pdiff in enumerate(cat.pay_differences):
        for j, soc in enumerate(pdiff.applies_to):
            if soc not in socs:
                problems.append((("pay_differences", i, "applies_to", j), f"unknown occupation {soc!r}"))

    upper_codes = {c.upper() for c in codes}
    alias_owner: dict[str, str] = {}
    for i, cred in enumerate(cat.credentials):
        for j, alias in enumerate(cred.aliases):
            a = alias.upper()
            if a in upper_codes or a in alias_owner:
                problems.append(
                    (("credentials", i, "aliases", j), f"alias {alias!r} is already used by another credential")
                )
            alias_owner[a] = cred.code

    def need_code(loc: Loc, code: str | None) -> None:
        if code is not None and code not in codes:
            problems.append((loc, f"unknown credential {code!r}"))

    for i, cred in enumerate(cat.credentials):
        base = ("credentials", i)
        if cred.body is not None and cred.body not in body_codes:
            problems.append(((*base, "body"), f"unknown body {cred.body!r}"))
        for field in ("next", "replaces", "see_also"):
            for j, code in enumerate(getattr(cred, field)):
                need_code((*base, field, j), code)
        need_code((*base, "replaced_by"), cred.replaced_by)
        if cred.retired is not None:
            need_code((*base, "retired", "successor"), cred.retired.successor)
        if socs:
            for j, soc in enumerate(cred.occupations):
                if soc not in socs:
                    problems.append(((*base, "occupations", j), f"unknown occupation {soc!r}"))

    dupes(cat.funding, "id", "funding")
    for i, prog in enumerate(cat.funding):
        for j, cov in enumerate(prog.covers):
            need_code(("funding", i, "covers", j, "code"), cov.code)

    for loc, obj in _walk(cat, ()):
        t = type(obj)
        if t is str:
            if loc and loc[-1] == "source" and obj not in source_ids:
                problems.append((loc, f"unknown source {obj!r} (not in the top-level sources list)"))
            continue
        if t is CredentialReq:
            for j, code in enumerate(obj.any_of):
                need_code((*loc, "any_of", j), code)
        elif t is MembershipReq:
            if obj.body not in body_codes:
                problems.append(((*loc, "body"), f"unknown body {obj.body!r}"))
        elif t is CategoryRule:  # a CEU minimum names credentials of its body
            for field in ("credentials", "exclude"):
                for j, code in enumerate(getattr(obj, field)):
                    need_code((*loc, field, j), code)
    return problems
