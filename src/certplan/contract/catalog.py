"""catalog validate, catalog sources, catalog stale and schema itself."""

from __future__ import annotations

from typing import Annotated, Any, Literal, Optional

from typing_extensions import NotRequired, TypedDict

from certplan.contract.base import CLOSED, Doc, SchemaVersion, SourceKind


class Validate(TypedDict):
    """certplan catalog validate [FILE] --json"""

    __pydantic_config__ = CLOSED
    file: Annotated[str, Doc("the catalog file checked")]
    valid: Annotated[bool, Doc("false: problems says why (exit 3)")]
    problems: Annotated[list[str], Doc("one line per problem, file:line first")]
    credentials: NotRequired[Annotated[int, Doc("counts, only when valid")]]
    current_credentials: NotRequired[int]
    bodies: NotRequired[int]
    sources: NotRequired[int]
    occupations: NotRequired[int]


class SourceRow(TypedDict):
    __pydantic_config__ = CLOSED
    id: Annotated[str, Doc("the source's id in the catalog")]
    kind: SourceKind
    tier: Annotated[Literal[1, 2, 3], Doc("1 official page; 2 quotes an official page with its date; 3 other")]
    date: Annotated[str, Doc("the source's date: YYYY, YYYY-MM or YYYY-MM-DD", pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
    date_kind: Literal["stated", "checked"]
    facts: Annotated[int, Doc("how many facts cite it (in scope)")]
    url: str
    title: Optional[str]


Sources = Annotated[list[SourceRow], Doc("certplan catalog sources [CODE] --json")]


class StaleFact(TypedDict):
    __pydantic_config__ = CLOSED
    record: Annotated[str, Doc("the record that cites the source, e.g. credential CPC")]
    field: Annotated[str, Doc("the field path of the fact, or (record)")]
    date: Annotated[str, Doc(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
    kind: SourceKind
    url: str


Stale = Annotated[list[StaleFact], Doc("certplan catalog stale [--older-than AGE] --json")]

JSON_SCHEMA_DRAFT = "https://json-schema.org/draft/2020-12/schema"


class AllSchemas(TypedDict):
    """certplan schema [--json]: every output's JSON Schema, by name (certplan schema NAME prints one)."""

    __pydantic_config__ = CLOSED
    schema_version: SchemaVersion
    schemas: Annotated[
        dict[str, Annotated[dict[str, Any], Doc(replace={"$ref": JSON_SCHEMA_DRAFT})]],
        Doc("output name -> its JSON Schema (draft 2020-12)"),
    ]
