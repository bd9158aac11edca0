"""Orchestration: article -> claims -> one query each -> one batched efetch -> verdicts.

Every fetch goes through the one record source (``litcli.records.RecordSource``).
Network use is bounded: one esearch per checkable claim (plus one per relaxation,
counted in the report), answered from the library's search cache when fresh
(``RecordSource.search_ids``), then ONE batched fetch (``RecordSource.get``) for the
union of PMIDs not already in the library.  Everything fetched is stored in the
library.  ``offline=True`` answers every query from the library's full-text index.
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
from litcli.errors import NCBIError, NetworkError

if TYPE_CHECKING:
    from litcli.eutils import EutilsClient
    from litcli.library import Library
    from litcli.models import Record
    from litcli.records import RecordSource
    from litcli.refs.citations import Citation
    from litcli.refs.document import Document
    from litcli.refs.resolve import Audit, Resolution
    from litcli.refs.support import Support

log = logging.getLogger(__name__)

DEFAULT_RETMAX = 10  # records per claim
DEFAULT_MAX_CLAIMS = 200  # claims searched per article (--max-claims); the rest are left out, with a note

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
    # the article's own references this claim cites, each judged against the claim's sentence
    # (issue 11, point 4; ``litcli.refs.support.Support``): shown beside the PubMed verdict
    citations: list[Support] = field(default_factory=list)

    @property
    def query(self) -> str | None:
        return self.attempts[-1].query if self.attempts else (self.plan.query() if self.plan.groups else None)

    @property
    def relaxations(self) -> int:
        return max(0, len(self.attempts) - 1)

    def shown(self, top: int = 5) -> list[Evidence]:
        """The citations to show, strongest first: every record about the claim that supports
        or contradicts it and every retracted one (the verdict's reason counts them, so they are
        never hidden); then, up to ``top`` in all, neutral records that speak to the claim and
        records read without a sentence on it (so "no abstract speaks to it" shows which)."""
        about = [e for e in self.evidence if e.about_claim]
        must = {id(e) for e in about if (e.rationale and e.stance != NEUTRAL) or not e.counted}
        rest = [e for e in about if id(e) not in must and e.rationale]
        rest += [e for e in about if id(e) not in must and not e.rationale]
        keep = must | {id(e) for e in rest[: max(0, top - len(must))]}
        return [e for e in about if id(e) in keep]

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
    # the article's own references (issue 11, point 4): None when it has no reference list
    # and no PubMed / DOI / PMC links (or no document was given)
    audit: Audit | None = None
    citation_error: str | None = None  # the audit failed outright (NCBI / network error)
    citation_requests: int = 0  # requests the audit made (ECitMatch, title searches, efetch)
    # citing sentences that are no claim of the report (not claims, or left out): still audited
    other_citations: list[tuple[Citation, list[Support]]] = field(default_factory=list)
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
    def citations_incomplete(self) -> bool:
        """The article's references could not all be resolved because NCBI failed."""
        return self.citation_error is not None or bool(self.audit is not None and self.audit.incomplete)

    def resolution(self, number: int) -> Resolution | None:
        """The article's reference ``number`` as resolved (None without an audit)."""
        if self.audit is None:
            return None
        return next((r for r in self.audit.references if r.ref.number == number), None)

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
    document: Document | None = None,
    max_searches: int | None = 200,
) -> CheckReport:
    """Check every claim of ``article`` against PubMed (or the library when offline).

    Only the first ``max_claims`` claims are searched (None: all); the number left
    out is kept in the report and announced through ``warn`` before any search.

    ``document``: the same article read with its citation marks (``litcli.refs.document``).
    When it has a reference list or citation links, its references are resolved first
    (``litcli.refs.resolve.audit`` through this check's record source: ≤ 1 ECitMatch, a title
    search per reference nothing else settled, 1 efetch) and every citing sentence is judged
    against the records it cites (``litcli.refs.support``); each claim carries its cited
    sources (``ClaimResult.citations``), the other citing sentences are kept in
    ``CheckReport.other_citations``.  The reference list's own entries are never claims.
    ``max_searches`` bounds the audit's title searches as ``refs --max-searches`` does.
    """
    skipped: list[Skipped] = []
    claims = extract_claims(article, skipped=skipped)
    if document is not None:
        claims = drop_reference_entries(claims, skipped, document)
    report = CheckReport(article, [], offline, skipped)
    if max_claims is not None and len(claims) > max_claims:
        report.left_out = len(claims) - max_claims
        if warn is not None:
            warn(left_out_note(len(claims), max_claims))
        claims = claims[:max_claims]
    from litcli.records import RecordSource

    source = RecordSource(offline=offline, client=client, library=library, warn=warn)
    start_requests = 0
    try:
        if document is not None:
            _audit_citations(document, report, source, progress=progress, warn=warn, max_searches=max_searches)
        plans = [build_plan(c) for c in claims]
        online = not offline and any(p.checkable for p in plans)
        if online:
            start_requests = source.client().request_count
        lib = source.library()
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
                    pmids = _search(plan, attempts, report, source, retmax=retmax, use_cache=use_cache)
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
        records, fetch_error = _records(union, report, source, progress=progress)
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
        if online:
            total = source.client().request_count - start_requests
            report.efetch_requests = max(0, total - report.esearch_requests)
    finally:
        source.close()
    _attach_citations(report)
    return report


