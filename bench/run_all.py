"""Run every benchmark script in bench/ (``make bench``); figures go to docs/BENCHMARKS.md by hand."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
HELPERS = {"stance_data.py"}  # modules the scripts import, not benchmarks


def main() -> int:
    failed = 0
    for script in sorted(HERE.glob("*.py")):
        if script.name in {"run_all.py", "__init__.py", *HELPERS} or script.name.startswith("_"):
            continue
        print(f"== {script.name}", flush=True)
        rc = subprocess.call([sys.executable, str(script)])
        if rc != 0:
            print(f"!! {script.name} exited {rc}", file=sys.stderr)
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
