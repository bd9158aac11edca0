"""Resolve an article's references to PubMed records (issue 11, point 2).

In order, each reference is tried by:

1. a PMID, PMCID or DOI in its line or links;
2. NCBI ECitMatch (journal, year, volume, first page, first author): ONE request for
   every reference without a PMID that has those details;
3. an esearch on its title words, the year (±1) and the first author, accepted only
   when PubMed's title is close to the reference's (``TITLE_ACCEPT``).

Every record the three steps name is then fetched with ONE ``RecordSource.get`` (the
library first, then one batched efetch; everything fetched is stored in the library).
A reference whose identifier is not in PubMed falls back to its ECitMatch answer, then to
a title search (a second, small round).  ``--offline``: identifiers and titles are looked
up in the library only.

A found reference is compared with its record: year, first author, journal, volume and
pages (``mismatches``), and carries the record's flags (retracted, retraction notice,
expression of concern, erratum).
"""

from __future__ import annotations

import difflib
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from litcli.errors import InvalidInputError, LibraryError, NCBIError
from litcli.refs.citations import Citation, find_citations, fold
from litcli.refs.document import Document
from litcli.refs.parse import Reference, find_references

if TYPE_CHECKING:
    from litcli.config import Settings
    from litcli.eutils import CitationMatch, EutilsClient
    from litcli.library import Library
    from litcli.models import Record
    from litcli.records import RecordSource

log = logging.getLogger(__name__)

TITLE_ACCEPT = 0.85  # title similarity (0-1) for a title search's hit to count
TITLE_CANDIDATES = 5  # PubMed hits per title search
MAX_SEARCHES = 200  # title searches per article by default (3 requests/s: about a minute)
ECITMATCH_BATCH = 5000  # citations per ECitMatch request: one request for any real article
STRICT_FLAGS = frozenset({"retracted", "expression of concern"})
Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class Mismatch:
    field: str  # "year" | "first author" | "journal" | "volume" | "pages"
    article: str
    pubmed: str

    def to_dict(self) -> dict[str, str]:
        return {"field": self.field, "article": self.article, "pubmed": self.pubmed}


@dataclass(eq=False)
class Resolution:
    """One reference and what PubMed says about it."""

    ref: Reference
    status: str = "not found"  # "found" | "ambiguous" | "not found"
    record: Record | None = None
    candidates: list[Record] = field(default_factory=list)
    mismatches: list[Mismatch] = field(default_factory=list)
    method: str | None = None  # "pmid" | "pmcid" | "doi" | "ecitmatch" | "title"
    note: str = ""
    duplicate_of: int | None = None
    cited_by: list[int] = field(default_factory=list)  # indexes into Audit.citations
    key: str = ""  # this reference's ECitMatch key
    incomplete: bool = False  # NCBI failed (after retries) on a request this reference needed

    @property
    def flags(self) -> list[str]:
        return list(self.record.flags) if self.record is not None else []

    @property
    def pmid(self) -> str | None:
        return self.record.pmid if self.record is not None else None

    @property
    def strict_failure(self) -> bool:
        """Not found (for certain: NCBI answered), retracted or under an expression of concern."""
        return (self.status == "not found" and not self.incomplete) or bool(STRICT_FLAGS & set(self.flags))


