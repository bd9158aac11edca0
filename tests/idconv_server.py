"""A PMC ID converter stand-in on 127.0.0.1 (real HTTP) for offline tests.

``GET /idconv/?ids=a,b&format=json`` answers NCBI's JSON shape: ``{"status": "ok",
"records": [{"pmid": ..., "pmcid": ..., "doi": ...}, {"requested-id": ..., "status": "error",
"errmsg": "invalid article id"}]}``.  ``server.add(pmid, pmcid, doi)``; ``server.requests``
lists the id lists asked; ``server.fail("html" | "503", times=N)``.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit


class IdConvServer:
    def __init__(self) -> None:
        self.articles: list[dict[str, str]] = []
        self.requests: list[dict[str, Any]] = []
        self._fail: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                server._handle(self)

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}/idconv/"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def __enter__(self) -> IdConvServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

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
