"""NIH iCite transport and parsing: citation metrics for PMIDs.

``ICiteClient.metrics`` asks ``{base}/pubs?pmids=...`` in batches of up to 1,000 PMIDs
(iCite's limit), retrying 429/5xx/network failures with backoff inside the per-request
time budget, as ``litcli.eutils`` does for NCBI.  ``parse_pub`` reads both the old field
shapes and the 2025 ones (authors as objects, booleans instead of "Yes"/"No",
``nih_percentile`` null, fields missing): a metric iCite does not give is ``None`` (shown
empty), never zero.

``fetch_metrics`` is what commands use: iCite down, or answering HTML, leaves the metrics
empty and reports ONE warning; the command goes on.
"""

from __future__ import annotations

import json
import logging
import math
import random
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from litcli import __version__
from litcli.config import DEFAULT_ICITE_URL, Settings
from litcli.errors import LitcliError
from litcli.textsafe import one_line

log = logging.getLogger(__name__)

BATCH_SIZE = 1000  # iCite's limit per request
METRICS_TTL = 30 * 86400.0  # stored metrics are asked again after 30 days
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
DEADLINE = 90.0  # seconds per request (every try and wait) unless `timeout` is set


class ICiteError(LitcliError):
    """iCite could not be reached or answered something that is not its JSON."""


@dataclass(frozen=True)
class Metrics:
    """iCite's metrics for one PMID; ``None``: iCite gives no value (never read as zero)."""

    pmid: str
    citation_count: int | None = None
    relative_citation_ratio: float | None = None
    nih_percentile: float | None = None
    citations_per_year: float | None = None
    clinical_citations: int | None = None  # papers citing it that are clinical (cited_by_clin)
    human: float | None = None  # share of MeSH terms: human / animal / molecular-cellular
    animal: float | None = None
    molecular_cellular: float | None = None
    apt: float | None = None  # approximate potential to translate (0.05 .. 0.95)
    is_clinical: bool | None = None
    provisional: bool | None = None  # RCR provisional (recent paper)
    year: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Metrics:
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data and k != "pmid"}
        return cls(str(data.get("pmid", "")), **known)


# --- parsing -----------------------------------------------------------------------


def _number(value: Any) -> float | None:
    """A finite number, or None for null, "", "NA", booleans and junk."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        text = value.strip()
        if not text or text.upper() in ("NA", "N/A", "NULL", "NONE", "-"):
            return None
        try:
            number = float(text)
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None


def _integer(value: Any) -> int | None:
    number = _number(value)
    return int(number) if number is not None and number >= 0 else None


def _boolean(value: Any) -> bool | None:
    """true/false (2025) or "Yes"/"No" (before)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return bool(value)
    if isinstance(value, str):
        text = value.strip().lower()
        if text in ("yes", "true", "y", "1"):
            return True
        if text in ("no", "false", "n", "0"):
            return False
    return None


def _id_count(value: Any) -> int | None:
    """How many PMIDs a list field holds: a JSON list, or "123 456" / "123,456" (older)."""
    if value is None:
        return None
    if isinstance(value, list):
        return len([v for v in value if str(v).strip()])
    if isinstance(value, str):
        return len(value.replace(",", " ").split())
    return None


def parse_pub(item: Mapping[str, Any]) -> Metrics | None:
    """One entry of iCite's ``data`` list; None when it has no PMID."""
    pmid = item.get("pmid", item.get("_id"))
    pmid_text = str(pmid).strip() if pmid is not None else ""
    if not pmid_text.isdigit():
        return None
    year = _integer(item.get("year"))
    return Metrics(
        pmid=pmid_text,
        citation_count=_integer(item.get("citation_count")),
        relative_citation_ratio=_number(item.get("relative_citation_ratio")),
        nih_percentile=_number(item.get("nih_percentile")),
        citations_per_year=_number(item.get("citations_per_year")),
        clinical_citations=_id_count(item.get("cited_by_clin")),
        human=_number(item.get("human")),
        animal=_number(item.get("animal")),
        molecular_cellular=_number(item.get("molecular_cellular")),
        apt=_number(item.get("apt")),
        is_clinical=_boolean(item.get("is_clinical")),
        provisional=_boolean(item.get("provisional")),
        year=year if year else None,
    )


