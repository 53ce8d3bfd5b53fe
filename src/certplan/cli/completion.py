"""Values for shell completion, read as cheaply as possible."""

from __future__ import annotations


def _catalog():
    import os

    from certplan.catalog.loader import CatalogError, load_catalog

    try:
        return load_catalog(os.environ.get("CERTPLAN_CATALOG") or None)
    except CatalogError:
        return None


def credential_codes() -> list[str]:
    cat = _catalog()
    return [] if cat is None else sorted(c.code for c in cat.credentials if " " not in c.code)


def body_codes() -> list[str]:
    cat = _catalog()
    return [] if cat is None else sorted(b.code for b in cat.bodies)
