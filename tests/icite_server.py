"""A small NIH iCite stand-in on 127.0.0.1 (real HTTP) for offline tests.

``ICiteServer`` answers ``GET /api/pubs?pmids=1,2,...`` with ``{"meta": ..., "data": [...]}``
for the PMIDs it knows, in the old field shapes (``authors`` a string, "Yes"/"No",
``cited_by_clin`` a list) or the 2025 ones (authors as objects, booleans,
``nih_percentile`` null, some fields missing)::

    with ICiteServer() as icite:          # icite.url ends with "/api/"
        icite.add_old("99000001", citation_count=42, relative_citation_ratio=2.5)
        icite.add_2025("99000002", citation_count=7)   # nih_percentile null, no apt
        icite.fail("503", times=2)        # or "html", "hang"
        icite.requests                    # list of {"pmids": [...], "params": {...}}

Use it through the ``icite`` fixture (tests/test_icite.py), which sets ``LITCLI_ICITE_URL``.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from tests.loopback import LoopbackServer

HTML = b"<!DOCTYPE html><html><body><h1>Service Unavailable</h1></body></html>"


def old_shape(pmid: str, **metrics: Any) -> dict[str, Any]:
    """An entry as iCite gave it before 2025."""
    entry: dict[str, Any] = {
        "pmid": int(pmid),
        "year": 2019,
        "title": f"Synthetic paper {pmid}",
        "authors": "Ana Rivera, Bo Chen",
        "journal": "J Synth Tests",
        "is_research_article": "Yes",
        "relative_citation_ratio": 1.23,
        "nih_percentile": 61.5,
        "human": 0.75,
        "animal": 0.25,
        "molecular_cellular": 0.0,
        "apt": 0.5,
        "is_clinical": "No",
        "citation_count": 10,
        "citations_per_year": 2.0,
        "expected_citations_per_year": 1.6,
        "field_citation_rate": 4.1,
        "provisional": "No",
        "cited_by_clin": [31000001, 31000002],
        "cited_by": [31000001, 31000002, 31000003],
        "references": [20000001],
        "doi": f"10.1000/synth.{pmid}",
    }
    entry.update(metrics)
    return entry


def shape_2025(pmid: str, **metrics: Any) -> dict[str, Any]:
    """An entry in the 2025 shape: authors as objects, booleans, nih_percentile null,
    apt / molecular_cellular / cited_by_clin missing."""
    entry: dict[str, Any] = {
        "_id": pmid,
        "pmid": int(pmid),
        "year": 2024,
        "title": f"Synthetic paper {pmid}",
        "authors": [{"fullName": "Ana Rivera", "firstName": "Ana", "lastName": "Rivera"}],
        "journal": "J Synth Tests",
        "is_research_article": True,
        "relative_citation_ratio": None,
        "nih_percentile": None,
        "human": 1.0,
        "animal": 0.0,
        "is_clinical": True,
        "citation_count": 3,
        "citations_per_year": 3.0,
        "provisional": True,
        "cited_by": [31000009],
        "references": [],
    }
    entry.update(metrics)
    return {k: v for k, v in entry.items() if v is not ...}


class ICiteServer(LoopbackServer):
    PATH = "/api/"

    def __init__(self) -> None:
        self.pubs: dict[str, dict[str, Any]] = {}
        self.requests: list[dict[str, Any]] = []
        self._failures: list[tuple[str, int, float]] = []
        self._lock = threading.Lock()
        super().__init__()

    def add_old(self, pmid: str, **metrics: Any) -> None:
        self.pubs[str(pmid)] = old_shape(str(pmid), **metrics)

    def add_2025(self, pmid: str, **metrics: Any) -> None:
        self.pubs[str(pmid)] = shape_2025(str(pmid), **metrics)

    def fail(self, kind: str, *, times: int = 1, seconds: float = 5.0) -> None:
        with self._lock:
            self._failures.append((kind, times, seconds))

    def _next_failure(self) -> tuple[str, float] | None:
        with self._lock:
            if not self._failures:
                return None
            kind, times, seconds = self._failures[0]
            if times <= 1:
                self._failures.pop(0)
            else:
                self._failures[0] = (kind, times - 1, seconds)
            return kind, seconds

    def _handle(self, h: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(h.path)
        params = dict(parse_qsl(parts.query))
        pmids = [p for p in params.get("pmids", "").split(",") if p]
        with self._lock:
            self.requests.append({"path": parts.path, "pmids": pmids, "params": params})
        failure = self._next_failure()
        if failure is not None:
            kind, seconds = failure
            if kind == "hang":
                time.sleep(seconds)
            elif kind == "html":
                return self._send(h, 200, HTML, "text/html")
            elif kind.isdigit():
                return self._send(h, int(kind), b'{"error": "unavailable"}', "application/json")
        if parts.path.rstrip("/") != "/api/pubs":
            return self._send(h, 404, b'{"error": "not found"}', "application/json")
        if len(pmids) > 1000:
            return self._send(h, 400, b'{"error": "at most 1000 pmids"}', "application/json")
        data = [self.pubs[p] for p in pmids if p in self.pubs]
        body = {"meta": {"pmids": ",".join(pmids)}, "links": {}, "data": data}
        self._send(h, 200, json.dumps(body).encode(), "application/json")

    @staticmethod
    def _send(h: BaseHTTPRequestHandler, status: int, body: bytes, ctype: str) -> None:
        try:
            h.send_response(status)
            h.send_header("Content-Type", ctype)
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            h.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass
