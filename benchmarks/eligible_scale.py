"""Does `eligible` spend time linear in the catalog's size?  In-process, so YAML parsing is not measured.

Builds catalogs of N copies of the shipped current credentials (new codes, same rules) and times
`eligibility.evaluate_all` for one person with a held credential, at each size.  Prints seconds, microseconds
per credential and the growth factor between sizes; linear time keeps microseconds per credential flat
(a quadratic engine doubles it with every doubling).  Exits 1 when the largest size costs more than twice
as much per credential as the smallest.
Usage: python benchmarks/eligible_scale.py [SIZES...]   (default 625 1250 2500 5000)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from certplan.catalog.loader import load_catalog  # noqa: E402
from certplan.core import eligibility  # noqa: E402
from certplan.core.person import build  # noqa: E402


def catalog_of(base, size: int):
    current = [c for c in base.credentials if c.status == "current"]
    creds = list(base.credentials)
    i = 0
    while len(creds) < size:
        c = current[i % len(current)]
        creds.append(c.model_copy(update={"code": f"{c.code}-G{i:05d}", "aliases": []}))
        i += 1
    return base.model_copy(update={"credentials": creds})


def main() -> int:
    sizes = [int(a) for a in sys.argv[1:]] or [625, 1250, 2500, 5000]
    base = load_catalog(ROOT / "data" / "certifications.yaml")
    rows = []
    for n in sizes:
        cat = catalog_of(base, n)
        person = build(cat, [("bench", {"held": ["CPC"], "experience_years": 2})]).person
        best = float("inf")
        for _ in range(3):
            t = time.perf_counter()
            out = eligibility.evaluate_all(cat, person)
            best = min(best, time.perf_counter() - t)
        rows.append((n, len(out), best))
    print(f"{'credentials':>12} {'answered':>9} {'seconds':>9} {'us/credential':>14}")
    for n, k, s in rows:
        print(f"{n:>12,} {k:>9,} {s:>9.3f} {s / k * 1e6:>14.1f}")
    first, last = rows[0][2] / rows[0][1], rows[-1][2] / rows[-1][1]
    growth = last / first
    print(f"cost per credential, largest vs smallest: {growth:.2f}x (linear: about 1x; target <= 2x)")
    return 0 if growth <= 2 else 1


if __name__ == "__main__":
    raise SystemExit(main())
