"""NCBI E-utilities transport: pacing, retries, timeouts, NCBI error detection.

``EutilsClient`` sends ``tool``/``email``/``api_key`` with every request, keeps
to NCBI's rate limit (one pacer per process, shared by every client), retries
429/5xx/network failures with exponential backoff and jitter (honouring
``Retry-After``), POSTs long parameter lists, and turns every failure into a
``litcli.errors`` exception with a one-line message.  The API key never
appears in a message or log line (see ``redact``).

esearch/epost/elink/einfo replies are parsed with ``Bio.Entrez.read``; efetch
returns the raw bytes for ``litcli.pubmed`` to stream-parse.
"""

from __future__ import annotations

import contextvars
import functools
import io
import logging
import math
import queue
import random
import re
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import urlencode

from litcli import __version__
from litcli.config import Settings
from litcli.errors import (
    LitcliError,
    NCBIError,
    NCBIResponseError,
    NetworkError,
    RateLimitError,
    RequestTimeoutError,
)
from litcli.ratebudget import BudgetUnavailable, SharedBudget
from litcli.textsafe import one_line

log = logging.getLogger(__name__)
T = TypeVar("T")

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# Nothing listening (connection refused) rarely heals within seconds: fewer tries.
REFUSED_TRIES = 2
EMAIL_WARNING = (
    "no email address configured; NCBI asks every E-utilities user for one "
    "(set NCBI_EMAIL or run: litcli config set email you@example.org)"
)


@dataclass
class SearchResult:
    count: int
    ids: list[str]
    retstart: int
    retmax: int
    webenv: str | None
    query_key: str | None
    query_translation: str | None
    warnings: list[str] = field(
        default_factory=list
    )  # WarningList (OutputMessage, PhraseIgnored, ...)
    errors: list[str] = field(default_factory=list)  # ErrorList ("PhraseNotFound: abcXYZ", ...)


# --- ECitMatch ---------------------------------------------------------------------

CGI_ENDPOINTS = frozenset({"ecitmatch"})  # served as .cgi, not .fcgi
_CITMATCH_FIELD = re.compile(r"[|\r\n\x00-\x1f\x7f]+")


@dataclass(frozen=True)
class CitationQuery:
    """One citation for ECitMatch; ``key`` comes back with the answer."""

    key: str
    journal: str = ""
    year: str = ""
    volume: str = ""
    first_page: str = ""
    author: str = ""  # "mann bj" or a surname

    def line(self) -> str:
        fields = (self.journal, self.year, self.volume, self.first_page, self.author, self.key)
        return "|".join(_CITMATCH_FIELD.sub(" ", f).strip().lower() for f in fields) + "|"


@dataclass(frozen=True)
class CitationMatch:
    key: str
    status: str  # "found" | "ambiguous" | "not found"
    pmid: str | None = None
    candidates: tuple[str, ...] = ()
    detail: str = ""  # NCBI's words for a miss ("NOT_FOUND;INVALID_JOURNAL")


def parse_ecitmatch(text: str) -> dict[str, CitationMatch]:
    """NCBI's ECitMatch reply, by key (lines that are not answers are passed over)."""
    out: dict[str, CitationMatch] = {}
    for line in text.splitlines():
        parts = line.strip().split("|")
        if len(parts) < 7:
            continue
        key, answer = parts[5].strip(), one_line(parts[6])
        if re.fullmatch(r"\d{1,9}", answer):
            out[key] = CitationMatch(key, "found", answer)
        elif answer.upper().startswith("AMBIGUOUS"):
            ids = tuple(re.findall(r"\b\d{5,9}\b", answer))
            out[key] = CitationMatch(key, "ambiguous", candidates=ids, detail=answer)
        else:
            out[key] = CitationMatch(key, "not found", detail=answer or "NOT_FOUND")
    return out


# --- pacing ----------------------------------------------------------------------


