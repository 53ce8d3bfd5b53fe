"""Time catalog.rules.catalog_on: the view of the catalog with only the rules in force on a day.

Prints, for the shipped catalog and for a copy scaled up to COUNT credentials (every copy of RHIA keeps its
dated RHIT-proviso pathway): the first view on a day (built), a repeated view (cached) and a view on a new
day each time (built again). Target: a built view well under 1 ms per 100 credentials, a cached one ~1 us.
Usage: python benchmarks/catalog_on.py [COUNT]
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 5000


def timed(fn, runs: int = 20) -> float:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return statistics.median(out)


def main() -> None:
    from certplan.catalog.loader import load_catalog
    from certplan.catalog.rules import catalog_on

    cat = load_catalog(ROOT / "data" / "certifications.yaml")
    base = list(cat.credentials)
    big = cat.model_copy(
        update={
            "credentials": [
                c.model_copy(update={"code": f"{c.code}-G{i}"}) for i in range(COUNT // len(base) + 1) for c in base
            ][:COUNT]
        }
    )
    for name, c in (("shipped", cat), (f"{COUNT} credentials", big)):
        days = iter(dt.date(2000, 1, 1) + dt.timedelta(days=i) for i in range(10_000))
        first = timed(lambda c=c, days=days: catalog_on(c, next(days)), runs=20)
        day = dt.date(2026, 11, 27)
        catalog_on(c, day)
        cached = timed(lambda c=c, day=day: catalog_on(c, day), runs=1000)
        print(
            f"{name:>18} ({len(c.credentials)} credentials): built {first * 1e3:.2f} ms, cached {cached * 1e6:.2f} us"
        )


if __name__ == "__main__":
    main()
