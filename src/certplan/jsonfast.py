"""``json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False)``, byte for byte, about twice as fast.

With ``indent`` the standard library falls back to its pure-Python generator-based encoder; the
served views of a 5,000-credential catalog spent most of their build time there.  This writes
the same text with one recursive function and the C string encoder.  Anything it does not know
(a subclass, an unknown type) goes to ``json.dumps`` itself, so the output is always json's.
Stdlib only; tests/test_jsonfast.py checks the equality on generated data.
"""

from __future__ import annotations

import json
from typing import Any

try:
    from _json import encode_basestring as _enc  # the C encoder json uses with ensure_ascii=False
except ImportError:  # pragma: no cover
    from json.encoder import py_encode_basestring as _enc

_float_repr = float.__repr__
_int_repr = int.__repr__


def _float(o: float) -> str:
    if o != o:
        return "NaN"
    if o == float("inf"):
        return "Infinity"
    if o == -float("inf"):
        return "-Infinity"
    return _float_repr(o)


def dumps_indented(obj: Any) -> str:
    parts: list[str] = []
    add = parts.append

    def enc(o: Any, ind: str) -> None:
        t = type(o)
        if t is str:
            add(_enc(o))
        elif o is None:
            add("null")
        elif o is True:
            add("true")
        elif o is False:
            add("false")
        elif t is int:
            add(_int_repr(o))
        elif t is float:
            add(_float(o))
        elif t is dict:
            if not o:
                add("{}")
                return
            inner = ind + "  "
            sep = ",\n" + inner
            add("{\n" + inner)
            first = True
            for k, v in sorted(o.items()):
                if type(k) is not str:
                    raise _Fallback
                if not first:
                    add(sep)
                first = False
                add(_enc(k))
                add(": ")
                enc(v, inner)
            add("\n" + ind + "}")
        elif t is list or t is tuple:
            if not o:
                add("[]")
                return
            inner = ind + "  "
            sep = ",\n" + inner
            add("[\n" + inner)
            for i, v in enumerate(o):
                if i:
                    add(sep)
                enc(v, inner)
            add("\n" + ind + "]")
        else:
            raise _Fallback

    try:
        enc(obj, "")
    except (_Fallback, TypeError, RecursionError):
        return json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False)
    return "".join(parts)


class _Fallback(Exception):
    pass