class Pacer:
    """Spaces request starts at least ``interval`` apart (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._next = 0.0

    def wait(self, interval: float) -> None:
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next)
            self._next = start + interval
        if start > now:
            time.sleep(start - now)


PACER = Pacer()  # one per process: the fallback when the shared budget cannot be used
# Intervals are 5% longer than 1/rate: the `rate` requests of any second span 1.05 s when
# taken, so a request that reaches the server up to 50 ms later than its slot (a process
# busy starting up, a slow first connection) still never makes a second hold rate + 1.
PACING_MARGIN = 1.05
# One budget for every litcli process of the user (NCBI counts requests per IP / key):
# see litcli.ratebudget.  Set to None (tests, embedding) to pace each process alone.
BUDGET: SharedBudget | None = SharedBudget()
_budget_failed = False
_last_key: str | None = None  # the host this process last asked for a slot


def pace(key: str, interval: float, *, limit: float, announce: Callable[[float], None]) -> bool:
    """Wait for the next request slot to ``key`` (the shared budget, else this process's
    pacer); False when it would come after ``limit`` seconds (nothing is sent)."""
    global _budget_failed, _last_key
    _last_key = key
    if BUDGET is not None and not _budget_failed:
        try:
            return BUDGET.wait(key, interval, limit=limit, announce=announce).taken
        except BudgetUnavailable as exc:
            _budget_failed = True  # once per process: pace alone from now on
            log.info("shared rate budget not used (%s); pacing this process alone", exc)
    PACER.wait(interval)
    return True


# Seconds a process needs, on a busy machine, from ``before_first_request`` to sending
# (importing requests, building the request): a process whose first slot comes later than
# this sleeps for the difference instead of starting up beside the ones that go first.
START_LEAD = 0.15
START_PAUSE_MAX = 1.0  # never sleeps longer than this (seconds): the estimate is a least
_first_request = True


def before_first_request(key: str, interval: float, *, limit: float) -> float:
    """Called once per process, before its first request to ``key`` is built: with other
    litcli processes waiting or starting before this one (the shared budget's
    ``starting``), sleep until about ``START_LEAD`` s before this process's first slot can
    come (at most ``START_PAUSE_MAX`` s, never beyond ``limit``): four searches started
    together on two CPUs would otherwise all start up at half speed, and the first
    request would wait for that.  No slot is taken or reserved (``pace`` does that as
    before).  Returns the seconds slept."""
    global _first_request
    if not _first_request:
        return 0.0
    _first_request = False
    if BUDGET is None or _budget_failed:
        return 0.0
    try:
        until = BUDGET.starting(key, interval)
    except BudgetUnavailable:
        return 0.0  # pace() finds out and paces this process alone
    pause = min(until - START_LEAD, START_PAUSE_MAX, limit)
    if pause <= 0:
        return 0.0
    time.sleep(pause)
    return pause


def others_sending() -> int:
    """How many other litcli processes share the rate budget with this one now: they
    asked for a slot to the host this process last sent to within the last
    ``ratebudget.ACTIVE_FOR`` seconds (0 before this process's first request, or when
    the shared budget is not used)."""
    if BUDGET is None or _budget_failed or _last_key is None:
        return 0
    return BUDGET.others(_last_key)


def cool_down(key: str, seconds: float) -> None:
    """After an HTTP 429: every litcli process waits ``seconds`` before its next request."""
    if BUDGET is None or _budget_failed:
        return
    try:
        BUDGET.cool_down(key, seconds)
    except BudgetUnavailable as exc:
        log.info("cool-down not shared (%s)", exc)


_email_warned = False


def _warn_missing_email(notify: Callable[[str], None] | None) -> None:
    global _email_warned
    if _email_warned:
        return
    _email_warned = True
    if notify is not None:
        notify(EMAIL_WARNING)
    else:
        log.warning(EMAIL_WARNING)


# --- helpers ---------------------------------------------------------------------

# The key's value ends at the next URL/text delimiter (keys are letters and digits).
_KEY_IN_URL = re.compile(r"(api_key=)[^&\s'\"()<>\[\]{},;]*", re.IGNORECASE)


def redact(text: str, api_key: str | None = None) -> str:
    """Remove an API key from a URL or message."""
    text = _KEY_IN_URL.sub(r"\1REDACTED", text)
    if api_key:
        text = text.replace(api_key, "REDACTED")
    return text


class _RedactKeyFilter(logging.Filter):
    """Redact ``api_key=...`` in log records (urllib3 logs every request URL at DEBUG)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record is logging's problem, not ours
            return True
        if "api_key=" in message.lower():
            record.msg, record.args = redact(message), None
        return True


_REDACT_FILTER = _RedactKeyFilter()
for _name in ("urllib3.connectionpool", "urllib3.poolmanager", "urllib3.util.retry"):
    logging.getLogger(_name).addFilter(_REDACT_FILTER)


def _host(base_url: str) -> str:
    m = re.match(r"(https?://[^/]+)", base_url)
    return m.group(1) if m else base_url


_ROOT = re.compile(rb"<(?!\?|!)([A-Za-z_][\w.-]*)")
_ERROR_ELEMENT = re.compile(rb"<ERROR>(.*?)</ERROR>", re.DOTALL)


# NCBI's own words for a passing failure inside an HTTP 200 reply ("Search Backend failed:
# Couldn't resolve #exec_db_proxy_error", "temporarily unavailable", ...): retried like a 5xx.
# Anything else NCBI calls an error (a bad query, an unknown database, an empty id list) is
# permanent and reported at once.
_TRANSIENT_TEXT = re.compile(
    r"backend failed|temporar(?:il)?y|unavailable|try again|timed? ?out|time-out"
    r"|server error|internal error|service (?:is )?down|maintenance|too busy|overloaded"
    r"|rate limit|cannot connect|couldn'?t (?:resolve|connect)|connection (?:refused|reset|lost)",
    re.IGNORECASE,
)


