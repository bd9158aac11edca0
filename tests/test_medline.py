"""litcli.medline: MEDLINE / .nbib text agrees with Bio.Medline on every real file
in ../shared/data, and maps to the same Record model as the XML parser."""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from typing import Any

import pytest
from Bio import Medline

from litcli.errors import InputFileError
from litcli.medline import (
    COMMENT_TAGS,
    Failed,
    Parsed,
    iter_medline,
    parse_dp,
    parse_medline,
    parse_mh,
    split_abstract,
)
from litcli.models import Record
from litcli.pubmed import parse_records
from tests.conftest import SHARED_DATA, shared_file

FIXTURES = Path(__file__).parent / "fixtures"

MEDLINE_FILES = [
    "pubmed_xml/medline_text/nbib_pmc_medlars.txt",
    "pubmed_xml/medline_text/nbib_pubmed-balloongui-set.nbib",
    "pubmed_xml/medline_text/nbib_single.nbib",
    "eutils/biopython_medline/pubmed_result1.txt",
    "eutils/biopython_medline/pubmed_result2.txt",
    "eutils/biopython_medline/pubmed_result3.txt",
    "eutils/biopython/efetch2.txt",
    "eutils/extracted_from_cassettes/pubmedly/client__fetch__36410718_rettype_medline__1_efetch.txt",
]


