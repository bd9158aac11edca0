"""Issue 11, point 1: the sentences that cite, what they cite, and where they are."""

from __future__ import annotations

from litcli.refs.citations import author_year, expand_numbers, find_citations, identifier_of
from litcli.refs.document import parse_document


def cites(text: str, kind: str = "markdown", **kw: object) -> list[tuple[str, list[tuple[str, str]]]]:
    doc = parse_document(text, kind=kind)
    return [(c.sentence, [(m.kind, m.value) for m in c.marks]) for c in find_citations(doc, **kw)]  # type: ignore[arg-type]


def test_numbered_brackets_lists_and_ranges() -> None:
    out = cites("Ketamine acts within hours [1]. Two trials agree [1,3]. Three more [2-4]. None here.\n")
    assert out == [
        ("Ketamine acts within hours [1].", [("number", "1")]),
        ("Two trials agree [1,3].", [("number", "1"), ("number", "3")]),
        ("Three more [2-4].", [("number", "2"), ("number", "3"), ("number", "4")]),
    ]


def test_expand_numbers_caps_absurd_ranges() -> None:
    assert expand_numbers("1–3, 5") == ["1", "2", "3", "5"]
    assert expand_numbers("1-2000") == ["1", "2000"]
    assert expand_numbers("¹⁻³") == ["1", "2", "3"]


def test_parenthesised_numbers_only_for_a_numbered_list_and_never_an_enumeration() -> None:
    text = "Ketamine relieved symptoms (1). The steps were (1) dosing and (2) rating.\n"
    assert cites(text, numbered=True) == [("Ketamine relieved symptoms (1).", [("number", "1")])]
    assert cites(text, numbered=False) == []


def test_years_in_brackets_or_parentheses_are_not_numbers() -> None:
    assert cites("A review [2019] said so. Murrough and colleagues (2013) agree.\n") == [
        ("Murrough and colleagues (2013) agree.", [("author-year", "murrough 2013")])
    ]


def test_superscripts_html_markdown_and_unicode_but_not_exponents() -> None:
    html = (
        "<html><body><p>Ketamine works fast.<sup><a href='#r1'>1,2</a></sup> "
        "Doses of 10<sup>6</sup> cells and 25 kg/m<sup>2</sup> were used.</p></body></html>"
    )
    assert cites(html, "html") == [("Ketamine works fast¹,².", [("number", "1"), ("number", "2")])]
    md = "Esketamine was approved.<sup>5</sup> Relapse was rare^6^. Response was high.³⁻⁴ Area 5 m².\n"
    assert [m for _, m in cites(md)] == [
        [("number", "5")],
        [("number", "6")],
        [("number", "3"), ("number", "4")],
    ]


def test_a_citation_after_the_full_stop_belongs_to_the_sentence_before() -> None:
    out = cites("Ketamine acts fast. [2] The next sentence cites nothing.\n")
    assert out == [("Ketamine acts fast[2].", [("number", "2")])]


def test_markdown_footnotes() -> None:
    out = cites("Ketamine helps[^1]. Another claim[^note].\n\n[^1]: Rivera CI. A trial. 2013.\n")
    assert out[:2] == [
        ("Ketamine helps[^1].", [("footnote", "1")]),
        ("Another claim[^note].", [("footnote", "note")]),
    ]


def test_author_year_forms() -> None:
    marks = author_year("as shown (Murrough et al., 2013; Smith 2019) and (see also de Vries and Lee, 2020)")
    assert [m.value for m in marks] == ["murrough 2013", "smith 2019", "vries 2020"]
    assert [m.value for m in author_year("Murrough and colleagues (2013) and Smith & Lee (2019)")] == [
        "murrough 2013",
        "smith 2019",
    ]
    # dates and study labels are not authors
    assert author_year("In (2019) and in March (2020) the trial (n = 40, 2021) ran") == []


def test_links_in_html_markdown_and_text() -> None:
    html = (
        "<html><body><p>Ketamine is <a href='https://pubmed.ncbi.nlm.nih.gov/99000011/'>fast</a>. "
        "Esketamine is approved (<a href='https://doi.org/10.99999/ABC.1'>FDA</a>). "
        "See <a href='https://example.org/blog'>this blog</a>. "
        "A PMC paper <a href='https://www.ncbi.nlm.nih.gov/pmc/articles/PMC99001/'>agrees</a>.</p></body></html>"
    )
    assert [m for _, m in cites(html, "html")] == [
        [("pmid", "99000011")],
        [("doi", "10.99999/abc.1")],
        [("pmcid", "PMC99001")],
    ]
    md = "It works ([trial](https://pubmed.ncbi.nlm.nih.gov/99000012)). Also PMID: 99000013 and doi:10.99999/x.\n"
    assert [m for _, m in cites(md)] == [
        [("pmid", "99000012")],
        [("pmid", "99000013"), ("doi", "10.99999/x")],
    ]
    assert identifier_of("https://example.org/10.99999/x") is None
    assert identifier_of("http://www.ncbi.nlm.nih.gov/pubmed/99000014").value == "99000014"  # type: ignore[union-attr]


def test_locations_are_paragraph_and_line() -> None:
    text = "Title\n\nFirst paragraph, no citation.\n\nSecond paragraph starts here\nand cites [4]. It goes on\nand cites [5].\n"
    doc = parse_document(text, kind="text")
    found = find_citations(doc)
    assert [(c.paragraph, c.line, [m.value for m in c.marks]) for c in found] == [(3, 5, ["4"]), (3, 6, ["5"])]
    assert found[0].location == "paragraph 3, line 5"
    assert found[0].to_dict()["location"] == {"paragraph": 3, "line": 5}


def test_untrusted_text_loses_control_sequences_and_private_marks() -> None:
    text = "Ketamine \x1b[31mred\x1b[0m works [1]. Fake mark \ue0029\ue003 here [2].\n"
    out = cites(text)
    assert out[0][0] == "Ketamine red works [1]."
    assert "\ue002" not in out[1][0] and out[1][1] == [("number", "2")]


def test_in_page_links_with_numbers_are_numbered_citations() -> None:
    html = (
        "<html><body><p>Ketamine works.<sup><a href='#cite_note-1'>[1]</a></sup> It is fast "
        "<a href='#ref2'>2</a>. See <a href='#t1'>Table 1</a> for doses.</p></body></html>"
    )
    assert [m for _, m in cites(html, "html")] == [[("number", "1")], [("number", "2")]]


def test_a_long_paragraph_is_read_in_linear_time() -> None:
    import time

    text = "\n".join(f"Ketamine sentence {i} relieved symptoms in trial {i} [{i % 50 + 1}]." for i in range(20000))
    started = time.perf_counter()
    found = find_citations(parse_document(text, kind="text"))
    assert len(found) == 20000 and found[-1].line == 20000
    assert time.perf_counter() - started < 10
