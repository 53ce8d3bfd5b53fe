"""Caches on disk that cannot lie: the validated catalog, and the catalog as served to the fast commands.

``show``, ``list``, ``compare``, ``bodies`` and shell completion answer from a cache of
ready-made views (the exact JSON text ``show --json`` prints, per credential), cost
results and metadata: plain JSON, no pydantic on a hit.  Every other command reads the
validated catalog from its own cache (``catalog-*.json``).

Each cache file starts with a header line that carries the SHA-256 of the rest; the served
views (read by offset) carry one checksum each.  A file that fails its check is never served:
it is rebuilt, silently.  The served cache is keyed on its inputs: the catalog file's metadata
(device, inode, size, modification and change times) plus a cheap check of its content (the
whole file up to 1 MB, else its first and last 64 KB), certplan's version, the package's
source files (size and mtime) and the year (pay figures are marked "dated" by age).  The
validated-catalog cache is keyed on the full catalog text.  ``CERTPLAN_NO_FAST=1`` bypasses
every cache (nothing read, nothing written).  Files are written atomically; a reader keeps its
views file open, so a concurrent certplan using another catalog (which prunes old entries)
cannot pull it away mid-run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from certplan import __version__
from certplan.catalog.loader import CatalogText, load_catalog_text, locate, max_bytes, read_catalog_text
from certplan.catalog.rules import span_holds

if TYPE_CHECKING:  # pragma: no cover
    from certplan.catalog.records import Catalog

FORMAT = 3  # bump whenever the shape of a served view changes
ENV_CACHE_DIR = "CERTPLAN_CACHE_DIR"
ENV_NO_FAST = "CERTPLAN_NO_FAST"
MAGIC = b"certplan-cache "
KEEP = 6  # sets of cache files kept per kind (several catalogs in use at once)
SAMPLE = 64 * 1024
FULL_HASH_UP_TO = 1024 * 1024


class CacheDamaged(Exception):
    """A served view failed its checksum (handled here: the cache is rebuilt)."""


# --------------------------------------------------------------------------- where and how


def cache_dir() -> Path | None:
    """The cache directory, or None when caching is off (``CERTPLAN_NO_FAST=1`` or ``CERTPLAN_CACHE_DIR=``)."""
    if os.environ.get(ENV_NO_FAST):
        return None
    env = os.environ.get(ENV_CACHE_DIR)
    if env == "":
        return None
    if env:
        return Path(env)
    try:
        from platformdirs import user_cache_dir
    except ImportError:  # pragma: no cover
        return None
    return Path(user_cache_dir("certplan", appauthor=False))


def write_checked(path: Path, payload: bytes | list[bytes]) -> None:
    """Write ``payload`` behind a header line holding its SHA-256, atomically (OSError on failure)."""
    from certplan.fsutil import atomic_write

    parts = [payload] if isinstance(payload, bytes) else payload
    h = hashlib.sha256()
    for b in parts:
        h.update(b)
    header = MAGIC + h.hexdigest().encode() + b"\n"
    atomic_write(path, lambda fh: fh.writelines([header, *parts]))


def read_checked(path: Path, limit: int | None = None) -> bytes | None:
    """The payload of a file written by :func:`write_checked`, or None (missing, damaged, not a file)."""
    from certplan.fsutil import FileProblem, read_limited

    try:
        raw = read_limited(path, limit or 4 * max_bytes() + (1 << 20), "cache")
    except FileProblem:
        return None
    nl = raw.find(b"\n", 0, 100)
    if nl < 0 or not raw.startswith(MAGIC):
        return None
    digest = raw[len(MAGIC) : nl]
    payload = raw[nl + 1 :]
    if hashlib.sha256(payload).hexdigest().encode() != digest:
        return None
    return payload


def _prune(d: Path, pattern: str, keep: set[str]) -> None:
    """Keep ``keep`` and the newest few others; readers hold their files open, so removal is safe."""
    entries = []
    for p in d.glob(pattern):
        if p.name in keep:
            continue
        try:
            entries.append((p.stat().st_mtime_ns, p))
        except OSError:
            pass
    entries.sort(reverse=True)
    for _, p in entries[KEEP * 2 :]:
        try:
            p.unlink()
        except OSError:
            pass


_SOURCE_STAMP: list[str] = []


def source_stamp() -> str:
    """Size and mtime of every module of the package: an edited model or view never serves old data."""
    if _SOURCE_STAMP:
        return _SOURCE_STAMP[0]
    import certplan

    h = hashlib.sha256(__version__.encode())
    root = os.path.dirname(os.path.abspath(certplan.__file__))
    for sub in ("", "catalog", "core", "store", "output"):
        folder = os.path.join(root, sub)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for e in entries:
            if e.name.endswith(".py"):
                try:
                    st = e.stat()
                except OSError:
                    continue
                h.update(f"{sub}/{e.name}:{st.st_size}:{st.st_mtime_ns};".encode())
    _SOURCE_STAMP.append(h.hexdigest()[:32])
    return _SOURCE_STAMP[0]


def file_stamp(file: str) -> str | None:
    """Metadata plus a cheap content check of a regular file; None when it is not one (or unreadable)."""
    import stat as stat_

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(file, flags)
    except (OSError, ValueError):
        return None
    try:
        st = os.fstat(fd)
        if not stat_.S_ISREG(st.st_mode):
            return None
        h = hashlib.sha256(
            f"{os.path.abspath(file)}\0{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}".encode()
        )
        if st.st_size <= FULL_HASH_UP_TO:
            h.update(os.read(fd, FULL_HASH_UP_TO + 1))
        else:
            h.update(os.read(fd, SAMPLE))
            os.lseek(fd, st.st_size - SAMPLE, os.SEEK_SET)
            h.update(os.read(fd, SAMPLE))
        return h.hexdigest()
    except OSError:
        return None
    finally:
        os.close(fd)


# --------------------------------------------------------------------------- the validated catalog


def load_catalog(path: str | os.PathLike[str] | None = None) -> Catalog:
    """The validated catalog at ``path`` (None: $CERTPLAN_CATALOG or the packaged one), from the cache when it can."""
    return load_catalog_cached(read_catalog_text(path))


def load_catalog_cached(ct: CatalogText) -> Catalog:
    """The catalog as runtime records (catalog/records.py): from the checked cache without pydantic,
    or validated now (pydantic) and cached.  Core always gets records, warm or cold."""
    with _gc_paused():
        return _load_catalog_cached(ct)


def _load_catalog_cached(ct: CatalogText) -> Catalog:
    from certplan.catalog.records import from_json

    key = hashlib.sha256(f"{source_stamp()}\0".encode() + ct.text.encode("utf-8")).hexdigest()[:32]
    d = cache_dir()
    if d is not None:
        payload = read_checked(d / f"catalog-{key}.json")
        if payload is not None:
            try:
                return from_json(payload)
            except (ValueError, KeyError, TypeError, AttributeError):
                pass  # checked but not our shape (cannot happen short of a bug): rebuilt below
    payload = load_catalog_text(ct).model_dump_json().encode("utf-8")
    if d is not None:
        name = f"catalog-{key}.json"
        try:
            d.mkdir(parents=True, exist_ok=True)
            write_checked(d / name, payload)
            _prune(d, "catalog-*.json", {name})
        except OSError:
            pass  # a read-only or missing cache directory only costs speed
    return from_json(payload)


# --------------------------------------------------------------------------- the served views


def key_for(stamp: str, today: dt.date) -> str:
    h = hashlib.sha256(f"{FORMAT}\0{source_stamp()}\0{today.year}\0{stamp}".encode())
    return h.hexdigest()[:32]


def load_served(path: str | os.PathLike[str] | None, today: dt.date, *, build: bool = True) -> dict[str, Any] | None:
    """Served data for the catalog at ``path`` (None: $CERTPLAN_CATALOG or the packaged one).

    Raises CatalogError for an invalid catalog. With ``build=False`` a cache miss returns None.
    """
    _, file = locate(path)
    d = cache_dir()
    stamp = file_stamp(file) if (d is not None and file is not None) else None
    if stamp is not None:
        data = _read_served(d, key_for(stamp, today), today)
        if data is not None:
            data["_source"] = (path, today)
            return data
    if not build:
        return None
    ct = read_catalog_text(path)
    with _gc_paused():
        data = build_served(load_catalog_cached(ct), today)
    data["_source"] = (path, today)
    if stamp is not None and file_stamp(file) == stamp:  # unchanged while it was read
        _write(d, key_for(stamp, today), data)
    return data


class _gc_paused:
    """Collection paused while millions of long-lived objects are made (each collection re-walks them)."""

    def __enter__(self):
        import gc

        self.was = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc):
        import gc

        if self.was:
            gc.enable()


def load_codes(path: str | os.PathLike[str] | None, today: dt.date) -> list[str] | None:
    """The credential codes, for a TAB press: a small checked file beside the served index
    (reading a 5,000-credential index for them took most of a TAB press). None on a miss."""
    _, file = locate(path)
    d = cache_dir()
    stamp = file_stamp(file) if (d is not None and file is not None) else None
    if stamp is None:
        return None
    payload = read_checked(d / f"served-{key_for(stamp, today)}.codes")
    if payload is None:
        return None
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text.split("\n") if text else []


def _read_served(d: Path, key: str, today: dt.date) -> dict[str, Any] | None:
    payload = read_checked(d / f"served-{key}.json")
    if payload is None:
        return None
    try:
        data = json.loads(payload)
        if data.get("format") != FORMAT:
            return None
        if not span_holds(data.get("rules_span"), today):  # a dated fee or pathway changed since it was built
            return None
        fh = open(d / f"served-{key}.views", "rb")  # noqa: SIM115 - kept open for the run
    except (OSError, ValueError, AttributeError):
        return None
    try:
        if os.fstat(fh.fileno()).st_size != data["views_size"]:
            fh.close()
            return None
    except (OSError, KeyError):
        fh.close()
        return None
    data["_views_fh"] = fh
    return data


def _write(d: Path, key: str, data: dict[str, Any]) -> None:
    """Two files: the views' JSON texts end to end, and a checked index with everything else."""
    from certplan.fsutil import atomic_write

    try:
        d.mkdir(parents=True, exist_ok=True)
        at: dict[str, list] = {}
        blobs = []
        offset = 0
        for code, text in data["views"].items():
            b = text.encode("utf-8")
            at[code] = [offset, len(b), hashlib.sha256(b).hexdigest()[:32]]
            blobs.append(b)
            offset += len(b)
        atomic_write(d / f"served-{key}.views", lambda fh: fh.writelines(blobs))
        index = {k: v for k, v in data.items() if k != "views" and not k.startswith("_")}
        index["view_at"] = at
        index["views_size"] = offset
        write_checked(d / f"served-{key}.codes", "\n".join(data["codes"]).encode("utf-8"))
        write_checked(d / f"served-{key}.json", json.dumps(index, ensure_ascii=False).encode("utf-8"))
        _prune(d, "served-*", {f"served-{key}{s}" for s in (".json", ".views", ".codes")})
    except OSError:
        pass  # a read-only or missing cache directory only costs speed


