"""The library's blob compression (litcli.storecodec): zlib with preset dictionaries,
and libraries written before it (plain zlib) read exactly as before."""

from __future__ import annotations

import json
import sqlite3
import zlib
from pathlib import Path

import pytest

from litcli import storecodec
from litcli.formats import dumps
from litcli.library import Library
from tests.test_library_fixtures import FIRST_PMID, article_set, article_xml, parsed


def test_round_trip_and_smaller_than_plain_zlib() -> None:
    xml = article_xml(FIRST_PMID, title="A trial of something").encode("utf-8")
    record = json.dumps({"schema": "litcli.record/1", "pmid": "1", "title": "x" * 50}).encode()
    for blob, packed in ((xml, storecodec.compress_raw(xml)), (record, storecodec.compress_json(record))):
        assert packed[1] & 0x20  # FDICT: the header names the dictionary
        assert storecodec.decompress(packed) == blob
        assert len(packed) < len(zlib.compress(blob, 6))
    # plain zlib (every library written before the dictionaries) still reads
    assert storecodec.decompress(zlib.compress(xml, 6)) == xml


def test_dictionaries_are_frozen() -> None:
    """A dictionary once used must never change (stored blobs name it by its Adler-32)."""
    assert zlib.adler32(storecodec.JSON_DICT) == 0xEF5A9099
    assert zlib.adler32(storecodec.RAW_DICT) == 0x202A4832
    assert set(storecodec.DICTS) == {0xEF5A9099, 0x202A4832}


def test_unknown_dictionary_or_damage_is_a_zlib_error() -> None:
    c = zlib.compressobj(6, zlib.DEFLATED, zlib.MAX_WBITS, 9, zlib.Z_DEFAULT_STRATEGY, b"other dict")
    with pytest.raises(zlib.error, match="unknown dictionary"):
        storecodec.decompress(c.compress(b"text") + c.flush())
    packed = storecodec.compress_json(b'{"pmid": "1"}' * 20)
    with pytest.raises(zlib.error):
        storecodec.decompress(packed[:-6])


def test_a_library_written_with_plain_zlib_reads_the_same(tmp_path: Path) -> None:
    """Rows stored before the dictionaries (plain zlib) and rows stored now give the same
    records, raw text and export output."""
    pmids = [str(FIRST_PMID + i) for i in range(3)]
    with Library(tmp_path / "lib.db") as lib:
        lib.upsert(
            parsed(article_set([article_xml(int(p), title=f"Title {p}") for p in pmids])),
            source="test",
        )
        before = {p: lib.get_raw(p) for p in pmids}
        records = lib.get(pmids)
        exported = dumps([records[p] for p in pmids], "bibtex")
    conn = sqlite3.connect(tmp_path / "lib.db")
    rows = conn.execute("SELECT pmid, data, raw FROM records").fetchall()
    with conn:
        for pmid, data, raw in rows:  # rewrite as an older litcli did
            conn.execute(
                "UPDATE records SET data = ?, raw = ?, raw_encoding = 'zlib' WHERE pmid = ?",
                (
                    zlib.compress(storecodec.decompress(data), 6),
                    zlib.compress(storecodec.decompress_raw_with(raw, storecodec.decompress(data)), 6),
                    pmid,
                ),
            )
    conn.close()
    with Library(tmp_path / "lib.db") as lib:
        assert {p: lib.get_raw(p) for p in pmids} == before
        again = lib.get(pmids)
        assert dumps([again[p] for p in pmids], "bibtex") == exported
        assert [r.pmid for r in lib.search("title")] and lib.count() == 3
        # re-importing the same records into the old rows: unchanged, not updated
        stats = lib.upsert(
            parsed(article_set([article_xml(int(p), title=f"Title {p}") for p in pmids])),
            source="test",
        )
        assert (stats.imported, stats.updated, stats.skipped) == (0, 0, 3)


