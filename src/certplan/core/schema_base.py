"""Building blocks of the JSON Schemas (draft 2020-12), shared by every schema module."""

from __future__ import annotations

from typing import Any

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _t(*types: str) -> dict[str, Any]:
    return {"type": list(types) if len(types) > 1 else types[0]}


STR = _t("string")
NSTR = _t("string", "null")
NUM = _t("number")
NNUM = _t("number", "null")
INT = _t("integer")
NINT = _t("integer", "null")
BOOL = _t("boolean")
NBOOL = _t("boolean", "null")
DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
NDATE = {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"}


def arr(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": items}


def obj(
    props: dict[str, Any], required: list[str] | None = None, nullable: bool = False, **extra: Any
) -> dict[str, Any]:
    """An object whose listed properties are all required unless ``required`` says otherwise."""
    return {
        "type": ["object", "null"] if nullable else "object",
        "properties": props,
        "required": list(props) if required is None else required,
        **extra,
    }
