"""MEDLINE reader on one very long field: continuation lines must be read in linear time.

Run:  .venv/bin/python bench/medline_long_field.py [--lines 100000 400000 1600000]

For each size a MEDLINE file with one record whose AB field has N continuation lines
(~50 bytes each) is written to a temporary directory (not kept) and read with
``litcli.medline.parse_medline``; the best of ``--repeat`` wall times is printed with the
MB/s.  Linear reading keeps MB/s about constant as N grows (issue 13: the old reader took
26 s for 4.4 MB and more than 120 s for 11 MB).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path


def write_file(path: Path, lines: int) -> int:
    with path.open("w", encoding="utf-8") as f:
        f.write("PMID- 99000021\nTI  - A record with one very long field.\nAB  - Start.\n")
        for i in range(lines):
            f.write(f"      words of one abstract line that goes on {i}\n")
        f.write("SO  - J Synth Tests. 2020.\n\n")
    return path.stat().st_size


def main() -> None:
    from litcli.medline import parse_medline

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, nargs="+", default=[100_000, 400_000, 1_600_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("| continuation lines | file MB | best s | MB/s |")
    print("|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.lines:
            path = Path(tmp) / f"long{n}.nbib"
            size = write_file(path, n)
            best = float("inf")
            for _ in range(args.repeat):
                start = time.perf_counter()
                (record,) = parse_medline(path)
                best = min(best, time.perf_counter() - start)
                assert record.abstract_text.endswith(f"goes on {n - 1}")
            mb = size / 1e6
            print(f"| {n:,} | {mb:.1f} | {best:.2f} | {mb / best:.1f} |", flush=True)
            path.unlink()


if __name__ == "__main__":
    main()