def _rebuild(served: dict[str, Any]) -> None:
    """A view failed its check: drop the cache and rebuild in place (the caller never sees the bad bytes)."""
    path, today = served.get("_source", (None, None))
    fh = served.pop("_views_fh", None)
    if fh is not None:
        fh.close()
    d = cache_dir()
    _, file = locate(path)
    stamp = file_stamp(file) if (d is not None and file is not None) else None
    if stamp is not None:
        key = key_for(stamp, today)
        for suffix in (".json", ".views", ".codes"):
            try:
                (d / f"served-{key}{suffix}").unlink()
            except OSError:
                pass
    fresh = build_served(load_catalog_cached(read_catalog_text(path)), today)
    served.clear()
    served.update(fresh)
    served["_source"] = (path, today)
    if stamp is not None and file_stamp(file) == stamp:
        _write(d, key_for(stamp, today), fresh)


def build_served(cat, today: dt.date) -> dict[str, Any]:
    from certplan.catalog.rules import catalog_on, same_rules_span
    from certplan.core import ceu, cost, lookup, views
    from certplan.jsonfast import dumps_indented

    span = same_rules_span(cat, today)
    cat = catalog_on(cat, today)  # only the fees and pathways in force today
    ctx = views.Ctx(cat, today)
    view_text = {}
    meta = {}
    costs = {}
    for c in cat.credentials:
        v = views.credential(c, ctx)
        view_text[c.code] = dumps_indented(v)  # = json.dumps(v, indent=2, sort_keys=True, ensure_ascii=False)
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
        "rules_span": list(span),
    }


