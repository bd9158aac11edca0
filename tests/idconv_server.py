"""A PMC ID converter stand-in on 127.0.0.1 (real HTTP) for offline tests.

``GET /idconv/?ids=a,b&format=json`` answers NCBI's JSON shape: ``{"status": "ok",
"records": [{"pmid": ..., "pmcid": ..., "doi": ...}, {"requested-id": ..., "status": "error",
"errmsg": "invalid article id"}]}``.  ``server.add(pmid, pmcid, doi)``; ``server.requests``
lists the id lists asked; ``server.fail("html" | "503", times=N)``.
"""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from tests.loopback import LoopbackServer


class IdConvServer(LoopbackServer):
    PATH = "/idconv/"

    def __init__(self) -> None:
        self.articles: list[dict[str, str]] = []
        self.requests: list[dict[str, Any]] = []
        self._fail: list[str] = []
        super().__init__()

    def add(self, pmid: str, pmcid: str, doi: str | None = None) -> None:
        entry = {"pmid": pmid, "pmcid": pmcid}
        if doi:
            entry["doi"] = doi
        self.articles.append(entry)

    def fail(self, kind: str, *, times: int = 1) -> None:
        self._fail.extend([kind] * times)

    def _handle(self, h: BaseHTTPRequestHandler) -> None:
        params = dict(parse_qsl(urlsplit(h.path).query))
        ids = [i for i in params.get("ids", "").split(",") if i]
        self.requests.append({"ids": ids, "params": params})
        if self._fail:
            kind = self._fail.pop(0)
            if kind == "html":
                return self._send(h, 200, b"<html><body>Down</body></html>", "text/html")
            return self._send(h, int(kind), b"{}", "application/json")
        if len(ids) > 200:
            return self._send(h, 400, b'{"status": "error"}', "application/json")
        records: list[dict[str, str]] = []
        for i in ids:
            hit = next((a for a in self.articles if i.upper() in
                        (a["pmid"], a["pmcid"].upper(), a.get("doi", "").upper())), None)
            records.append(dict(hit, **{"requested-id": i}) if hit else
                           {"requested-id": i, "status": "error", "errmsg": "invalid article id"})
        body = json.dumps({"status": "ok", "responseDate": "2026-12-06 02:40:00", "records": records})
        self._send(h, 200, body.encode(), "application/json")

    @staticmethod
    def _send(h: BaseHTTPRequestHandler, status: int, body: bytes, ctype: str) -> None:
        h.send_response(status)
        h.send_header("Content-Type", ctype)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)
