"""Building blocks of the typed JSON contracts.

Every JSON output is a ``TypedDict`` (the shape of the plain dicts the code already builds), closed with
``__pydantic_config__ = CLOSED`` so the generated JSON Schema has ``additionalProperties: false``.
Descriptions, patterns and other schema keywords ride along as :class:`Doc` metadata in ``Annotated``.

Nothing here imports pydantic: the types can be read (field names for ``--fields``) without it, and
:mod:`certplan.contract.generate` imports pydantic only when a schema is asked for.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Optional

from typing_extensions import NotRequired, TypedDict  # pydantic needs typing_extensions' TypedDict on 3.10/3.11

from certplan.catalog import vocab

__all__ = [
    "Annotated",
    "Any",
    "CLOSED",
    "Doc",
    "Literal",
    "NotRequired",
    "Optional",
    "TypedDict",
    "Date",
    "SchemaVersion",
    "OptDate",
    "Url",
    "Status",
    "Level",
    "Setting",
    "Focus",
    "EducationLevel",
    "ProgramLevel",
    "ExperienceKind",
    "EligibilityStatus",
    "SourceKind",
    "Statistic",
    "BasisRule",
]

CLOSED: dict[str, Any] = {"extra": "forbid"}  # a pydantic ConfigDict (itself a TypedDict, so a plain dict will do)

DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


class Doc:
    """JSON Schema keywords (``description`` first) added to a field's generated schema (or ``replace`` it)."""

    def __init__(self, description: str | None = None, *, replace: dict[str, Any] | None = None, **keywords: Any):
        self.keywords = dict(keywords)
        self.replace = replace
        if description:
            self.keywords["description"] = description

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict[str, Any]:
        schema = dict(self.replace) if self.replace is not None else handler(core_schema)
        if "$ref" in schema and len(schema) == 1:
            schema = {"allOf": [schema]}
        schema.update(self.keywords)
        return schema

    def __repr__(self) -> str:
        return f"Doc({self.keywords!r})"


Date = Annotated[str, Doc(pattern=DATE_PATTERN)]
OptDate = Annotated[Optional[str], Doc(pattern=DATE_PATTERN)]
Url = Annotated[Optional[str], Doc("URL of the source")]

SchemaVersion = Annotated[Literal[1], Doc("the contract's version; fields are only ever added")]

Status = Literal[vocab.STATUSES]
Level = Literal[vocab.LEVELS]
Setting = Literal[vocab.SETTINGS]
Focus = Literal[vocab.FOCUS]
EducationLevel = Literal[vocab.EDUCATION_LEVELS]
ProgramLevel = Literal[vocab.PROGRAM_LEVELS]
ExperienceKind = Literal[vocab.EXPERIENCE_KINDS]
EligibilityStatus = Literal["held", "eligible", "apprentice", "not-eligible"]
SourceKind = Literal["official", "third-party"]
BasisRule = Annotated[
    Literal[
        "asked",
        "member-already",
        "required-to-sit",
        "same-cost",
        "lower-first-year",
        "only-known",
        "required-to-keep",
        "none-known",
    ],
    Doc("the rule that chose the fee basis (basis_reason says it in words)"),
]
Statistic = Literal["median", "mean", "pct10", "pct25", "pct75", "pct90"]