def is_transient_error(text: str) -> bool:
    """True when an error text from NCBI describes a passing failure worth retrying."""
    return _TRANSIENT_TEXT.search(text) is not None


def check_body(body: bytes, endpoint: str, *, expect_xml: bool = True) -> None:
    """Raise NCBIResponseError when an HTTP 200 body is an error or unusable.

    Passing failures (an empty body, an HTML page, NCBI's "Search Backend failed" in JSON
    or XML, a cut-off body) raise the ``_Transient`` subclass, which ``_send`` retries.
    """
    head = body[:4096].lstrip()
    if not head:
        raise _Transient(
            f"NCBI returned an empty response to {endpoint}",
            hint="try again later",
            short="NCBI sent an empty reply",
        )
    if head[:1] == b"{":
        message = _json_error(body)
        if message is not None:
            if _is_key_error(body, message):
                raise NCBIResponseError(f"NCBI {endpoint} error: {message}", hint=KEY_HINT)
            _raise_error_text(endpoint, message)
    lowered = head[:512].lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered:
        raise _Transient(
            f"NCBI returned a web page (service down or maintenance) instead of data for {endpoint}",
            hint="try again later",
            short="NCBI sent a web page instead of data",
        )
    if not expect_xml:
        return
    if not head.startswith(b"<"):
        raise NCBIResponseError(f"NCBI returned something other than XML for {endpoint}")
    for chunk in (body[:8192], body[-2048:]):
        m = _ERROR_ELEMENT.search(chunk)
        if m:
            text = " ".join(m.group(1).decode("utf-8", "replace").split())
            _raise_error_text(endpoint, text or "unspecified error")
    root = _ROOT.search(head)
    if root and not body.rstrip().endswith(b"</" + root.group(1) + b">"):
        raise _truncated(endpoint)


def _raise_error_text(endpoint: str, text: str) -> None:
    """NCBI's error text from a 200 reply: transient (retried) or permanent."""
    message = f"NCBI {endpoint} error: {text}"
    if is_transient_error(text):
        shown = text if len(text) <= 80 else text[:77] + "..."
        raise _Transient(message, hint="try again later", short=f"NCBI {endpoint} error ({shown})")
    raise NCBIResponseError(message)


class _Transient(NCBIResponseError):
    """An HTTP 200 reply that is a passing failure: retried like a 5xx, then reported."""

    def __init__(self, message: str, *, hint: str | None = None, short: str = "") -> None:
        super().__init__(message, hint=hint)
        self.short = short or message  # for "...; retrying in 2 s"


class _Truncated(_Transient):
    """Incomplete body: retried like a dropped connection."""


def _truncated(endpoint: str, tries: str | None = None) -> _Truncated:
    what = "; ".join(p for p in ("incomplete XML", tries) if p)
    return _Truncated(
        f"NCBI's {endpoint} response was cut off ({what})",
        hint="try again later",
        short="NCBI's reply was cut off",
    )


def _json_object(body: bytes) -> dict[str, Any] | None:
    import json

    try:
        data = json.loads(body.decode("utf-8", "replace"))
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _json_error(body: bytes) -> str | None:
    """NCBI's JSON error text (only the "error" field: the body may echo the API key)."""
    data = _json_object(body)
    if data is not None:
        err = data.get("error") or (data.get("esearchresult") or {}).get("ERROR")
        if err:
            return " ".join(str(err).split())
    return None


KEY_HINT = "check NCBI_API_KEY or run `litcli config set api-key`"

# "API key invalid", "Invalid API key", "api-key is not valid"; not an echoed URL's "api_key="
_KEY_ERROR_TEXT = re.compile(
    r"\bapi[ -]?key\W{0,3}(?:is\W+)?(?:invalid|not valid|unknown|expired|revoked)\b|\binvalid api[ -]?key\b",
    re.IGNORECASE,
)


def _is_key_error(body: bytes, detail: str | None) -> bool:
    """NCBI's answer to a bad API key: {"error":"API key invalid","api-key":"...","type":"api-key",...}."""
    data = _json_object(body) if body.lstrip()[:1] == b"{" else None
    if data is not None and str(data.get("type", "")).lower() == "api-key":
        return True
    return detail is not None and _KEY_ERROR_TEXT.search(detail) is not None



def _entrez_read(body: bytes, endpoint: str) -> Any:
    from Bio import Entrez

    try:
        return Entrez.read(io.BytesIO(body), validate=False)
    except Exception as exc:  # Bio raises several types (ValidationError, CorruptedXMLError, ...)
        raise NCBIResponseError(
            f"cannot parse NCBI's {endpoint} reply ({type(exc).__name__}); try again later"
        ) from None


