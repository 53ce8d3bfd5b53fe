"""Load and validate a catalog file.

Problems are collected, not raised one by one: a broken catalog yields a
:class:`CatalogError` listing every problem as ``file:line: path: message``.
Caching the validated catalog is the store's job (:mod:`certplan.store.caches`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from certplan.catalog.models import Catalog

ENV_CATALOG = "CERTPLAN_CATALOG"
ENV_MAX_MB = "CERTPLAN_MAX_CATALOG_MB"
DEFAULT_MAX_MB = 512
PACKAGED = "certplan/data/certifications.yaml"


class CatalogError(Exception):
    """The catalog could not be used. ``problems`` holds one line per problem.

    ``kind`` says which: ``invalid`` (the content is wrong), ``limit`` (over certplan's size limit,
    which ``$CERTPLAN_MAX_CATALOG_MB`` raises) or ``unreadable`` (missing, a directory, a device...).
    """

    def __init__(self, name: str, problems: list[str], kind: str = "invalid"):
        self.name = name
        self.problems = problems
        self.kind = kind
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class CatalogText:
    name: str  # how errors name the file
    text: str
    path: str | None = None  # the file read (None for a non-file resource)


# --------------------------------------------------------------------------- locating


def default_catalog_name() -> str:
    return PACKAGED


def max_bytes() -> int:
    """The catalog size limit: $CERTPLAN_MAX_CATALOG_MB megabytes, else 512 MB."""
    raw = os.environ.get(ENV_MAX_MB, "")
    try:
        mb = float(raw) if raw else DEFAULT_MAX_MB
    except ValueError:
        mb = DEFAULT_MAX_MB
    if not (mb > 0) or mb != mb or mb == float("inf"):
        mb = DEFAULT_MAX_MB
    return int(min(mb, 1 << 20) * 1024 * 1024)


def locate(path: str | os.PathLike[str] | None = None) -> tuple[str, str | None]:
    """(name used in messages, file path) of the catalog named by ``path``, ``$CERTPLAN_CATALOG`` or
    the packaged one.  The path is None when the packaged catalog is not a plain file."""
    if path is None:
        path = os.environ.get(ENV_CATALOG) or None
    if path is not None:
        return str(path), os.fspath(path)
    import certplan

    # A package installed as a directory (the normal case): its resource is a file beside its
    # modules, found through the package's import spec; this is what importlib.resources' file
    # reader does, without importing importlib.resources (about 40 ms, on every command).
    locations = list(getattr(certplan.__spec__, "submodule_search_locations", None) or [])
    if locations:
        direct = os.path.join(locations[0], "data", "certifications.yaml")
        if os.path.isfile(direct):
            return PACKAGED, direct
    # Editable install: the package is imported from src/, the catalog lives in the
    # repository's top-level data/ folder (hatchling only maps it into wheels).
    repo = Path(certplan.__file__).resolve().parents[2] / "data" / "certifications.yaml"
    if repo.is_file():
        return "data/certifications.yaml", str(repo)
    return PACKAGED, None


def read_catalog_text(path: str | os.PathLike[str] | None = None) -> CatalogText:
    """Read the catalog named by ``path``, ``$CERTPLAN_CATALOG`` or the packaged one."""
    from certplan.fsutil import FileProblem, read_limited

    name, file = locate(path)
    if file is None:
        return _resource_text()
    limit = max_bytes()
    try:
        raw = read_limited(file, limit, "catalog")
    except FileProblem as exc:
        msg = str(exc)
        kind = "limit" if "size limit" in msg else "unreadable"
        if kind == "limit":
            msg += f" (set {ENV_MAX_MB} to raise it)"
        raise CatalogError(name, [msg], kind) from None
    return CatalogText(name, _decode(name, raw), file)


def _resource_text() -> CatalogText:
    from importlib.resources import files  # any other loader (zip imports and the like)

    res = files("certplan").joinpath("data", "certifications.yaml")
    if res.is_file():
        return CatalogText(PACKAGED, _decode(PACKAGED, res.read_bytes()))
    raise CatalogError(PACKAGED, [f"{PACKAGED}: the packaged catalog is missing; reinstall certplan"], "unreadable")


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


def load_catalog(path: str | os.PathLike[str] | None = None) -> Catalog:
    """Load, validate and cross-check a catalog (no cache: see certplan.store.caches)."""
    return load_catalog_text(read_catalog_text(path))


def load_catalog_text(ct: CatalogText) -> Catalog:
    """Parse and validate catalog text; raise :class:`CatalogError` listing every problem."""
    return _parse_and_validate(ct)


# --------------------------------------------------------------------------- parsing


def _yaml_loader():
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse_and_validate(ct: CatalogText) -> Catalog:
    """One YAML parse (the C loader where available): compose the node tree, check it (aliases,
    tags, duplicate keys), construct the data from the same tree, validate.  The garbage
    collector is paused meanwhile: these allocate millions of objects that all stay alive, and
    each collection would re-walk them (for 5,000 credentials that was most of the time)."""
    import gc

    paused = gc.isenabled()
    gc.disable()
    try:
        return _parse_and_validate_now(ct)
    finally:
        if paused:
            gc.enable()


def _parse_and_validate_now(ct: CatalogText) -> Catalog:
    import yaml

    name = ct.name
    loader = _yaml_loader()(ct.text)
    try:
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            raise CatalogError(name, [_yaml_error(name, exc)]) from None
        except yaml.YAMLError as exc:
            raise CatalogError(name, [f"{name}: YAML error: {short_text(str(exc))}"]) from None
        if root is None:
            raise CatalogError(name, [f"{name}: the file is empty"])
        problems = _check_nodes(name, root)
        if problems == ["alias"]:  # only now parse again, for the aliases' lines
            problems = _aliases(name, ct.text, _yaml_loader())
        if problems:
            raise CatalogError(name, problems)
        try:
            data = loader.construct_document(root)
        except yaml.MarkedYAMLError as exc:
            raise CatalogError(name, [_yaml_error(name, exc)]) from None
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            raise CatalogError(name, [f"{name}: YAML error: {short_text(str(exc))}"]) from None
    finally:
        loader.dispose()
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
            located.append(_locate(name, root, data, tuple(err["loc"]), short_text(msg)))
        raise CatalogError(name, _sorted(located)) from None
    from certplan.catalog.checks import cross_check

    issues = cross_check(catalog)
    if issues:
        raise CatalogError(name, _sorted([_locate(name, root, data, loc, msg) for loc, msg in issues]))
    return catalog


def short_text(text: str, limit: int = 200) -> str:
    from certplan.fsutil import short

    return short(text, limit)


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
            anchor = short_text(event.anchor, 40)
            out.append(f"{name}:{line}: alias *{anchor} is not allowed (a catalog uses no anchors or aliases)")
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
        if id(node) in seen:  # the same node twice in the tree: an alias (located by _aliases)
            return ["alias"]
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
