"""Numbers typed on the command line are finite and of a sane length.

Click's FLOAT type accepts ``nan``, ``inf`` and ``1e999``, and a range check lets NaN through
(every comparison with NaN is false): ``eligible --experience nan`` counted as no experience and
``recommend --budget nan`` ran.  INT accepts 4,000 digits and echoes them all in its error.  This
module tightens both types once, for every option of every command (exit 2, the usage error),
so no command can forget.  Imported by cli/common.py.
"""

import math

from typer._click import types as _types

MAX_INT_DIGITS = 18
_installed: list[bool] = []


def _short(value: object) -> str:
    s = str(value)
    return repr(s if len(s) <= 24 else s[:20] + "...")


def install() -> None:
    if _installed:
        return
    _installed.append(True)
    float_convert = _types.FloatParamType.convert
    int_convert = _types.IntParamType.convert

    def convert_float(self, value, param, ctx):
        if isinstance(value, str) and len(value.strip()) > 40:
            self.fail(f"{_short(value)} is not a number of a sensible size.", param, ctx)
        rv = float_convert(self, value, param, ctx)
        if isinstance(rv, float) and not math.isfinite(rv):
            self.fail(f"{_short(value)} is not a finite number.", param, ctx)
        return rv

    def convert_int(self, value, param, ctx):
        if isinstance(value, str) and len(value.strip().lstrip("+-")) > MAX_INT_DIGITS:
            self.fail(f"{_short(value)} is not a whole number of a sensible size.", param, ctx)
        return int_convert(self, value, param, ctx)

    _types.FloatParamType.convert = convert_float
    _types.IntParamType.convert = convert_int


install()
