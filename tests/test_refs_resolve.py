"""Issue 11, point 2: references resolved against the loopback E-utilities server."""

from __future__ import annotations

import pytest

from litcli.library import Library
from litcli.models import Author, Journal, PubDate, Record
from litcli.refs.document import parse_document
from litcli.refs.parse import Reference
from litcli.refs.resolve import audit, compare, journal_matches, title_query, title_similarity
from tests.ncbi_server import pubmed_article
from tests.refs_fixtures import VANCOUVER_ARTICLE, records, serve_vancouver


def by_number(result):  # type: ignore[no-untyped-def]
    return {r.ref.number: r for r in result.references}


def test_every_kind_of_reference_in_one_article(ncbi) -> None:
    serve_vancouver(ncbi)
    result = audit(parse_document(VANCOUVER_ARTICLE, kind="markdown"))
    refs = by_number(result)
    assert {n: (r.status, r.pmid, r.method) for n, r in refs.items()} == {
        1: ("found", "99000011", "ecitmatch"),
        2: ("found", "99000012", "title"),  # wrong year: ECitMatch misses, the title search (year ±1) finds it
        3: ("not found", None, None),  # does not exist
        4: ("found", "99000014", "doi"),
        5: ("found", "99000015", "pmid"),
        6: ("found", "99000011", "pmid"),  # the same paper under a second number
        7: ("found", "99000016", "title"),  # exists only by title
        8: ("not found", None, None),
        9: ("ambiguous", None, "title"),
    }
    assert [m.to_dict() for m in refs[2].mismatches] == [{"field": "year", "article": "2017", "pubmed": "2016"}]
    assert refs[4].flags == ["retracted"] and refs[5].flags == ["expression of concern"]
    assert refs[6].duplicate_of == 1 and refs[6].mismatches == []  # "100-10" is "100-110"
    assert [c.pmid for c in refs[9].candidates] == ["99000017", "99000018"]
    assert refs[3].note == "no match by citation or title"
    assert refs[8].ref.problems == ["malformed DOI '10.1000'"]
    assert [r.ref.number for r in result.failed] == [3, 4, 5, 8]
    assert result.notes == ["citation [12] (paragraph 3, line 8) points past the reference list (9 references)"]
    assert result.cites[3] == [4, 5] and refs[4].cited_by == [3]


def test_requests_one_ecitmatch_one_efetch_and_one_search_per_unresolved_title(ncbi) -> None:
    serve_vancouver(ncbi)
    audit(parse_document(VANCOUVER_ARTICLE, kind="markdown"))
    assert ncbi.count("ecitmatch") == 1
    assert ncbi.count("efetch") == 1
    searches = [h.params["term"] for h in ncbi.hits("esearch")]
    assert len([t for t in searches if "[ti]" in t]) == 5  # refs 2, 3, 7, 8, 9
    assert len([t for t in searches if "[doi]" in t]) == 1  # the DOIs, resolved together
    bdata = ncbi.hits("ecitmatch")[0].params["bdata"].split("\r")
    assert len(bdata) == 5  # refs 1, 2, 3, 4, 9: journal details, no PMID


def test_resolved_records_go_into_the_library_and_offline_reads_them_back(ncbi) -> None:
    serve_vancouver(ncbi)
    audit(parse_document(VANCOUVER_ARTICLE, kind="markdown"))
    with Library() as lib:
        assert set(lib.get(list(records()))) >= {"99000011", "99000012", "99000014", "99000015", "99000016"}
    ncbi.clear()
    result = audit(parse_document(VANCOUVER_ARTICLE, kind="markdown"), offline=True)
    assert ncbi.count() == 0
    refs = by_number(result)
    assert refs[1].status == "found" and refs[1].method == "citation"  # the library's own ECitMatch
    assert refs[9].status == "ambiguous" and [c.pmid for c in refs[9].candidates] == ["99000017", "99000018"]
    assert refs[4].status == "found" and refs[4].flags == ["retracted"]
    assert refs[3].status == "not found" and refs[3].note == "not in the local library (offline)"


