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


def load_catalog(path: str | os.PathLike[str] | None = None, *, use_cache: bool = False) -> Catalog:
    """Load, validate and cross-check a catalog.  The loader never caches (certplan.store.caches
    does); ``use_cache`` is accepted, and ignored, so callers written before the move still work."""
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
    try:
        data, problems, first_line = _load_events(name, ct.text)
    except yaml.MarkedYAMLError as exc:
        raise CatalogError(name, [_yaml_error(name, exc)]) from None
    except (yaml.YAMLError, ValueError, OverflowError, TypeError) as exc:
        raise CatalogError(name, [f"{name}: YAML error: {short_text(str(exc))}"]) from None
    if problems:
        raise CatalogError(name, problems)
    if data is None:
        raise CatalogError(name, [f"{name}: the file is empty"])
    if not isinstance(data, dict):
        raise CatalogError(
            name,
            [f"{name}:{first_line}: the catalog must be a mapping with keys schema_version, sources, bodies, credentials"],
        )

    # Lines are worked out only when there is a problem, from a node tree parsed then.
    def tree():
        return yaml.compose(ct.text, Loader=_yaml_loader())

    from pydantic import ValidationError

    from certplan.catalog.models import Catalog

    try:
        catalog = Catalog.model_validate(data)
    except ValidationError as exc:
        located = []
        root = tree()
        for err in exc.errors(include_url=False):
            msg = err["msg"]
            if msg.startswith("Value error, "):
                msg = msg[len("Value error, ") :]
            located.append(_locate(name, root, data, tuple(err["loc"]), short_text(msg)))
        raise CatalogError(name, _sorted(located)) from None
    from certplan.catalog.checks import cross_check

    issues = cross_check(catalog)
    if issues:
        root = tree()
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


_SAFE_PREFIX = "tag:yaml.org,2002:"
_STR, _MAP, _SEQ = _SAFE_PREFIX + "str", _SAFE_PREFIX + "map", _SAFE_PREFIX + "seq"
_SCALARS = {_SAFE_PREFIX + t for t in ("str", "int", "float", "bool", "null", "timestamp", "binary")}
MAX_DEPTH = 200
MAX_PROBLEMS = 200


def _load_events(name: str, text: str) -> tuple[Any, list[str], int]:
    """(data, problems, line of the root) from one pass over the parser's events (the C parser where
    available), with no node tree: a tree of a 25 MB catalog took over 500 MB.  Checked on the way:
    aliases, tags other than YAML's own, duplicate keys, nesting deeper than MAX_DEPTH."""
    import yaml
    from yaml.events import (
        AliasEvent,
        DocumentEndEvent,
        DocumentStartEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
        StreamEndEvent,
    )

    loader = _yaml_loader()(text)
    problems: list[tuple[int, str]] = []
    aliases: list[str] = []
    ctors = loader.yaml_constructors
    resolve = loader.resolve
    ScalarNode = yaml.ScalarNode
    # A frame: [container, is_mapping, pending key (or _NO_KEY), first lines of keys]
    no_key = object()
    stack: list[list] = []
    result: list[Any] = []
    root_line = 1

    def add(value, ev) -> None:
        if not stack:
            result.append(value)
            return
        frame = stack[-1]
        if not frame[1]:
            frame[0].append(value)
        elif frame[2] is no_key:
            line = ev.start_mark.line + 1
            try:
                hash(value)
            except TypeError:
                problems.append((line, f"{name}:{line}: a key must be a plain value"))
                value = object()
            if value in frame[3]:
                problems.append(
                    (line, f"{name}:{line}: duplicate key {short_text(repr(value), 80)} (first at line {frame[3][value]})")
                )
            else:
                frame[3][value] = line
            frame[2] = value
        else:
            frame[0][frame[2]] = value
            frame[2] = no_key

    def bad_tag(ev) -> None:
        line = ev.start_mark.line + 1
        problems.append((line, f"{name}:{line}: tag {short_text(repr(ev.tag), 80)} is not allowed (only plain YAML)"))

    try:
        loader.get_event()  # stream start
        ev = loader.get_event()
        if isinstance(ev, StreamEndEvent):
            return None, [], 1
        while True:
            ev = loader.get_event()
            cls = type(ev)
            if cls is ScalarEvent:
                tag = ev.tag
                if tag is None or tag == "!":
                    tag = resolve(ScalarNode, ev.value, ev.implicit)
                if tag == _STR:
                    value = ev.value
                elif tag in _SCALARS:
                    value = ctors[tag](loader, ScalarNode(tag, ev.value, ev.start_mark, ev.end_mark, ev.style))
                else:
                    bad_tag(ev)
                    value = None
                if not stack:
                    root_line = ev.start_mark.line + 1
                add(value, ev)
            elif cls is MappingStartEvent or cls is SequenceStartEvent:
                mapping = cls is MappingStartEvent
                if ev.tag not in (None, "!", _MAP if mapping else _SEQ):
                    bad_tag(ev)
                if len(stack) >= MAX_DEPTH:
                    line = ev.start_mark.line + 1
                    problems.append((line, f"{name}:{line}: nested more than {MAX_DEPTH} levels deep"))
                    break
                if not stack:
                    root_line = ev.start_mark.line + 1
                stack.append([{} if mapping else [], mapping, no_key, {} if mapping else None, ev])
            elif cls is MappingEndEvent or cls is SequenceEndEvent:
                frame = stack.pop()
                add(frame[0], frame[4])
            elif cls is AliasEvent:
                line = ev.start_mark.line + 1
                anchor = short_text(ev.anchor, 40)
                aliases.append(f"{name}:{line}: alias *{anchor} is not allowed (a catalog uses no anchors or aliases)")
                if len(aliases) >= 20:
                    break
                add(None, ev)
            elif cls is DocumentEndEvent:
                nxt = loader.get_event()
                if isinstance(nxt, DocumentStartEvent):
                    line = nxt.start_mark.line + 1
                    problems.append((line, f"{name}:{line}: only one YAML document is allowed"))
                break
            if len(problems) >= MAX_PROBLEMS:
                break
    finally:
        loader.dispose()
    if aliases:
        return None, aliases, root_line
    if problems:
        return None, [p for _, p in sorted(problems, key=lambda t: t[0])], root_line
    return (result[0] if result else None), [], root_line


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
