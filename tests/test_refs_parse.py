"""Issue 11, point 2: the reference list found, split and read into fields."""

from __future__ import annotations

import time

from litcli.refs.document import parse_document
from litcli.refs.parse import Reference, find_references


def refs(text: str, kind: str = "markdown") -> list[Reference]:
    return find_references(parse_document(text, kind=kind)).references


def test_vancouver_and_ama_lines() -> None:
    (v, a) = refs(
        "Body [1].\n\n## References\n\n"
        "1. Murrough JW, Iosifescu DV, et al. Antidepressant efficacy of ketamine: a two-site trial. "
        "Am J Psychiatry. 2013 Oct;170(10):1134-42.\n"
        "2. Rivera CI, Bloom MH. Randomized crossover trial of ketamine. J Synth Tests. 2013;12(3):100-110. "
        "doi:10.99999/abc.1.\n"
    )
    assert (v.number, v.authors, v.year, v.title, v.journal, v.volume, v.pages, v.first_page) == (
        1, ["Murrough", "Iosifescu"], 2013, "Antidepressant efficacy of ketamine: a two-site trial",
        "Am J Psychiatry", "170", "1134-42", "1134",
    )
    assert (a.doi, a.journal, a.volume, a.pages) == ("10.99999/abc.1", "J Synth Tests", "12", "100-110")


def test_apa_lines_unnumbered_with_a_continuation_line() -> None:
    found = refs(
        "Title\n\nText (Banks & Adler, 2016).\n\nReferences\n"
        "Banks, L. F., & Adler, P. (2016). Esketamine in late-life depression. Journal of Synthetic Tests, "
        "14(2), 200–210. https://doi.org/10.99999/XYZ\n"
        "Rivera, C. I. (2013). Randomized crossover trial of ketamine in OCD.\n"
        "    Journal of Synthetic Tests, 12(3), 100–110.\n",
        kind="text",
    )
    assert [(r.number, r.authors, r.year, r.journal, r.volume, r.pages, r.doi) for r in found] == [
        (1, ["Banks", "Adler"], 2016, "Journal of Synthetic Tests", "14", "200-210", "10.99999/xyz"),
        (2, ["Rivera"], 2013, "Journal of Synthetic Tests", "12", "100-110", None),
    ]
    assert found[0].title == "Esketamine in late-life depression"
    assert found[1].line == 7


def test_free_form_lines_take_a_quoted_title_and_a_year() -> None:
    (r,) = refs('Sources\n\n- Zane P. "Intranasal esketamine and suicidal ideation in adults" (2018), a poster.\n')
    assert (r.authors, r.year, r.title) == (["Zane"], 2018, "Intranasal esketamine and suicidal ideation in adults")


def test_numbering_styles_and_labels() -> None:
    found = refs("Bibliography\n\n[3] Stone K. A title here. J X. 2019;1:2.\n(4) Adler P. Other title. J X. 2017;7:9.\n"
                 "5) Lee A. Third title. J X. 2015;3:1-5.\n")
    assert [(r.number, r.label) for r in found] == [(3, "3"), (4, "4"), (5, "5")]


def test_markdown_footnote_definitions_anywhere() -> None:
    found = refs("Ketamine helps[^a].\n\n[^a]: Rivera CI. A trial of ketamine. J Synth Tests. 2013;12:100.\n")
    assert [(r.label, r.authors, r.year) for r in found] == [("a", ["Rivera"], 2013)]


def test_html_ordered_list_numbers_and_links() -> None:
    html = (
        "<html><body><p>Text.<sup>2</sup></p><h2>References</h2><ol start='2'>"
        "<li>Stone K. Meta-analysis. <a href='https://pubmed.ncbi.nlm.nih.gov/99000014/'>PubMed</a></li>"
        "<li>Adler P. Report. <a href='https://www.ncbi.nlm.nih.gov/pmc/articles/PMC99015/'>PMC</a></li>"
        "</ol><h2>About the author</h2><p>Jane writes (Smith 2019).</p></body></html>"
    )
    found = refs(html, kind="html")
    assert [(r.number, r.pmid, r.pmcid) for r in found] == [(2, "99000014", None), (3, None, "PMC99015")]


