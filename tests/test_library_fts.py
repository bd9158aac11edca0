"""The full-text index: contentless in new libraries, with content in older ones; both
stay exact through updates, deletions and damaged records."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from litcli.library import Library
from tests.test_library_fixtures import FIRST_PMID, article_set, article_xml, parsed

OLD_FTS = (
    "CREATE VIRTUAL TABLE records_fts USING fts5("
    "title, abstract, mesh, keywords, authors, "
    "tokenize = 'porter unicode61 remove_diacritics 2')"
)


def _titles(library: Library, *titles: tuple[int, str]) -> None:
    library.upsert(
        parsed(article_set([article_xml(p, title=t) for p, t in titles])), source="test"
    )


def _matches(path: Path, word: str) -> list[int]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute(
            "SELECT rowid FROM records_fts WHERE records_fts MATCH ? ORDER BY rowid",
            (f"title:{word}",),
        )]
    finally:
        conn.close()


def _old_library(path: Path) -> None:
    """A library as litcli wrote it before issue 12: an FTS index with content."""
    Library(path).close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DROP TABLE records_fts")
        conn.execute(OLD_FTS)
    conn.close()


@pytest.mark.parametrize("old", [False, True], ids=["contentless", "with-content"])
def test_updates_and_removals_leave_no_stale_entries(tmp_path: Path, old: bool) -> None:
    path = tmp_path / "lib.db"
    if old:
        _old_library(path)
    a, b = FIRST_PMID, FIRST_PMID + 1
    with Library(path) as library:
        assert library._contentless is not old
        _titles(library, (a, "Walrus tusks"), (b, "Narwhal tusks"))
        _titles(library, (a, "Walrus whiskers"))  # updated
        assert _matches(path, "tusks") == [b] and _matches(path, "whiskers") == [a]
        assert library.count_matches("tusks") == 1 and library.count_matches("walrus") == 1
        assert library.remove([str(b)]) == 1
        assert _matches(path, "narwhal") == [] and library.count_matches("tusks") == 0
        assert library.integrity_check() == "ok"
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO records_fts(records_fts) VALUES ('integrity-check')")
    content = conn.execute("SELECT title FROM records_fts").fetchall()
    conn.close()
    assert content == ([("Walrus whiskers",)] if old else [(None,)])


def test_a_new_library_keeps_no_second_copy_of_the_text(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.db") as library:
        assert library._contentless
    conn = sqlite3.connect(tmp_path / "lib.db")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert "records_fts_content" not in tables


def test_a_damaged_record_is_removed_without_a_stale_entry(tmp_path: Path) -> None:
    """A contentless index needs the indexed values to forget a row; a record whose
    stored JSON cannot be read has none, so the index is rebuilt from the others."""
    path = tmp_path / "lib.db"
    a, b, c = FIRST_PMID, FIRST_PMID + 1, FIRST_PMID + 2
    with Library(path) as library:
        _titles(library, (a, "Walrus tusks"), (b, "Narwhal tusks"), (c, "Dugong"))
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE records SET data = ? WHERE pmid = ?", (b"\x78\x9cdamaged", b))
    conn.close()
    with Library(path) as library:
        assert library.remove([str(b)]) == 1
        assert _matches(path, "tusks") == [a] and _matches(path, "dugong") == [c]
        assert library.count_matches("tusks") == 1 and library.integrity_check() == "ok"
        _titles(library, (b, "Manatee"))  # the PMID again: only its new words
        assert _matches(path, "narwhal") == [] and _matches(path, "manatee") == [b]


def test_page_size_new_libraries_only(tmp_path: Path) -> None:
    """A new library uses PAGE_SIZE pages (a row per 4 KB page wasted a fifth of the
    file); an existing library keeps its page size."""
    from litcli.library import PAGE_SIZE

    with Library(tmp_path / "new.db") as library:
        _titles(library, (FIRST_PMID, "Walrus"))
    old = tmp_path / "old.db"
    conn = sqlite3.connect(old)
    conn.execute("CREATE TABLE t (x)")  # a 4 KB-page file, as SQLite makes by default
    conn.close()
    with Library(old) as library:
        _titles(library, (FIRST_PMID, "Walrus"))
        assert library.count_matches("walrus") == 1
    sizes = [sqlite3.connect(p).execute("PRAGMA page_size").fetchone()[0] for p in (tmp_path / "new.db", old)]
    assert sizes == [PAGE_SIZE, 4096]


def test_ranking_from_the_index_alone_gives_the_same_order(tmp_path: Path) -> None:
    """Unfiltered searches rank in the index and read only the top records; the order
    (bm25, then PMID descending on ties) is the one the filtered join gives."""
    with Library(tmp_path / "lib.db") as library:
        _titles(library, *((FIRST_PMID + i, f"Walrus {'tusks ' * (i % 3)}study") for i in range(30)))
        for limit, offset in ((20, 0), (5, 3), (None, 0), (2000, 4)):
            plain = [r.pmid for r in library.search("walrus", limit=limit, offset=offset)]
            joined = [r.pmid for r in library.search("walrus", limit=limit, offset=offset, since=0)]
            assert plain == joined and plain
        assert len(library.search("walrus", limit=None)) == 30
