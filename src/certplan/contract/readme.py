"""The README's JSON field tables and summaries, written from the generated schemas (run by cog).

``summary(name)`` gives an output's shape in one brace expression (``{code, exam {questions, ...},
domains [{name, hours}]}``, enums as ``(a|b)``); ``table(name)`` gives its top-level fields with type
and meaning. Both read the same schema ``certplan schema NAME`` prints, so the README cannot drift from it.
"""

from __future__ import annotations

import textwrap
from typing import Any

from certplan.contract.generate import schema

MAX_ENUM = 8  # longer enums are named by their field's description instead
WIDTH = 100


class _Doc:
    """One schema document: resolves $refs and remembers which definitions were already spelt out."""

    def __init__(self, name: str):
        from certplan.contract import OUTPUTS

        self.name = name
        # a definition that is a whole output of its own (compare's credentials are show objects)
        self.outputs = {o.type: n for n, o in OUTPUTS.items() if n not in (name, "list")}
        self.root = schema(name)
        self.defs = self.root.get("$defs", {})
        self.uses = _ref_counts(self.root)
        self.spelt: set[str] = set()

    def resolve(self, node: dict[str, Any]) -> tuple[str | None, dict[str, Any]]:
        ref = node.get("$ref")
        if ref is None and len(node.get("allOf", [])) == 1:
            ref = node["allOf"][0].get("$ref")
        if ref is None:
            return None, node
        if not ref.startswith("#/$defs/"):
            return ref, {}
        key = ref.rsplit("/", 1)[1]
        return key, self.defs[key]


def _ref_counts(node: Any, counts: dict[str, int] | None = None) -> dict[str, int]:
    counts = {} if counts is None else counts
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            key = ref.rsplit("/", 1)[1]
            counts[key] = counts.get(key, 0) + 1
        for k, v in node.items():
            if k != "$defs":
                _ref_counts(v, counts)
        for v in node.get("$defs", {}).values():
            _ref_counts(v, counts)
    elif isinstance(node, list):
        for v in node:
            _ref_counts(v, counts)
    return counts


def _non_null(node: dict[str, Any]) -> dict[str, Any]:
    """The schema without its ``or null`` alternative."""
    alts = node.get("anyOf")
    if alts:
        rest = [a for a in alts if a.get("type") != "null"]
        if len(rest) == 1:
            return rest[0]
    return node


def _enum(node: dict[str, Any]) -> list[Any] | None:
    values = node.get("enum")
    if values is None and "const" in node:
        values = [node["const"]]
    return values


def _shape(doc: _Doc, node: dict[str, Any], stack: tuple[str, ...] = ()) -> str:
    """The inside of a field: `` {a, b}``, `` [{a}]``, `` (x|y)`` or nothing for a scalar."""
    node = _non_null(node)
    key, target = doc.resolve(node)
    if key is not None:
        if not target:
            return " <JSON Schema>"
        if key in doc.outputs and doc.name != "show":
            return f" <{doc.outputs[key]} object>"
        if key in stack:
            return " [...]" if target.get("type") == "array" else " {...}"
        label = f" {key}" if doc.uses.get(key, 0) > 1 else ""
        if key in doc.spelt and label:
            return label
        doc.spelt.add(key)
        return label + _shape(doc, target, (*stack, key))
    if node.get("type") == "array" or "items" in node:
        inner = _shape(doc, node.get("items", {}), stack).strip()
        return f" [{inner}]" if inner else ""
    if "anyOf" in node:  # a union of objects (requirement kinds, path-to | path-from)
        kinds = [k for k in (_shape(doc, alt, stack).strip() for alt in node["anyOf"]) if k]
        return " " + " | ".join(kinds) if kinds else ""
    if "properties" in node:
        return " {" + ", ".join(_field(doc, f, s, stack) for f, s in node["properties"].items()) + "}"
    if isinstance(node.get("additionalProperties"), dict):
        inner = _shape(doc, node["additionalProperties"], stack).strip()
        return " {key: " + (inner or "value") + "}"
    values = _enum(node)
    if values is not None and 1 < len(values) <= MAX_ENUM:
        return " (" + "|".join("null" if v is None else str(v) for v in values) + ")"
    return ""


