"""Claim-checker benchmark: `litcli check` on the seed article, cold and warm.

Run:  .venv/bin/python bench/check_bench.py [--runs 5] [--rate 3]

A loopback E-utilities server (tests/ncbi_server.py) serves the synthetic
records of tests/fixtures/claims (fake PMIDs); queries about telehealth or ECT
find nothing, so those claims are relaxed and the relaxations are counted.

- cold: empty library, client paced at --rate requests/s (NCBI's limit
  without a key is 3).  Expected requests = one esearch per checkable claim
  and per counted relaxation, less repeats of an identical query (answered
  from the search cache), + ceil(new records / 500) efetches.
- warm: the same command again (searches cached, records in the library);
  target <= 2 s end to end, measured as a fresh `litcli check` subprocess.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "examples" / "ketamine-article.txt"
TARGET_WARM_S = 2.0
EFETCH_BATCH = 500

sys.path.insert(0, str(ROOT))


def run_check(env: dict[str, str]) -> tuple[float, dict]:
    cmd = [sys.executable, "-m", "litcli", "check", str(SEED), "--format", "json", "-q"]
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, check=True)
    return time.perf_counter() - start, json.loads(proc.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="warm runs (median reported)")
    parser.add_argument("--rate", type=float, default=3.0, help="requests per second for the cold run")
    args = parser.parse_args()
    if not SEED.exists():
        print(f"seed article not found: {SEED}", file=sys.stderr)
        return 1

    from tests.fixtures.claims import fakes
    from tests.ncbi_server import NcbiServer

    with NcbiServer() as server, tempfile.TemporaryDirectory() as home:
        server.set_articles(fakes.articles())
        server.on_search('"Telemedicine"[MeSH]', [])
        server.on_search('"Electroconvulsive Therapy"[MeSH]', [])
        server.on_search('"Ambulatory Care"[MeSH]', [])  # the clinic/home claim is relaxed
        env = dict(
            os.environ,
            LITCLI_HOME=home,
            LITCLI_EUTILS_URL=server.url,
            NCBI_EMAIL="bench@example.org",
            LITCLI_REQUESTS_PER_SECOND=str(args.rate),
        )
        cold_s, doc = run_check(env)
        checkable = sum(1 for c in doc["claims"] if c["checkable"])
        relaxations = sum(c["relaxations"] for c in doc["claims"])
        new = doc["requests"]["records_fetched"]
        searches = [s["query"] for c in doc["claims"] for s in c["searches"]]
        distinct = len(set(searches))  # identical queries of different claims are searched once
        expected = distinct + math.ceil(new / EFETCH_BATCH)
        actual = server.count()
        print(f"claims: {doc['summary']['claims']}  checkable: {checkable}  relaxations: {relaxations}  "
              f"searches: {len(searches)} ({distinct} distinct)  new records: {new}")
        print(f"cold @ {args.rate:g} req/s: {cold_s:.2f} s, requests {actual} "
              f"(esearch {server.count('esearch')}, efetch {server.count('efetch')}); expected {expected}")
        server.clear()
        warm = []
        for _ in range(args.runs):
            seconds, _ = run_check(env)
            warm.append(seconds)
        median = statistics.median(warm)
        print(f"warm: median {median:.2f} s over {args.runs} runs (min {min(warm):.2f}, max {max(warm):.2f}), "
              f"requests {server.count()}; target <= {TARGET_WARM_S:g} s")
        ok = actual == expected and server.count() == 0 and median <= TARGET_WARM_S
        print(f"| seed article | {doc['summary']['claims']} | {checkable} + {relaxations} | {actual} "
              f"(= {distinct} distinct esearches + {math.ceil(new / EFETCH_BATCH)} efetch) | {cold_s:.1f} | "
              f"{median:.2f} | {'ok' if ok else 'MISSED'} |")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