def _messages(block: Any) -> list[str]:
    """Flatten Entrez's ErrorList / WarningList dicts into 'Kind: text' lines."""
    out: list[str] = []
    if not isinstance(block, Mapping):
        return out
    for kind, values in block.items():
        items = values if isinstance(values, list) else [values]
        for value in items:
            text = one_line(str(value))  # untrusted: may quote the query, control chars
            if not text:
                continue
            out.append(text if kind == "OutputMessage" else f"{kind}: {text}")
    return out



# --- prefetching ---------------------------------------------------------------------

_DONE = object()


def prefetched(items: Iterable[T]) -> Generator[T, None, None]:
    """The items of ``items``, in order, each produced one ahead of the caller.

    One daemon thread takes item k + 1 from ``items`` (for ``fetch_batches``: sends efetch
    k + 1) while the caller works on item k; an efetch spends its time waiting for a
    rate-limit slot and the network, which releases the GIL, so parsing and storing batch
    k overlaps with fetching batch k + 1.  Never more than one item is produced ahead.  An
    exception raised producing item k is raised to the caller in place of item k (items
    before it are all delivered) and nothing more is produced.  Closing the generator (the
    caller breaks off, fails, or is interrupted by Ctrl-C) stops the thread: the item under
    way, if any, completes or fails in the background and is dropped; nothing further is
    produced and nothing waits for it."""
    pending = iter(items)
    results: queue.SimpleQueue[tuple[bool, Any]] = queue.SimpleQueue()
    permits = threading.Semaphore(1)  # the first item may be produced at once
    stop = threading.Event()

    def work() -> None:
        while True:
            permits.acquire()
            if stop.is_set():
                return
            try:
                value: Any = next(pending, _DONE)
            except BaseException as exc:  # handed to the caller, raised there
                results.put((False, exc))
                return
            results.put((True, value))
            if value is _DONE:
                return

    context = contextvars.copy_context()  # the command's settings overrides (--timeout)
    thread = threading.Thread(target=context.run, args=(work,), name="litcli-prefetch", daemon=True)
    thread.start()
    try:
        while True:
            ok, value = results.get()
            if not ok:
                raise value
            if value is _DONE:
                return
            permits.release()  # the next call runs while the caller works on this result
            yield value
    finally:
        stop.set()
        permits.release()

# --- the client ------------------------------------------------------------------


