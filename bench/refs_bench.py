"""Reference-audit benchmark (issue 11): `litcli refs` on an article with 100 references.

Run:  .venv/bin/python bench/refs_bench.py [--rate 3] [--refs 100]

A loopback E-utilities server (tests/ncbi_server.py) serves synthetic records (fake PMIDs
9902xxxx, fake DOIs 10.99999/…).  Of the references, 60% are found by ECitMatch (journal,
year, volume, page, author), 20% carry a DOI and 20% only a title (free-form lines).

Expected requests: 1 ECitMatch + 1 esearch for all DOIs + 1 title search per title-only
reference + 1 efetch.  The rate-limit floor is (requests - 1) / rate seconds (the first
request goes at once); the target is a wall time <= 1.2 x the floor, measured as a fresh
`litcli refs` subprocess with an empty library.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TARGET = 1.2


def build(server: object, n: int) -> str:
    from tests.ncbi_server import pubmed_article

    articles: dict[str, str] = {}
    lines: list[str] = []
    for i in range(1, n + 1):
        pmid = str(99020000 + i)
        surname = f"Author{i:03d}"
        title = f"Synthetic trial {i:03d} of ketamine in refractory depression"
        doi = f"10.99999/bench.{i}" if i % 5 == 3 else None
        articles[pmid] = pubmed_article(pmid, title=title + ".", year=2015, authors=[(surname, "A")],
                                        volume=str(i), pages=f"{i}-{i + 9}", doi=doi)
        kind = i % 5
        if kind == 3:
            lines.append(f"{i}. {surname} A. {title}. J Synth Tests. 2015;{i}:{i}-{i + 9}. doi:{doi}")
        elif kind == 4:
            lines.append(f'{i}. {surname} A. "{title}" (2015), a free-form line.')
            server.on_search(f"{i:03d}[ti]", [pmid])  # type: ignore[attr-defined]
        else:
            lines.append(f"{i}. {surname} A. {title}. J Synth Tests. 2015;{i}:{i}-{i + 9}.")
            server.on_citation("j synth tests", 2015, str(i), str(i), surname, pmid)  # type: ignore[attr-defined]
    dois = [a for i, a in enumerate(articles.values(), start=1) if i % 5 == 3]
    server.on_search("[doi]", [p for p, a in articles.items() if a in dois])  # type: ignore[attr-defined]
    server.set_articles(articles)  # type: ignore[attr-defined]
    body = "\n".join(lines)
    return f"A review [1-{n}].\n\n## References\n\n{body}\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=3.0, help="requests per second (NCBI without a key: 3)")
    parser.add_argument("--refs", type=int, default=100, help="references in the article")
    args = parser.parse_args()

    from tests.ncbi_server import NcbiServer

    with NcbiServer() as server, tempfile.TemporaryDirectory() as home:
        article = Path(home) / "article.md"
        article.write_text(build(server, args.refs), encoding="utf-8")
        env = {**os.environ, "LITCLI_HOME": home, "LITCLI_EUTILS_URL": server.url, "NCBI_EMAIL": "bench@example.org",
               "LITCLI_REQUESTS_PER_SECOND": str(args.rate)}
        env.pop("NCBI_API_KEY", None)
        cmd = [sys.executable, "-m", "litcli", "refs", str(article), "--format", "json", "-q"]
        start = time.perf_counter()
        proc = subprocess.run(cmd, env=env, capture_output=True, check=True)
        wall = time.perf_counter() - start
        doc = json.loads(proc.stdout)
        counts = {e: server.count(e) for e in ("ecitmatch", "esearch", "efetch")}
    requests = sum(counts.values())
    floor = (requests - 1) / args.rate
    found = doc["summary"]["found"]
    print(f"references: {args.refs}, found: {found}")
    print(f"requests: {requests} ({', '.join(f'{k} {v}' for k, v in counts.items())})")
    print(f"wall: {wall:.2f} s; rate-limit floor at {args.rate:g}/s: {floor:.2f} s; ratio {wall / floor:.2f}"
          f" (target <= {TARGET})")
    title_only = args.refs // 5
    ok = (counts["ecitmatch"] <= 1 and counts["efetch"] == 1 and counts["esearch"] <= title_only + 1
          and found == args.refs and wall <= TARGET * floor)
    print("OK" if ok else "MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