def test_offline_with_an_empty_library_resolves_nothing_and_sends_nothing(ncbi) -> None:
    result = audit(parse_document(VANCOUVER_ARTICLE, kind="markdown"), offline=True)
    assert ncbi.count() == 0
    assert {r.status for r in result.references} == {"not found"}


def test_an_ecitmatch_failure_falls_back_to_title_searches(ncbi) -> None:
    serve_vancouver(ncbi)
    ncbi.fail("ecitmatch", "400", times=1)
    warnings: list[str] = []
    result = audit(parse_document(VANCOUVER_ARTICLE, kind="markdown"), warn=warnings.append)
    assert any("ECitMatch failed" in w for w in warnings)
    # ref 1 has no title rule on the server: every article comes back, the title picks it
    assert by_number(result)[1].pmid == "99000011"


def test_an_unknown_identifier_falls_back_to_the_title(ncbi) -> None:
    ncbi.set_articles({"99000016": records()["99000016"]})
    ncbi.on_search("10.99999/gone", [])
    ncbi.on_search("intranasal[ti]", ["99000016"])
    text = ("Claim [1].\n\nReferences\n\n1. Zane P. Intranasal esketamine and suicidal ideation in adults. "
            "doi:10.99999/gone\n")
    (r,) = audit(parse_document(text, kind="markdown")).references
    assert (r.status, r.pmid, r.method) == ("found", "99000016", "title")


def test_html_article_with_pubmed_doi_and_pmc_links_and_no_list(ncbi) -> None:
    articles = records()
    articles["99000019"] = pubmed_article(99000019, title="A PMC-linked trial.", year=2021)
    articles["99000019"] = articles["99000019"].replace(
        '<ArticleId IdType="pubmed">99000019</ArticleId>',
        '<ArticleId IdType="pubmed">99000019</ArticleId><ArticleId IdType="pmc">PMC99019</ArticleId>',
    )
    ncbi.set_articles(articles)
    ncbi.on_search('"10.99999/ret.1"[doi] or pmc99019[pmcid]', ["99000014", "99000019"])  # one search for both
    html = (
        "<html><body><article><h1>Ketamine news</h1>"
        "<p>Ketamine works <a href='https://pubmed.ncbi.nlm.nih.gov/99000011/'>in OCD</a>. "
        "A meta-analysis agreed (<a href='https://doi.org/10.99999/ret.1'>Stone</a>). "
        "A trial in <a href='https://www.ncbi.nlm.nih.gov/pmc/articles/PMC99019/'>PMC</a> too.</p>"
        "</article></body></html>"
    )
    result = audit(parse_document(html, kind="html"))
    assert [(r.ref.number, r.ref.origin, r.status, r.pmid) for r in result.references] == [
        (1, "link", "found", "99000011"),
        (2, "link", "found", "99000014"),
        (3, "link", "found", "99000019"),
    ]
    assert result.cites == [[1], [2], [3]]
    assert result.references[1].flags == ["retracted"]


def test_author_year_citations_point_to_their_references(ncbi) -> None:
    ncbi.set_articles(records())
    ncbi.on_search("late[ti]", ["99000012"])
    ncbi.on_search("crossover[ti]", ["99000011"])
    text = (
        "Title\n\nEsketamine helped older adults (Banks & Adler, 2016). Rivera and colleagues (2013) "
        "saw fast effects. Smith (2010) disagreed.\n\nReferences\n"
        "Banks, L. F., & Adler, P. (2016). Esketamine in late-life depression: A randomized trial. "
        "Journal of Synthetic Tests, 14(2), 200–210.\n"
        "Rivera, C. I., & Bloom, M. H. (2013). Randomized crossover trial of ketamine in obsessive-compulsive "
        "disorder. Journal of Synthetic Tests, 12(3), 100–110.\n"
    )
    result = audit(parse_document(text, kind="text"))
    assert [(r.status, r.pmid) for r in result.references] == [("found", "99000012"), ("found", "99000011")]
    assert result.cites == [[1], [2], []]
    assert result.notes == ["citation Smith (2010) (paragraph 2, line 3) matches no reference in the list"]


