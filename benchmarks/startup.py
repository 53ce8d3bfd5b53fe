"""Start-up benchmark: median wall time of certplan commands as a ratio to `python -c pass`.

Every command of issue 17's targets, warm (cache filled by two warm-up runs) and, for a few,
first runs (an empty cache directory each time). Each command's runs alternate with bare Python
in the same loop so both see the same machine load; the ratio is of the medians.
Prints one line per figure with its target. Usage: python benchmarks/startup.py [N] [FILTER]
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
FILTER = sys.argv[2] if len(sys.argv) > 2 else ""
PY = sys.executable
CERTPLAN = shutil.which("certplan") or os.path.join(os.path.dirname(PY), "certplan")
TAB = {"_CERTPLAN_COMPLETE": "complete_bash", "COMP_WORDS": "certplan show C", "COMP_CWORD": "2"}
TAB_FOCUS = {"_CERTPLAN_COMPLETE": "complete_bash", "COMP_WORDS": "certplan recommend --focus c", "COMP_CWORD": "3"}

# (label, argv, extra env, target ratio, first run?)
CASES = [
    ("certplan --help", ["--help"], {}, 5.0, False),
    ("certplan show CPC --json", ["show", "CPC", "--json"], {}, 5.0, False),
    ("TAB: certplan show C<TAB> (bash)", [], TAB, 5.0, False),
    ("TAB: certplan recommend --focus c<TAB> (bash)", [], TAB_FOCUS, 5.0, False),
    ("certplan show CPC", ["show", "CPC"], {}, 8.0, False),
    ("certplan list", ["list"], {}, 8.0, False),
    ("certplan list --json", ["list", "--json"], {}, 8.0, False),
    ("certplan compare CPC CCS", ["compare", "CPC", "CCS"], {}, 8.0, False),
    ("certplan eligible --experience 2 --json", ["eligible", "--experience", "2", "--json"], {}, 12.0, False),
    ("certplan plan CPC --json", ["plan", "CPC", "--json"], {}, 12.0, False),
    ("certplan cost CPC --json", ["cost", "CPC", "--json"], {}, 12.0, False),
    ("certplan path --to RHIA --json", ["path", "--to", "RHIA", "--json"], {}, 12.0, False),
    ("certplan salary CPC --json", ["salary", "CPC", "--json"], {}, 12.0, False),
    ("certplan recommend --json", ["recommend", "--json"], {}, 12.0, False),
    ("first run: certplan show CPC --json", ["show", "CPC", "--json"], {}, 25.0, True),
    ("first run: certplan list", ["list"], {}, 25.0, True),
    ("first run: certplan eligible --experience 2", ["eligible", "--experience", "2"], {}, 25.0, True),
]


def once(cmd, env) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t


def main() -> None:
    root = tempfile.mkdtemp(prefix="certplan-bench-")
    base_env = {k: v for k, v in os.environ.items() if not k.startswith("CERTPLAN_")}
    base_env["CERTPLAN_CACHE_DIR"] = os.path.join(root, "cache")
    base_env["CERTPLAN_CONFIG_DIR"] = os.path.join(root, "config")
    print(f"python {sys.version.split()[0]}, {N} runs each, cache {base_env['CERTPLAN_CACHE_DIR']}")
    print(f"{'command':48} {'median ms':>10} {'x python':>9} {'target':>7}  ok")
    results = []
    bare_all = []
    for label, args, extra, target, first in CASES:
        if FILTER and FILTER not in label:
            continue
        env = {**base_env, **extra}
        cmd = [CERTPLAN, *args]
        if not first:
            for _ in range(2):
                once(cmd, env)
        ts, bs = [], []
        for i in range(N):
            bs.append(once([PY, "-c", "pass"], base_env))
            if first:
                env = {**env, "CERTPLAN_CACHE_DIR": os.path.join(root, f"cold-{len(results)}-{i}")}
            ts.append(once(cmd, env))
        bare_all += bs
        ratio = statistics.median(ts) / statistics.median(bs)
        ok = "yes" if ratio <= target else "NO"
        print(f"{label:48} {statistics.median(ts) * 1000:10.1f} {ratio:8.1f}x {target:6g}x  {ok}", flush=True)
        results.append((label, ratio, target))
    if bare_all:
        print(f"bare python median: {statistics.median(bare_all) * 1000:.1f} ms")
    shutil.rmtree(root, ignore_errors=True)
    if any(r > t for _, r, t in results):
        sys.exit(1)


if __name__ == "__main__":
    main()
