"""The local library: an embedded SQLite store of PubMed records.

One file (``paths.library_path()``, ``LITCLI_HOME`` overrides) holds

* ``records``: one row per PMID with the normalised ``litcli.record/1`` JSON (zlib),
  the raw XML / MEDLINE text (zlib-compressed, so records can be re-parsed when
  the parser improves) and a few columns for listing and lookups;
* ``records_fts``: an FTS5 index over title, abstract, MeSH, keywords and
  authors (rowid = PMID), ranked with bm25.  Libraries created since issue 12 keep
  it contentless (``content=''``: the index only, no second copy of the text, about
  2 KB a record less); older libraries keep their index with its content, and both
  are read and written (see ``Library._fts_remove``);
* ``search_cache``: NCBI search results (query + options -> PMIDs, count,
  translation, warnings) with the time they were fetched;
* ``searches``: every online search as run (``litcli library searches``): the query as
  typed and as sent, topic, filters, PubMed's translation and warnings, sort, when,
  the count, the PMIDs returned with their hash and litcli's version;
* ``migrations``: the named schema migrations already applied.

The database runs in WAL mode with a busy timeout, every write is an
``BEGIN IMMEDIATE`` transaction (retried on SQLITE_BUSY), and imports commit in
batches, so an interrupted import leaves a consistent library and two
processes can import at once.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import hashlib
import json
import logging
import re
import sqlite3
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from litcli import paths, storecodec
from litcli.errors import InvalidInputError, LibraryError
from litcli.ftsquery import fts_query
from litcli.ids import is_ascii_digits
from litcli.models import DERIVED, FLAG_RETRACTED, SCHEMA, Record, fields_reader
from litcli.textsafe import one_line

log = logging.getLogger(__name__)

T = TypeVar("T")

DAY = 86400.0
SEARCH_TTL = 1 * DAY  # default max age of a cached NCBI search
RECORD_TTL = 30 * DAY  # default max age of a stored record before it is refetched
# records per write transaction (an import's batches; an efetch batch of up to 1,000 is one
# transaction): 1,000 rather than 500 halves the FTS5 segments each import writes and
# merges, 85 -> 70-74 us a record of store CPU at 100,000 records (2,000: 66-67, for
# twice the memory and the write lock held twice as long)
BATCH_SIZE = 1000
BUSY_TIMEOUT = 30.0  # seconds SQLite waits for another writer
# page size of a new library: a record row (compressed JSON + raw text) is 2-4 KB, so at
# SQLite's default 4 KB most pages held one row and a fifth of the file was unused
PAGE_SIZE = 32768
_BUSY_RETRIES = 5

# bm25 column weights: title, abstract, mesh, keywords, authors
_BM25 = "bm25(records_fts, 10.0, 1.0, 4.0, 4.0, 2.0)"
_IN_CHUNK = 500  # parameters per "IN (...)" query



# --- public value types ------------------------------------------------------------


@dataclass
class ImportStats:
    """What an import (or a store after a fetch) did."""

    imported: int = 0  # new records
    updated: int = 0  # records whose content changed
    skipped: int = 0  # records already stored unchanged
    deleted: int = 0  # removed by a <DeleteCitation>
    failed: list[tuple[str, str]] = field(default_factory=list)  # (what, reason)

    @property
    def stored(self) -> int:
        """Records now in the library from this input (new, updated or unchanged)."""
        return self.imported + self.updated + self.skipped

    def add(self, other: ImportStats) -> None:
        self.imported += other.imported
        self.updated += other.updated
        self.skipped += other.skipped
        self.deleted += other.deleted
        self.failed.extend(other.failed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "imported": self.imported,
            "updated": self.updated,
            "skipped": self.skipped,
            "deleted": self.deleted,
            "failed": [{"item": w, "reason": r} for w, r in self.failed],
        }


@dataclass
class CachedSearch:
    """One NCBI search result as kept in the search cache."""

    pmids: list[str]
    count: int
    query_translation: str | None = None
    warnings: list[str] = field(default_factory=list)
    fetched_at: float = 0.0
    query: str | None = None


def pmids_hash(pmids: Sequence[str]) -> str:
    """'sha256:…' of the PMIDs in order, one per line: two runs returned the same list
    exactly when their hashes are equal."""
    return "sha256:" + hashlib.sha256("\n".join(pmids).encode("ascii", "replace")).hexdigest()


@dataclass
class SearchRecord:
    """One online search as run (the ``searches`` table; ``--format json``'s "search")."""

    query: str  # what was sent to PubMed
    count: int
    typed: str = ""
    topic: str | None = None
    filters: dict[str, Any] = field(default_factory=dict)
    translation: str | None = None
    warnings: list[str] = field(default_factory=list)
    sort: str = "relevance"
    max_results: int = 20
    mode: str = "records"  # records | ids | count
    source: str = "pubmed"  # pubmed | cache
    pmids: list[str] = field(default_factory=list)
    run_at: float = 0.0
    searched_at: float = 0.0
    litcli_version: str = ""
    rerun_of: int | None = None
    id: int | None = None

    @property
    def pmids_hash(self) -> str:
        return pmids_hash(self.pmids)

    def to_dict(self) -> dict[str, Any]:
        def iso(ts: float) -> str:
            import datetime

            return datetime.datetime.fromtimestamp(ts, datetime.timezone.utc).isoformat(timespec="seconds")

        return {
            "id": self.id,
            "query_typed": self.typed,
            "topic": self.topic,
            "filters": self.filters,
            "query": self.query,
            "query_translation": self.translation,
            "warnings": list(self.warnings),
            "sort": self.sort,
            "max": self.max_results,
            "mode": self.mode,
            "source": self.source,
            "run_at": iso(self.run_at),
            "searched_at": iso(self.searched_at),
            "count": self.count,
            "returned": len(self.pmids),
            "pmids_hash": self.pmids_hash,
            "pmids": list(self.pmids),
            "litcli_version": self.litcli_version,
            "rerun_of": self.rerun_of,
        }


_SEARCH_COLUMNS = (
    "id, run_at, searched_at, source, mode, typed, topic, filters, query, translation, "
    "warnings, sort, max_results, count, pmids, litcli_version, rerun_of"
)


def _search_record(row: tuple[Any, ...]) -> SearchRecord:
    (id_, run_at, searched_at, source, mode, typed, topic, filters, query, translation,
     warnings, sort, max_results, count, pmids, version, rerun_of) = row
    return SearchRecord(
        id=int(id_), run_at=float(run_at), searched_at=float(searched_at), source=source,
        mode=mode, typed=typed, topic=topic, filters=dict(json.loads(filters or "{}")),
        query=query, translation=translation, warnings=list(json.loads(warnings or "[]")),
        sort=sort, max_results=int(max_results), count=int(count),
        pmids=[str(p) for p in json.loads(pmids or "[]")], litcli_version=version,
        rerun_of=None if rerun_of is None else int(rerun_of),
    )


# --- migrations --------------------------------------------------------------------


def _m001_initial(conn: sqlite3.Connection) -> None:
    conn.execute(
        """
        CREATE TABLE records (
            pmid INTEGER PRIMARY KEY,
            data BLOB NOT NULL,  -- litcli.record/1 JSON, zlib-compressed (TEXT = plain JSON)
            content_hash TEXT NOT NULL,
            raw BLOB,
            raw_format TEXT,
            raw_encoding TEXT,
            title TEXT,
            first_author TEXT,
            journal TEXT,
            year INTEGER,
            doi TEXT,
            pmcid TEXT,
            design TEXT,
            flags TEXT NOT NULL DEFAULT '[]',
            source TEXT,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            fetched_at REAL NOT NULL
        )
        """
    )
    conn.execute("CREATE INDEX records_doi ON records(doi)")
    conn.execute("CREATE INDEX records_pmcid ON records(pmcid)")
    conn.execute("CREATE INDEX records_updated ON records(updated_at)")
    conn.execute(
        "CREATE VIRTUAL TABLE records_fts USING fts5("
        "title, abstract, mesh, keywords, authors, content='', "
        "tokenize = 'porter unicode61 remove_diacritics 2')"
    )
    conn.execute(
        """
        CREATE TABLE search_cache (
            key TEXT PRIMARY KEY,
            query TEXT,
            pmids TEXT NOT NULL,
            count INTEGER NOT NULL,
            translation TEXT,
            warnings TEXT NOT NULL DEFAULT '[]',
            fetched_at REAL NOT NULL
        )
        """
    )


def _m002_search_log(conn: sqlite3.Connection) -> None:
    """Every online search, as run (issue 12, item 4): what was typed and sent, PubMed's
    translation and warnings, when, the count and the PMIDs returned (with their hash)."""
    conn.execute(
        """
        CREATE TABLE searches (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_at REAL NOT NULL,          -- when litcli ran the search
            searched_at REAL NOT NULL,     -- when PubMed answered (earlier: from the cache)
            source TEXT NOT NULL,          -- 'pubmed' | 'cache'
            mode TEXT NOT NULL,            -- 'records' | 'ids' | 'count'
            typed TEXT NOT NULL,           -- the query as typed
            topic TEXT,
            filters TEXT NOT NULL DEFAULT '{}',
            query TEXT NOT NULL,           -- exactly what was sent to PubMed
            translation TEXT,
            warnings TEXT NOT NULL DEFAULT '[]',
            sort TEXT NOT NULL,
            max_results INTEGER NOT NULL,
            count INTEGER NOT NULL,
            pmids TEXT NOT NULL DEFAULT '[]',
            pmids_hash TEXT NOT NULL,
            litcli_version TEXT NOT NULL,
            rerun_of INTEGER
        )
        """
    )
    conn.execute("CREATE INDEX searches_query ON searches(query, sort, max_results)")


def _m003_citation_metrics(conn: sqlite3.Connection) -> None:
    """iCite's metrics per PMID (litcli.icite.Metrics as JSON) with when they were fetched."""
    conn.execute(
        "CREATE TABLE citation_metrics (pmid INTEGER PRIMARY KEY, data TEXT NOT NULL, "
        "fetched_at REAL NOT NULL)"
    )


# Named, in order; never rename or reorder an applied migration, only append.
MIGRATIONS: list[tuple[str, Callable[[sqlite3.Connection], None]]] = [
    ("m001_initial", _m001_initial),
    ("m002_search_log", _m002_search_log),
    ("m003_citation_metrics", _m003_citation_metrics),
]


# --- helpers -----------------------------------------------------------------------


def _library_error(exc: sqlite3.Error, path: Path, action: str) -> LibraryError:
    """Turn a sqlite3 error into a one-line LibraryError with a fix."""
    text = str(exc).strip() or type(exc).__name__
    low = text.lower()
    if "not a database" in low or "malformed" in low or "corrupt" in low:
        return LibraryError(
            f"the library {path} is damaged or not a litcli library ({text})",
            hint="move the file away (litcli starts a new library) or set LITCLI_HOME to another directory",
        )
    if "readonly" in low or "read-only" in low or "unable to open" in low:
        return LibraryError(
            f"cannot {action} the library {path}: {text}",
            hint="check that the file and its directory are writable, or set LITCLI_HOME to a writable directory",
        )
    if "locked" in low or "busy" in low:
        return LibraryError(
            f"the library {path} is busy (another litcli process holds it): {text}",
            hint="wait for the other litcli command to finish and try again",
        )
    if "disk" in low and "full" in low:
        return LibraryError(f"cannot {action} the library {path}: the disk is full")
    return LibraryError(f"cannot {action} the library {path}: {text}")


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    low = str(exc).lower()
    return "locked" in low or "busy" in low


def _chunks(items: Sequence[T], size: int = _IN_CHUNK) -> Iterator[Sequence[T]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _pmid_int(pmid: str | int) -> int | None:
    text = str(pmid).strip()
    if not is_ascii_digits(text) or len(text) > 12:  # never "²³" (crash) or "２３" (another PMID)
        return None
    value = int(text)
    return value if value > 0 else None


def _fts_columns(record: Record) -> tuple[str, str, str, str, str]:
    mesh_parts: list[str] = []
    for heading in record.mesh:
        mesh_parts.append(heading.descriptor)
        mesh_parts.extend(q.name for q in heading.qualifiers)
    mesh_parts.extend(record.chemicals)
    authors = []
    for a in record.authors:
        if a.collective_name and not a.last_name:
            authors.append(a.collective_name)
        else:
            authors.append(" ".join(p for p in (a.fore_name, a.last_name) if p))
    title = record.title
    if record.vernacular_title:
        title = f"{title} {record.vernacular_title}"
    return (
        title,
        record.abstract_text,
        "; ".join(mesh_parts),
        "; ".join(record.keywords),
        "; ".join(authors),
    )


# Record.to_dict() spends most of its time in dataclasses.asdict (deep copies).  The
# library serialises every stored record, so it uses this equivalent converter; if the
# model's derived keys ever differ from the ones below, it falls back to to_dict().
_DERIVED = dict(DERIVED)
_FIELDS: dict[type, tuple[str, ...]] = {}


def _plain(value: Any) -> Any:
    cls = type(value)
    if cls in (str, int, float, bool) or value is None:
        return value
    if cls is list:
        return [_plain(v) for v in value]
    names = _FIELDS.get(cls)
    if names is None and dataclasses.is_dataclass(value):
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        return {n: _plain(getattr(value, n)) for n in names}
    if cls is dict:
        return {k: _plain(v) for k, v in value.items()}
    if cls is tuple:
        return [_plain(v) for v in value]
    return copy.deepcopy(value)


def _fast_to_dict(record: Record) -> dict[str, Any]:
    d: dict[str, Any] = {"schema": SCHEMA, **_plain(record)}
    for key, attr in _DERIVED.items():
        d[key] = getattr(record, attr)
    return d


def _check_fast_to_dict() -> bool:
    probe = Record(pmid="1")
    try:
        return json.dumps(_fast_to_dict(probe), sort_keys=True) == json.dumps(
            probe.to_dict(), sort_keys=True
        )
    except Exception:  # noqa: BLE001 - any mismatch means: use the model's own method
        return False


_FAST_TO_DICT = _check_fast_to_dict()


def record_dict(record: Record) -> dict[str, Any]:
    """``record.to_dict()`` (the litcli.record/1 object), computed quickly."""
    return _fast_to_dict(record) if _FAST_TO_DICT else record.to_dict()


# per dataclass: a function giving one instance's fields as a dict, keys in sorted order
_CONVERTERS: dict[type, Callable[[Any], dict[str, Any]]] = {}


def _shallow(value: Any) -> Any:
    """json's ``default`` hook: a model dataclass as a dict of its fields (the encoder,
    in C, walks the lists, strings and numbers inside)."""
    convert = _CONVERTERS.get(type(value))
    if convert is None:
        if not dataclasses.is_dataclass(value) or isinstance(value, type):
            raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
        convert = _CONVERTERS[type(value)] = fields_reader(type(value), sort=True)
    return convert(value)


_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=_shallow)
# the top object: "schema", a Record's fields and its derived keys (compiled at the first
# record: not on the way to a search's first request)
_RECORD_TOP: list[Callable[[Any], dict[str, Any]]] = []


def record_json(record: Record) -> str:
    """``json.dumps(record_dict(record), ensure_ascii=False, sort_keys=True)``: the text
    the library stores and hashes, without building the plain dict tree first."""
    if not _FAST_TO_DICT:
        return json.dumps(record.to_dict(), ensure_ascii=False, sort_keys=True)
    if not _RECORD_TOP:
        _RECORD_TOP.append(fields_reader(Record, _DERIVED, head={"schema": SCHEMA}, sort=True))
    return _ENCODER.encode(_RECORD_TOP[0](record))


class PreparedRecord(NamedTuple):
    """A record made ready to store: everything ``Library.upsert`` writes, computed
    from the parsed record alone (``prepare_item``: JSON, hash, columns and the
    compressed blobs), so the work can run in another process (``litcli.pipeline``)
    and cross it as plain values, leaving the SQLite writes to the library's process."""

    pmid: int
    json: bytes  # record_json(record), UTF-8: the stored, hashed text
    digest: str  # its sha1
    raw: bytes | None  # the record's own XML / MEDLINE text
    retracted: bool
    # the listing columns: title, first_author, journal, year, doi, pmcid, design, flags
    columns: tuple[Any, ...]
    fts: tuple[str, str, str, str, str]  # _fts_columns(record)
    # the stored blobs when prepare_item was asked to compress (a worker process with
    # time to spare does it: efetch batches), else None and Library.upsert compresses:
    # storecodec.compress_json(json), and storecodec.compress_raw_with(raw, json) when
    # there is raw text
    data: bytes | None = None
    raw_blob: bytes | None = None


class RejectedItem(NamedTuple):
    """An item that cannot be stored (reported as a failure, in its place in the input)."""

    where: str
    reason: str


def prepare_item(item: Any, compress: bool = False) -> Any:
    """A parser item made ready for ``Library.upsert``: ``Parsed`` or a bare ``Record``
    becomes a ``PreparedRecord`` (or a ``RejectedItem``); ``Deleted`` and ``Failed``
    pass as they are.  Pure (no library needed): safe to run in a worker process.
    ``compress``: the stored blobs too (the same bytes ``upsert`` would write)."""
    if isinstance(item, (PreparedRecord, RejectedItem)):
        return item
    if not isinstance(item, Record):
        if getattr(item, "pmids", None) is not None and not hasattr(item, "record"):
            return item  # Deleted
        if isinstance(getattr(item, "reason", None), str) and not hasattr(item, "record"):
            return item  # Failed
    record = item if isinstance(item, Record) else getattr(item, "record", None)
    raw = None if isinstance(item, Record) else getattr(item, "raw", None)
    if not isinstance(record, Record):
        return RejectedItem(str(item)[:60], "not a record")
    pmid = _pmid_int(record.pmid)
    if pmid is None:
        return RejectedItem(record.title[:60] or "record", f"invalid PMID {record.pmid!r}")
    try:
        data = record_json(record).encode("utf-8")
    except (TypeError, ValueError) as exc:
        return RejectedItem(str(pmid), f"cannot serialise the record ({exc})")
    flags = record.flags
    return PreparedRecord(
        pmid,
        data,
        hashlib.sha1(data).hexdigest(),
        raw,
        FLAG_RETRACTED in flags,
        (
            record.title,
            record.first_author,
            record.journal.abbreviation,
            record.year,
            record.doi.lower() if record.doi else None,
            record.pmcid.upper() if record.pmcid else None,
            record.design,
            json.dumps(flags) if flags else "[]",  # most records: no flags (3 us a call)
        ),
        _fts_columns(record),
        storecodec.compress_json(data) if compress else None,
        storecodec.compress_raw_with(raw, data) if compress and raw else None,
    )


def _raw_format(raw: bytes) -> str:
    head = raw[:64].lstrip()
    return "xml" if head.startswith(b"<") else "medline"


def search_cache_key(query: str, options: dict[str, Any] | None = None) -> str:
    """A stable key for a search: the normalised query plus its options.

    Credentials and identity (``tool``, ``email``, ``api_key``) never enter the key.
    """
    opts = {
        k: v
        for k, v in (options or {}).items()
        if k not in {"tool", "email", "api_key"} and v is not None
    }
    payload = json.dumps(
        {"q": " ".join(query.split()), "o": opts}, sort_keys=True, default=str, ensure_ascii=False
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


# --- replacing stored records --------------------------------------------------------------


@dataclass
class _RowState:
    """A record row as an import batch replays over it (see Library._store_batch)."""

    digest: str  # content_hash
    has_raw: bool
    fmt: str | None  # "xml" | "medline" | None: the raw text kept
    retracted: bool


def _flags_retracted(flags: str | None) -> bool:
    try:
        return FLAG_RETRACTED in json.loads(flags or "[]")
    except (ValueError, TypeError):
        return False


def _refuse_replace(current: _RowState, retracted: bool, fmt: str | None) -> str | None:
    """Why a new copy must not replace the stored row: None = replace it; "" = keep
    the stored row and count the copy as unchanged; else a one-line failure reason.

    * PubMed XML is never replaced by a MEDLINE copy (MEDLINE lacks the vernacular
      title, the ISO abbreviation, MeSH UIs, ...): the copy counts as unchanged,
      unless it is flagged retracted and the stored XML is not, which is reported
      (keeping the XML would hide the retraction, taking the copy would lose fields).
    * PubMed never un-retracts: a copy without the retraction flag of the stored
      record is older, and is reported instead of stored.  XML still replaces MEDLINE.
    """
    if fmt == "medline" and current.fmt == "xml":
        if retracted and not current.retracted:
            return (
                "this MEDLINE copy is flagged retracted, the stored PubMed XML copy is not: "
                "import the record as PubMed XML, or remove it first to replace it with this copy"
            )
        return ""
    if current.retracted and not retracted:
        return (
            "the stored copy is flagged retracted; this copy is not (older?); "
            "remove the record first to replace it"
        )
    return None


# --- the library -------------------------------------------------------------------------


class Library:
    """The local SQLite library (see the module docstring)."""

    def __init__(
        self,
        path: Path | None = None,
        *,
        busy_timeout: float = BUSY_TIMEOUT,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.path = Path(path) if path is not None else paths.library_path()
        self._clock = clock
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except FileExistsError:  # a file where the directory should be
            raise LibraryError(
                f"the library directory {self.path.parent} is a file, not a directory",
                hint="set LITCLI_HOME to a directory",
            ) from None
        except OSError as exc:
            raise LibraryError(
                f"cannot create the library directory {self.path.parent}: {exc.strerror or exc}",
                hint="set LITCLI_HOME to a writable directory",
            ) from None
        if self.path.is_dir():
            raise LibraryError(
                f"the library path {self.path} is a directory",
                hint="move it away or set LITCLI_HOME to another directory",
            )
        try:
            self._conn = sqlite3.connect(str(self.path), timeout=busy_timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise _library_error(exc, self.path, "open") from None
        try:
            self._conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            if self._conn.execute("PRAGMA page_count").fetchone()[0] == 0:  # a new file
                self._conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
            self._conn.execute("PRAGMA foreign_keys = ON")
            mode = self._retry(lambda: self._conn.execute("PRAGMA journal_mode = WAL").fetchone())
            if mode and str(mode[0]).lower() != "wal":
                log.debug("journal_mode is %s, not WAL", mode[0])
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
            fts = self._conn.execute(
                "SELECT sql FROM sqlite_master WHERE name = 'records_fts'"
            ).fetchone()
            # libraries created before issue 12 index with content; newer ones without
            self._contentless = bool(fts and re.search(r"content\s*=\s*''", str(fts[0])))
        except sqlite3.Error as exc:
            self._conn.close()
            raise _library_error(exc, self.path, "open") from None
        except BaseException:
            self._conn.close()
            raise

    # --- plumbing ------------------------------------------------------------------

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._conn.close()

    def _retry(self, fn: Callable[[], T]) -> T:
        delay = 0.05
        for attempt in range(_BUSY_RETRIES + 1):
            try:
                return fn()
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc) or attempt == _BUSY_RETRIES:
                    raise
                time.sleep(delay)
                delay = min(delay * 2, 1.0)
        raise AssertionError("unreachable")  # pragma: no cover

    def _write(self, fn: Callable[[sqlite3.Connection], T], action: str = "write to") -> T:
        """Run fn in one BEGIN IMMEDIATE transaction (retried when the DB is busy)."""

        def attempt() -> T:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                result = fn(self._conn)
                self._conn.execute("COMMIT")
                return result
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise

        try:
            return self._retry(attempt)
        except sqlite3.Error as exc:
            raise _library_error(exc, self.path, action) from None

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._retry(lambda: self._conn.execute(sql, params).fetchall())
        except sqlite3.OperationalError as exc:
            if "fts5" in str(exc).lower():
                raise InvalidInputError(
                    f"the library cannot search for that query ({exc})",
                    hint='use words or "phrases", AND, OR, NOT and parentheses',
                ) from None
            raise _library_error(exc, self.path, "read") from None
        except sqlite3.Error as exc:
            raise _library_error(exc, self.path, "read") from None

    def _migrate(self) -> None:
        conn = self._conn
        conn.execute(
            "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at REAL NOT NULL)"
        )
        applied = {row[0] for row in conn.execute("SELECT name FROM migrations")}
        if all(name in applied for name, _ in MIGRATIONS):
            return

        def run(c: sqlite3.Connection) -> None:
            # re-read inside the write lock: another process may have migrated meanwhile
            done = {row[0] for row in c.execute("SELECT name FROM migrations")}
            for name, migration in MIGRATIONS:
                if name not in done:
                    migration(c)
                    c.execute(
                        "INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                        (name, self._clock()),
                    )

        self._conn.execute("BEGIN IMMEDIATE")
        try:
            run(conn)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def migrations(self) -> list[str]:
        """Names of the applied migrations, in order."""
        return [r[0] for r in self._read("SELECT name FROM migrations ORDER BY applied_at, name")]

    # --- writing -------------------------------------------------------------------

    def upsert(
        self,
        items: Iterable[Any],
        *,
        source: str,
        batch_size: int = BATCH_SIZE,
        progress: Callable[[ImportStats], None] | None = None,
    ) -> ImportStats:
        """Store parser output (``Parsed`` / ``Deleted`` / ``Failed``, or bare
        ``Record`` objects, or those items already through ``prepare_item``, e.g. in a
        worker process), committing every ``batch_size`` items.

        Unchanged records count as skipped; an interrupted call leaves every
        committed batch in place, so re-running it continues without duplicates.
        """
        stats = ImportStats()
        batch: list[Any] = []
        for item in items:
            batch.append(prepare_item(item))
            if len(batch) >= batch_size:
                self._write(lambda c, b=batch: self._store_batch(c, b, source, stats))  # type: ignore[misc]
                batch = []
                if progress:
                    progress(stats)
        if batch:
            self._write(lambda c: self._store_batch(c, batch, source, stats))
            if progress:
                progress(stats)
        return stats

    def _store_batch(
        self, conn: sqlite3.Connection, batch: list[Any], source: str, stats: ImportStats
    ) -> None:
        """Apply one batch in file order, in the caller's transaction.

        The rows and the counts are those that applying the items one at a time
        would give, so they do not depend on where batch boundaries fall: a
        ``Deleted`` followed by the same PMID re-added leaves the record (counted
        as deleted, then new), a record followed by its deletion removes it.  The
        batch is replayed in memory against the stored state of its PMIDs, then its
        net effect is written in bulk: one DELETE for the PMIDs whose stored row
        goes (even if re-added later in the batch), then one upsert per PMID that
        ends up written (its last version).
        """
        now = self._clock()
        local = ImportStats()
        # (position in the batch, where, reason): reported in file order
        failures: list[tuple[int, str, str]] = []
        # (position, pmid, version | None = delete)
        ops: list[tuple[int, int, PreparedRecord | None]] = []
        for index, item in enumerate(batch):  # items through prepare_item
            if isinstance(item, PreparedRecord):
                ops.append((index, item.pmid, item))
            elif isinstance(item, RejectedItem):
                failures.append((index, item.where, item.reason))
            elif getattr(item, "pmids", None) is not None:  # Deleted
                ops.extend(
                    (index, p, None) for p in (_pmid_int(x) for x in item.pmids) if p is not None
                )
            else:  # Failed
                pmid_text = getattr(item, "pmid", None)
                where = (
                    f"PMID {pmid_text}" if pmid_text else f"record {getattr(item, 'index', '?')}"
                )
                failures.append((index, where, item.reason))

        # pmid -> the row as it stands at this point of the replay; None = no row.
        # Starts from what is stored.
        state: dict[int, _RowState | None] = {}
        keys = list(dict.fromkeys(pmid for _, pmid, _ in ops))
        for chunk in _chunks(keys):
            marks = ",".join("?" * len(chunk))
            for pmid, digest, has_raw, fmt, flags in conn.execute(
                "SELECT pmid, content_hash, raw IS NOT NULL, raw_format, flags FROM records "
                f"WHERE pmid IN ({marks})",
                list(chunk),
            ):
                state[pmid] = _RowState(
                    digest, bool(has_raw), fmt if has_raw else None, _flags_retracted(flags)
                )
        stored = set(state)  # PMIDs with a row before this batch

        drop: set[int] = set()  # stored rows to delete (before any re-insert)
        # the version each PMID ends up with, and the raw text it is written with
        writes: dict[int, tuple[PreparedRecord, bytes | None]] = {}
        touched: list[int] = []
        for index, pmid, prepared in ops:
            current = state.get(pmid)
            if prepared is None:  # a deletion
                if current is not None:
                    local.deleted += 1
                    state[pmid] = None
                    writes.pop(pmid, None)
                    if pmid in stored:
                        drop.add(pmid)
                continue
            digest, raw = prepared.digest, prepared.raw
            if current is not None and current.digest == digest and (current.has_raw or raw is None):
                local.skipped += 1
                touched.append(pmid)
                continue
            fmt = _raw_format(raw) if raw else None
            if current is not None:
                refused = _refuse_replace(current, prepared.retracted, fmt)
                if refused == "":  # a MEDLINE copy of a record held as PubMed XML: kept
                    local.skipped += 1
                    continue
                if refused:
                    failures.append((index, f"PMID {pmid}", refused))
                    continue
                local.updated += 1
                if raw is None and pmid in writes:  # keep the raw text of the earlier version
                    raw = writes[pmid][1]
                    fmt = _raw_format(raw) if raw else None
            else:
                local.imported += 1
            writes[pmid] = (prepared, raw)
            state[pmid] = _RowState(
                digest,
                raw is not None or (current is not None and current.has_raw),
                fmt or (current.fmt if current is not None else None),
                prepared.retracted,
            )
        local.failed.extend((where, reason) for _, where, reason in sorted(failures))

        if drop:
            self._delete(conn, sorted(drop))
        rows = []
        fts_rows = []
        # a stored row updated without raw text keeps its raw text (COALESCE below); one
        # compressed against the row's old JSON is written again against the new one
        kept = [p for p, w in writes.items() if w[1] is None and p in stored and p not in drop]
        for chunk in _chunks(kept):
            marks = ",".join("?" * len(chunk))
            for pmid, old_data, old_raw, encoding in conn.execute(
                f"SELECT pmid, data, raw, raw_encoding FROM records WHERE pmid IN ({marks}) "
                "AND raw IS NOT NULL AND raw_encoding = ?",
                [*chunk, storecodec.RAW_WITH_RECORD],
            ):
                with contextlib.suppress(LibraryError):  # unreadable: left as it was
                    text = self._raw_bytes(pmid, old_raw, encoding, old_data)
                    writes[pmid] = (writes[pmid][0], text)
        for pmid, (prepared, raw) in writes.items():
            json_bytes = prepared.json
            data = prepared.data
            if data is None:
                data = storecodec.compress_json(json_bytes)
            if raw:
                # compressed by prepare_item(compress=True) when it is the version's own
                blob: bytes | None = (
                    prepared.raw_blob
                    if raw is prepared.raw and prepared.raw_blob is not None
                    else storecodec.compress_raw_with(raw, json_bytes)
                )
                fmt, encoding = _raw_format(raw), storecodec.RAW_WITH_RECORD
            else:
                blob = fmt = encoding = None
            rows.append(
                (
                    pmid,
                    data,
                    prepared.digest,
                    blob,
                    fmt,
                    encoding,
                    *prepared.columns,
                    source,
                    now,
                    now,
                    now,
                )
            )
            fts_rows.append((pmid, *prepared.fts))

        # stored rows being replaced leave the index first (a contentless index is told
        # the values it indexed, read from the rows before they change)
        self._fts_remove(conn, [pmid for pmid in writes if pmid in stored and pmid not in drop])
        if rows:
            conn.executemany(
                """
                INSERT INTO records (pmid, data, content_hash, raw, raw_format, raw_encoding,
                    title, first_author, journal, year, doi, pmcid, design, flags, source,
                    created_at, updated_at, fetched_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(pmid) DO UPDATE SET
                    data = excluded.data, content_hash = excluded.content_hash,
                    raw = COALESCE(excluded.raw, records.raw),
                    raw_format = COALESCE(excluded.raw_format, records.raw_format),
                    raw_encoding = COALESCE(excluded.raw_encoding, records.raw_encoding),
                    title = excluded.title, first_author = excluded.first_author,
                    journal = excluded.journal, year = excluded.year, doi = excluded.doi,
                    pmcid = excluded.pmcid, design = excluded.design, flags = excluded.flags,
                    source = excluded.source, updated_at = excluded.updated_at,
                    fetched_at = excluded.fetched_at
                """,
                rows,
            )
            conn.executemany(
                "INSERT INTO records_fts (rowid, title, abstract, mesh, keywords, authors) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                fts_rows,
            )
        if touched and source == "ncbi":
            # an unchanged record fetched again from NCBI is fresh again
            conn.executemany(
                "UPDATE records SET fetched_at = ? WHERE pmid = ?", [(now, p) for p in touched]
            )
        stats.add(local)

    def _delete(self, conn: sqlite3.Connection, pmids: Sequence[int]) -> int:
        removed = 0
        for chunk in _chunks(list(dict.fromkeys(pmids))):
            marks = ",".join("?" * len(chunk))
            self._fts_remove(conn, chunk)
            cur = conn.execute(f"DELETE FROM records WHERE pmid IN ({marks})", list(chunk))
            removed += cur.rowcount
        return removed

    def _fts_remove(self, conn: sqlite3.Connection, pmids: Sequence[int]) -> None:
        """Take stored rows out of the full-text index, before the rows change or go.

        An index with content (older libraries) deletes by rowid.  A contentless index
        forgets a row only when given the values it indexed: they are recomputed from
        the stored record (``_fts_columns`` of its JSON, as when it was inserted; change
        ``_fts_columns`` only together with a migration that rebuilds the index).  A
        stored record that cannot be decoded leaves no such values: the whole index is
        then rebuilt from the readable records, so it never keeps a stale entry."""
        for chunk in _chunks(list(pmids)):
            marks = ",".join("?" * len(chunk))
            if not self._contentless:
                conn.execute(f"DELETE FROM records_fts WHERE rowid IN ({marks})", list(chunk))
                continue
            values = []
            for pmid, data in conn.execute(
                f"SELECT pmid, data FROM records WHERE pmid IN ({marks})", list(chunk)
            ):
                try:
                    values.append((pmid, *_fts_columns(self._decode(data))))
                except (ValueError, KeyError, TypeError, AttributeError, zlib.error):
                    self._fts_rebuild(conn, skip=set(pmids))
                    return
            conn.executemany(
                "INSERT INTO records_fts (records_fts, rowid, title, abstract, mesh, keywords, "
                "authors) VALUES ('delete', ?, ?, ?, ?, ?, ?)",
                values,
            )

    def _fts_rebuild(self, conn: sqlite3.Connection, *, skip: set[int]) -> None:
        """Re-index every readable stored record except ``skip`` (a contentless index)."""
        log.warning("rebuilding the library's full-text index (a stored record cannot be read)")
        conn.execute("INSERT INTO records_fts (records_fts) VALUES ('delete-all')")
        last = 0
        while True:
            rows = conn.execute(
                "SELECT pmid, data FROM records WHERE pmid > ? ORDER BY pmid LIMIT 500", (last,)
            ).fetchall()
            if not rows:
                return
            values = []
            for pmid, data in rows:
                if pmid in skip:
                    continue
                try:
                    values.append((pmid, *_fts_columns(self._decode(data))))
                except (ValueError, KeyError, TypeError, AttributeError, zlib.error):
                    continue  # unreadable: not searchable until fetched or imported again
            conn.executemany(
                "INSERT INTO records_fts (rowid, title, abstract, mesh, keywords, authors) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                values,
            )
            last = rows[-1][0]

    def remove(self, pmids: Iterable[str | int]) -> int:
        """Delete records by PMID; returns how many existed."""
        ints = [p for p in (_pmid_int(x) for x in pmids) if p is not None]
        if not ints:
            return 0
        return self._write(lambda c: self._delete(c, ints), "remove records from")

    # --- reading -------------------------------------------------------------------

    def get(self, pmids: Sequence[str | int], *, max_age: float | None = None) -> dict[str, Record]:
        """Stored records by PMID (only those fetched within ``max_age`` seconds)."""
        ints = [p for p in (_pmid_int(x) for x in pmids) if p is not None]
        out: dict[str, Record] = {}
        cutoff = None if max_age is None else self._clock() - max_age
        for chunk in _chunks(list(dict.fromkeys(ints))):
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT pmid, data FROM records WHERE pmid IN ({marks})"
            params: list[Any] = list(chunk)
            if cutoff is not None:
                sql += " AND fetched_at > ?"
                params.append(cutoff)
            rows = self._read(sql, params)
            for (pmid, _), record in zip(rows, self._records(rows), strict=True):
                out[str(pmid)] = record
        return out

    def get_raw(self, pmid: str | int) -> tuple[bytes, str] | None:
        """The raw XML / MEDLINE text kept for a record, with its format."""
        key = _pmid_int(pmid)
        if key is None:
            return None
        rows = self._read(
            "SELECT raw, raw_format, raw_encoding, data FROM records "
            "WHERE pmid = ? AND raw IS NOT NULL",
            (key,),
        )
        if not rows:
            return None
        raw, fmt, encoding, record_data = rows[0]
        data = self._raw_bytes(key, raw, encoding, record_data)
        return data, fmt or _raw_format(data)

    def fetched_at(self, pmids: Sequence[str | int]) -> dict[str, float]:
        ints = [p for p in (_pmid_int(x) for x in pmids) if p is not None]
        out: dict[str, float] = {}
        for chunk in _chunks(ints):
            marks = ",".join("?" * len(chunk))
            for pmid, at in self._read(
                f"SELECT pmid, fetched_at FROM records WHERE pmid IN ({marks})", list(chunk)
            ):
                out[str(pmid)] = at
        return out

    def find_pmid(self, kind: str, value: str) -> str | None:
        """The PMID of a stored record by DOI or PMCID (case-insensitive)."""
        if kind == "doi":
            rows = self._read("SELECT pmid FROM records WHERE doi = ? LIMIT 1", (value.lower(),))
        elif kind == "pmcid":
            rows = self._read("SELECT pmid FROM records WHERE pmcid = ? LIMIT 1", (value.upper(),))
        elif kind == "pmid":
            key = _pmid_int(value)
            rows = self._read("SELECT pmid FROM records WHERE pmid = ?", (key,)) if key else []
        else:
            raise ValueError(f"unknown identifier kind {kind!r}")
        return str(rows[0][0]) if rows else None

    def search(
        self,
        query: str,
        *,
        limit: int | None = 20,
        offset: int = 0,
        since: int | None = None,
        until: int | None = None,
        designs: Sequence[str] | None = None,
    ) -> list[Record]:
        """Records matching ``query`` (see ``fts_query``), best bm25 match first."""
        return list(
            self.iter_search(
                query, limit=limit, offset=offset, since=since, until=until, designs=designs
            )
        )

    def iter_search(
        self,
        query: str,
        *,
        limit: int | None = None,
        offset: int = 0,
        since: int | None = None,
        until: int | None = None,
        designs: Sequence[str] | None = None,
    ) -> Iterator[Record]:
        fq = fts_query(query)
        where, params = self._filters(since, until, designs)
        order = f"ORDER BY {_BM25}, r.pmid DESC"
        all_params: list[Any] = [fq.expression, *params]
        # Without filters the ranking needs the index only: the top rows are picked there
        # and only they are read from records (a join first reads every matching row's
        # record, hundreds of blobs, to keep the 20 best).
        ranked_sql = (
            f"SELECT rowid AS pmid, {_BM25} AS score FROM records_fts "
            "WHERE records_fts MATCH ? ORDER BY score, rowid DESC"
        )
        if limit is not None and limit <= 1000:
            if where:
                sql = (
                    "SELECT r.pmid, r.data FROM records_fts JOIN records r ON r.pmid = records_fts.rowid "
                    f"WHERE records_fts MATCH ?{where} {order} LIMIT ? OFFSET ?"
                )
            else:
                sql = (
                    f"SELECT r.pmid, r.data FROM ({ranked_sql} LIMIT ? OFFSET ?) AS top "
                    "JOIN records r ON r.pmid = top.pmid ORDER BY top.score, top.pmid DESC"
                )
            yield from self._records(self._read(sql, [*all_params, limit, offset]))
            return
        # large result sets: rank PMIDs first, then stream the records in that order
        if where:
            sql = (
                "SELECT r.pmid FROM records_fts JOIN records r ON r.pmid = records_fts.rowid "
                f"WHERE records_fts MATCH ?{where} {order}"
            )
        else:
            sql = f"SELECT pmid FROM ({ranked_sql}) ORDER BY score, pmid DESC"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            all_params += [limit, offset]
        elif offset:
            sql += " LIMIT -1 OFFSET ?"
            all_params.append(offset)
        ranked = [row[0] for row in self._read(sql, all_params)]
        for chunk in _chunks(ranked):
            marks = ",".join("?" * len(chunk))
            found = dict(
                self._read(f"SELECT pmid, data FROM records WHERE pmid IN ({marks})", list(chunk))
            )
            # in rank order; a PMID removed meanwhile is passed over
            yield from self._records((p, found[p]) for p in chunk if p in found)

    def count_matches(
        self,
        query: str,
        *,
        since: int | None = None,
        until: int | None = None,
        designs: Sequence[str] | None = None,
    ) -> int:
        fq = fts_query(query)
        where, params = self._filters(since, until, designs)
        if where:
            sql = (
                "SELECT count(*) FROM records_fts JOIN records r ON r.pmid = records_fts.rowid "
                f"WHERE records_fts MATCH ?{where}"
            )
        else:
            sql = "SELECT count(*) FROM records_fts WHERE records_fts MATCH ?"
        return int(self._read(sql, [fq.expression, *params])[0][0])

    @staticmethod
    def _filters(
        since: int | None, until: int | None, designs: Sequence[str] | None
    ) -> tuple[str, list[Any]]:
        where = ""
        params: list[Any] = []
        if since is not None:
            where += " AND r.year >= ?"
            params.append(since)
        if until is not None:
            where += " AND r.year <= ?"
            params.append(until)
        if designs:
            where += f" AND r.design IN ({','.join('?' * len(designs))})"
            params.extend(designs)
        return where, params

    def recent(self, limit: int = 20) -> list[Record]:
        """The most recently added or updated records."""
        rows = self._read(
            "SELECT pmid, data FROM records ORDER BY updated_at DESC, pmid DESC LIMIT ?", (limit,)
        )
        return self._records(rows)

    def iter_records(self) -> Iterator[Record]:
        """Every stored record, in PMID order, streamed page by page."""
        last = 0
        while True:
            rows = self._read(
                "SELECT pmid, data FROM records WHERE pmid > ? ORDER BY pmid LIMIT 500", (last,)
            )
            yield from self._records(rows)
            if len(rows) < 500:
                return
            last = rows[-1][0]

    def iter_raw(self) -> Iterator[tuple[str, bytes, str]]:
        """(pmid, raw, format) of every record that kept its raw text."""
        sql = (
            "SELECT pmid, raw, raw_format, raw_encoding, data FROM records "
            "WHERE raw IS NOT NULL ORDER BY pmid"
        )
        last = 0
        while True:
            rows = self._read(sql.replace("WHERE", "WHERE pmid > ? AND") + " LIMIT 500", (last,))
            if not rows:
                return
            for pmid, raw, fmt, enc, record_data in rows:
                data = self._raw_bytes(pmid, raw, enc, record_data)
                yield str(pmid), data, fmt or _raw_format(data)
            last = rows[-1][0]

    def _records(self, rows: Iterable[tuple[Any, ...]]) -> list[Record]:
        """Decode ``(pmid, data)`` rows, in order.

        A row that cannot be decoded (a damaged blob, JSON that is not a record) makes
        this raise a LibraryError naming every such PMID among ``rows``, so its hint
        (``litcli library remove PMID``) can be followed as given."""
        out: list[Record] = []
        bad: list[tuple[int, str]] = []
        for pmid, data in rows:
            try:
                out.append(self._decode(data))
            except (ValueError, KeyError, TypeError, AttributeError, zlib.error) as exc:
                bad.append((pmid, one_line(str(exc))[:80]))
        if bad:
            raise self._unreadable([p for p, _ in bad], bad[0][1])
        return out

    @staticmethod
    def _decode(data: str | bytes) -> Record:
        text = storecodec.decompress(data).decode("utf-8") if isinstance(data, bytes) else data
        return Record.from_dict(json.loads(text))

    def _unreadable(self, pmids: Sequence[int | str], why: str) -> LibraryError:
        shown = " ".join(str(p) for p in pmids[:10])
        more = f" and {len(pmids) - 10} more" if len(pmids) > 10 else ""
        one = len(pmids) == 1
        what = f"record PMID {shown}" if one else f"records PMIDs {shown}{more}"
        return LibraryError(
            f"the stored {what} in the library {self.path} cannot be read ({why})",
            hint=f"remove {'it' if one else 'them'} with litcli library remove {shown}, "
            f"then fetch or import {'it' if one else 'them'} again",
        )

    def _raw_bytes(
        self, pmid: int | str, raw: bytes, encoding: str | None, record_data: Any = None
    ) -> bytes:
        """A row's raw text; ``record_data`` is the row's ``data`` (needed by raw text
        compressed against the record, storecodec.RAW_WITH_RECORD)."""
        try:
            if encoding == storecodec.RAW_WITH_RECORD:
                if isinstance(record_data, bytes):
                    json_bytes = storecodec.decompress(record_data)
                else:
                    json_bytes = str(record_data).encode("utf-8")
                return storecodec.decompress_raw_with(raw, json_bytes)
            return storecodec.decompress(raw) if encoding == "zlib" else bytes(raw)
        except (zlib.error, TypeError) as exc:
            raise self._unreadable([pmid], f"its original text: {exc}") from None

    def count(self) -> int:
        return int(self._read("SELECT count(*) FROM records")[0][0])

    def stats(self) -> dict[str, Any]:
        """Counts and facts for `litcli library stats`."""
        total = self.count()
        designs = dict(
            self._read(
                "SELECT design, count(*) FROM records GROUP BY design ORDER BY count(*) DESC"
            )
        )
        flagged: dict[str, int] = {}
        for (flags,) in self._read("SELECT flags FROM records WHERE flags != '[]'"):
            for flag in json.loads(flags):
                flagged[flag] = flagged.get(flag, 0) + 1
        years = self._read("SELECT min(year), max(year) FROM records")[0]
        times = self._read("SELECT min(fetched_at), max(updated_at) FROM records")[0]
        sources = dict(
            self._read(
                "SELECT COALESCE(source, ''), count(*) FROM records GROUP BY source ORDER BY count(*) DESC"
            )
        )
        with_raw = int(self._read("SELECT count(*) FROM records WHERE raw IS NOT NULL")[0][0])
        searches = int(self._read("SELECT count(*) FROM search_cache")[0][0])
        size = 0
        for suffix in ("", "-wal", "-shm"):
            p = Path(str(self.path) + suffix)
            if p.exists():
                size += p.stat().st_size
        return {
            "path": str(self.path),
            "records": total,
            "with_raw": with_raw,
            "designs": designs,
            "flags": flagged,
            "years": {"min": years[0], "max": years[1]},
            "oldest_fetch": times[0],
            "last_update": times[1],
            "sources": sources,
            "cached_searches": searches,
            "size_bytes": size,
            "migrations": self.migrations(),
        }

    # --- search cache --------------------------------------------------------------

    def cache_get(self, key: str, *, max_age: float = SEARCH_TTL) -> CachedSearch | None:
        rows = self._read(
            "SELECT pmids, count, translation, warnings, fetched_at, query FROM search_cache "
            "WHERE key = ? AND fetched_at > ?",
            (key, self._clock() - max_age),
        )
        if not rows:
            return None
        pmids, count, translation, warnings, fetched_at, query = rows[0]
        return CachedSearch(
            pmids=list(json.loads(pmids)),
            count=int(count),
            query_translation=translation,
            warnings=list(json.loads(warnings)),
            fetched_at=float(fetched_at),
            query=query,
        )

    def cache_put(self, key: str, result: CachedSearch) -> None:
        fetched = result.fetched_at or self._clock()
        self._write(
            lambda c: c.execute(
                "INSERT OR REPLACE INTO search_cache "
                "(key, query, pmids, count, translation, warnings, fetched_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    key,
                    result.query,
                    json.dumps([str(p) for p in result.pmids]),
                    int(result.count),
                    result.query_translation,
                    json.dumps(list(result.warnings)),
                    fetched,
                ),
            )
        )

    def cache_clear(self, *, older_than: float | None = None) -> int:
        """Drop cached searches (all, or those older than ``older_than`` seconds)."""
        if older_than is None:
            return self._write(lambda c: c.execute("DELETE FROM search_cache").rowcount)
        cutoff = self._clock() - older_than
        return self._write(
            lambda c: c.execute("DELETE FROM search_cache WHERE fetched_at < ?", (cutoff,)).rowcount
        )

    # --- citation metrics (litcli.icite) --------------------------------------

    def metrics_get(self, pmids: Sequence[str | int], *, max_age: float) -> dict[str, dict]:
        """Stored iCite metrics (JSON objects) fetched within ``max_age`` seconds, by PMID."""
        ids = [int(p) for p in pmids if str(p).isdigit()]
        cutoff = self._clock() - max_age
        out: dict[str, dict] = {}
        for start in range(0, len(ids), 900):
            chunk = ids[start : start + 900]
            marks = ",".join("?" * len(chunk))
            for pmid, data in self._read(
                f"SELECT pmid, data FROM citation_metrics WHERE pmid IN ({marks}) AND fetched_at > ?",
                (*chunk, cutoff),
            ):
                out[str(pmid)] = json.loads(data)
        return out

    def metrics_put(self, rows: dict[str, dict]) -> None:
        """Keep iCite metrics (JSON objects by PMID), dated now."""
        now = self._clock()
        values = [(int(p), json.dumps(d, sort_keys=True), now) for p, d in rows.items() if str(p).isdigit()]
        self._write(
            lambda c: c.executemany(
                "INSERT OR REPLACE INTO citation_metrics (pmid, data, fetched_at) VALUES (?, ?, ?)",
                values,
            )
        )

    # --- search log (every online search, as run) ---------------------------------

    def log_search(self, entry: SearchRecord) -> int:
        """Keep one search as run; returns its number (``entry.id`` is set)."""
        from litcli import __version__

        entry.run_at = entry.run_at or self._clock()
        entry.searched_at = entry.searched_at or entry.run_at
        entry.litcli_version = entry.litcli_version or __version__
        values = (
            entry.run_at, entry.searched_at, entry.source, entry.mode, entry.typed, entry.topic,
            json.dumps(entry.filters, sort_keys=True, ensure_ascii=False), entry.query,
            entry.translation, json.dumps(list(entry.warnings), ensure_ascii=False), entry.sort,
            int(entry.max_results), int(entry.count), json.dumps([str(p) for p in entry.pmids]),
            entry.pmids_hash, entry.litcli_version, entry.rerun_of,
        )
        new_id = self._write(
            lambda c: c.execute(
                "INSERT INTO searches (run_at, searched_at, source, mode, typed, topic, filters, "
                "query, translation, warnings, sort, max_results, count, pmids, pmids_hash, "
                "litcli_version, rerun_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                values,
            ).lastrowid
        )
        entry.id = int(new_id or 0)
        return entry.id

    def searches(self, limit: int | None = None) -> list[SearchRecord]:
        """The logged searches, newest first."""
        sql = f"SELECT {_SEARCH_COLUMNS} FROM searches ORDER BY id DESC"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [_search_record(row) for row in self._read(sql)]

    def search_record(self, number: int) -> SearchRecord | None:
        rows = self._read(f"SELECT {_SEARCH_COLUMNS} FROM searches WHERE id = ?", (int(number),))
        return _search_record(rows[0]) if rows else None

    def previous_run(self, entry: SearchRecord) -> SearchRecord | None:
        """The last run before ``entry`` of the same search (same query, sort and max) that
        returned PMIDs (a ``--count`` run returns none).  An ``--all`` run records PubMed's
        count as its max, which moves: its previous run is the last ``--all`` run of the query."""
        if entry.mode == "all":
            where, args = "mode = 'all'", tuple[int, ...]()
        else:
            where, args = "max_results = ? AND mode != 'count'", (int(entry.max_results),)
        rows = self._read(
            f"SELECT {_SEARCH_COLUMNS} FROM searches WHERE query = ? AND sort = ? AND {where} "
            "AND id < ? ORDER BY id DESC LIMIT 1",
            (entry.query, entry.sort, *args, int(entry.id or 2**62)),
        )
        return _search_record(rows[0]) if rows else None

    def integrity_check(self) -> str:
        """'ok' or SQLite's first complaint."""
        return str(self._read("PRAGMA integrity_check")[0][0])