def _j(value: Any) -> str:
    """Space-joined, whitespace-collapsed text of a Bio.Medline value (str or list).

    Bio.Medline turns continuation lines of list tags (OT, GR, CIN, ...) into extra
    list items; joining makes the comparison independent of that."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = " ".join(value)
    return " ".join(str(value).split())


def _compare(rec: Record, bio: dict[str, Any]) -> None:
    assert rec.pmid == bio["PMID"]
    assert rec.title == _j(bio.get("TI"))
    assert " ".join(rec.abstract_text.split()) == _j(bio.get("AB"))
    assert _j([a.short() for a in rec.authors if not a.is_collective]) == _j(bio.get("AU"))
    fau = [
        " ".join(
            x
            for x in (f"{a.last_name}, {a.fore_name}" if a.fore_name else a.last_name, a.suffix)
            if x
        )
        for a in rec.authors
        if not a.is_collective
    ]
    if "FAU" in bio:
        assert _j(fau) == _j(bio["FAU"])
    assert _j([a.collective_name for a in rec.authors if a.is_collective]) == _j(bio.get("CN"))
    assert _j([x for a in rec.authors for x in a.affiliations]) == _j(bio.get("AD"))
    assert rec.journal.medline_ta == (_j(bio.get("TA")) or None)
    assert rec.journal.title == (_j(bio.get("JT")) or None)
    assert rec.journal.volume == (_j(bio.get("VI")) or None)
    assert rec.journal.issue == (_j(bio.get("IP")) or None)
    assert rec.journal.pages == (_j(bio.get("PG")) or None)
    if bio.get("IS"):
        first = bio["IS"][0] if isinstance(bio["IS"], list) else bio["IS"]
        assert rec.journal.issn == first.split()[0]
    dp = _j(bio.get("DP"))
    if dp:
        assert rec.year == int(dp[:4])
        d = rec.pub_date
        rebuilt = d.medline_date or " ".join(
            str(x)
            for x in (
                d.year,
                d.season,
                [
                    "",
                    "Jan",
                    "Feb",
                    "Mar",
                    "Apr",
                    "May",
                    "Jun",
                    "Jul",
                    "Aug",
                    "Sep",
                    "Oct",
                    "Nov",
                    "Dec",
                ][d.month or 0]
                or None,
                d.day,
            )
            if x
        )
        assert rebuilt == dp
    assert rec.languages == bio.get("LA", [])
    assert rec.publication_types == bio.get("PT", [])
    assert _j([_mh_string(m) for m in rec.mesh]) == _j(bio.get("MH"))
    assert _j(rec.keywords) == _j(bio.get("OT"))
    rn = bio.get("RN", [])
    assert len(rec.chemicals) == len(rn)
    for name, line in zip(rec.chemicals, rn, strict=True):
        assert line.endswith(f"({name})")
    gr = _j(bio.get("GR"))
    assert bool(rec.grants) == bool(gr)
    assert len(rec.grants) <= len(bio.get("GR", []))
    for g in rec.grants:  # GR: GrantID/Acronym/Agency/Country
        assert all(part in gr for part in (g.grant_id, g.agency, g.country) if part)
        if g.agency and g.country:
            assert f"{g.agency}/{g.country}" in gr
    ids = _j(bio.get("AID")) + " " + _j(bio.get("LID"))
    if rec.doi:
        assert f"{rec.doi} [doi]" in ids
    else:
        assert "[doi]" not in ids
    if rec.pii:
        assert f"{rec.pii} [pii]" in ids
    else:
        assert "[pii]" not in ids
    assert rec.pmcid == (_j(bio.get("PMC")) or None)
    assert rec.status == (_j(bio.get("STAT")) or None)
    assert rec.publication_status == (_j(bio.get("PST")) or None)
    expected_cc = [tag for tag in bio if tag in COMMENT_TAGS]
    assert sorted({c.ref_type for c in rec.comments_corrections}) == sorted(
        COMMENT_TAGS[t] for t in expected_cc
    )
    for cc in rec.comments_corrections:
        tag = next(t for t, v in COMMENT_TAGS.items() if v == cc.ref_type)
        joined = _j(bio[tag])
        assert cc.source is not None and cc.source in joined
        if cc.pmid:
            assert f"PMID: {cc.pmid}" in joined


def _mh_string(m: Any) -> str:
    parts = [("*" if m.major else "") + m.descriptor]
    parts += [("*" if q.major else "") + q.name for q in m.qualifiers]
    return "/".join(parts)


@pytest.mark.parametrize("relpath", MEDLINE_FILES)
def test_agrees_with_bio_medline_field_by_field(relpath: str) -> None:
    path = shared_file(relpath)
    with open(path, encoding="utf-8") as fh:
        bio_records = [r for r in Medline.parse(fh) if r.get("PMID")]
    items = list(iter_medline(path))
    assert not [i for i in items if isinstance(i, Failed)]
    records = [i.record for i in items if isinstance(i, Parsed)]
    assert len(records) == len(bio_records) > 0
    for rec, bio in zip(records, bio_records, strict=True):
        _compare(rec, bio)


def test_every_medline_file_in_shared_data_is_covered() -> None:
    if not SHARED_DATA.exists():
        pytest.skip(f"real NCBI data not available: {SHARED_DATA}")
    found = set()
    for path in SHARED_DATA.rglob("*"):
        if path.is_file() and path.suffix in (".txt", ".nbib"):
            text = path.read_text(encoding="utf-8", errors="replace")
            if re.search(r"^PMID- ", text, re.M):
                found.add(path.relative_to(SHARED_DATA).as_posix())
    assert found == set(MEDLINE_FILES)


def test_same_record_from_xml_and_medline_agrees() -> None:
    """PMID 36410718 was fetched both as XML and as MEDLINE: the shared fields agree."""
    xml = parse_records(
        shared_file(
            "eutils/extracted_from_cassettes/pubmedly/client__fetch__36410718__1_efetch.xml"
        )
    )[0]
    med = parse_medline(
        shared_file(
            "eutils/extracted_from_cassettes/pubmedly/client__fetch__36410718_rettype_medline__1_efetch.txt"
        )
    )[0]
    assert med.pmid == xml.pmid
    assert med.title == xml.title
    assert [(a.last_name, a.fore_name, a.initials, a.orcid) for a in med.authors] == [
        (a.last_name, a.fore_name, a.initials, a.orcid) for a in xml.authors
    ]
    assert [a.affiliations for a in med.authors] == [a.affiliations for a in xml.authors]
    assert (med.doi, med.pmcid, med.pii) == (xml.doi, xml.pmcid, xml.pii)
    assert (med.journal.volume, med.journal.issue, med.journal.pages) == (
        xml.journal.volume,
        xml.journal.issue,
        xml.journal.pages,
    )
    assert med.journal.medline_ta == xml.journal.medline_ta
    assert (med.pub_date.year, med.pub_date.month) == (xml.pub_date.year, xml.pub_date.month)
    assert med.article_date == xml.article_date
    assert med.publication_types == xml.publication_types
    assert [
        (m.descriptor, m.major, [(q.name, q.major) for q in m.qualifiers]) for m in med.mesh
    ] == [(m.descriptor, m.major, [(q.name, q.major) for q in m.qualifiers]) for m in xml.mesh]
    assert med.keywords == xml.keywords and med.chemicals == xml.chemicals
    assert [(c.ref_type, c.pmid) for c in med.comments_corrections] == [
        (c.ref_type, c.pmid) for c in xml.comments_corrections
    ]
    # MEDLINE writes <sup>1-4</sup> as "(1-4)" and Greek letters as words (α -> alpha):
    # compare the opening, which has neither
    assert med.abstract_text[:80] == xml.abstract_text[:80]
    assert (med.status, med.publication_status, med.languages) == (
        xml.status,
        xml.publication_status,
        xml.languages,
    )


def test_structured_abstract_is_split_into_labelled_sections() -> None:
    recs = parse_medline(shared_file("eutils/biopython_medline/pubmed_result3.txt"))
    assert [s.label for s in recs[0].abstract] == ["PURPOSE", "METHODS", "RESULTS", "CONCLUSIONS"]
    assert recs[0].abstract[0].text.startswith("High-intensity focused ultrasound is a promising")
    assert split_abstract("Plain text: with a colon but no labels.")[0].label is None
    two = split_abstract("BACKGROUND AND PURPOSE: Why. METHODS: How. RESULTS: What.")
    assert [(s.label, s.text) for s in two] == [
        ("BACKGROUND AND PURPOSE", "Why."),
        ("METHODS", "How."),
        ("RESULTS", "What."),
    ]


def test_collective_authors_from_cn() -> None:
    recs = parse_medline(shared_file("pubmed_xml/medline_text/nbib_pubmed-balloongui-set.nbib"))
    assert len(recs) == 75
    assert any(a.collective_name for r in recs for a in r.authors)


def test_pmc_medlars_record_with_empty_abstract() -> None:
    recs = parse_medline(shared_file("pubmed_xml/medline_text/nbib_pmc_medlars.txt"))
    assert recs[0].pmid == "30042925" and recs[0].abstract == []
    assert recs[0].pmcid == "PMC6055010"


def test_dp_forms() -> None:
    assert parse_dp("2018 Apr 15") == parse_dp("2018 Apr 15")
    d = parse_dp("2018 Apr 15")
    assert (d.year, d.month, d.day, d.medline_date) == (2018, 4, 15, None)
    assert (parse_dp("2007 Spring").year, parse_dp("2007 Spring").season) == (2007, "Spring")
    rng = parse_dp("1998 Dec-1999 Jan")
    assert rng.medline_date == "1998 Dec-1999 Jan" and rng.year is None
    assert parse_dp("2018").year == 2018 and parse_dp(None).year is None


def test_mh_major_flags_and_qualifiers() -> None:
    m = parse_mh("Brain Ischemia/diagnostic imaging/*surgery")
    assert (m.descriptor, m.major) == ("Brain Ischemia", False)
    assert [(q.name, q.major) for q in m.qualifiers] == [
        ("diagnostic imaging", False),
        ("surgery", True),
    ]
    assert parse_mh("*Stroke").major


# --- synthetic fixture ------------------------------------------------------------------


@pytest.fixture(scope="module")
def fixture_items() -> list[Parsed | Failed]:
    return list(iter_medline(FIXTURES / "edge_cases.nbib"))


def test_fixture_broken_record_is_a_per_record_failure(fixture_items: list[Any]) -> None:
    failed = [i for i in fixture_items if isinstance(i, Failed)]
    assert [(f.index, f.pmid) for f in failed] == [(2, None), (3, "99000103")]
    assert "PMID" in failed[0].reason and "not a MEDLINE tag line" in failed[1].reason
    assert all("\n" not in f.reason for f in failed)
    assert [i.record.pmid for i in fixture_items if isinstance(i, Parsed)] == [
        "99000101",
        "99000104",
    ]


def test_fixture_fields(fixture_items: list[Any]) -> None:
    rec = fixture_items[0].record
    assert fixture_items[0].raw.startswith(b"PMID- 99000101\n")
    assert rec.title == "[A translated fake title about retraction]."
    assert rec.retracted and "erratum" in rec.flags and "expression of concern" in rec.flags
    assert [(c.ref_type, c.pmid, c.source) for c in rec.comments_corrections] == [
        ("RetractionIn", "99000102", "Fake J Test. 2021 Jan;2(1):1."),
        ("ErratumIn", "99000105", "Fake J Test. 2020 Mar;1(3):9."),
        ("ExpressionOfConcernIn", None, "Fake J Test. 2020 Jun;1(6):3 with a long note"),
    ]
    assert [(a.short(), a.orcid, a.affiliations) for a in rec.authors] == [
        ("Doe JQ", "0000-0002-1825-0097", ["Dept A, Fake University.", "Dept B, Fake Institute."]),
        ("Fake Collaborative Group", None, []),
        ("van der Berg A", None, ["Dept C."]),
    ]
    assert (rec.pub_date.medline_date, rec.year) == ("1998 Dec-1999 Jan", 1998)
    assert (rec.doi, rec.pii, rec.pmcid) == (
        "10.9999/fake.101",
        "S9999-0000(98)00101-1",
        "PMC9900101",
    )
    assert [(g.grant_id, g.agency, g.country) for g in rec.grants] == [
        ("MR/K000001/1", "Fake Research Council", "United Kingdom")
    ]
    assert rec.chemicals == ["Carbon Dioxide"] and rec.keywords == [
        "a keyword that wraps onto a second line"
    ]
    assert rec.article_date == "1998-11-30" and rec.journal.issn == "9999-0001"
    book = fixture_items[-1].record
    assert book.kind == "book" and book.book.book_title == "Fake Handbook of Parsers"
    assert book.title == "Fake Chapter on Testing" and book.book.publisher == "Fake Press"
    assert [e.short() for e in book.book.editors] == ["Editor A"]
    assert book.pub_date.season == "Spring"


def test_bad_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.nbib"
    empty.write_bytes(b"\n\n")
    with pytest.raises(InputFileError, match="empty"):
        list(iter_medline(empty))
    binary = tmp_path / "bin.nbib"
    binary.write_bytes(b"\x00\x01\x02PMID- 1\n")
    with pytest.raises(InputFileError, match="binary"):
        list(iter_medline(binary))
    notes = tmp_path / "notes.txt"
    notes.write_text("Dear colleague,\nplease find attached.\n")
    with pytest.raises(InputFileError, match="not MEDLINE"):
        list(iter_medline(notes))
    with pytest.raises(InputFileError, match="no such file"):
        list(iter_medline(tmp_path / "missing.nbib"))


def test_gzip_bytes_and_text_sources_agree(tmp_path: Path) -> None:
    src = shared_file("eutils/biopython_medline/pubmed_result2.txt")
    expected = [r.to_dict() for r in parse_medline(src)]
    gz = tmp_path / "x.nbib.gz"
    gz.write_bytes(gzip.compress(src.read_bytes()))
    assert [r.to_dict() for r in parse_medline(gz)] == expected
    assert [r.to_dict() for r in parse_medline(src.read_bytes())] == expected
    assert [r.to_dict() for r in parse_medline(src.read_text(encoding="utf-8"))] == expected
    with open(src, encoding="utf-8") as fh:
        assert [r.to_dict() for r in parse_medline(fh)] == expected
    with open(src, "rb") as fh:
        assert [r.to_dict() for r in parse_medline(fh)] == expected


# --- record boundaries, truncated and corrupt input --------------------------------------


def _pmids(items: list[Any]) -> list[str]:
    return [i.record.pmid if isinstance(i, Parsed) else f"failed:{i.pmid}" for i in items]


def _synthetic(pmid: int, *, so: bool = True, title: str = "A synthetic record.") -> str:
    text = (
        f"PMID- {pmid}\nSTAT- MEDLINE\nDP  - 2020 Jan\nTI  - {title}\n"
        "AB  - Synthetic abstract for litcli tests.\nFAU - Rivera, Carla\nAU  - Rivera C\n"
        "PT  - Journal Article\nTA  - J Synth Tests\n"
    )
    return text + ("SO  - J Synth Tests. 2020 Jan;1(1):1-2.\n" if so else "")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # ends with one CRLF, no blank line; PMID- starts each record
        (
            "pubmed_xml/medline_text/nbib_pubmed-balloongui-set.nbib",
            "pubmed_xml/medline_text/nbib_single.nbib",
        ),
        # ends with one "\n"; PMC MEDLARS records start with "PMC - " and then "PMID- "
        (
            "pubmed_xml/medline_text/nbib_pmc_medlars.txt",
            "pubmed_xml/medline_text/nbib_pmc_medlars.txt",
        ),
        (
            "eutils/biopython_medline/pubmed_result2.txt",
            "eutils/biopython_medline/pubmed_result3.txt",
        ),
    ],
)
def test_concatenated_exports_split_at_pmid_lines(first: str, second: str) -> None:
    """`cat a.nbib b.nbib`: a PMID- line starts a new record even without a blank line."""
    a, b = shared_file(first).read_bytes(), shared_file(second).read_bytes()
    b = b.lstrip(b"\r\n")  # some exports start with a blank line: the join has none
    assert not a.endswith((b"\n\n", b"\r\n\r\n"))
    items = list(iter_medline(a + b))
    assert not [i for i in items if isinstance(i, Failed)]
    expected = [r.to_dict() for r in parse_medline(a) + parse_medline(b)]
    assert [i.record.to_dict() for i in items] == expected
    assert items[-1].raw == list(iter_medline(b))[-1].raw


def test_pmid_line_starts_a_record_without_blank_line() -> None:
    text = _synthetic(99000014) + _synthetic(99000015, title="The second record.")
    items = list(iter_medline(text))
    assert _pmids(items) == ["99000014", "99000015"]
    assert items[1].record.title == "The second record."
    assert items[0].raw == _synthetic(99000014).encode("utf-8")
    # a record without a PMID before a PMID- line is its own (failed) record
    items = list(
        iter_medline("PMID- 99000013\nTI  - x\nSO  - y\n\nOWN - NLM\nTI  - no pmid\n" + text)
    )
    assert _pmids(items) == ["99000013", "failed:None", "99000014", "99000015"]


def _cut_before_last(text: str, tag: str) -> str:
    """`text` cut at the start of its last `tag` line (that line and all after it gone)."""
    pos = text.rfind(f"\n{tag}")
    assert pos > 0
    return text[: pos + 1]


@pytest.mark.parametrize("relpath", MEDLINE_FILES)
def test_truncated_last_record_is_a_failure_not_a_record(relpath: str) -> None:
    """Every record of the real files ends with SO: a last record without it was cut off."""
    text = shared_file(relpath).read_bytes().decode("utf-8")
    full = list(iter_medline(text))
    cut = list(iter_medline(_cut_before_last(text, "SO  - ")))
    assert [i.record.to_dict() for i in cut[:-1]] == [i.record.to_dict() for i in full[:-1]]
    last = cut[-1]
    assert isinstance(last, Failed)
    assert (last.index, last.pmid) == (len(full), full[-1].record.pmid)
    assert last.reason == "record ends before its SO (source) line: the file looks truncated"
    # cut in the middle of the last line: no final newline
    partial = list(iter_medline(text.rstrip("\r\n")[:-3]))
    assert isinstance(partial[-1], Failed) and partial[-1].pmid == full[-1].record.pmid
    assert "no final newline" in partial[-1].reason and "\n" not in partial[-1].reason
    assert len(partial) == len(full)


def test_record_cut_at_its_abstract_is_a_failure() -> None:
    text = shared_file("pubmed_xml/medline_text/nbib_single.nbib").read_text(encoding="utf-8")
    items = list(iter_medline(_cut_before_last(text, "AB  - ")))
    assert [(type(i), i.pmid, i.index) for i in items] == [(Failed, "28754806", 1)]
    assert "SO (source)" in items[0].reason and "truncated" in items[0].reason
    assert parse_medline(_cut_before_last(text, "AB  - ")) == []


def test_only_the_last_record_is_checked_for_truncation() -> None:
    # a record in the middle without SO is read as before
    text = _synthetic(99000016, so=False) + "\n" + _synthetic(99000017)
    assert _pmids(list(iter_medline(text))) == ["99000016", "99000017"]
    # so is one that a PMID- line follows
    assert _pmids(list(iter_medline(_synthetic(99000016, so=False) + _synthetic(99000017)))) == [
        "99000016",
        "99000017",
    ]
    # a last record followed by a blank line was written whole
    assert _pmids(list(iter_medline(_synthetic(99000018, so=False) + "\n"))) == ["99000018"]
    assert _pmids(list(iter_medline(_synthetic(99000018, so=False)))) == ["failed:99000018"]
    # book records have no SO line (PubMed's, and litcli's own nbib export)
    book = "PMID- 99000019\nDP  - 2019\nTI  - A chapter\nBTI - A book\nPT  - Review\n"
    assert _pmids(list(iter_medline(book))) == ["99000019"]


def _until_error(source: Any) -> tuple[list[Any], InputFileError]:
    got: list[Any] = []
    with pytest.raises(InputFileError) as info:
        for item in iter_medline(source):
            got.append(item)
    return got, info.value


def test_truncated_gzip_keeps_the_complete_records_then_raises(tmp_path: Path) -> None:
    src = shared_file("eutils/biopython_medline/pubmed_result2.txt")
    full = [r.to_dict() for r in parse_medline(src)]
    data = gzip.compress(src.read_bytes(), mtime=0)
    cut = tmp_path / "cut.nbib.gz"
    cut.write_bytes(data[: len(data) * 6 // 10])
    with open(cut, "rb") as fh:
        runs = [_until_error(cut), _until_error(cut.read_bytes()), _until_error(fh)]
    for got, error in runs:
        assert 0 < len(got) < len(full)
        assert all(isinstance(i, Parsed) for i in got)
        assert [i.record.to_dict() for i in got] == full[: len(got)]
        assert "compressed data is truncated or corrupt (" in error.message
        assert error.message.endswith(f") after {len(got)} record{'s' if len(got) > 1 else ''}")
        assert "\n" not in error.message and error.hint == "download the file again"
    assert runs[0][1].message.startswith(str(cut))


def test_corrupt_gzip_is_a_one_line_input_error() -> None:
    src = shared_file("eutils/biopython_medline/pubmed_result2.txt")
    data = bytearray(gzip.compress(src.read_bytes(), mtime=0))
    data[10] = 0xFF  # the first deflate block header: reserved block type -> zlib.error
    with pytest.raises(InputFileError) as info:
        list(iter_medline(bytes(data)))
    assert "compressed data is truncated or corrupt" in info.value.message
    assert info.value.message.endswith("after 0 records") and info.value.hint
    crc = bytearray(gzip.compress(src.read_bytes(), mtime=0))
    crc[-6] ^= 0xFF  # a wrong CRC: gzip.BadGzipFile at the end
    got, error = _until_error(bytes(crc))
    assert "compressed data is truncated or corrupt" in error.message
    assert 0 < len(got) < len(parse_medline(src))


# --- labels with parentheses, FAU-guided AU splitting, GR from the right --------------------


def test_parenthesised_labels_and_labels_after_a_closing_quote() -> None:
    text = (
        "OBJECTIVE: Why. PATIENT(S): Forty women. INTERVENTION(S): None. "
        "MAIN OUTCOME MEASURE(S): Rates. RESULT(S): It asked 'why?' CONCLUSION(S): Done."
    )
    assert [(s.label, s.text) for s in split_abstract(text)] == [
        ("OBJECTIVE", "Why."),
        ("PATIENT(S)", "Forty women."),
        ("INTERVENTION(S)", "None."),
        ("MAIN OUTCOME MEASURE(S)", "Rates."),
        ("RESULT(S)", "It asked 'why?'"),
        ("CONCLUSION(S)", "Done."),
    ]


AU_FAU = """PMID- 99000301
TI  - Authors whose AU lines hold particles and suffixes.
FAU - Lim, Do Young
AU  - Lim do Y
FAU - Rodrigues, Maria de Lourdes Veronese
AU  - Rodrigues Mde L
FAU - Hellinger, Frank R Jr
AU  - Hellinger FR Jr
FAU - Carr, Richard
AU  - Carr R 3rd
FAU - Given, Curtis A 2nd
AU  - Given CA 2nd
GR  - 101835/Z/13/Z/WT_/Wellcome Trust/United Kingdom
GR  - 101835/Z/13/Z//Wellcome Trust/United Kingdom
GR  - CIHR/Canada
DP  - 2015
SO  - J Test. 2015.
"""


def test_fau_decides_how_au_splits_into_initials_and_suffix() -> None:
    (record,) = parse_medline(AU_FAU)
    assert [(a.last_name, a.fore_name, a.initials, a.suffix) for a in record.authors] == [
        ("Lim", "Do Young", "do Y", None),
        ("Rodrigues", "Maria de Lourdes Veronese", "Mde L", None),
        ("Hellinger", "Frank R", "FR", "Jr"),
        ("Carr", "Richard", "R", "3rd"),  # a known suffix also counts when FAU lacks it
        ("Given", "Curtis A", "CA", "2nd"),
    ]


def test_gr_is_split_from_the_right_so_ids_keep_their_slashes() -> None:
    (record,) = parse_medline(AU_FAU)
    assert [(g.grant_id, g.agency, g.country) for g in record.grants] == [
        ("101835/Z/13/Z", "Wellcome Trust", "United Kingdom"),
        ("101835/Z/13/Z", "Wellcome Trust", "United Kingdom"),
        (None, "CIHR", "Canada"),
    ]