class EutilsClient:
    """One session to E-utilities.  See the module docstring."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        notify: Callable[[str], None] | None = None,
    ) -> None:
        self.settings = settings if settings is not None else Settings.load()
        # called with one-line messages (missing email, "retrying in 2 s"); default: logging
        self.notify = notify
        self.request_count = 0
        self._session: Any = None

    @property
    def session(self) -> Any:
        """The requests Session, made at the first request (requests is imported then:
        after ``before_first_request``, and not at all by a search answered from the
        library)."""
        if self._session is None:
            import requests

            self._session = requests.Session()
            self._session.headers["User-Agent"] = (
                f"litcli/{__version__} (+https://pypi.org/project/litcli/)"
            )
        return self._session

    def close(self) -> None:
        if self._session is not None:
            self._session.close()

    def __enter__(self) -> EutilsClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- public API -------------------------------------------------------------

    def esearch(
        self,
        term: str,
        *,
        retmax: int = 20,
        retstart: int = 0,
        sort: str | None = None,
        usehistory: bool = True,
        mindate: str | None = None,
        maxdate: str | None = None,
        datetype: str = "pdat",
        db: str = "pubmed",
    ) -> SearchResult:
        params: dict[str, Any] = {"db": db, "term": term, "retmax": retmax, "retstart": retstart}
        if usehistory:
            params["usehistory"] = "y"
        if sort:
            params["sort"] = sort
        if mindate or maxdate:
            params.update(datetype=datetype, mindate=mindate or "1800", maxdate=maxdate or "3000")
        data = _entrez_read(self._request("esearch", params), "esearch")
        return SearchResult(
            count=int(data.get("Count", 0)),
            ids=[str(i) for i in data.get("IdList", [])],
            retstart=int(data.get("RetStart", retstart)),
            retmax=int(data.get("RetMax", retmax)),
            webenv=str(data["WebEnv"]) if data.get("WebEnv") else None,
            query_key=str(data["QueryKey"]) if data.get("QueryKey") else None,
            query_translation=one_line(str(data["QueryTranslation"]))
            if data.get("QueryTranslation")
            else None,
            warnings=_messages(data.get("WarningList")),
            errors=_messages(data.get("ErrorList")),
        )

    def efetch(
        self,
        *,
        ids: Sequence[str] | None = None,
        webenv: str | None = None,
        query_key: str | None = None,
        retstart: int = 0,
        retmax: int | None = None,
        rettype: str | None = None,
        retmode: str = "xml",
        db: str = "pubmed",
    ) -> bytes:
        params: dict[str, Any] = {"db": db, "retmode": retmode}
        if ids is not None:
            if not ids:
                raise ValueError("efetch needs at least one id")
            params["id"] = ",".join(str(i) for i in ids)
        elif webenv and query_key:
            params.update(WebEnv=webenv, query_key=query_key, retstart=retstart)
        else:
            raise ValueError("efetch needs ids or webenv + query_key")
        if retmax is not None:
            params["retmax"] = retmax
        if rettype:
            params["rettype"] = rettype
        return self._request("efetch", params, expect_xml=retmode == "xml")

    def fetch_batches(
        self,
        *,
        ids: Sequence[str] | None = None,
        search: SearchResult | None = None,
        total: int | None = None,
        batch_size: int | None = None,
        progress: Callable[[int, int], None] | None = None,
        rettype: str | None = None,
        retmode: str = "xml",
    ) -> Iterator[bytes]:
        """Yield one efetch body per batch: ceil(total / batch_size) requests, in order.

        The next batch is fetched while the caller works on the current one (``prefetched``:
        one batch ahead, in a background thread, through the same pacing and rate budget);
        an error of batch k is raised when the caller asks for batch k, after every batch
        before it was handed over, and no batch after it is requested.  ``progress(done,
        total)`` is called when the caller has taken a batch and asks for the next."""
        size = batch_size or self.settings.batch_size
        calls: list[Callable[[], bytes]] = []
        ends: list[int] = []
        if ids is not None:
            id_list = [str(i) for i in ids]
            n = len(id_list) if total is None else min(total, len(id_list))
            for start in range(0, n, size):
                chunk = id_list[start : min(start + size, n)]
                calls.append(functools.partial(self.efetch, ids=chunk, rettype=rettype, retmode=retmode))
                ends.append(start + len(chunk))
        elif search is None:
            raise ValueError("fetch_batches needs ids or a search result")
        elif not (search.webenv and search.query_key):  # no history: fetch the ids we have
            n = search.count if total is None else min(total, search.count)
            yield from self.fetch_batches(
                ids=search.ids[:n],
                batch_size=size,
                progress=progress,
                rettype=rettype,
                retmode=retmode,
            )
            return
        else:
            n = search.count if total is None else min(total, search.count)
            for start in range(0, n, size):
                count = min(size, n - start)
                calls.append(
                    functools.partial(
                        self.efetch,
                        webenv=search.webenv,
                        query_key=search.query_key,
                        retstart=start,
                        retmax=count,
                        rettype=rettype,
                        retmode=retmode,
                    )
                )
                ends.append(start + count)
        if progress and n:
            progress(0, n)
        bodies = prefetched(call() for call in calls)
        try:
            for body, done in zip(bodies, ends, strict=True):
                yield body
                if progress:
                    progress(done, n)
        finally:
            bodies.close()

    def epost(self, ids: Sequence[str], *, db: str = "pubmed") -> tuple[str, str]:
        body = self._request("epost", {"db": db, "id": ",".join(map(str, ids))}, force_post=True)
        data = _entrez_read(body, "epost")
        if not data.get("WebEnv") or not data.get("QueryKey"):
            raise NCBIResponseError("NCBI's epost reply has no WebEnv/QueryKey; try again later")
        return str(data["WebEnv"]), str(data["QueryKey"])

    def elink(
        self,
        ids: Sequence[str],
        *,
        cmd: str = "neighbor",
        linkname: str | None = None,
        dbfrom: str = "pubmed",
        db: str = "pubmed",
    ) -> list[dict]:
        params: dict[str, Any] = {
            "dbfrom": dbfrom,
            "db": db,
            "cmd": cmd,
            "id": ",".join(map(str, ids)),
        }
        if linkname:
            params["linkname"] = linkname
        return list(_entrez_read(self._request("elink", params), "elink"))

    def ecitmatch(self, citations: Sequence[CitationQuery]) -> dict[str, CitationMatch]:
        """PMIDs for citations (journal, year, volume, first page, first author) in ONE
        ECitMatch request; answers by ``key``.  NCBI's reply is text, one line per citation:
        ``journal|year|volume|page|author|key|PMID`` (or ``NOT_FOUND…`` / ``AMBIGUOUS…``)."""
        if not citations:
            return {}
        lines = [c.line() for c in citations]
        body = self._request(
            "ecitmatch", {"db": "pubmed", "retmode": "xml", "bdata": "\r".join(lines)},
            expect_xml=False,
        )
        return parse_ecitmatch(body.decode("utf-8", "replace"))

    def einfo(self, db: str | None = None) -> dict:
        params = {"db": db} if db else {}
        return dict(_entrez_read(self._request("einfo", params), "einfo"))

    # --- transport --------------------------------------------------------------

    def url(self, endpoint: str) -> str:
        suffix = ".cgi" if endpoint in CGI_ENDPOINTS else ".fcgi"
        return f"{self.settings.base_url.rstrip('/')}/{endpoint}{suffix}"

    def _common_params(self) -> dict[str, str]:
        s = self.settings
        params = {"tool": s.tool}
        if s.email:
            params["email"] = s.email
        else:
            _warn_missing_email(self.notify)
        if s.api_key:
            params["api_key"] = s.api_key
        return params

    def _request(
        self,
        endpoint: str,
        params: Mapping[str, Any],
        *,
        expect_xml: bool = True,
        force_post: bool = False,
    ) -> bytes:
        """One E-utilities call with pacing and retries; errors never carry the key."""
        try:
            return self._send(endpoint, params, expect_xml=expect_xml, force_post=force_post)
        except LitcliError as exc:
            exc.message = redact(exc.message, self.settings.api_key)
            exc.hint = redact(exc.hint, self.settings.api_key) if exc.hint else exc.hint
            raise

    def _send(
        self,
        endpoint: str,
        params: Mapping[str, Any],
        *,
        expect_xml: bool,
        force_post: bool,
    ) -> bytes:
        s = self.settings
        url = self.url(endpoint)
        all_params = {**params, **self._common_params()}
        post = force_post or len(urlencode(all_params)) > s.post_over
        interval = PACING_MARGIN / s.rate
        failure: Exception | None = None
        # the last failure again, with "after N tries" inside its own parentheses
        final: Callable[[str], NCBIError] | None = None
        tries = s.max_tries
        attempt = 0
        status: int | None = None
        # One budget for the whole request: every try, every wait and every byte of the reply.
        budget = s.deadline(endpoint)
        started = time.monotonic()
        deadline = started + budget
        out_of_time = False
        host = _host(s.base_url)
        before_first_request(host, interval, limit=deadline - time.monotonic())
        import requests

        # built before the first slot is taken, so the request leaves as soon as it has one
        try:
            prepared = self.session.prepare_request(
                requests.Request(
                    "POST" if post else "GET",
                    url,
                    data=all_params if post else None,
                    params=None if post else all_params,
                )
            )
            send_options = self.session.merge_environment_settings(
                prepared.url or url, {}, True, None, None
            )
        except requests.exceptions.RequestException as exc:  # invalid URL and the like
            raise NetworkError(
                f"cannot send a request to {redact(url)}: {type(exc).__name__}",
                hint="check the base URL (litcli config get base-url)",
            ) from None
        send_options.pop("stream", None)
        while attempt < tries:
            attempt += 1
            if not pace(host, interval, limit=deadline - time.monotonic(), announce=self._cooling):
                attempt -= 1  # not sent
                out_of_time = True
                break
            self.request_count += 1
            log.debug("%s %s try %d", "POST" if post else "GET", redact(url), attempt)
            retry_after: float | None = None
            final = None
            status = None
            left = max(deadline - time.monotonic(), 0.001)
            timeout = (min(s.connect_timeout, left), min(s.read_timeout, left))
            resp = None
            try:
                resp = self.session.send(prepared, timeout=timeout, stream=True, **send_options)
                body = _read_body(resp, deadline)
            except _PastDeadline as exc:
                failure, out_of_time = exc, True
                break
            except requests.exceptions.Timeout as exc:
                failure = exc
            except (
                requests.exceptions.ConnectionError,
                requests.exceptions.ChunkedEncodingError,
            ) as exc:
                failure = exc
                if _connection_reason(exc) == "connection refused":
                    tries = min(tries, REFUSED_TRIES)
            except requests.exceptions.RequestException as exc:  # invalid URL and the like
                raise NetworkError(
                    f"cannot send a request to {redact(url)}: {type(exc).__name__}",
                    hint="check the base URL (litcli config get base-url)",
                ) from None
            else:
                if resp.status_code == 200:
                    try:
                        check_body(body, endpoint, expect_xml=expect_xml)
                        return body
                    except _Transient as exc:  # empty, HTML, "Backend failed", cut off
                        failure = exc
                        if isinstance(exc, _Truncated):
                            final = functools.partial(_truncated, endpoint)
                elif resp.status_code in RETRY_STATUSES:
                    status = resp.status_code
                    has_key = bool(s.api_key)
                    failure = _http_error(endpoint, resp.status_code, body, has_key=has_key)
                    final = functools.partial(
                        _http_error, endpoint, resp.status_code, body, has_key=has_key
                    )
                    retry_after = _retry_after(resp.headers.get("Retry-After"))
                else:
                    raise _http_error(endpoint, resp.status_code, body, has_key=bool(s.api_key))
            finally:
                if resp is not None:
                    resp.close()
            if time.monotonic() >= deadline:
                out_of_time = True
                break
            delay = self._backoff(attempt, retry_after)
            if status == 429:  # every litcli process of the user backs off, not only this one
                cool_down(host, delay)
            if attempt < tries:
                if time.monotonic() + delay >= deadline:  # the next try would start too late
                    out_of_time = True
                    break
                self._say(
                    f"{self._what_failed(failure, status)}; retrying in {_seconds(delay)} "
                    f"(attempt {attempt + 1} of {tries})"
                )
                time.sleep(delay)
        # `from None`: a requests exception's text holds the full URL, api_key included.
        if out_of_time:
            raise self._deadline_error(
                endpoint, failure, status, budget=budget, waited=time.monotonic() - started,
                tries=attempt,
            ) from None
        raise self._final_error(endpoint, failure, final, tries=attempt) from None

    def _deadline_error(
        self,
        endpoint: str,
        failure: Exception | None,
        status: int | None,
        *,
        budget: float,
        waited: float,
        tries: int,
    ) -> RequestTimeoutError:
        """The request's time budget is spent: say how long litcli waited (exit 4)."""
        import requests

        host = redact(_host(self.settings.base_url))
        if failure is None:  # never sent: the rate budget's next slot came too late
            last = "waiting for a request slot (NCBI's rate limit, shared by every litcli process)"
        elif isinstance(failure, _PastDeadline):
            last = "the reply was still arriving"
        elif isinstance(failure, requests.exceptions.Timeout):
            last = "no answer"
        else:
            last = self._what_failed(failure, status)
        return RequestTimeoutError(
            f"NCBI E-utilities ({host}) did not complete {endpoint} within its {budget:g} s "
            f"time limit: gave up after waiting {_seconds(waited)} "
            f"({tries} {'try' if tries == 1 else 'tries'}; last: {last})",
            hint="NCBI may be busy; try again later, or allow more time with --timeout SECONDS "
            "(or: litcli config set timeout SECONDS)",
        )

    def _cooling(self, seconds: float) -> None:
        self._say(f"NCBI busy (HTTP 429 to another litcli process); waiting {_seconds(seconds)}")

    def _say(self, message: str) -> None:
        """One line for the user (through ``notify``), e.g. before a retry's wait."""
        message = redact(message, self.settings.api_key)
        if self.notify is not None:
            self.notify(message)
        else:
            log.info(message)

    def _what_failed(self, failure: Exception | None, status: int | None) -> str:
        """'NCBI busy (HTTP 429)', 'cannot reach NCBI (connection refused)', ..."""
        import requests

        s = self.settings
        if status == 429:
            return "NCBI busy (HTTP 429)"
        if status is not None:
            return f"NCBI error (HTTP {status})"
        if isinstance(failure, _Transient):
            return failure.short
        if isinstance(failure, requests.exceptions.ConnectTimeout):
            return f"no connection to NCBI within {s.connect_timeout:g} s"
        if isinstance(failure, requests.exceptions.Timeout):
            return f"NCBI did not answer within {s.read_timeout:g} s"
        reason = _connection_reason(failure)
        if reason in ("connection refused", "host name not found", "connection failed"):
            return f"cannot reach NCBI ({reason})"
        return f"connection to NCBI lost ({reason})"

    def _backoff(self, attempt: int, retry_after: float | None) -> float:
        s = self.settings
        if retry_after is not None:
            # jitter: processes told the same Retry-After must not come back in lockstep
            # (up to one `backoff`, as the computed delays get)
            return min(retry_after, s.retry_after_max) + random.uniform(0, s.backoff)
        base = s.backoff * (2 ** (attempt - 1))
        return min(base + random.uniform(0, s.backoff), s.backoff_max)

    def _final_error(
        self,
        endpoint: str,
        failure: Exception | None,
        final: Callable[[str], NCBIError] | None = None,
        *,
        tries: int,
    ) -> Exception:
        import requests

        s = self.settings
        tries_text = f"after {tries} {'try' if tries == 1 else 'tries'}"
        host = redact(_host(s.base_url))
        if final is not None:  # "(HTTP 503: ...; after 2 tries)", the hint last
            return final(tries_text)
        if isinstance(failure, NCBIError):
            failure.message = f"{failure.message} ({tries_text})"
            return failure
        if isinstance(failure, requests.exceptions.ConnectTimeout):
            return RequestTimeoutError(
                f"cannot reach NCBI E-utilities ({host}): no connection within {s.connect_timeout:g} s ({tries_text})",
                hint="check your network; raise the limit with: litcli config set connect-timeout SECONDS",
            )
        if isinstance(failure, requests.exceptions.Timeout):
            return RequestTimeoutError(
                f"NCBI E-utilities ({host}) did not answer {endpoint} within {s.read_timeout:g} s ({tries_text})",
                hint="NCBI may be busy; try again later or raise: litcli config set read-timeout SECONDS",
            )
        reason = _connection_reason(failure)
        return NetworkError(
            f"cannot reach NCBI E-utilities ({host}): {reason} ({tries_text})",
            hint="check your network connection, proxy or the base URL (litcli config get)",
        )


