"""Startup benchmark: `litcli --help` vs `python -c "import click"`.

Run:  .venv/bin/python bench/startup.py [--runs 30]

Each command is run repeatedly as a fresh subprocess (hyperfine is not
assumed); the medians and their ratio are printed, with a line to paste into
docs/BENCHMARKS.md.  Target (issue 2): ratio <= 1.3.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

TARGET = 1.3


def median_seconds(cmd: list[str], runs: int, env: dict[str, str]) -> float:
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=True)  # warm the OS cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    python = sys.executable
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="0")
    baseline_cmd = [python, "-c", "import click"]
    litcli_cmd = [python, "-m", "litcli", "--help"]
    script = Path(python).with_name("litcli")
    if script.exists():
        litcli_cmd = [str(script), "--help"]
    # interleave to spread machine noise over both
    base, lit = [], []
    for _ in range(3):
        base.append(median_seconds(baseline_cmd, max(1, args.runs // 3), env))
        lit.append(median_seconds(litcli_cmd, max(1, args.runs // 3), env))
    b, m = statistics.median(base), statistics.median(lit)
    ratio = m / b
    print(f"python -c 'import click': median {b * 1000:.1f} ms")
    print(f"{' '.join(Path(c).name if i == 0 else c for i, c in enumerate(litcli_cmd))}: median {m * 1000:.1f} ms")
    print(f"ratio {ratio:.2f}x (target <= {TARGET}x): {'OK' if ratio <= TARGET else 'TOO SLOW'}")
    print()
    print(
        f"| `litcli --help` startup | {m * 1000:.0f} ms vs {b * 1000:.0f} ms for `python -c \"import click\"` "
        f"= **{ratio:.2f}x** (target <= {TARGET}x) | median of {args.runs} runs, Python "
        f"{platform.python_version()}, {platform.system()} | `python bench/startup.py` |"
    )
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