def parse_reply(body: bytes) -> dict[str, Metrics]:
    """iCite's JSON reply (``{"data": [...]}``, or a bare list) by PMID; ICiteError when the
    body is not that JSON (an HTML page, a cut-off reply)."""
    head = body[:512].lstrip()
    if not head:
        raise ICiteError("iCite sent an empty reply")
    if head[:1] == b"<":
        raise ICiteError("iCite sent an HTML page instead of JSON")
    try:
        data = json.loads(body.decode("utf-8", "replace"))
    except json.JSONDecodeError:
        raise ICiteError("iCite's reply is not valid JSON") from None
    items = data.get("data") if isinstance(data, dict) else data
    if isinstance(data, dict) and items is None and data.get("error"):
        raise ICiteError(f"iCite answered an error: {one_line(str(data['error']))[:200]}")
    if not isinstance(items, list):
        raise ICiteError("iCite's reply has no data list")
    out: dict[str, Metrics] = {}
    for item in items:
        if isinstance(item, dict):
            metrics = parse_pub(item)
            if metrics is not None:
                out[metrics.pmid] = metrics
    return out


# --- transport ---------------------------------------------------------------------


def icite_base(settings: Settings) -> str:
    return settings.icite_url or DEFAULT_ICITE_URL


class ICiteClient:
    """One session to iCite.  See the module docstring."""

    def __init__(
        self, settings: Settings | None = None, *, notify: Callable[[str], None] | None = None
    ) -> None:
        import requests

        self.settings = settings if settings is not None else Settings.load()
        self.notify = notify
        self.session = requests.Session()
        self.session.headers["User-Agent"] = f"litcli/{__version__} (+https://pypi.org/project/litcli/)"
        self.session.headers["Accept"] = "application/json"

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> ICiteClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def url(self) -> str:
        return icite_base(self.settings).rstrip("/") + "/pubs"

    def metrics(self, pmids: Iterable[str]) -> dict[str, Metrics]:
        """Metrics by PMID, ceil(n / 1,000) requests; PMIDs iCite does not know are absent."""
        ids = list(dict.fromkeys(str(p).strip() for p in pmids if str(p).strip().isdigit()))
        out: dict[str, Metrics] = {}
        for start in range(0, len(ids), BATCH_SIZE):
            chunk = ids[start : start + BATCH_SIZE]
            out.update(parse_reply(self._get({"pmids": ",".join(chunk), "format": "json"})))
        return out

    def _get(self, params: Mapping[str, str]) -> bytes:
        return get_json(self.session, self.url, params, self.settings, service="iCite",
                        base=icite_base(self.settings), error=ICiteError, notify=self._say)

    def _say(self, message: str) -> None:
        if self.notify is not None:
            self.notify(message)
        else:
            log.info(message)


def get_json(
    session: Any,
    url: str,
    params: Mapping[str, str],
    s: Settings,
    *,
    service: str,
    error: type[LitcliError],
    base: str | None = None,
    notify: Callable[[str], None] | None = None,
) -> bytes:
    """One GET to a JSON service (iCite, the PMC ID converter): retries on 429/5xx, network
    failures and HTML pages with backoff, all inside the request's time budget; ``error``
    (one line) when it does not answer."""
    import requests

    budget = s.timeout or DEADLINE
    deadline = time.monotonic() + budget
    tries = s.max_tries
    what = "no answer"
    for attempt in range(1, tries + 1):
        left = deadline - time.monotonic()
        if left <= 0:
            break
        retry_after: float | None = None
        try:
            resp = session.get(
                url, params=dict(params),
                timeout=(min(s.connect_timeout, left), min(s.read_timeout, left)),
            )
        except requests.exceptions.Timeout:
            what = "no answer in time"
        except requests.exceptions.RequestException as exc:
            what = _reason(exc)
            if "refused" in what:
                tries = min(tries, 2)
        else:
            if resp.status_code == 200:
                body = bytes(resp.content)
                if body[:512].lstrip()[:1] != b"<":
                    return body
                what = "an HTML page instead of JSON"
            elif resp.status_code in RETRY_STATUSES:
                what = f"HTTP {resp.status_code}"
                retry_after = _number(resp.headers.get("Retry-After"))
            else:
                raise error(f"{service} refused the request (HTTP {resp.status_code})")
        if attempt >= tries:
            break
        delay = _backoff(s, attempt, retry_after)
        if time.monotonic() + delay >= deadline:
            break
        if notify is not None:
            notify(f"{service}: {what}; retrying in {delay:.2g} s (attempt {attempt + 1} of {tries})")
        time.sleep(delay)
    raise error(f"{service} ({base or url}) did not answer ({what})")


