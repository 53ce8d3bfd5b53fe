"""The catalog as served to the fast commands: plain JSON, no pydantic on a cache hit.

``show``, ``list``, ``compare``, ``bodies`` and shell completion answer from a cache of
ready-made views (the exact JSON text ``show --json`` prints, per credential), cost
results and metadata.  The cache lives in the user cache directory and is keyed by the
catalog's content, certplan's version and the current year (pay figures are marked
"dated" by age), so it can never serve stale data.  On a miss the catalog is loaded and
validated the slow way, the views are built and the cache is written (best effort).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from certplan import __version__
from certplan.catalog.loader import CatalogText, _cache_dir, load_catalog_text, read_catalog_text

FORMAT = 3  # bump whenever the shape of a served view changes (3: sources carry their tier)


def key_for(ct: CatalogText, today: dt.date) -> str:
    h = hashlib.sha256(f"{FORMAT}\0{__version__}\0{today.year}\0".encode() + ct.text.encode("utf-8"))
    return h.hexdigest()[:32]


def load_served(path: str | os.PathLike[str] | None, today: dt.date, *, build: bool = True) -> dict[str, Any] | None:
    """Served data for the catalog at ``path`` (None: $CERTPLAN_CATALOG or the packaged one).

    Raises CatalogError for an invalid catalog. With ``build=False`` a cache miss returns None.
    """
    ct = read_catalog_text(path)
    key = key_for(ct, today)
    d = _cache_dir()
    if d is not None:
        try:
            with open(d / f"served-{key}.json", "rb") as fh:
                data = json.loads(fh.read())
            views_path = d / f"served-{key}.views"
            if data.get("format") == FORMAT and views_path.stat().st_size == data["views_size"]:
                data["views_path"] = str(views_path)
                return data
        except (OSError, ValueError, KeyError):
            pass
    if not build:
        return None
    data = build_served(load_catalog_text(ct), today)
    if d is not None:
        _write(d, key, data)
    return data


def _write(d: Path, key: str, data: dict[str, Any]) -> None:
    """Two files: the views' JSON texts end to end, and an index with everything else."""
    from certplan.fsutil import atomic_write, remove_others

    try:
        d.mkdir(parents=True, exist_ok=True)
        at: dict[str, list[int]] = {}
        blobs = []
        offset = 0
        for code, text in data["views"].items():
            b = text.encode("utf-8")
            at[code] = [offset, len(b)]
            blobs.append(b)
            offset += len(b)
        atomic_write(d / f"served-{key}.views", lambda fh: fh.writelines(blobs))
        index = {k: v for k, v in data.items() if k != "views"}
        index["view_at"] = at
        index["views_size"] = offset
        atomic_write(
            d / f"served-{key}.json", lambda fh: fh.write(json.dumps(index, ensure_ascii=False).encode("utf-8"))
        )
        remove_others(d, "served-*", {f"served-{key}.json", f"served-{key}.views"})
    except OSError:
        pass  # a read-only or missing cache directory only costs speed


def build_served(cat, today: dt.date) -> dict[str, Any]:
    from certplan.core import ceu, cost, lookup, views

    ctx = views.Ctx(cat, today)
    view_text = {}
    meta = {}
    costs = {}
    for c in cat.credentials:
        v = views.credential(c, ctx)
        view_text[c.code] = json.dumps(v, indent=2, sort_keys=True, ensure_ascii=False)
        meta[c.code] = {
            "name": c.name,
            "body": c.body,
            "level": c.level,
            "status": c.status,
            "settings": list(c.settings),
            "aliases": list(c.aliases),
            "description": c.description,
            "see_also": list(c.see_also),
            "replaced_by": c.replaced_by,
        }
        costs[c.code] = {
            "cheapest": cost.cheapest(c, cat),
            "member": cost.cheapest(c, cat, "member"),
            "non-member": cost.cheapest(c, cat, "non-member"),
        }
    bodies = []
    for b in cat.bodies:
        bv = views.body(b, ctx)
        bv["ceus_by_credentials_held"] = ceu.by_count(b, cat)
        bodies.append(bv)
    return {
        "format": FORMAT,
        "codes": [c.code for c in cat.credentials],
        "index": lookup.code_index((c.code, c.aliases) for c in cat.credentials),
        "meta": meta,
        "views": view_text,
        "costs": costs,
        "bodies": bodies,
        "body_codes": [b.code for b in cat.bodies],
    }


def view_text(served: dict[str, Any], code: str) -> str:
    """The exact JSON text of ``show CODE --json`` (without the final newline)."""
    if "views" in served:
        return served["views"][code]
    offset, size = served["view_at"][code]
    with open(served["views_path"], "rb") as fh:
        fh.seek(offset)
        return fh.read(size).decode("utf-8")


def view(served: dict[str, Any], code: str) -> dict[str, Any]:
    return json.loads(view_text(served, code))


def write_list_json(served: dict[str, Any], codes: list[str], out) -> None:
    """Write exactly json.dumps([views...], indent=2, sort_keys=True) + newline, one view at a time."""
    if not codes:
        out.write("[]\n")
        return
    out.write("[\n")
    fh = open(served["views_path"], "rb") if "views" not in served else None
    try:
        for i, c in enumerate(codes):
            if fh is None:
                text = served["views"][c]
            else:
                offset, size = served["view_at"][c]
                fh.seek(offset)
                text = fh.read(size).decode("utf-8")
            if i:
                out.write(",\n")
            out.write("  " + text.replace("\n", "\n  "))
    finally:
        if fh is not None:
            fh.close()
    out.write("\n]\n")