class _PastDeadline(Exception):
    """The request's overall time budget ran out while its reply was arriving."""


_CHUNK = 64 * 1024


def _read_body(resp: Any, deadline: float) -> bytes:
    """The reply's body, read as it arrives; ``_PastDeadline`` once ``deadline`` passes.

    ``read1`` returns whatever has arrived (each socket read waits at most the read
    timeout), so a reply that trickles in is stopped near the deadline.  urllib3's errors
    become the requests exceptions ``Response.content`` would raise.
    """
    import requests
    from urllib3 import exceptions as u3

    read1 = getattr(resp.raw, "read1", None)
    chunks: list[bytes] = []
    if read1 is None:  # urllib3 1.x: requests' own chunks, the deadline checked between them
        for chunk in resp.iter_content(_CHUNK):
            chunks.append(chunk)
            if time.monotonic() > deadline:
                raise _PastDeadline()
        return b"".join(chunks)
    while True:
        if time.monotonic() > deadline:
            raise _PastDeadline()
        try:
            chunk = read1(_CHUNK, decode_content=True)
        except u3.ProtocolError as exc:
            raise requests.exceptions.ChunkedEncodingError(exc) from None
        except u3.DecodeError as exc:
            raise requests.exceptions.ContentDecodingError(exc) from None
        except u3.ReadTimeoutError as exc:
            raise requests.exceptions.ConnectionError(exc) from None
        except u3.SSLError as exc:
            raise requests.exceptions.SSLError(exc) from None
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _connection_reason(exc: Exception | None) -> str:
    text = str(exc).lower() if exc is not None else ""
    for needle, reason in [
        ("refused", "connection refused"),
        ("name or service not known", "host name not found"),
        ("nodename nor servname", "host name not found"),
        ("getaddrinfo", "host name not found"),
        ("incompleteread", "connection closed mid-response"),
        ("connection broken", "connection closed mid-response"),
        ("reset", "connection reset"),
        ("remote end closed", "connection closed without a response"),
        ("remotedisconnected", "connection closed without a response"),
        ("aborted", "connection aborted"),
    ]:
        if needle in text:
            return reason
    return "connection failed"


