"""The base of the runtime records (catalog/records.py, generated from catalog/models.py).

Why records: every command's core works on catalog objects, and building them with pydantic
means importing pydantic (about 6x bare Python) and re-validating a catalog that was validated
when its cache was written.  A record has the same class name and attributes as its model and
the few model methods core uses (``model_fields``, ``model_dump``, ``model_copy``,
``model_construct``); it is built from the validated JSON cache with stdlib ``json``.

The rule for core/: import catalog types from ``certplan.catalog.records``, never from
``certplan.catalog.models``.  Each pydantic model is registered as a virtual subclass of its
record class (and of :class:`Record`), so ``isinstance(obj, EducationReq)`` holds for both a
record and a freshly validated model (tests and ``catalog validate`` pass models to core).
Stdlib only.
"""

from __future__ import annotations

import json
from abc import ABCMeta
from typing import Any


class _Required:
    __slots__ = ()

    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Any = _Required()
CLASSES: dict[str, type[Record]] = {}


class Record(metaclass=ABCMeta):  # noqa: B024 - ABCMeta for register(), not for abstract methods
    """A frozen plain object with ``model_fields`` (field -> default) and ``_shape`` (nested records).

    No ``__slots__``: records mirror the models' inheritance (mixins such as Sourced and Dated),
    which slots with several field-carrying bases cannot."""

    model_fields: dict[str, Any] = {}
    _shape: dict[str, Any] = {}

    def __init_subclass__(cls, **kw: Any) -> None:
        super().__init_subclass__(**kw)
        CLASSES[cls.__name__] = cls

    def __init__(self, **kw: Any) -> None:
        unknown = set(kw) - set(self.model_fields)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field(s) {', '.join(sorted(unknown))}")
        for name, default in self.model_fields.items():
            if name in kw:
                v = kw[name]
            elif default is REQUIRED:
                raise TypeError(f"{type(self).__name__} needs {name}")
            else:
                v = list(default) if isinstance(default, list) else default
            self.__dict__[name] = v

    @classmethod
    def model_construct(cls, **kw: Any) -> Record:
        return cls(**kw)

    def model_copy(self, *, update: dict[str, Any] | None = None, deep: bool = False) -> Record:
        new = object.__new__(type(self))
        new.__dict__.update(self.__dict__)
        new.__dict__.update(update or {})
        return new

    def model_dump(self, mode: str = "python", **_: Any) -> dict[str, Any]:
        return {name: _dump(getattr(self, name)) for name in self.model_fields}

    def __setattr__(self, name: str, value: Any) -> None:
        raise TypeError(f"{type(self).__name__} is frozen")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Record) or type(other).__name__ != type(self).__name__:
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f, None) for f in self.model_fields)

    def __hash__(self) -> int:
        return hash((type(self).__name__, *(getattr(self, f) for f in self.model_fields)))

    def __repr__(self) -> str:
        inner = ", ".join(f"{f}={getattr(self, f)!r}" for f in self.model_fields)
        return f"{type(self).__name__}({inner})"

    def __reduce__(self):
        return (build, (type(self).__name__, self.model_dump()))


def _dump(v: Any) -> Any:
    if isinstance(v, list):
        return [_dump(x) for x in v]
    if hasattr(v, "model_dump"):
        return v.model_dump()
    return v


def _convert(spec: Any, v: Any) -> Any:
    if v is None:
        return None
    if isinstance(spec, str):
        return build(spec, v)
    tag, inner = spec
    if tag == "list":
        return [_convert(inner, x) for x in v]
    # "kind": a discriminated union
    return build(inner[v["kind"]], v)


def build(name: str, data: dict[str, Any]) -> Record:
    """The record ``name`` from validated plain data (every field present, as model_dump gives it)."""
    cls = CLASSES[name]
    obj = object.__new__(cls)
    shape = cls._shape
    d = obj.__dict__
    for f, default in cls.model_fields.items():
        v = data[f] if f in data else (list(default) if isinstance(default, list) else default)
        spec = shape.get(f)
        if spec is not None and v is not None:
            v = _convert(spec, v)
        d[f] = v
    return obj


def from_json(payload: bytes | str) -> Record:
    """The Catalog record from the JSON that ``Catalog.model_dump_json()`` wrote (already validated)."""
    return build("Catalog", json.loads(payload))


def register_models(namespace: dict[str, Any]) -> None:
    """Make each pydantic model a virtual subclass of the record class with its name (see the module doc).

    Call it as ``certplan.catalog.records.register_models``: importing it from there defines the classes.
    """

    for name, cls in list(namespace.items()):
        if isinstance(cls, type) and name in CLASSES and hasattr(cls, "model_fields"):
            CLASSES[name].register(cls)
    strict = namespace.get("Strict")
    if strict is not None:
        Record.register(strict)