def test_the_list_ends_at_the_next_heading() -> None:
    found = refs("## References\n\n1. Stone K. A title. J X. 2019;1:2.\n\n## Acknowledgements\n\n1. Thanks to all of you.\n")
    assert len(found) == 1


def test_identifiers_and_malformed_dois() -> None:
    (a, b, c) = refs(
        "References\n\n1. Stone K. Title words. PMID: 99000014. PMCID: PMC99014.\n"
        "2. Adler P. Report words. doi:10.1000\n"
        "3. Lee A. Paper words (https://doi.org/10.99999/a(b)c).\n"
    )
    assert (a.pmid, a.pmcid) == ("99000014", "PMC99014")
    assert b.doi is None and b.problems == ["malformed DOI '10.1000'"]
    assert c.doi == "10.99999/a(b)c"


def test_no_reference_list() -> None:
    assert refs("Just a note about ketamine.\n") == []


def test_references_in_another_script_do_not_break_anything() -> None:
    found = refs("Литература\n\nReferences\n\n1. Иванов ИИ. Кетамин при депрессии. Журнал. 2019;5:10-20.\n"
                 "2. 王伟. 氯胺酮治疗抑郁症. 中华医学杂志. 2020;100:1-5.\n")
    assert [r.number for r in found] == [1, 2]
    assert found[0].year == 2019 and found[0].volume == "5"


def test_a_list_of_2000_references_is_read_quickly() -> None:
    lines = "\n".join(f"{i}. Author{i} A. Title number {i} of a long list. J Synth Tests. 2010;{i}:{i}-{i + 5}."
                      for i in range(1, 2001))
    started = time.perf_counter()
    found = refs(f"Text [1].\n\n## References\n\n{lines}\n")
    assert len(found) == 2000 and found[-1].volume == "2000"
    assert time.perf_counter() - started < 5


def test_a_title_named_like_a_section_is_not_a_list_when_prose_follows() -> None:
    found = refs("# Notes\n\nKetamine helped within hours [1]. It was 2019.\n\n## Sources\n\n"
                 "- Rivera CI. A trial of ketamine. J Synth Tests. 2013;12:100.\n")
    assert [(r.number, r.authors) for r in found] == [(1, ["Rivera"])]
    only_apa = refs("References\nRivera, C. I. (2013). A trial of ketamine. Journal of Synthetic Tests, 12, 100.\n",
                    kind="text")
    assert [r.year for r in only_apa] == [2013]


def test_pubmed_harvard_chicago_and_plos_lines() -> None:
    found = refs(
        "References\n\n"
        "1. Smith J, Doe A. A trial of something in adults. N Engl J Med. 2020 Jan 2;382(1):10-20. "
        "doi: 10.99999/NEJMoa1234567. Epub 2019 Dec 4. PMID: 99000031; PMCID: PMC9900031.\n"
        "2. Smith, J. and Doe, A. (2020) 'A trial of something in adults', Journal of Synthetic Tests, 12(3), "
        "pp. 100–110. doi:10.99999/h.1\n"
        '3. Smith, John, and Ann Doe. 2020. "A trial of something in adults." Journal of Synthetic Tests 12 (3): '
        "100–110.\n"
        "4. Smith J, Doe A (2020) A trial of something in adults. PLoS Synth 15(2): e0228000.\n",
        kind="text",
    )
    assert [(r.authors[0], r.year, r.title, r.journal, r.volume, r.pages) for r in found] == [
        ("Smith", 2020, "A trial of something in adults", "N Engl J Med", "382", "10-20"),
        ("Smith", 2020, "A trial of something in adults", "Journal of Synthetic Tests", "12", "100-110"),
        ("Smith", 2020, "A trial of something in adults", "Journal of Synthetic Tests", "12", "100-110"),
        ("Smith", 2020, "A trial of something in adults", "PLoS Synth", "15", "e0228000"),
    ]
    assert (found[0].pmid, found[0].pmcid, found[0].doi) == ("99000031", "PMC9900031", "10.99999/nejmoa1234567")