# --- the article's own references (issue 11, point 4) --------------------------------------------


def drop_reference_entries(claims: list[Claim], skipped: list[Skipped], document: Document) -> list[Claim]:
    """The claims without the reference list's entries ("Rivera CI. Ketamine in OCD. J Synth
    Tests. 2013;12:100." names a drug and a condition, but it is a reference, not a claim):
    those go to ``skipped`` ("reference list entry") and the others are renumbered."""
    from dataclasses import replace

    from litcli.refs.parse import find_references

    found = find_references(document)
    refs = [r for r in found.references if r.origin == "list"]
    if not refs:
        return claims
    spans = _line_spans(document, found.paras)
    keys = [_words(r.text) for r in refs]
    kept: list[Claim] = []
    for claim in claims:
        if _is_entry(claim, keys, spans):
            skipped.append(Skipped(claim.original, "reference list entry", claim.paragraph, claim.line))
            continue
        kept.append(claim if claim.number == len(kept) + 1 else replace(claim, number=len(kept) + 1))
    skipped.sort(key=lambda s: (s.paragraph, s.line or 0))
    return kept


def _line_spans(document: Document, paras: set[int]) -> list[tuple[int, int]]:
    """The source lines (start, end exclusive) of the reference list's paragraphs."""
    out: list[tuple[int, int]] = []
    for i in sorted(paras):
        start = document.paras[i].line
        if start is None:
            continue
        after = [p.line for p in document.paras[i + 1 :] if p.line is not None and p.line > start]
        out.append((start, after[0] if after else start + 1000))
    return out


def _is_entry(claim: Claim, keys: list[str], spans: list[tuple[int, int]]) -> bool:
    """The claim is (a sentence of) a reference-list entry: its words are the entry's, or part
    of them on one of the list's lines (without line numbers: at least half of the entry)."""
    key = _words(claim.original)
    if not key:
        return False
    inside = None if claim.line is None or not spans else any(a <= claim.line < b for a, b in spans)
    for k in keys:
        if key == k and inside is not False:
            return True
        if len(key) >= 15 and key in k and (inside or (inside is None and 2 * len(key) >= len(k))):
            return True
    return False


def _words(text: str) -> str:
    import re

    return " ".join(re.findall(r"[^\W_]+", text.lower()))