def _field(doc: _Doc, name: str, node: dict[str, Any], stack: tuple[str, ...]) -> str:
    values = _enum(node)
    if values is not None and len(values) == 1 and isinstance(values[0], str):
        return f"{name}={values[0]}"  # a discriminator, such as a requirement's kind
    return name + _shape(doc, node, stack)


def summary(name: str) -> str:
    """The whole output in one brace expression, wrapped at ``WIDTH`` columns."""
    doc = _Doc(name)
    text = _shape(doc, {k: v for k, v in doc.root.items() if k != "$defs"}).strip()
    return "\n".join(textwrap.wrap(text, WIDTH, break_on_hyphens=False, break_long_words=False))


def _type_words(doc: _Doc, node: dict[str, Any]) -> str:
    nullable = node is not _non_null(node)
    node = _non_null(node)
    key, target = doc.resolve(node)
    if key is not None:
        node = target
    values = _enum(node)
    if values is not None and len(values) == 1:
        words = f"`{values[0]}`"
    elif values is not None:
        words = "one of " + ", ".join("null" if v is None else f"`{v}`" for v in values)
        nullable = nullable and None not in values
    elif node.get("type") == "array":
        item = _non_null(node.get("items", {}))
        ikey, itarget = doc.resolve(item)
        it = itarget.get("type", "value") if ikey else item.get("type", "value")
        words = f"list of {'objects' if it == 'object' else it + 's'}"
    elif "anyOf" in node and all(set(a) == {"type"} for a in node["anyOf"]):  # scalars: text or integer
        words = " or ".join(_type_words(doc, a) for a in node["anyOf"])
    elif "anyOf" in node:
        words = "one of several objects"
    else:
        words = {"string": "text", "integer": "integer", "number": "number", "boolean": "true/false"}.get(
            node.get("type", ""), node.get("type", "value")
        )
    return words + (" or null" if nullable else "")


def table(name: str) -> str:
    """A Markdown table of the output's top-level fields (of each item, for a list)."""
    doc = _Doc(name)
    node = doc.root
    if node.get("type") == "array":
        node = doc.resolve(node["items"])[1]
    if "properties" not in node:
        raise ValueError(f"{name} is not one object (or a list of one kind of object): give a table of each part")
    rows = ["| field | type | meaning and contents |", "|---|---|---|"]
    for field, sub in node["properties"].items():
        inner = _non_null(sub)
        desc = sub.get("description") or inner.get("description") or ""
        key, target = doc.resolve(inner)
        if key is not None and not desc:
            desc = target.get("description", "")
        shape = _shape(doc, sub).strip()
        if shape.startswith("(") and shape.endswith(")"):
            shape = ""  # the type column already lists the values
        contents = "; ".join(p for p in (desc, f"`{shape}`" if shape else "") if p)
        words = _type_words(doc, sub) + ("" if field in node.get("required", []) else "; may be absent")
        rows.append(f"| `{field}` | {words} | {_cell(contents)} |")
    return "\n".join(rows)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def block(name: str) -> str:
    """A summary as a fenced block, for the README."""
    return "```text\n" + summary(name) + "\n```\n"


def names() -> str:
    """The names ``certplan schema NAME`` takes, as inline code."""
    from certplan.contract import OUTPUTS

    return ", ".join(f"`{n}`" for n in OUTPUTS)


def contract_tables() -> str:
    """The README's "JSON contract" tables: one per output (a list's table describes each item)."""
    from certplan.contract import OUTPUTS

    parts = []
    for name, out in OUTPUTS.items():
        root = schema(name)
        if "anyOf" in root:
            kinds = " or ".join(f"`{k}`" for k in OUTPUTS if k.startswith(name + "-"))
            parts.append(f"#### `{name}`\n\n`{out.title}`: {kinds}, by the option given.\n")
            continue
        item = root.get("items", {}).get("$ref", "").rsplit("/", 1)[-1]
        whole = [n for n, o in OUTPUTS.items() if o.type == item and n != name]
        if whole:
            parts.append(f"#### `{name}`\n\n`{out.title}`: a list of `{whole[0]}` objects.\n")
            continue
        each = "; a list, each item:" if root.get("type") == "array" else ":"
        parts.append(f"#### `{name}`\n\n`{out.title}`{each}\n\n{table(name)}\n")
    return "\n".join(parts)


def title(name: str) -> str:
    from certplan.contract import OUTPUTS

    return OUTPUTS[name].title
