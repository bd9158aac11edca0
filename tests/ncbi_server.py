"""A real E-utilities stand-in on 127.0.0.1 for offline tests.

Use it through the ``ncbi`` fixture (tests/conftest.py), which starts a
``NcbiServer``, points ``LITCLI_EUTILS_URL`` at it and sets fast test
settings (``NCBI_EMAIL``, ``LITCLI_REQUESTS_PER_SECOND=50``,
``LITCLI_BACKOFF=0.01``, ``LITCLI_READ_TIMEOUT=10``); any
``EutilsClient()`` or CLI command created in the test talks to it.

Fixture API (``ncbi`` is a ``NcbiServer``)::

    ncbi.url                      base URL, ends with "/"
    ncbi.requests                 list[Hit]: every request in arrival order
    ncbi.hits("efetch")           the requests to one endpoint
    ncbi.count("esearch")         how many (no argument: all endpoints)
    ncbi.clear()                  forget recorded requests

    # canned PubMed: esearch returns these PMIDs (Count, IdList slice, WebEnv,
    # QueryKey), efetch returns a PubmedArticleSet of them, by id list (GET or
    # POST) or by WebEnv + query_key + retstart/retmax (each usehistory search gets its
    # own WebEnv, so concurrent clients fetch their own search; WEBENV: the last search)
    ncbi.set_articles({"99000001": article_xml, ...})     # order = search order
    ncbi.set_articles_from_file("extracted_from_cassettes/.../cancer__2_efetch.xml")
    ncbi.on_search("OCD", ["99000001"], translation=None, errors=None, warnings=None)
                                  # queries containing "OCD" match only these PMIDs
    ncbi.on_citation("j synth tests", 2013, "12", "100", "rivera", "99000001")
                                  # ecitmatch.cgi: bdata lines journal|year|volume|page|author|key|
                                  # answer journal|year|volume|page|author|key|PMID (NCBI's format);
                                  # the answer may be "AMBIGUOUS ..." too; anything unknown: NOT_FOUND
    pubmed_article(99000001, title=..., year=..., authors=[("Rivera", "CI")], ...)
                                  # builds a synthetic PubmedArticle element (str)
    ncbi.set_dates({"99000001": "2015/03/04", ...})
                                  # publication dates (YYYY/MM/DD; default 2020/01/01) for
                                  # ("2015/01/01"[dp] : "2015/06/30"[dp]) ranges in esearch terms;
                                  # "1:99000500[uid]" ranges are honoured too
    # PubMed's 9,999 cap is enforced: esearch, and efetch through the history server, with
    # retstart > 9,998 answer NCBI's "'retstart' cannot be larger than 9998" error (HTTP 200)

    # fixed replies (override the canned behaviour for an endpoint)
    ncbi.reply("esearch", body, status=200, headers=None, content_type="text/xml")
    ncbi.reply_file("esearch", "biopython/esearch8.xml")     # real file, read in place
    ncbi.route("elink", handler)  # handler(hit) -> Reply | bytes | str

    # misbehave on the next `times` requests to `endpoint` ("*" = any endpoint),
    # then behave normally again.  kinds:
    #   "429"        HTTP 429 + NCBI's JSON body {"error":"API rate limit exceeded","count":"11"}
    #   "500" "502" "503" "504" "400" ...   that status (XML <ERROR> body)
    #   "hang"       sleep `seconds` (default 5) before answering (read timeout)
    #   "trickle"    answer normally but send the body one byte every `seconds` / 10
    #   "close"      close the connection without any reply
    #   "truncate"   send Content-Length of the full body but only half of it
    #   "truncate-unsized"  half the body, no Content-Length, then close
    #   "html"       HTTP 200 with an HTML error page
    #   "json-error" HTTP 200 with {"error":"..."}
    #   "error-element"  HTTP 200 with <eFetchResult><ERROR>...</ERROR></eFetchResult>
    #   "empty"      HTTP 200 with an empty body
    #   "empty200" / "html200" / "json_error200"   the same as "empty" / "html" / "json-error"
    #                (NCBI's passing failures inside HTTP 200: litcli retries them)
    #   "xml_error200"   HTTP 200 with NCBI's XML "Search Backend failed" error (passing)
    #   "bad_db200"  HTTP 200 with <ERROR>Invalid db name specified: ...</ERROR> (permanent)
    #   "api-key-invalid"  HTTP 400 + NCBI's JSON body for a bad key, which echoes
    #                the key sent: {"error":"API key invalid","api-key":"<key>",
    #                "type":"api-key","status":"unknown"}
    ncbi.fail("esearch", "429", times=2, retry_after=None)

Each ``Hit`` has ``endpoint`` ("esearch"), ``method``, ``path``, ``params``
(query string and form body merged; one value per name), ``body`` (raw bytes),
``headers`` and ``time`` (``time.monotonic()`` at arrival, comparable with the
test process's clock).  Synthetic records use fake PMIDs (99000001+).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit
from xml.sax.saxutils import escape

RATE_LIMIT_BODY = b'{"error":"API rate limit exceeded","count":"11"}'
HTML_PAGE = (
    b"<!DOCTYPE html>\n<html><head><title>Service unavailable</title></head>"
    b"<body><h1>NCBI</h1><p>The service is temporarily unavailable.</p></body></html>\n"
)
# NCBI's wording when its search backend has a passing problem (HTTP 200).
BACKEND_FAILED_XML = (
    '<?xml version="1.0" encoding="UTF-8" ?>\n<eSearchResult><ERROR>Search Backend failed: '
    "Couldn't resolve #exec_db_proxy_error, the address table is empty.</ERROR></eSearchResult>\n"
)
PUBMED_HEADER = (
    '<?xml version="1.0" ?>\n'
    '<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" '
    '"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n'
)
ESEARCH_HEADER = (
    '<?xml version="1.0" encoding="UTF-8" ?>\n'
    '<!DOCTYPE eSearchResult PUBLIC "-//NLM//DTD esearch 20060628//EN" '
    '"https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20060628/esearch.dtd">\n'
)
WEBENV = "MCID_fake0000000000000000litcli"
# PubMed hands out only the first 9,999 records of a search: a retstart past 9,998 is an
# error (NCBI's words, inside HTTP 200), for esearch and for efetch through the history server.
MAX_RETSTART = 9998
RETSTART_ERROR = (
    "Search Backend failed: Exception:\n'retstart' cannot be larger than 9998. For PubMed, "
    "ESearch can only retrieve the first 9,999 records matching the query. To obtain more "
    "than 9,999 PubMed records, consider using EDirect"
)


@dataclass
class Hit:
    endpoint: str
    method: str
    path: str
    params: dict[str, str]
    body: bytes
    headers: dict[str, str]
    time: float


@dataclass
class Reply:
    body: bytes | str = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "text/xml; charset=UTF-8"


@dataclass
class _Failure:
    kind: str
    times: int
    seconds: float = 5.0
    retry_after: str | None = None


@dataclass
class _SearchRule:
    needle: str
    pmids: list[str]
    translation: str | None
    errors: dict[str, list[str]]
    warnings: dict[str, list[str]]


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients that time out or misbehaviours that drop the socket are expected


class NcbiServer:
    """Threaded HTTP server imitating eutils.ncbi.nlm.nih.gov (see module doc)."""

    def __init__(self, shared_file: Callable[[str], Path] | None = None) -> None:
        self._shared_file = shared_file
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self.requests: list[Hit] = []
        self.articles: dict[str, str] = {}
        self._rules: list[_SearchRule] = []
        self.citations: dict[tuple[str, str, str, str, str], str] = {}
        self.dates: dict[str, str] = {}
        self._routes: dict[str, Callable[[Hit], Any]] = {}
        self._history: dict[str, str] = {}  # WebEnv -> the esearch term it holds
        self._failures: dict[str, list[_Failure]] = {}
        handler = _make_handler(self)
        self._httpd = _QuietServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        host, port = self._httpd.server_address[:2]
        self.url = f"http://{host}:{port}/entrez/eutils/"

    # --- lifecycle --------------------------------------------------------------

    def start(self) -> NcbiServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> NcbiServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- inspection -------------------------------------------------------------

    def hits(self, endpoint: str | None = None) -> list[Hit]:
        with self._lock:
            return [h for h in self.requests if endpoint is None or h.endpoint == endpoint]

    def count(self, endpoint: str | None = None) -> int:
        return len(self.hits(endpoint))

    def clear(self) -> None:
        with self._lock:
            self.requests.clear()

    # --- configuration ----------------------------------------------------------

    def set_articles(self, articles: Mapping[str | int, str] | Sequence[str]) -> None:
        """PubmedArticle XML strings by PMID (or a list: PMIDs read from the XML)."""
        if isinstance(articles, Mapping):
            items = {str(k): v for k, v in articles.items()}
        else:
            items = {_pmid_of(xml): xml for xml in articles}
        with self._lock:
            self.articles = items

    def set_articles_from_file(self, relpath: str) -> list[str]:
        """Serve the PubmedArticle elements of a real efetch file; returns their PMIDs."""
        data = self._read_shared(relpath).decode("utf-8")
        import re

        chunks = re.findall(r"<PubmedArticle>.*?</PubmedArticle>", data, flags=re.DOTALL)
        self.set_articles(chunks)
        return list(self.articles)

    def set_dates(self, dates: Mapping[str | int, str]) -> None:
        """Publication dates ("YYYY/MM/DD") by PMID, for [dp] ranges (default 2020/01/01)."""
        with self._lock:
            self.dates = {str(k): v for k, v in dates.items()}

    def on_search(
        self,
        needle: str,
        pmids: Sequence[str | int],
        *,
        translation: str | None = None,
        errors: dict[str, list[str]] | None = None,
        warnings: dict[str, list[str]] | None = None,
    ) -> None:
        """Terms containing ``needle`` (case-insensitive) match only ``pmids``."""
        with self._lock:
            self._rules.append(
                _SearchRule(
                    needle.lower(),
                    [str(p) for p in pmids],
                    translation,
                    errors or {},
                    warnings or {},
                )
            )

    def on_citation(
        self, journal: str, year: int | str, volume: str, page: str, author: str, answer: str | int
    ) -> None:
        """ECitMatch: this citation (author: the surname is enough) answers ``answer``
        (a PMID, or NCBI's "AMBIGUOUS ..." text)."""
        key = (journal.lower(), str(year), volume.lower(), page.lower(), author.lower().split()[0])
        with self._lock:
            self.citations[key] = str(answer)

    def route(self, endpoint: str, handler: Callable[[Hit], Any]) -> None:
        self._routes[endpoint] = handler

    def reply(
        self,
        endpoint: str,
        body: bytes | str,
        *,
        status: int = 200,
        headers: dict[str, str] | None = None,
        content_type: str = "text/xml; charset=UTF-8",
    ) -> None:
        fixed = Reply(body, status, dict(headers or {}), content_type)
        self.route(endpoint, lambda hit: fixed)

    def reply_file(self, endpoint: str, relpath: str, *, content_type: str | None = None) -> None:
        body = self._read_shared(relpath)
        ctype = content_type or (
            "application/json; charset=UTF-8"
            if relpath.endswith(".json")
            else "text/xml; charset=UTF-8"
        )
        self.reply(endpoint, body, content_type=ctype)

    def fail(
        self,
        endpoint: str,
        kind: str,
        *,
        times: int = 1,
        seconds: float = 5.0,
        retry_after: str | float | None = None,
    ) -> None:
        with self._lock:
            self._failures.setdefault(endpoint, []).append(
                _Failure(kind, times, seconds, None if retry_after is None else str(retry_after))
            )

    def _read_shared(self, relpath: str) -> bytes:
        if self._shared_file is None:
            from tests.conftest import shared_file

            self._shared_file = shared_file
        path = self._shared_file(relpath if relpath.startswith("eutils/") else f"eutils/{relpath}")
        return Path(path).read_bytes()

    # --- request handling (server threads) ---------------------------------------

    def _take_failure(self, endpoint: str) -> _Failure | None:
        with self._lock:
            for key in (endpoint, "*"):
                queue = self._failures.get(key)
                if queue:
                    failure = queue[0]
                    failure.times -= 1
                    if failure.times <= 0:
                        queue.pop(0)
                    return failure
        return None

    def _answer(self, hit: Hit) -> Reply:
        handler = self._routes.get(hit.endpoint)
        if handler is not None:
            result = handler(hit)
            if isinstance(result, Reply):
                return result
            return Reply(result)
        if hit.endpoint == "esearch":
            return self._esearch(hit)
        if hit.endpoint == "efetch":
            return self._efetch(hit)
        if hit.endpoint == "ecitmatch":
            return self._ecitmatch(hit)
        if hit.endpoint == "epost":
            ids = hit.params.get("id", "")
            return Reply(
                '<?xml version="1.0" encoding="UTF-8" ?>\n<ePostResult>\n'
                f"\t<QueryKey>1</QueryKey>\n\t<WebEnv>{WEBENV}</WebEnv>\n</ePostResult>\n"
                if ids
                else "<ePostResult><ERROR>Empty ID list; Nothing to store</ERROR></ePostResult>"
            )
        return Reply(
            f"<eResult><ERROR>no canned reply for {hit.endpoint}</ERROR></eResult>", status=400
        )

    def _matching(self, term: str) -> tuple[list[str], _SearchRule | None]:
        with self._lock:
            for rule in self._rules:
                if rule.needle in term.lower():
                    return [p for p in rule.pmids], rule
            return list(self.articles), None

    def _esearch(self, hit: Hit) -> Reply:
        term = hit.params.get("term", "")
        pmids, rule = self._matching(term)
        pmids = self._in_ranges(term, pmids)
        start = int(hit.params.get("retstart", 0) or 0)
        if start > MAX_RETSTART:
            return Reply(ESEARCH_HEADER + f"<eSearchResult><ERROR>{RETSTART_ERROR}</ERROR></eSearchResult>\n")
        size = int(hit.params.get("retmax", 20) or 0)
        page = pmids[start : start + size]
        parts = [
            f"<Count>{len(pmids)}</Count><RetMax>{len(page)}</RetMax><RetStart>{start}</RetStart>"
        ]
        if hit.params.get("usehistory") == "y":
            with self._lock:  # each search its own history entry, as at NCBI
                webenv = f"{WEBENV}_{len(self._history) + 1}"
                self._history[webenv] = term
            parts.append(f"<QueryKey>1</QueryKey><WebEnv>{webenv}</WebEnv>")
        parts.append("<IdList>" + "".join(f"\n<Id>{p}</Id>" for p in page) + "\n</IdList>")
        parts.append("<TranslationSet/>")
        translation = rule.translation if rule and rule.translation else term
        parts.append(f"<QueryTranslation>{escape(translation)}</QueryTranslation>")
        if rule and rule.errors:
            parts.append("<ErrorList>" + _elements(rule.errors) + "</ErrorList>")
        if rule and rule.warnings:
            parts.append("<WarningList>" + _elements(rule.warnings) + "</WarningList>")
        return Reply(ESEARCH_HEADER + "<eSearchResult>" + "".join(parts) + "</eSearchResult>\n")

    def _in_ranges(self, term: str, pmids: list[str]) -> list[str]:
        """The PMIDs inside the term's ("a"[dp] : "b"[dp]) and a:b[uid] ranges."""
        import re

        for low, high in re.findall(r'"(\d{4}/\d{2}/\d{2})"\[dp\]\s*:\s*"(\d{4}/\d{2}/\d{2})"\[dp\]', term):
            with self._lock:
                pmids = [p for p in pmids if low <= self.dates.get(p, "2020/01/01") <= high]
        for low, high in re.findall(r"(\d+):(\d+)\[uid\]", term):
            pmids = [p for p in pmids if int(low) <= int(p) <= int(high)]
        return pmids

    def _efetch(self, hit: Hit) -> Reply:
        if "id" in hit.params:
            wanted = [i.strip() for i in hit.params["id"].split(",") if i.strip()]
            if not wanted:
                return Reply(
                    "<eFetchResult>\n\t<ERROR>Supplied id parameter is empty.</ERROR>\n</eFetchResult>\n"
                )
        elif hit.params.get("WebEnv") in self._history or hit.params.get("WebEnv") == WEBENV:
            with self._lock:  # WEBENV itself (tests, epost): the last search
                term = self._history.get(hit.params["WebEnv"]) or ""
            term = term or self._last_term()
            pmids = self._in_ranges(term, self._matching(term)[0])
            start = int(hit.params.get("retstart", 0) or 0)
            size = int(hit.params.get("retmax", 20) or 20)
            if start > MAX_RETSTART:
                return Reply(f"<eFetchResult>\n\t<ERROR>{RETSTART_ERROR}</ERROR>\n</eFetchResult>\n")
            wanted = pmids[start : start + size]
        else:
            return Reply(
                "<eFetchResult>\n\t<ERROR>Unable to obtain query #1</ERROR>\n</eFetchResult>\n",
                status=400,
            )
        with self._lock:
            found = [self.articles[p] for p in wanted if p in self.articles]
        body = PUBMED_HEADER + "<PubmedArticleSet>\n" + "\n".join(found) + "\n</PubmedArticleSet>\n"
        return Reply(body)

    def _ecitmatch(self, hit: Hit) -> Reply:
        lines = []
        for line in hit.params.get("bdata", "").replace("\n", "\r").split("\r"):
            parts = line.split("|")
            if len(parts) < 6 or not line.strip():
                continue
            journal, year, volume, page, author, key = (p.strip() for p in parts[:6])
            wanted = (journal.lower(), year, volume.lower(), page.lower(), (author.lower().split() or [""])[0])
            with self._lock:
                answer = self.citations.get(wanted, "NOT_FOUND")
            lines.append(f"{journal}|{year}|{volume}|{page}|{author}|{key}|{answer}\n")
        return Reply("".join(lines), content_type="text/plain; charset=UTF-8")

    def _last_term(self) -> str:
        with self._lock:
            for hit in reversed(self.requests):
                if hit.endpoint == "esearch":
                    return hit.params.get("term", "")
        return ""


def _elements(block: dict[str, list[str]]) -> str:
    return "".join(f"<{k}>{escape(v)}</{k}>" for k, values in block.items() for v in values)


def _pmid_of(xml: str) -> str:
    import re

    m = re.search(r"<PMID[^>]*>(\d+)</PMID>", xml)
    if not m:
        raise ValueError("PubmedArticle without a PMID")
    return m.group(1)


def _make_handler(server: NcbiServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # quiet
            pass

        def do_GET(self) -> None:
            self._handle(b"")

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            self._handle(self.rfile.read(length) if length else b"")

        def _handle(self, body: bytes) -> None:
            arrived = time.monotonic()
            split = urlsplit(self.path)
            params = dict(parse_qsl(split.query, keep_blank_values=True))
            if body:
                params.update(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
            name = split.path.rstrip("/").rsplit("/", 1)[-1]
            endpoint = name.removesuffix(".fcgi").removesuffix(".cgi")
            hit = Hit(
                endpoint,
                self.command,
                split.path,
                params,
                body,
                dict(self.headers.items()),
                arrived,
            )
            with server._lock:
                server.requests.append(hit)
            failure = server._take_failure(endpoint)
            if failure is not None and self._misbehave(failure, hit):
                return
            reply = server._answer(hit)
            self._send(reply)

        def _send(self, reply: Reply, *, cut: str | None = None, trickle: float = 0.0) -> None:
            body = reply.body.encode("utf-8") if isinstance(reply.body, str) else reply.body
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            for k, v in reply.headers.items():
                self.send_header(k, v)
            if cut == "unsized":
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(body[: len(body) // 2])
                self.close_connection = True
                return
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if cut == "sized":
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
                self.close_connection = True
                return
            if trickle:
                for i in range(len(body)):
                    if server._stop.wait(trickle):
                        return
                    try:
                        self.wfile.write(body[i : i + 1])
                        self.wfile.flush()
                    except OSError:  # the client gave up
                        self.close_connection = True
                        return
                return
            self.wfile.write(body)

        def _misbehave(self, failure: _Failure, hit: Hit) -> bool:
            kind = failure.kind
            if kind == "429":
                headers = {"Retry-After": failure.retry_after} if failure.retry_after else {}
                self._send(Reply(RATE_LIMIT_BODY, 429, headers, "application/json"))
            elif kind.isdigit():
                headers = {"Retry-After": failure.retry_after} if failure.retry_after else {}
                body = f"<eResult><ERROR>simulated HTTP {kind}</ERROR></eResult>"
                self._send(Reply(body, int(kind), headers))
            elif kind == "hang":
                server._stop.wait(failure.seconds)
                self.close_connection = True
                if not server._stop.is_set():
                    self._send(server._answer(hit))
            elif kind == "trickle":
                self._send(server._answer(hit), trickle=failure.seconds / 10)
            elif kind == "close":
                self.close_connection = True
                self.connection.shutdown(2)
            elif kind == "truncate":
                self._send(server._answer(hit), cut="sized")
            elif kind == "truncate-unsized":
                self._send(server._answer(hit), cut="unsized")
            elif kind in ("html", "html200"):
                self._send(Reply(HTML_PAGE, 200, {}, "text/html; charset=UTF-8"))
            elif kind in ("json-error", "json_error200"):
                self._send(
                    Reply(
                        b'{"error":"Search Backend failed: temporary problem"}',
                        200,
                        {},
                        "application/json",
                    )
                )
            elif kind == "error-element":
                self._send(
                    Reply(
                        "<eFetchResult>\n\t<ERROR>Supplied id parameter is empty.</ERROR>\n</eFetchResult>\n"
                    )
                )
            elif kind == "xml_error200":
                self._send(Reply(BACKEND_FAILED_XML))
            elif kind == "bad_db200":
                self._send(
                    Reply(
                        "<eSearchResult><ERROR>Invalid db name specified: pubmedx</ERROR>"
                        "</eSearchResult>\n"
                    )
                )
            elif kind in ("empty", "empty200"):
                self._send(Reply(b"", 200))
            elif kind == "api-key-invalid":
                import json

                body = json.dumps(
                    {
                        "error": "API key invalid",
                        "api-key": hit.params.get("api_key", ""),
                        "type": "api-key",
                        "status": "unknown",
                    }
                )
                self._send(Reply(body, 400, {}, "application/json"))
            else:
                raise ValueError(f"unknown misbehaviour {kind!r}")
            return True

    return Handler


# --- synthetic records -------------------------------------------------------------------


def pubmed_article(
    pmid: int | str,
    *,
    title: str = "A synthetic test article.",
    year: int | None = 2020,
    month: str | None = "Jan",
    authors: Sequence[tuple[str, str]] = (("Rivera", "CI"),),
    journal: str = "Journal of Synthetic Tests",
    iso_abbreviation: str = "J Synth Tests",
    volume: str = "12",
    issue: str = "3",
    pages: str = "100-110",
    abstract: str | Sequence[tuple[str, str]] | None = "A synthetic abstract.",
    publication_types: Sequence[str] = ("Journal Article",),
    mesh: Sequence[str] = (),
    doi: str | None = None,
    language: str = "eng",
    comments_corrections: Sequence[tuple[str, str]] = (),
) -> str:
    """A PubmedArticle element in NCBI's shape (use fake PMIDs 99000001+).

    ``abstract`` may be a string or (label, text) sections;
    ``comments_corrections`` are (RefType, PMID) pairs, e.g. ("RetractionIn", "99000099").
    """
    e = escape
    author_xml = "".join(
        f'<Author ValidYN="Y"><LastName>{e(last)}</LastName><ForeName>{e(initials)}</ForeName>'
        f"<Initials>{e(initials)}</Initials></Author>"
        for last, initials in authors
    )
    date = (f"<Year>{year}</Year>" if year else "") + (
        f"<Month>{month}</Month>" if month and year else ""
    )
    if abstract is None:
        abstract_xml = ""
    elif isinstance(abstract, str):
        abstract_xml = f"<Abstract><AbstractText>{e(abstract)}</AbstractText></Abstract>"
    else:
        abstract_xml = (
            "<Abstract>"
            + "".join(
                f'<AbstractText Label="{e(label)}">{e(text)}</AbstractText>'
                for label, text in abstract
            )
            + "</Abstract>"
        )
    pub_types = "".join(
        f'<PublicationType UI="D000000">{e(t)}</PublicationType>' for t in publication_types
    )
    mesh_xml = (
        "<MeshHeadingList>"
        + "".join(
            f'<MeshHeading><DescriptorName UI="D000000" MajorTopicYN="N">{e(m)}</DescriptorName></MeshHeading>'
            for m in mesh
        )
        + "</MeshHeadingList>"
        if mesh
        else ""
    )
    cc = (
        "<CommentsCorrectionsList>"
        + "".join(
            f'<CommentsCorrections RefType="{e(t)}"><RefSource>{e(journal)}</RefSource>'
            f'<PMID Version="1">{e(p)}</PMID></CommentsCorrections>'
            for t, p in comments_corrections
        )
        + "</CommentsCorrectionsList>"
        if comments_corrections
        else ""
    )
    eloc = f'<ELocationID EIdType="doi" ValidYN="Y">{e(doi)}</ELocationID>' if doi else ""
    ids = f'<ArticleId IdType="pubmed">{pmid}</ArticleId>' + (
        f'<ArticleId IdType="doi">{e(doi)}</ArticleId>' if doi else ""
    )
    return (
        f'<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">{pmid}</PMID>'
        f'<Article PubModel="Print"><Journal><ISSN IssnType="Electronic">0000-0000</ISSN>'
        f'<JournalIssue CitedMedium="Internet"><Volume>{e(volume)}</Volume><Issue>{e(issue)}</Issue>'
        f"<PubDate>{date}</PubDate></JournalIssue><Title>{e(journal)}</Title>"
        f"<ISOAbbreviation>{e(iso_abbreviation)}</ISOAbbreviation></Journal>"
        f"<ArticleTitle>{e(title)}</ArticleTitle><Pagination><MedlinePgn>{e(pages)}</MedlinePgn></Pagination>"
        f"{eloc}{abstract_xml}"
        f'<AuthorList CompleteYN="Y">{author_xml}</AuthorList><Language>{e(language)}</Language>'
        f"<PublicationTypeList>{pub_types}</PublicationTypeList></Article>"
        f"<MedlineJournalInfo><MedlineTA>{e(iso_abbreviation)}</MedlineTA></MedlineJournalInfo>"
        f"{cc}{mesh_xml}</MedlineCitation>"
        f"<PubmedData><PublicationStatus>ppublish</PublicationStatus><ArticleIdList>{ids}</ArticleIdList>"
        f"</PubmedData></PubmedArticle>"
    )