@dataclass
class Audit:
    document: Document
    references: list[Resolution]
    citations: list[Citation]
    cites: list[list[int]]  # per citation: the reference numbers it points to
    notes: list[str] = field(default_factory=list)
    offline: bool = False
    heading: str | None = None
    support: list[list[Any]] | None = None  # per citation: support.Support items (``--support``)

    def summary(self) -> dict[str, int]:
        refs = self.references
        return {
            "references": len(refs),
            "found": sum(r.status == "found" for r in refs),
            "ambiguous": sum(r.status == "ambiguous" for r in refs),
            "not found": sum(r.status == "not found" for r in refs),
            "retracted": sum("retracted" in r.flags for r in refs),
            "expression of concern": sum("expression of concern" in r.flags for r in refs),
            "mismatched": sum(bool(r.mismatches) for r in refs),
            "duplicates": sum(r.duplicate_of is not None for r in refs),
            "not checked": sum(r.incomplete for r in refs),
            "citations": len(self.citations),
        }

    @property
    def failed(self) -> list[Resolution]:
        """What ``--strict`` fails on: not found, retracted, expression of concern."""
        return [r for r in self.references if r.strict_failure]

    @property
    def incomplete(self) -> list[Resolution]:
        """References left unresolved because NCBI failed after its retries."""
        return [r for r in self.references if r.incomplete]


# --- the audit -------------------------------------------------------------------------------


def audit(
    doc: Document,
    *,
    offline: bool = False,
    settings: Settings | None = None,
    library: Library | None = None,
    client: EutilsClient | None = None,
    warn: Callable[[str], None] | None = None,
    progress: Progress | None = None,
    max_searches: int | None = MAX_SEARCHES,
    source: RecordSource | None = None,
) -> Audit:
    """Find ``doc``'s citations and references and resolve every reference; at most
    ``max_searches`` title searches (None: no limit; the rest are named in a note).
    ``source``: a record source to share (``check`` passes its own, so the library and the
    client are opened once and the requests paced together); it is left open."""
    from contextlib import nullcontext

    from litcli.records import RecordSource

    reflist = find_references(doc)
    citations = find_citations(doc, skip=reflist.paras, numbered=reflist.numbered)
    refs = list(reflist.references)
    _add_linked(refs, citations)
    results = [Resolution(ref, key=f"ref{i}") for i, ref in enumerate(refs, start=1)]
    result = Audit(doc, results, citations, [], offline=offline, heading=reflist.heading)
    resolver: _Resolver | None = None
    if results:
        opened = source if source is not None else RecordSource(
            offline=offline, settings=settings, client=client, library=library, warn=warn)
        with nullcontext(opened) if source is not None else opened as using:
            resolver = _Resolver(using, results, offline=offline, warn=warn, progress=progress,
                                 max_searches=max_searches)
            resolver.run()
        if resolver is not None and resolver.skipped:
            labels = ", ".join(r.ref.label for r in resolver.skipped[:20])
            more = f" and {len(resolver.skipped) - 20} more" if len(resolver.skipped) > 20 else ""
            result.notes.append(
                f"{len(resolver.skipped)} reference{'s were' if len(resolver.skipped) != 1 else ' was'} not searched "
                f"by title (over the limit of {max_searches} title searches; raise it with --max-searches): "
                f"{labels}{more}"
            )
    _duplicates(results)
    _link_citations(result)
    return result


def _add_linked(refs: list[Reference], citations: list[Citation]) -> None:
    """A PubMed/DOI/PMC link in the text that no list entry names becomes a reference."""
    known = {(kind, v) for r in refs for kind, v in (("pmid", r.pmid), ("doi", r.doi), ("pmcid", r.pmcid)) if v}
    number = max((r.number for r in refs), default=0)
    for citation in citations:
        for mark in citation.marks:
            if mark.kind in ("pmid", "doi", "pmcid") and (mark.kind, mark.value) not in known:
                known.add((mark.kind, mark.value))
                number += 1
                ref = Reference(number, str(number), mark.raw, citation.paragraph, citation.line, origin="link")
                setattr(ref, mark.kind, mark.value)
                refs.append(ref)


