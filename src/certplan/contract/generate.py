"""JSON Schemas (draft 2020-12) generated from the typed contracts, closed everywhere.

Imports pydantic (for its schema generator): used by ``certplan schema``, ``--fields`` checks in tests and
the README generator, never on the fast paths.
"""

from __future__ import annotations

import functools
from typing import Any

from certplan.contract import ALWAYS_KEPT, FIELD_SELECTABLE, OUTPUTS, output_type

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_VERSION = 1
_SUBSCHEMA_LISTS = ("anyOf", "oneOf", "allOf", "prefixItems")
_SUBSCHEMA_ONE = ("items", "additionalProperties", "not", "if", "then", "else", "contains")


def _tidy(node: Any) -> Any:
    """Drop pydantic's generated titles and close every object that lists its properties."""
    if not isinstance(node, dict):
        return node
    node.pop("title", None)
    if "properties" in node:
        node["additionalProperties"] = False
        for sub in node["properties"].values():
            _tidy(sub)
    for key in _SUBSCHEMA_LISTS:
        for sub in node.get(key, []):
            _tidy(sub)
    for key in _SUBSCHEMA_ONE:
        _tidy(node.get(key))
    for sub in node.get("$defs", {}).values():
        _tidy(sub)
    return node


@functools.cache
def _generated(name: str) -> dict[str, Any]:
    from pydantic import TypeAdapter

    raw = TypeAdapter(output_type(name)).json_schema(mode="serialization")
    body = _tidy(raw)
    if body.get("description", "").startswith("certplan "):
        del body["description"]  # the output's docstring repeats its title
    return {"$schema": DRAFT, "title": OUTPUTS[name].title, **body}


def names() -> list[str]:
    return list(OUTPUTS)


def schema(name: str) -> dict[str, Any]:
    """One output's closed JSON Schema (a fresh copy: callers may change it)."""
    import copy

    return copy.deepcopy(_generated(name))


def all_schemas() -> dict[str, Any]:
    """The ``certplan schema`` document: every output's schema by name."""
    return {"schema_version": SCHEMA_VERSION, "schemas": {n: schema(n) for n in names()}}


def selection(name: str, wanted: list[str]) -> dict[str, Any]:
    """The schema of ``NAME --fields a,b``: exactly those top-level fields, plus ``schema_version``."""
    full = schema(name)
    item = full if FIELD_SELECTABLE[name] == name else _item_of(full)
    keep = [f for f in item["properties"] if f in wanted or f in ALWAYS_KEPT]
    item["properties"] = {k: item["properties"][k] for k in keep}
    item["required"] = keep
    full["title"] = full["title"].replace(" --json", "") + " --fields " + ",".join(wanted)
    _prune_defs(full)
    return full


def _item_of(array_schema: dict[str, Any]) -> dict[str, Any]:
    ref = array_schema["items"]["$ref"].rsplit("/", 1)[1]
    return array_schema["$defs"][ref]


def _prune_defs(doc: dict[str, Any]) -> None:
    """Remove the $defs no longer referenced (after a selection dropped fields)."""
    defs = doc.get("$defs", {})
    used: set[str] = set()

    def walk(n: Any) -> None:
        if isinstance(n, dict):
            ref = n.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                key = ref.rsplit("/", 1)[1]
                if key not in used:
                    used.add(key)
                    walk(defs.get(key))
            for k, v in n.items():
                if k != "$defs":
                    walk(v)
        elif isinstance(n, list):
            for v in n:
                walk(v)

    walk(doc)
    for key in [k for k in defs if k not in used]:
        del defs[key]
    if not defs:
        doc.pop("$defs", None)


def __getattr__(attr: str) -> Any:
    if attr == "SCHEMAS":
        return {n: schema(n) for n in names()}
    raise AttributeError(attr)
