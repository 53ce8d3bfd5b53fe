"""Start-up benchmark: median wall time of certplan commands as a ratio to `python -c pass`.

Runs each command N times (default 15), alternating with bare Python in the same loop so both
see the same machine load, after two warm-up runs (which also fill the catalog cache).
Prints one line per figure with its target. Usage: python benchmarks/startup.py [N]
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 15
PY = sys.executable
CERTPLAN = shutil.which("certplan") or os.path.join(os.path.dirname(PY), "certplan")

CASES = [
    ("certplan show CPC --json", [CERTPLAN, "show", "CPC", "--json"], {}, 10.0),
    ("certplan --help", [CERTPLAN, "--help"], {}, 8.0),
    (
        "TAB: certplan show C<TAB> (bash)",
        [CERTPLAN],
        {"_CERTPLAN_COMPLETE": "complete_bash", "COMP_WORDS": "certplan show C", "COMP_CWORD": "2"},
        7.0,
    ),
    (
        "TAB: certplan recommend --focus c<TAB> (bash)",
        [CERTPLAN],
        {"_CERTPLAN_COMPLETE": "complete_bash", "COMP_WORDS": "certplan recommend --focus c", "COMP_CWORD": "3"},
        7.0,
    ),
    ("certplan compare CPC CCS (table, to a pipe)", [CERTPLAN, "compare", "CPC", "CCS"], {}, 15.0),
    ("certplan list --json", [CERTPLAN, "list", "--json"], {}, None),
    ("certplan eligible --experience 2 --json", [CERTPLAN, "eligible", "--experience", "2", "--json"], {}, None),
]


def once(cmd, env) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t


def main() -> None:
    cache = tempfile.mkdtemp(prefix="certplan-bench-cache-")
    base_env = {k: v for k, v in os.environ.items() if not k.startswith("CERTPLAN_")}
    base_env["CERTPLAN_CACHE_DIR"] = cache
    base_env["CERTPLAN_CONFIG_DIR"] = tempfile.mkdtemp(prefix="certplan-bench-cfg-")
    print(f"python {sys.version.split()[0]}, {N} runs each, cache {cache}")
    print(f"{'command':48} {'median ms':>10} {'x python':>9} {'target':>7}  ok")
    results = []
    for label, cmd, extra, target in CASES:
        env = {**base_env, **extra}
        for _ in range(2):
            once(cmd, env)
        ts, bs = [], []
        for _ in range(N):
            bs.append(once([PY, "-c", "pass"], base_env))
            ts.append(once(cmd, env))
        ratio = statistics.median(ts) / statistics.median(bs)
        ok = "" if target is None else ("yes" if ratio <= target else "NO")
        tgt = "-" if target is None else f"{target:g}x"
        print(f"{label:48} {statistics.median(ts) * 1000:10.1f} {ratio:8.1f}x {tgt:>7}  {ok}")
        results.append((label, ratio, target))
    print(f"bare python median: {statistics.median(bs) * 1000:.1f} ms")
    shutil.rmtree(cache, ignore_errors=True)
    if any(t is not None and r > t for _, r, t in results):
        sys.exit(1)


if __name__ == "__main__":
    main()