def test_no_references_no_requests(ncbi) -> None:
    result = audit(parse_document("A one-line note about ketamine.\n", kind="text"))
    assert result.references == [] and ncbi.count() == 0


# --- comparing ------------------------------------------------------------------------------------


def record(**kw: object) -> Record:
    base = {
        "pmid": "99000001", "title": "Esketamine in late-life depression.",
        "authors": [Author(last_name="Banks", initials="LF")],
        "journal": Journal(title="The Journal of synthetic tests", iso_abbreviation="J Synth Tests", volume="14",
                           pages="200-10"),
        "pub_date": PubDate(year=2016),
    }
    base.update(kw)
    return Record(**base)  # type: ignore[arg-type]


def ref(**kw: object) -> Reference:
    base = {"number": 1, "label": "1", "text": "", "paragraph": 1, "line": 1, "authors": ["Banks"], "year": 2016,
            "journal": "J Synth Tests", "volume": "14", "pages": "200-210"}
    base.update(kw)
    return Reference(**base)  # type: ignore[arg-type]


def test_compare_reports_each_disagreeing_field() -> None:
    assert compare(ref(), record()) == []
    out = compare(ref(year=2015, authors=["Baker"], journal="Lancet", volume="15", pages="201-10"), record())
    assert [(m.field, m.article, m.pubmed) for m in out] == [
        ("year", "2015", "2016"),
        ("first author", "Baker", "Banks"),
        ("journal", "Lancet", "J Synth Tests"),
        ("volume", "15", "14"),
        ("pages", "201-10", "200-10"),
    ]


def test_an_epub_year_is_not_a_mismatch() -> None:
    assert compare(ref(year=2015), record(article_date="2015-11-30")) == []


@pytest.mark.parametrize("written", ["J Synth Tests", "Journal of Synthetic Tests", "The journal of synthetic tests",
                                     "J. Synth. Tests"])
def test_journal_abbreviations_match(written: str) -> None:
    assert journal_matches(written, record())


def test_title_similarity_and_query() -> None:
    assert title_similarity("Esketamine in Late-Life Depression", "[Esketamine in late-life depression].") == 1.0
    assert title_similarity("Esketamine in late-life depression", "Ketamine for OCD: a meta-analysis") < 0.6
    assert title_query(ref(title="Esketamine in late-life depression: a trial")) == (
        "esketamine[ti] AND late[ti] AND life[ti] AND depression[ti] AND trial[ti] AND 2015:2017[dp] AND banks[1au]"
    )


def test_an_ambiguous_ecitmatch_answer_without_a_title_lists_the_candidates(ncbi) -> None:
    serve_vancouver(ncbi)
    (r,) = audit(parse_document("Claim [1].\n\nReferences\n\n1. Lee A. J Synth Tests. 2015;3:1-5.\n",
                                kind="markdown")).references
    assert (r.status, r.method, [c.pmid for c in r.candidates]) == ("ambiguous", "ecitmatch", ["99000017", "99000018"])
    assert ncbi.count("esearch") == 0 and ncbi.count("efetch") == 1


def test_a_reference_with_too_little_to_look_up(ncbi) -> None:
    (r,) = audit(parse_document("Claim [1].\n\nReferences\n\n1. Personal communication.\n", kind="markdown")).references
    assert r.status == "not found" and r.note == "too little to look up (no identifier, journal details or title)"
    assert ncbi.count() == 0


def test_refs_fetch_records_only_through_the_one_record_source() -> None:
    """Issue 11: no second fetch path — litcli/refs never calls efetch itself."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "litcli" / "refs"
    for path in root.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        for forbidden in ("efetch(", "fetch_batches(", "EutilsClient(", "get_records("):
            assert forbidden not in source, f"{path.name} calls {forbidden}"
    assert "RecordSource(" in (root / "resolve.py").read_text(encoding="utf-8")
