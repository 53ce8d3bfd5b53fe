"""Make a large catalog (default 5,000 credentials) from the shipped one, and time `list --json` on it.

Each generated credential is a copy of a shipped one under a new code (e.g. CPC-G0042), so the
catalog stays valid and realistic in size. Prints the first run (cold: YAML parse + validation +
cache build) and the median of later runs, with peak memory, next to the targets.
Usage: python benchmarks/bigcatalog.py [COUNT] [RUNS]
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 5


def make(path: Path, count: int) -> None:
    data = yaml.load((ROOT / "data" / "certifications.yaml").read_text(), Loader=yaml.CSafeLoader)
    base = [c for c in data["credentials"] if c["status"] == "current"]
    out = list(data["credentials"])
    i = 0
    while len(out) < count:
        c = dict(base[i % len(base)])
        c["code"] = f"{c['code']}-G{i:04d}"
        c["aliases"] = []
        out.append(c)
        i += 1
    data["credentials"] = out

    class Dumper(yaml.CSafeDumper):
        def ignore_aliases(self, _data):
            return True

    path.write_text(yaml.dump(data, Dumper=Dumper, sort_keys=False, allow_unicode=True))


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(seconds, peak RSS MB) of one child process."""
    code = (
        "import resource,subprocess,sys,time;t=time.perf_counter();"
        "p=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.PIPE);"
        "d=time.perf_counter()-t;"
        "sys.stdout.write(f'{d} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024} {p.returncode}')"
    )
    out = subprocess.run([sys.executable, "-c", code, *cmd], env=env, capture_output=True, text=True, check=True)
    secs, mb, rc = out.stdout.split()
    if rc != "0":
        raise SystemExit(f"command failed ({rc}): {' '.join(cmd)}")
    return float(secs), float(mb)


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="certplan-big-"))
    big = tmp / "big.yaml"
    t = time.perf_counter()
    make(big, COUNT)
    print(
        f"generated {COUNT} credentials, {big.stat().st_size / 1e6:.1f} MB of YAML in {time.perf_counter() - t:.1f} s"
    )
    certplan = shutil.which("certplan") or str(Path(sys.executable).parent / "certplan")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CERTPLAN_")}
    env["CERTPLAN_CACHE_DIR"] = str(tmp / "cache")
    cmd = [certplan, "list", "--json", "--catalog", str(big)]
    first, first_mb = run(cmd, env)
    later = [run(cmd, env) for _ in range(RUNS)]
    secs = statistics.median(s for s, _ in later)
    mb = max(m for _, m in later)
    print(f"first run (cold cache):  {first:6.2f} s, peak {first_mb:6.0f} MB")
    print(
        f"later runs (median of {RUNS}): {secs:6.2f} s (target <= 2 s: {'yes' if secs <= 2 else 'NO'}), "
        f"peak {mb:6.0f} MB (target <= 250 MB: {'yes' if mb <= 250 else 'NO'})"
    )
    shutil.rmtree(tmp, ignore_errors=True)
    if secs > 2 or mb > 250:
        sys.exit(1)


if __name__ == "__main__":
    main()