class _Resolver:
    def __init__(self, source: RecordSource, results: list[Resolution], *, offline: bool,
                 warn: Callable[[str], None] | None, progress: Progress | None,
                 max_searches: int | None = MAX_SEARCHES) -> None:
        self.source = source
        self.searches_left = max_searches
        self.skipped: list[Resolution] = []
        self.results = results
        self.offline = offline
        self.warn = warn
        self.progress = progress
        self.records: dict[str, Record] = {}
        self.failures: dict[str, str] = {}
        self.asked: dict[int, set[str]] = {}  # by id(resolution): what it needs fetched
        self.unfetched: set[str] = set()  # asked for while NCBI failed
        self.fetch_error: str | None = None

    def say(self, stage: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(stage, done, total)

    def run(self) -> None:
        by_id = [r for r in self.results if _identifier(r.ref)]
        citing = [r for r in self.results if not r.ref.pmid]
        matches = self._library_citations(citing) if self.offline else self._ecitmatch(citing)
        by_title = [r for r in self.results if r not in by_id and not _matched(matches, r)]
        titles = self._title_searches(by_title)
        for r in by_id:
            self.asked.setdefault(id(r), set()).update(i for i in (r.ref.pmid, r.ref.pmcid, r.ref.doi) if i)
        by_key = {r.key: r for r in self.results}
        for key, match in matches.items():
            if key in by_key:
                self.asked.setdefault(id(by_key[key]), set()).update(
                    [match.pmid] if match.pmid else match.candidates)
        for rid, pmids in titles.items():
            self.asked.setdefault(rid, set()).update(pmids)
        wanted = [i for r in self.results for i in [_identifier(r.ref)] if r in by_id and i]
        wanted += [i for asked in self.asked.values() for i in sorted(asked) if i not in wanted]
        self._get(wanted)
        retry: list[Resolution] = []
        for r in self.results:
            if r in by_id and self._by_identifier(r):
                continue
            if _key(r) in matches and self._by_ecitmatch(r, matches[_key(r)]):
                continue
            if id(r) in titles:
                self._by_title(r, titles[id(r)])
            elif r in by_id and r.ref.title:
                retry.append(r)
            else:
                self._miss(r)
        if retry:  # identifiers PubMed does not know: their titles, in a second small round
            again = self._title_searches(retry)
            for rid, pmids in again.items():
                self.asked.setdefault(rid, set()).update(pmids)
            self._get([p for pmids in again.values() for p in pmids])
            for r in retry:
                if r in self.skipped:
                    continue
                reason, r.note = r.note, ""
                self._by_title(r, again.get(id(r), []))
                if r.status == "not found" and not r.incomplete:
                    r.note = f"{reason}; {r.note}"
        if self.fetch_error:
            for r in self.results:
                if r.status == "not found" and self.asked.get(id(r), set()) & self.unfetched:
                    r.incomplete = True
                    r.note = f"not checked: NCBI failed to return the records ({self.fetch_error})"

    # --- the three ways ---------------------------------------------------------------------

    def _ecitmatch(self, candidates: list[Resolution]) -> dict[str, CitationMatch]:
        from litcli.eutils import CitationQuery

        queries = []
        for r in candidates:
            ref = r.ref
            if ref.journal and ref.year and (ref.volume or ref.first_page) and ref.first_author:
                queries.append(CitationQuery(_key(r), ref.journal, str(ref.year), ref.volume or "",
                                             ref.first_page or "", ref.first_author))
        if not queries:
            return {}
        self.say("ecitmatch", 0, len(queries))
        answers: dict[str, CitationMatch] = {}
        try:
            for start in range(0, len(queries), ECITMATCH_BATCH):
                answers.update(self.source.client().ecitmatch(queries[start : start + ECITMATCH_BATCH]))
        except NCBIError as exc:
            if self.warn:
                self.warn(f"ECitMatch failed ({exc.message}); references are looked up by title instead")
            return {}
        self.say("ecitmatch", len(queries), len(queries))
        return answers

    def _title_searches(self, results: list[Resolution]) -> dict[int, list[str]]:
        """PMIDs per reference (by ``id``) from one title search each."""
        out: dict[int, list[str]] = {}
        todo = [r for r in results if _title_words(r.ref.title)]
        if not self.offline and self.searches_left is not None:
            todo, over = todo[: self.searches_left], todo[self.searches_left :]
            self.searches_left -= len(todo)
            for r in over:
                r.note = "not searched by title (over the --max-searches limit)"
                self.skipped.append(r)
        for n, r in enumerate(todo, start=1):
            self.say("title", n, len(todo))
            if self.offline:
                out[id(r)] = self._library_title(r.ref)
                continue
            term = title_query(r.ref)
            try:
                found = self.source.client().esearch(term, retmax=TITLE_CANDIDATES, usehistory=False)
            except NCBIError as exc:
                r.note = f"not checked: the title search failed ({exc.message})"
                r.incomplete = True
                continue
            out[id(r)] = list(found.ids)
        return out

    def _library_title(self, ref: Reference) -> list[str]:
        lib = self.source.library()
        if lib is None:
            return []
        query = " ".join(f"{w}[ti]" for w in _title_words(ref.title))
        year = ref.year
        try:
            hits = lib.search(query, limit=TITLE_CANDIDATES, since=year - 1 if year else None,
                              until=year + 1 if year else None)
        except (InvalidInputError, LibraryError):
            return []
        for record in hits:
            self.records.setdefault(record.pmid, record)
        return [r.pmid for r in hits]

    def _get(self, identifiers: list[str]) -> None:
        wanted = [i for i in dict.fromkeys(identifiers) if i not in self.records]
        if not wanted:
            return
        self.say("fetch", 0, len(wanted))
        try:
            records, failures = self.source.get(wanted)
        except NCBIError as exc:  # NCBI answered with errors after the retries: keep the rest
            self.unfetched.update(wanted)
            if self.fetch_error is None and self.warn:
                self.warn(f"NCBI failed to return {len(wanted)} records ({exc.message}); "
                          "the references that need them are marked \"not checked\"")
            self.fetch_error = self.fetch_error or exc.message
            return
        for record in records:
            self.records[record.pmid] = record
        for ident, reason in failures:
            self.failures[ident] = reason
        self.say("fetch", len(wanted), len(wanted))

    # --- deciding -----------------------------------------------------------------------------

    def _find(self, kind: str, value: str) -> Record | None:
        if kind == "pmid":
            return self.records.get(value)
        for record in self.records.values():
            have = record.doi if kind == "doi" else record.pmcid
            if have and have.lower() == value.lower():
                return record
        return None

    def _by_identifier(self, r: Resolution) -> bool:
        ref = r.ref
        for kind, value in (("pmid", ref.pmid), ("pmcid", ref.pmcid), ("doi", ref.doi)):
            if value:
                record = self._find(kind, value)
                if record is not None:
                    self._found(r, record, kind)
                    return True
        r.note = self._id_reason(r)
        return False

    def _id_reason(self, r: Resolution) -> str:
        ident = _identifier(r.ref) or ""
        reason = self.failures.get(ident)
        if reason:
            return reason
        return "not in the local library (offline)" if self.offline else f"no PubMed record for {ident}"

    def _by_ecitmatch(self, r: Resolution, match: CitationMatch) -> bool:
        method = "citation" if self.offline else "ecitmatch"  # offline: the library's own match
        if match.status == "found" and match.pmid and match.pmid in self.records:
            self._found(r, self.records[match.pmid], method)
            return True
        if match.status == "ambiguous":
            candidates = [self.records[p] for p in match.candidates if p in self.records]
            fitting = [c for c in candidates if _citation_fits(r.ref, c)]
            if len(fitting) == 1:  # the journal (or page) tells them apart
                self._found(r, fitting[0], method)
                return True
            candidates = fitting or candidates
            best = _best_by_title(r.ref, candidates)
            if best is not None:
                self._found(r, best, method)
                return True
            if r.ref.title:
                return False  # the title search decides
            r.status, r.candidates, r.method = "ambiguous", candidates, method
            r.note = ("ECitMatch" if not self.offline else "the library") + " found several citations with these details"
            return True
        return False

    def _library_citations(self, candidates: list[Resolution]) -> dict[str, CitationMatch]:
        """Offline ECitMatch: records of the library by the first author and year whose
        volume and first page (and journal) agree with the reference."""
        from litcli.eutils import CitationMatch

        lib = self.source.library()
        out: dict[str, CitationMatch] = {}
        if lib is None:
            return out
        for r in candidates:
            ref = r.ref
            if not (ref.year and ref.author_key and (ref.volume or ref.first_page)):
                continue
            try:
                hits = lib.search(f"{ref.author_key}[au]", limit=50, since=ref.year, until=ref.year)
            except (InvalidInputError, LibraryError):
                continue
            fit = sorted((h for h in hits if _citation_fits(ref, h)), key=lambda h: int(h.pmid))
            for record in fit:
                self.records.setdefault(record.pmid, record)
            if len(fit) == 1:
                out[r.key] = CitationMatch(r.key, "found", fit[0].pmid)
            elif fit:
                out[r.key] = CitationMatch(r.key, "ambiguous", candidates=tuple(h.pmid for h in fit))
        return out

    def _by_title(self, r: Resolution, pmids: list[str]) -> None:
        records = [self.records[p] for p in pmids if p in self.records]
        scored = sorted(((title_similarity(r.ref.title, rec.title), rec) for rec in records),
                        key=lambda x: (-x[0], int(x[1].pmid)))
        close = [rec for score, rec in scored if score >= TITLE_ACCEPT]
        if len(close) > 1:  # the same title twice: the citation details may tell them apart
            close = [rec for rec in close if _citation_fits(r.ref, rec, loose=True)] or close
        if len(close) == 1 or (close and title_similarity(r.ref.title, close[0].title) >= 0.98 >
                               title_similarity(r.ref.title, close[1].title)):
            self._found(r, close[0], "title")
        elif close:
            r.status, r.candidates, r.method = "ambiguous", close, "title"
            r.note = f"{len(close)} PubMed records have this title"
        else:
            self._miss(r, scored[0] if scored else None)

    def _miss(self, r: Resolution, closest: tuple[float, Record] | None = None) -> None:
        r.status = "not found"
        if r.note or r.incomplete:
            return
        if self.offline:
            r.note = "not in the local library (offline)"
        elif not (r.ref.title or r.ref.journal):
            r.note = "too little to look up (no identifier, journal details or title)"
        elif closest is not None:
            r.note = f"no match by citation or title (closest title similarity {closest[0]:.2f}: PMID {closest[1].pmid})"
        else:
            r.note = "no match by citation or title"

    def _found(self, r: Resolution, record: Record, method: str) -> None:
        r.status, r.record, r.method, r.note = "found", record, method, ""
        r.mismatches = compare(r.ref, record)


def _identifier(ref: Reference) -> str | None:
    return ref.pmid or ref.pmcid or ref.doi


def _key(r: Resolution) -> str:
    return r.key


def _matched(matches: dict[str, CitationMatch], r: Resolution) -> bool:
    match = matches.get(_key(r))
    return match is not None and (match.status == "found" or (match.status == "ambiguous" and not r.ref.title))


def _citation_fits(ref: Reference, record: Record, *, loose: bool = False) -> bool:
    """First author, volume, first page and journal (as far as the reference gives them)
    agree; ``loose``: a reference without an author is not held against the record."""
    if _record_author(record) != ref.author_key and not (loose and not ref.author_key):
        return False
    if ref.volume and (record.journal.volume or "").lstrip("0").lower() != ref.volume.lstrip("0").lower():
        return False
    if ref.first_page and _page_span(record.journal.pages)[0] != _page_span(ref.pages)[0]:
        return False
    return not ref.journal or journal_matches(ref.journal, record)


def _best_by_title(ref: Reference, records: list[Record]) -> Record | None:
    if not ref.title or not records:
        return None
    scored = sorted(((title_similarity(ref.title, r.title), r) for r in records), key=lambda x: (-x[0], int(x[1].pmid)))
    if scored[0][0] >= TITLE_ACCEPT and (len(scored) == 1 or scored[1][0] < TITLE_ACCEPT):
        return scored[0][1]
    return None


def _duplicates(results: list[Resolution]) -> None:
    first: dict[str, int] = {}
    for r in results:
        if r.pmid is None:
            continue
        if r.pmid in first:
            r.duplicate_of = first[r.pmid]
        else:
            first[r.pmid] = r.ref.number


def _link_citations(result: Audit) -> None:
    """Which references each citation points to; notes for numbers past the list."""
    refs = result.references
    by_label = {r.ref.label: r for r in refs if r.ref.origin == "list"}
    by_id: dict[tuple[str, str], Resolution] = {}
    by_author: dict[str, Resolution] = {}
    for r in refs:
        for kind, value in (("pmid", r.ref.pmid), ("doi", r.ref.doi), ("pmcid", r.ref.pmcid), ("pmid", r.pmid)):
            if value:
                by_id.setdefault((kind, value), r)
        author = r.ref.author_key or _record_author(r.record)
        year = r.ref.year or (r.record.year if r.record else None)
        if author and year:
            by_author.setdefault(f"{author} {year}", r)
    listed = sum(1 for r in refs if r.ref.origin == "list")
    missing: dict[str, list[str]] = {}
    for index, citation in enumerate(result.citations):
        numbers: list[int] = []
        for mark in citation.marks:
            if mark.kind in ("number", "footnote"):
                target = by_label.get(mark.value)
            elif mark.kind == "author-year":
                target = by_author.get(mark.value)
            else:
                target = by_id.get((mark.kind, mark.value))
            if target is None:
                shown = f"[{mark.value}]" if mark.kind == "number" else mark.raw
                missing.setdefault(shown, []).append(citation.location)
                continue
            if target.ref.number not in numbers:
                numbers.append(target.ref.number)
            if index not in target.cited_by:
                target.cited_by.append(index)
        result.cites.append(numbers)
    for shown, where in missing.items():
        what = "points past the reference list" if listed else "has no reference list to point to"
        if shown.startswith("(") or not shown.startswith("["):
            what = "matches no reference in the list"
        result.notes.append(f"citation {shown} ({where[0]}{f' and {len(where) - 1} more' if len(where) > 1 else ''}) {what}"
                            + (f" ({listed} references)" if listed and what.startswith("points") else ""))


def _record_author(record: Record | None) -> str | None:
    if record is None or not record.authors:
        return None
    first = record.authors[0]
    name = first.last_name or first.collective_name or ""
    return fold(name.split()[-1]) if name.split() else None


# --- comparing a reference with its record ------------------------------------------------------

_TITLE_STOP = frozenset(re.findall(r"\w+", """
    a an the of in on and or for with to from by at as is are was were be its their vs versus
    into after before during between among than that this these those
"""))


def _title_words(title: str | None, limit: int = 8) -> list[str]:
    if not title:
        return []
    words = [w for w in re.findall(r"[^\W_]+", fold_text(title)) if len(w) > 2 and w not in _TITLE_STOP]
    return list(dict.fromkeys(words))[:limit]


def fold_text(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def title_query(ref: Reference) -> str:
    """'word[ti] AND … AND 2012:2014[dp] AND surname[1au]' for one reference."""
    parts = [f"{w}[ti]" for w in _title_words(ref.title)]
    if ref.year:
        parts.append(f"{ref.year - 1}:{ref.year + 1}[dp]")
    if ref.author_key and ref.first_author:
        parts.append(f"{fold_text(ref.first_author.split()[-1])}[1au]")
    return " AND ".join(parts)


def _norm_title(title: str | None) -> str:
    text = fold_text(title or "").strip()
    if text.startswith("[") and text.rstrip(" .").endswith("]"):  # PubMed's translated titles
        text = text.strip(" .[]")
    return " ".join(re.findall(r"[^\W_]+", text))


def title_similarity(a: str | None, b: str | None) -> float:
    """0-1: how alike two titles are (case, accents, punctuation ignored)."""
    x, y = _norm_title(a), _norm_title(b)
    if not x or not y:
        return 0.0
    return difflib.SequenceMatcher(None, x, y, autojunk=False).ratio()


_JOURNAL_STOP = frozenset({"the", "of", "and", "in", "for", "on", "de", "la", "le"})


def _journal_words(name: str | None) -> list[str]:
    return [w for w in re.findall(r"[^\W_]+", fold_text(name or "")) if w not in _JOURNAL_STOP]


def journal_matches(written: str, record: Record) -> bool:
    """The journal as written names the record's journal: the same words, or an
    abbreviation of them ("Am J Psychiatry" for "The American journal of psychiatry")."""
    a = _journal_words(written)
    if not a:
        return True
    for name in (record.journal.title, record.journal.iso_abbreviation, record.journal.medline_ta):
        b = _journal_words(name)
        if not b:
            continue
        if a == b or (len(a) == len(b) and all(x.startswith(y) or y.startswith(x) for x, y in zip(a, b, strict=True))):
            return True
    return not any(_journal_words(n) for n in (record.journal.title, record.journal.iso_abbreviation,
                                                record.journal.medline_ta))


def _page_span(pages: str | None) -> tuple[str, str | None]:
    parts = re.split(r"\s*[-–]\s*", (pages or "").strip().lower())
    first = parts[0]
    last = parts[1] if len(parts) > 1 and parts[1] else None
    if last and first.isdigit() and last.isdigit() and len(last) < len(first):
        last = first[: len(first) - len(last)] + last  # "1134-42" is 1134-1142
    return first, last


def compare(ref: Reference, record: Record) -> list[Mismatch]:
    """Where the reference's details disagree with PubMed's."""
    out: list[Mismatch] = []
    if ref.year and record.year and ref.year != record.year:
        epub = int(record.article_date[:4]) if record.article_date else None
        if ref.year != epub:
            out.append(Mismatch("year", str(ref.year), str(record.year)))
    author = ref.author_key
    theirs = _record_author(record)
    if author and theirs and author != theirs and ref.first_author:
        first = record.authors[0]
        out.append(Mismatch("first author", ref.first_author, first.last_name or first.collective_name or ""))
    if ref.journal and not journal_matches(ref.journal, record):
        out.append(Mismatch("journal", ref.journal, record.journal.abbreviation or ""))
    if ref.volume and record.journal.volume and ref.volume.lstrip("0").lower() != record.journal.volume.lstrip("0").lower():
        out.append(Mismatch("volume", ref.volume, record.journal.volume))
    if ref.pages and record.journal.pages:
        mine, theirs_pages = _page_span(ref.pages), _page_span(record.journal.pages)
        if mine[0] != theirs_pages[0] or (mine[1] and theirs_pages[1] and mine[1] != theirs_pages[1]):
            out.append(Mismatch("pages", ref.pages, record.journal.pages))
    return out


def to_summary_line(audit_: Audit) -> str:
    s = audit_.summary()
    parts = [f"{s['references']} reference{'s' if s['references'] != 1 else ''}", f"{s['found']} found"]
    for key in ("not found", "not checked", "ambiguous", "retracted", "expression of concern"):
        if s[key]:
            parts.append(f"{s[key]} {key}")
    if s["duplicates"]:
        parts.append(f"{s['duplicates']} duplicate{'s' if s['duplicates'] != 1 else ''}")
    if s["mismatched"]:
        parts.append(f"{s['mismatched']} with mismatches")
    return " · ".join(parts)


__all__ = ["Audit", "Mismatch", "Resolution", "audit", "compare", "title_similarity", "to_summary_line"]
