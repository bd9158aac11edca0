"""Shared rate budget benchmark (issue 12, item 3): four litcli processes at once.

Run:  .venv/bin/python bench/budget_bench.py [--procs 4] [--requests 10]

A loopback E-utilities server (tests/ncbi_server.py) records when each request arrives.
Each process (a fresh Python running EutilsClient.esearch in a loop; one litcli data dir
for all) sends ``--requests`` searches, without and then with an API key (3 and 10
requests/s).  Reported: the most requests in any one-second window at the server (must
not exceed the rate) and the span from the first to the last request against the
rate-limit floor, (requests - 1) / rate; the target is <= 1.15 x the floor.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TARGET = 1.15
KEY = "abcdef0123456789abcdef0123456789ab12"  # fake: the loopback server accepts any key
SCRIPT = """
import sys
from litcli.eutils import EutilsClient
with EutilsClient() as client:
    for i in range(int(sys.argv[1])):
        client.esearch(f"{sys.argv[2]} q{i}", usehistory=False)
"""


def run(procs: int, requests: int, key: str | None) -> tuple[int, float, float, float]:
    from tests.ncbi_server import NcbiServer, pubmed_article

    with NcbiServer(lambda p: Path(p)) as server, tempfile.TemporaryDirectory() as home:
        server.set_articles({"99000001": pubmed_article(99000001)})
        env = {k: v for k, v in os.environ.items() if not k.startswith(("NCBI_", "LITCLI_"))}
        env.update(LITCLI_HOME=home, LITCLI_EUTILS_URL=server.url, NCBI_EMAIL="bench@example.org",
                   PYTHONPATH=str(ROOT))
        if key:
            env["NCBI_API_KEY"] = key
        started = time.monotonic()
        children = [
            subprocess.Popen([sys.executable, "-c", SCRIPT, str(requests), f"p{i}"], env=env)
            for i in range(procs)
        ]
        codes = [child.wait() for child in children]
        wall = time.monotonic() - started
        if any(codes):
            raise SystemExit(f"a process failed: {codes}")
        times = sorted(h.time for h in server.hits())
    rate = 10 if key else 3
    worst = max(sum(1 for t in times if s <= t < s + 1.0) for s in times)
    floor = (len(times) - 1) / rate
    return worst, times[-1] - times[0], floor, wall


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--procs", type=int, default=4)
    parser.add_argument("--requests", type=int, default=10)
    args = parser.parse_args()
    failed = False
    for key in (None, KEY):
        rate = 10 if key else 3
        worst, span, floor, wall = run(args.procs, args.requests * (3 if key else 1), key)
        ratio = span / floor
        ok = worst <= rate and ratio <= TARGET
        failed |= not ok
        print(
            f"{args.procs} processes, {rate}/s: most in any second {worst} (limit {rate}); "
            f"first-to-last {span:.2f} s vs floor {floor:.2f} s = {ratio:.3f}x "
            f"(target <= {TARGET}x); wall with start-up {wall:.2f} s {'ok' if ok else 'MISSED'}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