def _audit_citations(
    document: Document,
    report: CheckReport,
    source: RecordSource,
    *,
    progress: Progress | None,
    warn: Callable[[str], None] | None,
    max_searches: int | None,
) -> None:
    """Resolve the article's references and judge every citing sentence against what it cites.
    An article without a reference list or citation links costs nothing (no request)."""
    from litcli.refs.resolve import audit
    from litcli.refs.support import judge_citations

    def say(stage: str, done: int, total: int) -> None:
        if progress is not None:
            progress(f"refs:{stage}", done, total, None)

    before = source.client().request_count if not source.offline else 0
    try:
        result = audit(document, offline=source.offline, warn=warn, progress=say, source=source,
                       max_searches=max_searches)
    except (NCBIError, NetworkError) as exc:
        report.citation_error = _failure_text(exc)
        if warn is not None:
            warn(f"the article's references could not be resolved ({report.citation_error}); "
                 "its citations are not checked")
        return
    finally:
        if not source.offline:
            report.citation_requests = source.client().request_count - before
    if not result.references and not result.citations:
        return
    result.support = judge_citations(result)
    report.audit = result


def _attach_citations(report: CheckReport) -> None:
    """Each claim's cited sources (its sentence looked up in the audit's judgements); the
    citing sentences no claim holds go to ``other_citations``."""
    audit = report.audit
    if audit is None or audit.support is None:
        return
    from litcli.refs.support import for_claim, support_by_sentence

    table = support_by_sentence(audit, audit.support)
    used: set[int] = set()
    for r in report.results:
        r.citations = list(for_claim(r.claim.original, table))
        used.update(id(s) for s in r.citations)
    for citation, judged in zip(audit.citations, audit.support, strict=True):
        if judged and not any(id(s) in used for s in judged):
            report.other_citations.append((citation, judged))


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


def _search(
    plan: QueryPlan,
    attempts: list[SearchAttempt],
    report: CheckReport,
    source: RecordSource,
    *,
    retmax: int,
    use_cache: bool,
) -> list[str]:
    """Run the plan's queries, widest last, until one finds something."""
    for n, dropped in plan.steps():
        query = plan.query(n)
        if source.offline:
            pmids, count = _library_search(source, query, retmax)
            attempts.append(SearchAttempt(query, count, dropped, "library"))
        else:
            try:
                pmids, count, where = source.search_ids(query, max_results=retmax, use_cache=use_cache)
            except NetworkError as exc:
                raise type(exc)(
                    exc.message, hint="Check your network, or check against your local library with --offline."
                ) from exc
            if where == "cache":
                report.cached_searches += 1
            else:
                report.esearch_requests += 1
            attempts.append(SearchAttempt(query, count, dropped, where))
        if pmids:
            return pmids
    return []


def _library_search(source: RecordSource, query: str, retmax: int) -> tuple[list[str], int]:
    """An offline search: the library's full-text index (a query it cannot read finds nothing)."""
    from litcli.errors import InvalidInputError, LibraryError

    lib = source.library()
    if lib is None:
        raise LibraryError("the local library is not available, so --offline cannot answer")
    try:
        return [r.pmid for r in lib.search(query, limit=retmax)], lib.count_matches(query)
    except InvalidInputError:
        return [], 0


def _records(
    pmids: list[str],
    report: CheckReport,
    source: RecordSource,
    *,
    progress: Progress | None,
) -> tuple[dict[str, Record], str | None]:
    """Records for ``pmids`` from the record source (the library, the rest in one batched
    fetch, stored as each batch arrives); and, when the fetch failed after its retries, the
    error (the batches stored before it are kept)."""
    import time

    from litcli.library import RECORD_TTL

    if not pmids:
        return {}, None
    lib = source.library()
    fresh = 0
    if lib is not None:
        now = time.time()
        ages = lib.fetched_at(pmids)
        fresh = sum(1 for t in ages.values() if source.offline or now - t <= RECORD_TTL)
    report.library_records = fresh
    if progress and not source.offline and fresh < len(pmids):
        progress("fetch", len(pmids) - fresh, len(pmids) - fresh, None)
    try:
        found, _ = source.get(pmids)
    except (NCBIError, NetworkError) as exc:
        kept = lib.get(pmids, max_age=RECORD_TTL) if lib is not None else {}
        if not kept:
            raise  # nothing to keep: the error itself (exit 4 / 5)
        report.fetched_records = max(0, len(kept) - fresh)
        return kept, _failure_text(exc)
    records = {r.pmid: r for r in found}
    report.fetched_records = max(0, len(records) - fresh)
    return records, None