@pytest.mark.parametrize("name", ["edge_cases.xml", "edge_cases.nbib"])
def test_record_json_is_the_models_json(name: str) -> None:
    """The library stores and hashes record_json(record); it must be exactly the model's
    own litcli.record/1 JSON (sorted keys), or re-imports would count as updates."""
    from litcli.library import record_json
    from litcli.medline import parse_medline
    from litcli.pubmed import parse_records

    path = Path(__file__).parent / "fixtures" / name
    records = parse_records(path) if name.endswith(".xml") else parse_medline(path)
    assert records
    for record in records:
        assert record_json(record) == json.dumps(record.to_dict(), ensure_ascii=False, sort_keys=True)


def test_raw_text_compressed_against_its_record() -> None:
    xml = article_xml(FIRST_PMID, title="A trial of something").encode("utf-8")
    record = parsed(article_set([xml.decode()]))[0].record
    from litcli.library import record_json

    js = record_json(record).encode("utf-8")
    packed = storecodec.compress_raw_with(xml, js)
    assert len(packed) < len(storecodec.compress_raw(xml))
    assert storecodec.decompress_raw_with(packed, js) == xml
    with pytest.raises(zlib.error):  # another record's JSON: zlib refuses the dictionary
        storecodec.decompress_raw_with(packed, js.replace(b"trial", b"trail"))


def test_a_record_updated_without_raw_text_keeps_readable_raw_text(tmp_path: Path) -> None:
    """The raw text is compressed against the row's JSON: a later version stored without
    raw text (a bare Record) must not leave the old raw text unreadable."""
    with Library(tmp_path / "lib.db") as lib:
        lib.upsert(parsed(article_set([article_xml(FIRST_PMID, title="First")])), source="test")
        raw_before = lib.get_raw(FIRST_PMID)
        newer = parsed(article_set([article_xml(FIRST_PMID, title="Second")]))[0].record
        stats = lib.upsert([newer], source="test")
        assert stats.updated == 1
        assert lib.get_raw(FIRST_PMID) == raw_before
        assert lib.get([str(FIRST_PMID)])[str(FIRST_PMID)].title == "Second"
        assert [p for p, _, _ in lib.iter_raw()] == [str(FIRST_PMID)]


def test_stored_blobs_are_those_prepare_item_compresses(tmp_path: Path) -> None:
    """prepare_item compresses (so a worker process does it); the rows hold exactly
    storecodec's blobs of the record's JSON and raw text, also when a version without raw
    text keeps the raw text of an earlier one in the same batch (compressed again)."""
    from litcli.library import PreparedRecord, prepare_item, record_json

    first = parsed(article_set([article_xml(FIRST_PMID, title="First")]))[0]
    assert prepare_item(first).data is None  # compressed by upsert
    prepared = prepare_item(first, compress=True)
    assert isinstance(prepared, PreparedRecord)
    js = record_json(first.record).encode("utf-8")
    assert prepared.json == js
    assert prepared.data == storecodec.compress_json(js)
    assert prepared.raw_blob == storecodec.compress_raw_with(first.raw, js)
    assert prepare_item(first.record, compress=True).raw_blob is None  # no raw text

    newer = parsed(article_set([article_xml(FIRST_PMID, title="Second")]))[0].record
    new_js = record_json(newer).encode("utf-8")
    for compress in (False, True):
        db = tmp_path / f"lib{compress}.db"
        with Library(db) as lib:
            items = [prepare_item(first, compress), prepare_item(newer, compress)]
            lib.upsert(items, source="test")  # one batch
            assert lib.get([str(FIRST_PMID)])[str(FIRST_PMID)].title == "Second"
            assert lib.get_raw(FIRST_PMID) == (first.raw, "xml")
        with sqlite3.connect(db) as conn:
            data, raw = conn.execute("SELECT data, raw FROM records").fetchone()
        assert data == storecodec.compress_json(new_js)
        assert raw == storecodec.compress_raw_with(first.raw, new_js)
