"""Generate ``catalog/records.py`` from the pydantic models: one source for both.

The runtime records are what every command's core works on: plain ``__slots__`` classes with the
same names and attributes as the models in ``catalog/models.py``, built from the validated JSON
cache with stdlib ``json`` (no pydantic import on a warm run).  After changing a model, run::

    python -m certplan.catalog.records_gen

``tests/test_records.py`` fails while records.py differs from what this prints.
"""

from __future__ import annotations

import sys
import typing
from pathlib import Path
from typing import Any

HEADER = '''"""Runtime records of the catalog: GENERATED from catalog/models.py; do not edit by hand.

Regenerate with ``python -m certplan.catalog.records_gen`` after changing a model
(tests/test_records.py checks that this file is in step).  See catalog/records_base.py.
"""

# ruff: noqa
from certplan.catalog.records_base import Record, build, from_json, register_models  # noqa: F401
from certplan.catalog.vocab import (  # noqa: F401
    EDUCATION_LEVELS,
    EXPERIENCE_KINDS,
    FOCUS,
    LEVELS,
    PROGRAM_LEVELS,
    SETTINGS,
    STATUSES,
)

'''


def _origin_model(tp: Any):
    """The model class of ``tp`` (a generic model's origin), or None."""
    from pydantic import BaseModel

    if isinstance(tp, type) and issubclass(tp, BaseModel):
        meta = getattr(tp, "__pydantic_generic_metadata__", None) or {}
        return meta.get("origin") or tp
    return None


def _spec(tp: Any) -> Any:
    """How a field's JSON becomes records: None (plain JSON), a class name, ["list", spec] or ["kind", {...}]."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _spec(typing.get_args(tp)[0])
    model = _origin_model(tp)
    if model is not None:
        return model.__name__
    if origin in (list, tuple):
        args = typing.get_args(tp)
        inner = _spec(args[0]) if args else None
        return None if inner is None else ["list", inner]
    if origin is typing.Union or (sys.version_info >= (3, 10) and origin is __import__("types").UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        specs = [_spec(a) for a in args]
        models = [s for s in specs if s is not None]
        if not models:
            return None
        if len(models) == 1 and len(specs) == 1:
            return models[0]
        if all(isinstance(s, str) for s in models) and len(models) == len(specs):
            from certplan.catalog import models as m

            by_kind = {}
            for name in models:
                kind = getattr(m, name).model_fields["kind"].annotation
                (value,) = typing.get_args(kind)
                by_kind[value] = name
            return ["kind", by_kind]
        raise TypeError(f"cannot describe {tp!r} for the runtime records")
    return None


def _default(info: Any) -> str:
    from pydantic_core import PydanticUndefined

    if info.default_factory is not None:
        return repr(info.default_factory())
    if info.default is PydanticUndefined:
        return "REQUIRED"
    return repr(info.default)


def source() -> str:
    from pydantic import BaseModel

    from certplan.catalog import models as m

    classes = []
    for name, obj in vars(m).items():
        if isinstance(obj, type) and issubclass(obj, BaseModel) and obj.__module__ == m.__name__:
            if "[" in name:
                continue
            classes.append(obj)
    out = [HEADER, "from certplan.catalog.records_base import REQUIRED  # noqa: E402\n\n"]
    for cls in classes:
        fields = cls.model_fields
        shape = {}
        for fname, info in fields.items():
            s = _spec(info.annotation)
            if s is not None:
                shape[fname] = s
        bases = [b.__name__ for b in cls.__bases__ if b.__module__ == m.__name__ and b in classes] or ["Record"]
        out.append(f"\nclass {cls.__name__}({', '.join(bases)}):\n")
        defaults = ", ".join(f"{f!r}: {_default(i)}" for f, i in fields.items())
        out.append(f"    model_fields = {{{defaults}}}\n")
        out.append(f"    _shape = {shape!r}\n\n")
    names = ", ".join(f"{c.__name__!r}: {c.__name__}" for c in classes)
    out.append(f"\nCLASSES = {{{names}}}\n")
    return "".join(out)


def target() -> Path:
    return Path(__file__).with_name("records.py")


if __name__ == "__main__":  # pragma: no cover
    target().write_text(source(), encoding="utf-8")
    print(f"wrote {target()}")