def _backoff(s: Settings, attempt: int, retry_after: float | None) -> float:
    if retry_after is not None:
        return min(max(retry_after, 0.0), s.retry_after_max) + random.uniform(0, s.backoff)
    return min(s.backoff * (2 ** (attempt - 1)) + random.uniform(0, s.backoff), s.backoff_max)


def _reason(exc: Exception) -> str:
    text = str(exc).lower()
    if "refused" in text:
        return "connection refused"
    if "name or service not known" in text or "getaddrinfo" in text:
        return "host name not found"
    return "connection failed"


def fetch_metrics(
    pmids: Sequence[str],
    *,
    settings: Settings | None = None,
    warn: Callable[[str], None] | None = None,
    client: ICiteClient | None = None,
) -> dict[str, Metrics]:
    """Metrics by PMID; when iCite fails, what arrived so far and ONE warning through
    ``warn`` (never an exception: citation metrics are extra context)."""
    if not pmids:
        return {}
    own = client is None
    icite = client or ICiteClient(settings)
    out: dict[str, Metrics] = {}
    try:
        ids = list(dict.fromkeys(pmids))
        for start in range(0, len(ids), BATCH_SIZE):
            out.update(icite.metrics(ids[start : start + BATCH_SIZE]))
    except ICiteError as exc:
        message = f"citation metrics not available: {exc.message}; shown empty"
        if warn is not None:
            warn(message)
        else:
            log.warning(message)
    finally:
        if own:
            icite.close()
    return out


def metrics_from(
    pmids: Sequence[str],
    *,
    library: Any = None,
    offline: bool = False,
    refresh: bool = False,
    settings: Settings | None = None,
    warn: Callable[[str], None] | None = None,
    library_warn: Callable[[str], None] | None = None,
) -> dict[str, Metrics]:
    """Metrics by PMID: the library's (fetched within 30 days; any age offline), the rest
    from iCite (kept in the library, dated).  iCite failing: one warning, stale stored
    metrics where there are any, the rest empty.  A library that cannot be read or written
    is reported through ``library_warn`` and passed over."""
    from litcli.errors import LibraryError

    ids = list(dict.fromkeys(str(p) for p in pmids if str(p).isdigit()))
    out: dict[str, Metrics] = {}
    stale: dict[str, Metrics] = {}
    known: set[str] = set()
    if library is not None and ids:
        try:
            stored = library.metrics_get(ids, max_age=float("inf"))
            fresh = library.metrics_get(ids, max_age=METRICS_TTL) if not offline else stored
        except LibraryError as exc:
            (library_warn or log.warning)(f"stored citation metrics not read: {exc.message}")
            stored, fresh = {}, {}
        for pmid, data in stored.items():
            if pmid in fresh and not refresh:
                known.add(pmid)  # {}: iCite had nothing for it when last asked
            if data:
                target = out if pmid in known else stale
                target[pmid] = Metrics.from_dict({**data, "pmid": pmid})
    missing = [p for p in ids if p not in known]
    fetched: dict[str, Metrics] = {}
    failed: list[str] = []
    if missing and not offline:

        def failure(message: str) -> None:
            failed.append(message)
            (warn or log.warning)(message)

        fetched = fetch_metrics(missing, settings=settings, warn=failure)
    if (fetched or (missing and not offline and not failed)) and library is not None:
        keep: dict[str, dict] = {p: m.to_dict() for p, m in fetched.items()}
        if not failed:  # asked and answered: PMIDs iCite does not know are kept as {}
            keep.update({p: {} for p in missing if p not in fetched})
        try:
            library.metrics_put(keep)
        except LibraryError as exc:
            (library_warn or log.warning)(f"citation metrics not kept: {exc.message}")
    merged = {**stale, **out, **fetched}
    return {p: merged[p] for p in ids if p in merged}
