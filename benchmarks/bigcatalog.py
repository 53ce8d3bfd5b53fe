"""A large catalog (default 5,000 credentials) made from the shipped one: cold and warm times and memory.

Each generated credential is a copy of a shipped one under a new code (e.g. CPC-G0042), so the
catalog stays valid and realistic in size. Prints, next to issue 17's targets:
- cold `catalog validate` and the first `list --json` (YAML parse, validation, cache build): <= 5 s, <= 400 MB;
- warm `list --json` (median of RUNS): <= 0.5 s;
- a TAB on a credential code there, as a ratio to `python -c pass`: <= 5x (same as on the shipped catalog).
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


CPU: list[float] = []


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(seconds, peak RSS MB) of one child process; its CPU seconds (user + system) go to CPU[-1]."""
    code = (
        "import resource,subprocess,sys,time;t=time.perf_counter();"
        "p=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.PIPE);"
        "d=time.perf_counter()-t;r=resource.getrusage(resource.RUSAGE_CHILDREN);"
        "sys.stdout.write(f'{d} {r.ru_maxrss/1024} {p.returncode} {r.ru_utime+r.ru_stime}')"
    )
    out = subprocess.run([sys.executable, "-c", code, *cmd], env=env, capture_output=True, text=True, check=True)
    secs, mb, rc, cpu = out.stdout.split()
    if rc != "0":
        raise SystemExit(f"command failed ({rc}): {' '.join(cmd)}")
    CPU.append(float(cpu))
    return float(secs), float(mb)


def line(label: str, secs: float, mb: float | None, t_secs: float, t_mb: float | None, cpu: float) -> bool:
    """Wall time is printed, CPU time (user + system) judged: on a shared machine wall time is mostly waiting."""
    ok = cpu <= t_secs and (t_mb is None or mb is None or mb <= t_mb)
    mem = f", peak {mb:5.0f} MB" if mb is not None else ""
    tgt = f"<= {t_secs:g} s" + (f", <= {t_mb:g} MB" if t_mb else "")
    print(f"{label:40} cpu {cpu:6.2f} s (wall {secs:6.2f} s){mem}   target {tgt}: {'yes' if ok else 'NO'}", flush=True)
    return ok


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="certplan-big-"))
    big = tmp / "big.yaml"
    t = time.perf_counter()
    make(big, COUNT)
    print(f"generated {COUNT} credentials, {big.stat().st_size / 1e6:.1f} MB of YAML in {time.perf_counter() - t:.1f} s")
    certplan = shutil.which("certplan") or str(Path(sys.executable).parent / "certplan")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CERTPLAN_")}
    env["CERTPLAN_CACHE_DIR"] = str(tmp / "cache")
    env["CERTPLAN_CONFIG_DIR"] = str(tmp / "config")
    oks = []
    secs, mb = run([certplan, "catalog", "validate", str(big)], env)
    oks.append(line("cold: catalog validate", secs, mb, 5, 400, CPU[-1]))
    cmd = [certplan, "list", "--json", "--catalog", str(big)]
    secs, mb = run(cmd, env)
    oks.append(line("cold: first list --json (empty cache)", secs, mb, 5, 400, CPU[-1]))
    later = [run(cmd, env) for _ in range(RUNS)]
    oks.append(line(f"warm: list --json (median of {RUNS})", statistics.median(s for s, _ in later),
                    max(m for _, m in later), 0.5, None, statistics.median(CPU[-RUNS:])))
    tab_env = {**env, "CERTPLAN_CATALOG": str(big), "_CERTPLAN_COMPLETE": "complete_bash",
               "COMP_WORDS": "certplan show CPC-G00", "COMP_CWORD": "2"}
    ts, bs = [], []
    for _ in range(max(RUNS, 5)):
        bs.append(run([sys.executable, "-c", "pass"], env)[0])
        ts.append(run([certplan], tab_env)[0])
    ratio = statistics.median(ts) / statistics.median(bs)
    ok = ratio <= 5
    print(f"{'warm: TAB on a code (ratio to python -c pass)':44} {ratio:6.1f} x   target <= 5x: {'yes' if ok else 'NO'}")
    oks.append(ok)
    shutil.rmtree(tmp, ignore_errors=True)
    if not all(oks):
        sys.exit(1)


if __name__ == "__main__":
    main()
