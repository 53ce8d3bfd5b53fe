"""Load and validate a catalog file.

Problems are collected, not raised one by one: a broken catalog yields a
:class:`CatalogError` listing every problem as ``file:line: path: message``.
The validated catalog is cached as JSON in the user's cache directory, keyed by the
file's content and certplan's version, so a later run skips YAML parsing entirely.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from certplan import __version__

if TYPE_CHECKING:  # pragma: no cover
    from certplan.catalog.models import Catalog

MAX_BYTES = 40 * 1024 * 1024
ENV_CATALOG = "CERTPLAN_CATALOG"
ENV_CACHE_DIR = "CERTPLAN_CACHE_DIR"
PACKAGED = "certplan/data/certifications.yaml"


class CatalogError(Exception):
    """The catalog could not be used. ``problems`` holds one line per problem."""

    def __init__(self, name: str, problems: list[str]):
        self.name = name
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class CatalogText:
    name: str  # how errors name the file
    text: str


# --------------------------------------------------------------------------- locating


def default_catalog_name() -> str:
    return PACKAGED


def read_catalog_text(path: str | os.PathLike[str] | None = None) -> CatalogText:
    """Read the catalog named by ``path``, ``$CERTPLAN_CATALOG`` or the packaged one."""
    if path is None:
        path = os.environ.get(ENV_CATALOG) or None
    if path is None:
        return _packaged_text()
    p = Path(path)
    name = str(path)
    if p.is_dir():
        raise CatalogError(name, [f"{name}: is a directory, not a catalog file"])
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise CatalogError(name, [f"{name}: no such file"]) from None
    except OSError as exc:
        raise CatalogError(name, [f"{name}: cannot read: {exc.strerror}"]) from None
    if size > MAX_BYTES:
        raise CatalogError(
            name,
            [f"{name}: file is {size // (1024 * 1024)} MB; a catalog may be at most {MAX_BYTES // (1024 * 1024)} MB"],
        )
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise CatalogError(name, [f"{name}: cannot read: {exc.strerror}"]) from None
    return CatalogText(name, _decode(name, raw))


def _packaged_text() -> CatalogText:
    import certplan

    # A package installed as a directory (the normal case): its resource is a file beside its
    # modules, found through the package's import spec; this is what importlib.resources' file
    # reader does, without importing importlib.resources (about 40 ms, on every command).
    locations = list(getattr(certplan.__spec__, "submodule_search_locations", None) or [])
    if locations:
        direct = Path(locations[0]) / "data" / "certifications.yaml"
        if direct.is_file():
            return CatalogText(PACKAGED, _decode(PACKAGED, direct.read_bytes()))
    # Editable install: the package is imported from src/, the catalog lives in the
    # repository's top-level data/ folder (hatchling only maps it into wheels).
    repo = Path(certplan.__file__).resolve().parents[2] / "data" / "certifications.yaml"
    if repo.is_file():
        return CatalogText("data/certifications.yaml", _decode("data/certifications.yaml", repo.read_bytes()))
    from importlib.resources import files  # any other loader (zip imports and the like)

    res = files("certplan").joinpath("data", "certifications.yaml")
    if res.is_file():
        return CatalogText(PACKAGED, _decode(PACKAGED, res.read_bytes()))
    raise CatalogError(PACKAGED, [f"{PACKAGED}: the packaged catalog is missing; reinstall certplan"])


def _decode(name: str, raw: bytes) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CatalogError(name, [f"{name}:{line}: not valid UTF-8 (byte 0x{raw[exc.start]:02x})"]) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise CatalogError(name, [f"{name}: the file is empty"])
    return text


# --------------------------------------------------------------------------- loading


def load_catalog(path: str | os.PathLike[str] | None = None, *, use_cache: bool = True) -> Catalog:
    """Load, validate and cross-check a catalog; raise :class:`CatalogError` listing every problem."""
    ct = read_catalog_text(path)
    return load_catalog_text(ct, use_cache=use_cache)


def load_catalog_text(ct: CatalogText, *, use_cache: bool = True) -> Catalog:
    key = hashlib.sha256((__version__ + "\0" + ct.text).encode("utf-8")).hexdigest()[:32]
    if use_cache:
        cached = _cache_read(key)
        if cached is not None:
            return cached
    catalog = _parse_and_validate(ct)
    if use_cache:
        _cache_write(key, catalog)
    return catalog


def _cache_dir() -> Path | None:
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


def _cache_read(key: str) -> Catalog | None:
    d = _cache_dir()
    if d is None:
        return None
    try:
        data = (d / f"catalog-{key}.json").read_bytes()
    except OSError:
        return None
    from pydantic import ValidationError

    from certplan.catalog.models import Catalog

    try:
        return Catalog.model_validate_json(data)
    except ValidationError:
        return None  # a damaged cache entry is ignored and rewritten


def _cache_write(key: str, catalog: Catalog) -> None:
    d = _cache_dir()
    if d is None:
        return
    from certplan.fsutil import atomic_write, remove_others

    name = f"catalog-{key}.json"
    try:
        d.mkdir(parents=True, exist_ok=True)
        atomic_write(d / name, lambda fh: fh.write(catalog.model_dump_json().encode("utf-8")))
        remove_others(d, "catalog-*.json", {name})
    except OSError:
        pass  # a read-only or missing cache directory only costs speed


# --------------------------------------------------------------------------- parsing


def _yaml_loader():
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse_and_validate(ct: CatalogText) -> Catalog:
    import yaml

    name = ct.name
    loader = _yaml_loader()
    try:
        root = yaml.compose(ct.text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        raise CatalogError(name, [_yaml_error(name, exc)]) from None
    except yaml.YAMLError as exc:
        raise CatalogError(name, [f"{name}: YAML error: {exc}"]) from None
    if root is None:
        raise CatalogError(name, [f"{name}: the file is empty"])
    problems = _aliases(name, ct.text, loader) or _check_nodes(name, root)
    if problems:
        raise CatalogError(name, problems)
    try:
        data = yaml.load(ct.text, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.MarkedYAMLError as exc:
        raise CatalogError(name, [_yaml_error(name, exc)]) from None
    except yaml.YAMLError as exc:
        raise CatalogError(name, [f"{name}: YAML error: {exc}"]) from None
    if not isinstance(data, dict):
        line = root.start_mark.line + 1
        raise CatalogError(
            name,
            [f"{name}:{line}: the catalog must be a mapping with keys schema_version, sources, bodies, credentials"],
        )

    from pydantic import ValidationError

    from certplan.catalog.models import Catalog

    try:
        catalog = Catalog.model_validate(data)
    except ValidationError as exc:
        located = []
        for err in exc.errors(include_url=False):
            msg = err["msg"]
            if msg.startswith("Value error, "):
                msg = msg[len("Value error, ") :]
            located.append(_locate(name, root, data, tuple(err["loc"]), msg))
        raise CatalogError(name, _sorted(located)) from None
    from certplan.catalog.checks import cross_check

    issues = cross_check(catalog)
    if issues:
        raise CatalogError(name, _sorted([_locate(name, root, data, loc, msg) for loc, msg in issues]))
    return catalog


def _yaml_error(name: str, exc: Any) -> str:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or exc.context or "invalid YAML"
    if mark is None:
        return f"{name}: YAML error: {problem}"
    return f"{name}:{mark.line + 1}:{mark.column + 1}: YAML error: {problem}"


def _aliases(name: str, text: str, loader) -> list[str]:
    """Anchors and aliases are refused (they are how "billion laughs" files blow up)."""
    import yaml

    out = []
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.AliasEvent):
            line = event.start_mark.line + 1
            out.append(f"{name}:{line}: alias *{event.anchor} is not allowed (a catalog uses no anchors or aliases)")
            if len(out) >= 20:
                break
    return out


def _check_nodes(name: str, root) -> list[str]:
    """Duplicate keys, anchors/aliases and unsafe tags, found on the composed node tree."""
    import yaml

    problems: list[tuple[int, str]] = []
    seen: set[int] = set()
    stack = [root]
    safe_prefix = "tag:yaml.org,2002:"
    safe = {
        safe_prefix + t
        for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "binary", "omap", "pairs", "set")
    }
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue  # an alias: reported from the event stream (see _aliases)
        seen.add(id(node))
        if node.tag not in safe:
            problems.append(
                (
                    node.start_mark.line + 1,
                    f"{name}:{node.start_mark.line + 1}: tag {node.tag!r} is not allowed (only plain YAML)",
                )
            )
            continue
        if isinstance(node, yaml.MappingNode):
            keys: dict[str, int] = {}
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode):
                    if k.value in keys:
                        line = k.start_mark.line + 1
                        problems.append(
                            (line, f"{name}:{line}: duplicate key {k.value!r} (first at line {keys[k.value]})")
                        )
                    else:
                        keys[k.value] = k.start_mark.line + 1
                stack.append(k)
                stack.append(v)
            if len(problems) > 200:
                break
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return [p for _, p in sorted(problems)]


def _item_label(item: Any, index: int) -> str:
    if isinstance(item, dict):
        for key in ("code", "id", "soc"):
            v = item.get(key)
            if isinstance(v, (str, int)) and not isinstance(v, bool):
                return str(v)
    return str(index)


def _locate(name: str, root, data: Any, loc: tuple, msg: str) -> tuple[int, str]:
    """Map a pydantic ``loc`` to (line, 'file:line: path: message')."""
    import yaml

    node = root
    obj = data
    parts: list[str] = []
    for i, seg in enumerate(loc):
        last = i == len(loc) - 1
        if isinstance(node, yaml.MappingNode) and isinstance(seg, str):
            for k, v in node.value:
                if k.value == seg:
                    node = v
                    obj = obj.get(seg) if isinstance(obj, dict) else None
                    parts.append(("." if parts else "") + seg)
                    break
            else:
                if last:
                    parts.append(("." if parts else "") + seg)
        elif isinstance(node, yaml.SequenceNode) and isinstance(seg, int) and 0 <= seg < len(node.value):
            item = obj[seg] if isinstance(obj, list) and seg < len(obj) else None
            parts.append(f"[{_item_label(item, seg)}]")
            node = node.value[seg]
            obj = item
        elif last and isinstance(seg, str) and not isinstance(node, yaml.ScalarNode):
            parts.append(("." if parts else "") + seg)
        # other segments (union tags such as 'experience' or 'int') are skipped
    line = node.start_mark.line + 1
    path = "".join(parts)
    where = f"{name}:{line}: "
    return line, (f"{where}{path}: {msg}" if path else f"{where}{msg}")


def _sorted(located: list[tuple[int, str]]) -> list[str]:
    out: list[str] = []
    for _, text in sorted(located, key=lambda t: t[0]):
        if text not in out:
            out.append(text)
    return out
