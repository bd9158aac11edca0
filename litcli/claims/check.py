"""Orchestration: article -> claims -> one query each -> one batched efetch -> verdicts.

Network use is bounded: one esearch per checkable claim (plus one per
relaxation, counted in the report), answered from the library's search cache
when fresh, then ONE batched efetch for the union of PMIDs not already in the
library.  Everything fetched is stored in the library.  ``offline=True``
answers every query from the library's full-text index instead.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from litcli.claims.evidence import NEUTRAL, Evidence, assess
from litcli.claims.extract import Article, Claim, Skipped, extract_claims
from litcli.claims.query import QueryPlan, build_plan
from litcli.claims.verdict import FAILING, Verdict, decide
from litcli.errors import LibraryError, NCBIError, NetworkError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from litcli.eutils import EutilsClient
    from litcli.library import Library
    from litcli.models import Record

log = logging.getLogger(__name__)

DEFAULT_RETMAX = 10  # records per claim
DEFAULT_MAX_CLAIMS = 200  # claims searched per article (--max-claims); the rest are left out, with a note
EFETCH_BATCH = 500  # PMIDs per efetch request (POSTed)

LIMITS = [
    "Abstracts only: full texts, figures and supplementary data are not read.",
    "Records are PubMed's most relevant matches for an automatic query; relevant studies can be missed.",
    "Stance and study design are detected by rules, not by a reviewer; read the cited abstracts.",
    "This is a triage aid for writers and editors, not a systematic review and not medical advice.",
]

# A claim whose PubMed search (or the fetch of its records) failed after every retry: the
# report keeps the other claims and marks this one (see ClaimResult.error).
NOT_CHECKED = "not checked"
# After this many claims in a row fail with an NCBI error, the rest are not tried (a network
# error stops the searches at once): a failing NCBI must not cost minutes per claim.
FAILURES_IN_A_ROW = 3

# progress(event, index, total, claim): event is "search", "fetch" or "assess"
Progress = Callable[[str, int, int, Claim | None], None]


@dataclass
class SearchAttempt:
    query: str
    count: int
    dropped: str | None  # the group dropped to get this query (None for the first)
    source: str  # "pubmed" | "cache" | "library"

    def to_dict(self) -> dict[str, object]:
        return {"query": self.query, "count": self.count, "dropped": self.dropped, "source": self.source}


@dataclass
class ClaimResult:
    claim: Claim
    plan: QueryPlan
    verdict: Verdict
    attempts: list[SearchAttempt] = field(default_factory=list)
    pmids: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    error: str | None = None  # why it was not checked (NCBI / network error); verdict NOT_CHECKED

    @property
    def query(self) -> str | None:
        return self.attempts[-1].query if self.attempts else (self.plan.query() if self.plan.groups else None)

    @property
    def relaxations(self) -> int:
        return max(0, len(self.attempts) - 1)

    def shown(self, top: int = 5) -> list[Evidence]:
        """The citations to show: every record about the claim that supports or contradicts it
        (the verdict's reason counts them, so they are never hidden), retracted ones, and up to
        ``top`` in all with the neutral ones that speak to the claim; strongest first."""
        ranked = [e for e in self.evidence if e.about_claim and e.rationale]
        must = {id(e) for e in ranked if e.stance != NEUTRAL or not e.counted}
        room = max(0, top - len(must))
        keep = must | {id(e) for e in [e for e in ranked if id(e) not in must][:room]}
        return [e for e in ranked if id(e) in keep]

    def also_found(self) -> list[Evidence]:
        """Records found by the query but not about the claim: listed with why, never counted."""
        return [e for e in self.evidence if not e.about_claim]


@dataclass
class CheckReport:
    article: Article
    results: list[ClaimResult]
    offline: bool
    skipped: list[Skipped] = field(default_factory=list)
    esearch_requests: int = 0
    efetch_requests: int = 0
    cached_searches: int = 0
    fetched_records: int = 0
    library_records: int = 0
    library_size: int | None = None  # records in the local library (offline checks only)
    left_out: int = 0  # claims found beyond --max-claims, not checked
    generated: str = field(
        default_factory=lambda: datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    )

    def counts(self) -> dict[str, int]:
        from litcli.claims.verdict import VERDICTS

        out = dict.fromkeys(VERDICTS, 0)
        for r in self.results:
            out[r.verdict.verdict] = out.get(r.verdict.verdict, 0) + 1  # NOT_CHECKED: only when any
        return out

    @property
    def overstated(self) -> int:
        return sum(1 for r in self.results if r.verdict.overstated)

    @property
    def checked(self) -> int:
        """Claims that were searched (every claim that is neither "not checkable" nor
        "not checked")."""
        return sum(1 for r in self.results if r.plan.checkable and r.error is None)

    @property
    def incomplete(self) -> list[ClaimResult]:
        """The claims that could not be checked because NCBI failed (after retries)."""
        return [r for r in self.results if r.error is not None]

    @property
    def failed(self) -> bool:
        """True when a claim is contradicted or has no evidence, or when nothing at all
        was checked (no claims, or none checkable): what ``--strict`` tests."""
        return self.checked == 0 or any(r.verdict.verdict in FAILING for r in self.results)


def _sort_key(e: Evidence) -> tuple[int, int, int, float]:
    model_penalty = 10 if e.model in ("animal", "in vitro") else 0
    return (0 if e.about_claim else 1, 0 if e.rationale else 1, e.rank + model_penalty, -e.relevance)


def check_article(
    article: Article,
    *,
    offline: bool = False,
    client: EutilsClient | None = None,
    library: Library | None = None,
    retmax: int = DEFAULT_RETMAX,
    use_cache: bool = True,
    progress: Progress | None = None,
    warn: Callable[[str], None] | None = None,
    max_claims: int | None = DEFAULT_MAX_CLAIMS,
) -> CheckReport:
    """Check every claim of ``article`` against PubMed (or the library when offline).

    Only the first ``max_claims`` claims are searched (None: all); the number left
    out is kept in the report and announced through ``warn`` before any search.
    """
    skipped: list[Skipped] = []
    claims = extract_claims(article, skipped=skipped)
    report = CheckReport(article, [], offline, skipped)
    if max_claims is not None and len(claims) > max_claims:
        report.left_out = len(claims) - max_claims
        if warn is not None:
            warn(left_out_note(len(claims), max_claims))
        claims = claims[:max_claims]
    lib, own_lib = _open_library(library, offline)
    own_client = False
    start_requests = 0
    try:
        plans = [build_plan(c) for c in claims]
        if not offline and client is None and any(p.checkable for p in plans):
            from litcli.eutils import EutilsClient

            client = EutilsClient(notify=warn)  # warn: e.g. the missing-email warning
            own_client = True
        if client is not None:
            start_requests = client.request_count
        if offline and lib is not None:
            report.library_size = lib.count()
        pending: list[tuple[Claim, QueryPlan, list[SearchAttempt], list[str], str | None]] = []
        first_error: NCBIError | NetworkError | None = None
        searched = 0  # claims whose search succeeded
        in_a_row = 0  # NCBI failures since the last success
        stop: str | None = None  # why the remaining claims are not searched
        for i, (claim, plan) in enumerate(zip(claims, plans, strict=True), 1):
            if progress:
                progress("search", i, len(claims), claim)
            attempts: list[SearchAttempt] = []
            pmids: list[str] = []
            error: str | None = None
            if plan.checkable and stop is not None:
                error = stop
            elif plan.checkable:
                try:
                    pmids = _search(plan, attempts, report, offline=offline, client=client, lib=lib,
                                    retmax=retmax, use_cache=use_cache)
                    searched += 1
                    in_a_row = 0
                except (NCBIError, NetworkError) as exc:  # keep what we have; mark this claim
                    first_error = first_error or exc
                    error = _failure_text(exc)
                    in_a_row += 1
                    if isinstance(exc, NetworkError):
                        stop = f"{error}; not tried again"
                    elif in_a_row >= FAILURES_IN_A_ROW:
                        stop = f"{error}; not tried after {in_a_row} failures in a row"
            pending.append((claim, plan, attempts, pmids, error))
        if first_error is not None and searched == 0:
            raise first_error  # nothing to keep: the error itself, as before (exit 4 / 5)
        union = list(dict.fromkeys(p for _, _, _, pmids, _ in pending for p in pmids))
        records, fetch_error = _records(union, report, offline=offline, client=client, lib=lib,
                                        progress=progress)
        for i, (claim, plan, attempts, pmids, error) in enumerate(pending, 1):
            if progress:
                progress("assess", i, len(claims), claim)
            if error is None and fetch_error is not None and any(p not in records for p in pmids):
                error = fetch_error
            if error is not None:
                verdict = Verdict(NOT_CHECKED, f"Not checked: {error}.")
                report.results.append(ClaimResult(claim, plan, verdict, attempts, pmids, [], error))
                continue
            evidence = sorted((assess(records[p], claim) for p in pmids if p in records), key=_sort_key)
            verdict = decide(
                claim,
                evidence,
                checkable=plan.checkable,
                not_checkable_reason=plan.reason,
                relaxations=max(0, len(attempts) - 1),
                library_size=report.library_size if offline else None,
            )
            report.results.append(ClaimResult(claim, plan, verdict, attempts, pmids, evidence))
        if client is not None:
            total = client.request_count - start_requests
            report.efetch_requests = max(0, total - report.esearch_requests)
    finally:
        if own_client and client is not None:
            client.close()
        if own_lib and lib is not None:
            lib.close()
    return report


def left_out_note(found: int, max_claims: int) -> str:
    """The stderr note for an article with more claims than ``--max-claims``."""
    return (
        f"the article has {found:,} claims; only the first {max_claims:,} are checked "
        f"(claims {max_claims + 1:,}-{found:,} are left out; raise --max-claims to check more, "
        "one PubMed search each)"
    )




def _failure_text(exc: NCBIError | NetworkError) -> str:
    """'NCBI error (NCBI E-utilities failed on esearch (HTTP 503; after 5 tries))'."""
    from litcli.textsafe import one_line

    kind = "network error" if isinstance(exc, NetworkError) else "NCBI error"
    return f"{kind} ({one_line(exc.message)})"


def _open_library(library: Library | None, offline: bool) -> tuple[Library | None, bool]:
    if library is not None:
        return library, False
    from litcli.library import Library

    try:
        return Library(), True
    except LibraryError as exc:
        if offline:
            raise
        log.warning("library unavailable, records will not be kept: %s", exc.message)
        return None, False


def _search(
    plan: QueryPlan,
    attempts: list[SearchAttempt],
    report: CheckReport,
    *,
    offline: bool,
    client: EutilsClient | None,
    lib: Library | None,
    retmax: int,
    use_cache: bool,
) -> list[str]:
    """Run the plan's queries, widest last, until one finds something."""
    for n, dropped in plan.steps():
        query = plan.query(n)
        if offline:
            if lib is None:
                raise LibraryError("the local library is not available, so --offline cannot answer")
            from litcli.errors import InvalidInputError

            try:
                found = lib.search(query, limit=retmax)
                count = lib.count_matches(query)
            except InvalidInputError:
                found, count = [], 0
            pmids = [r.pmid for r in found]
            attempts.append(SearchAttempt(query, count, dropped, "library"))
        else:
            pmids, count, source = _esearch(query, report, client=client, lib=lib, retmax=retmax, use_cache=use_cache)
            attempts.append(SearchAttempt(query, count, dropped, source))
        if pmids:
            return pmids
    return []


def _esearch(
    query: str,
    report: CheckReport,
    *,
    client: EutilsClient | None,
    lib: Library | None,
    retmax: int,
    use_cache: bool,
) -> tuple[list[str], int, str]:
    from litcli import service

    key = service.search_key(query, retmax=retmax, sort="relevance")
    if use_cache and lib is not None:
        cached = service.cached_search(key, library=lib)
        if cached is not None:
            report.cached_searches += 1
            return cached.pmids[:retmax], cached.count, "cache"
    if client is None:
        raise NetworkError("no E-utilities client to search PubMed with")
    try:
        result = client.esearch(query, retmax=retmax, sort="relevance", usehistory=False)
    except NetworkError as exc:
        raise type(exc)(
            exc.message, hint="Check your network, or check against your local library with --offline."
        ) from exc
    report.esearch_requests += 1
    if lib is not None:
        service.store_search(key, result, query=query, library=lib)
    return [str(i) for i in result.ids], result.count, "pubmed"


def _records(
    pmids: list[str],
    report: CheckReport,
    *,
    offline: bool,
    client: EutilsClient | None,
    lib: Library | None,
    progress: Progress | None,
) -> tuple[dict[str, Record], str | None]:
    """Records for ``pmids``: from the library, the rest in one batched efetch; and, when
    the efetch failed after its retries, the error (the batches before it are kept)."""
    from litcli.library import RECORD_TTL

    records: dict[str, Record] = {}
    if lib is not None and pmids:
        records.update(lib.get(pmids, max_age=None if offline else RECORD_TTL))
    report.library_records = len(records)
    missing = [p for p in pmids if p not in records]
    if missing and not offline and client is not None:
        from litcli import service

        if progress:
            progress("fetch", len(missing), len(missing), None)
        bodies = client.fetch_batches(ids=missing, batch_size=EFETCH_BATCH)
        try:
            for record in service.store_fetched(bodies, library=lib) if lib is not None else _parse(bodies):
                records[record.pmid] = record
                report.fetched_records += 1
        except (NCBIError, NetworkError) as exc:
            if not records:
                raise  # nothing to keep: the error itself (exit 4 / 5)
            return records, _failure_text(exc)
    return records, None


def _parse(bodies: Iterable[bytes]) -> list[Record]:
    """Parse efetch bodies when no library is available to store them."""
    from litcli.pubmed import parse_records

    out: list[Record] = []
    for body in bodies:
        out += parse_records(body)
    return out