def view_text(served: dict[str, Any], code: str) -> str:
    """The exact JSON text of ``show CODE --json`` (without the final newline), checked."""
    if "views" in served:
        return served["views"][code]
    try:
        return _read_view(served, code)
    except CacheDamaged:
        _rebuild(served)
        return served["views"][code]


def _read_view(served: dict[str, Any], code: str) -> str:
    offset, size, digest = served["view_at"][code]
    fh = served["_views_fh"]
    try:
        fh.seek(offset)
        b = fh.read(size)
    except OSError:
        raise CacheDamaged(code) from None
    if len(b) != size or hashlib.sha256(b).hexdigest()[:32] != digest:
        raise CacheDamaged(code)
    try:
        return b.decode("utf-8")
    except UnicodeDecodeError:
        raise CacheDamaged(code) from None


def view(served: dict[str, Any], code: str) -> dict[str, Any]:
    return json.loads(view_text(served, code))


def write_list_json(served: dict[str, Any], codes: list[str], out) -> None:
    """Write exactly json.dumps([views...], indent=2, sort_keys=True) + newline, one view at a time."""
    if not codes:
        out.write("[]\n")
        return
    out.write("[\n")
    for i, c in enumerate(codes):
        text = view_text(served, c)  # checked; a damaged cache is rebuilt, the output stays whole
        if i:
            out.write(",\n")
        out.write("  " + text.replace("\n", "\n  "))
    out.write("\n]\n")