def _seconds(delay: float) -> str:
    """'0.5 s', '2 s', '120 s' for a retry message."""
    if delay < 1:
        return f"{delay:.2g} s"
    if delay < 10:
        return f"{delay:.1f}".rstrip("0").rstrip(".") + " s"
    return f"{delay:.0f} s"


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        seconds = float(value.strip())
    except ValueError:
        from email.utils import parsedate_to_datetime

        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        seconds = when.timestamp() - time.time()
    if math.isnan(seconds):
        return None
    return max(0.0, seconds)


RATE_HINT_NO_KEY = "add an API key (litcli config set api-key) or try again in a minute"
# with a key already in use, adding one is no advice: NCBI's 10 requests/s are shared by
# every process using the key
RATE_HINT_KEY = (
    "your API key allows 10 requests/s, shared by every process that uses it; "
    "run fewer at once or try again in a minute"
)


def _http_error(
    endpoint: str, status: int, body: bytes, tries: str | None = None, *, has_key: bool = False
) -> NCBIError:
    """The error for an HTTP error status; ``tries`` ("after 3 tries") joins the parentheses;
    ``has_key``: an API key was sent (the 429 hint then does not ask for one)."""
    detail = _json_error(body) if body.lstrip()[:1] == b"{" else None
    if detail is None:
        m = _ERROR_ELEMENT.search(body[:8192])
        if m:
            detail = " ".join(m.group(1).decode("utf-8", "replace").split())
    what = "; ".join(p for p in (f"HTTP {status}" + (f": {detail}" if detail else ""), tries) if p)
    if status < 500 and status != 429 and _is_key_error(body, detail):
        return NCBIError(f"NCBI rejected the API key on {endpoint} ({what})", hint=KEY_HINT, status=status)
    if status == 429:
        return RateLimitError(
            f"NCBI rate limit exceeded ({what})",
            hint=RATE_HINT_KEY if has_key else RATE_HINT_NO_KEY,
            status=status,
        )
    if status == 414:
        return NCBIError(
            f"NCBI rejected the {endpoint} request as too long ({what})", status=status
        )
    if status >= 500:
        return NCBIError(
            f"NCBI E-utilities failed on {endpoint} ({what})",
            hint="NCBI is having trouble; try again later",
            status=status,
        )
    return NCBIError(
        f"NCBI refused the {endpoint} request ({what})",
        hint="check the query syntax" if endpoint == "esearch" else None,
        status=status,
    )
