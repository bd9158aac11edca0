"""BibTeX export, checked by bibtexparser (v2) with LaTeX decoding by pylatexenc."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import bibtexparser
import bibtexparser.middlewares as mw
import pytest
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

from litcli import formats
from litcli.formats import bibtex
from litcli.formats._common import marked_title
from litcli.models import Record
from tests.test_formats_common import real_records, tricky_records


def _decoder() -> LatexNodes2Text:
    # pylatexenc's default tables lack a few standard LaTeX2e text commands
    # (\textless etc.); declare them as LaTeX defines them.
    db = get_default_latex_context_db()
    db.add_context_category(
        "latex2e-text-commands",
        prepend=True,
        macros=[
            MacroTextSpec("textless", "<"),
            MacroTextSpec("textgreater", ">"),
            MacroTextSpec("textbraceleft", "{"),
            MacroTextSpec("textbraceright", "}"),
            MacroTextSpec("textasciicircum", "^"),
            MacroTextSpec("url", simplify_repl="%s"),
        ],
    )
    return LatexNodes2Text(latex_context=db, math_mode="verbatim")


def parse(text: str) -> bibtexparser.Library:
    lib = bibtexparser.parse_string(
        text,
        append_middleware=[
            mw.SeparateCoAuthors(),
            mw.SplitNameParts(),
            mw.LatexDecodingMiddleware(decoder=_decoder()),
        ],
    )
    assert not lib.failed_blocks, [b.error for b in lib.failed_blocks]
    return lib


def _braces_balanced(text: str) -> bool:
    """BibTeX's own rule: every brace counts, backslash or not."""
    depth = 0
    for ch in text:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


def _fields(entry: bibtexparser.model.Entry) -> dict:
    return {k: f.value for k, f in entry.fields_dict.items()}


def _family_names(entry_authors: list) -> list[str]:
    return [" ".join([*n.von, *n.last]).strip("{}") for n in entry_authors]


def _expected_family(record: Record) -> list[str]:
    return [a.collective_name if a.is_collective else a.last_name for a in record.authors]


def check_entries(records: list[Record], text: str) -> None:
    # doi and url are verbatim fields: compare their raw text, never a LaTeX-decoded one
    raw = bibtexparser.parse_string(text)
    for record, entry in zip(records, raw.entries, strict=True):
        f = _fields(entry)
        if record.doi:
            assert f["doi"] == record.doi
        assert f["url"] == record.pubmed_url
    lib = parse(text)
    assert len(lib.entries) == len(records)
    keys = [e.key for e in lib.entries]
    assert len(set(keys)) == len(keys), "key collision"
    for entry_text in re.split(r"\n(?=@)", text):
        assert _braces_balanced(entry_text), entry_text
    for record, entry in zip(records, lib.entries, strict=True):
        f = _fields(entry)
        assert f["pmid"] == record.pmid
        assert re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", entry.key), entry.key
        if record.title:
            # the default --mark-retracted puts the notice into title (test_formats_retracted)
            title = marked_title(record, " ".join(record.title.split()))
            assert " ".join(f["title"].split()) == title
        if record.year:
            assert f["year"] == str(record.year)
        if record.authors:
            assert _family_names(f["author"]) == _expected_family(record)
        else:
            assert "author" not in f
        if record.kind == "article":
            assert entry.entry_type == "article"
            assert f["journal"] == record.journal.title
        if record.retracted:
            assert "Retracted" in f["note"]


def test_real_pubmed_records_parse_back_with_the_right_fields() -> None:
    records = real_records()
    check_entries(records, formats.dumps(records, "bibtex", abstracts=True))


def test_tricky_records_parse_back_with_the_right_fields() -> None:
    records = list(tricky_records().values())
    check_entries(records, formats.dumps(records, "bibtex", abstracts=True))


def test_latex_specials_are_escaped_and_decode_to_the_original_title() -> None:
    r = tricky_records()["specials"]
    text = formats.dumps([r], "bibtex")
    # words with capitals are braced (case protection); the escapes stay inside
    assert r"50\% of {R\&D:} \$5 for n\_1 \#2" in text
    assert r"Costs \{and\}" in text  # a matched pair stays visible as braces
    assert r"\textbraceright{} unbalanced \textbraceleft{}" in text  # strays cannot unbalance
    assert _braces_balanced(text)
    (entry,) = parse(text).entries
    assert _fields(entry)["title"] == r.title
    assert _fields(entry)["journal"] == "J Test & Trials"


def test_unicode_names_are_kept_and_keys_are_ascii() -> None:
    r = tricky_records()["unicode"]
    (entry,) = parse(formats.dumps([r], "bibtex")).entries
    assert entry.key == "Muller2013Randomized"
    names = _fields(entry)["author"]
    assert (names[0].last, names[0].first) == (["Müller"], ["Jürgen"])
    assert (names[1].last, names[1].first) == (["Sánchez"], ["María", "José"])


def test_collective_author_stays_one_name() -> None:
    r = tricky_records()["collective"]
    text = formats.dumps([r], "bibtex")
    assert "{GBD 2019 Collaborators and Friends, Inc} and Lee, Ann" in text
    (entry,) = parse(text).entries
    assert _family_names(_fields(entry)["author"]) == [
        "GBD 2019 Collaborators and Friends, Inc",
        "Lee",
    ]
    assert entry.key == "GBD2020Global"


def test_colliding_keys_get_a_b_suffixes_and_are_stable() -> None:
    t = tricky_records()
    records = [t["collision_1"], t["unicode"], t["collision_2"]]
    keys = [e.key for e in parse(formats.dumps(records, "bibtex")).entries]
    assert keys == ["Rodriguez2013Randomizeda", "Muller2013Randomized", "Rodriguez2013Randomizedb"]
    assert bibtex.make_keys(records) == keys  # same input, same keys


def test_suffixed_key_never_collides_with_an_existing_base_key() -> None:
    t = tricky_records()
    clash = Record(
        pmid="99000020",
        title="Randomizeda",
        authors=t["collision_1"].authors,
        pub_date=t["collision_1"].pub_date,
    )
    keys = bibtex.make_keys([t["collision_1"], t["collision_2"], clash])
    assert len(set(keys)) == 3
    assert keys[2] == "Rodriguez2013Randomizeda"


def test_no_authors_medline_date_and_month_macro() -> None:
    t = tricky_records()
    (e1, e2, e3) = parse(
        formats.dumps([t["no_authors"], t["medline_date"], t["unicode"]], "bibtex")
    ).entries
    assert e1.key == "Anon2001Editorial"
    assert _fields(e2)["year"] == "1998"
    assert _fields(e2)["pages"] == "100–109"  # MEDLINE '100-9' expanded, '--' decoded as an en dash
    assert "month = nov," in formats.dumps([t["unicode"]], "bibtex")  # unbraced macro
    assert _fields(e3)["month"] == "nov"


def test_book_and_chapter_entry_types() -> None:
    t = tricky_records()
    chapter, book = parse(formats.dumps([t["book"], t["whole_book"]], "bibtex")).entries
    assert chapter.entry_type == "incollection"
    assert _fields(chapter)["booktitle"].startswith("LiverTox")
    assert _fields(chapter)["publisher"].startswith("National Institute")
    assert book.entry_type == "book"
    assert _fields(book)["title"] == "A Handbook of Everything"


def test_retraction_and_erratum_note() -> None:
    (entry,) = parse(formats.dumps([tricky_records()["retracted"]], "bibtex")).entries
    note = _fields(entry)["note"]
    assert (
        note == "Retracted publication (see PMID 99000099). Erratum published (see PMID 99000098)"
    )


@pytest.mark.parametrize("abstracts", [False, True])
def test_abstract_only_with_the_option(abstracts: bool) -> None:
    (entry,) = parse(
        formats.dumps([tricky_records()["unicode"]], "bibtex", abstracts=abstracts)
    ).entries
    f = _fields(entry)
    if abstracts:
        assert f["abstract"] == "METHODS: Ketamine was given. RESULTS: It worked."
    else:
        assert "abstract" not in f


# --- doi and url are verbatim: biblatex, biber and pandoc never LaTeX-decode them ------------------

AWKWARD_DOIS = [
    "10.1093/ije/dyaa_123",
    "10.1002/(SICI)1099-1166(199706)12:6<628::AID-GPS585>3.0.CO;2-N",
]


def _doi_records() -> list[Record]:
    base = tricky_records()["unicode"]
    return [
        Record(pmid=f"9900009{i}", title=f"Trial number {i} of ketamine", authors=base.authors,
               journal=base.journal, pub_date=base.pub_date, doi=doi)
        for i, doi in enumerate(AWKWARD_DOIS)
    ]


def test_doi_and_url_are_written_verbatim() -> None:
    text = formats.dumps(_doi_records(), "bibtex")
    assert "  doi = {10.1093/ije/dyaa_123},\n" in text
    assert "  doi = {10.1002/(SICI)1099-1166(199706)12:6<628::AID-GPS585>3.0.CO;2-N},\n" in text
    assert "  url = {https://pubmed.ncbi.nlm.nih.gov/99000090/}\n" in text
    assert r"\_" not in text and r"\textless" not in text and r"\textgreater" not in text
    assert _braces_balanced(text)
    assert [_fields(e)["doi"] for e in bibtexparser.parse_string(text).entries] == AWKWARD_DOIS


@pytest.mark.parametrize(
    ("doi", "written", "field"),
    [
        # braces without a partner are kept: the field is delimited by quotes instead
        ("10.1000/a}b", "10.1000/a}b", '"10.1000/a}b"'),
        ("10.1000/a{b", "10.1000/a{b", '"10.1000/a{b"'),
        ("10.1000/a}b{c", "10.1000/a}b{c", '"10.1000/a}b{c"'),
        ("10.1000/a{b}c", "10.1000/a{b}c", "{10.1000/a{b}c}"),  # a matched pair: braces
        ("10.1000/a\\{b}", "10.1000/a{b}", "{10.1000/a{b}}"),  # \{ reads as an escaped brace to some parsers
        ("10.1000/ab\\", "10.1000/ab", "{10.1000/ab}"),  # a trailing backslash would escape the closing brace
        ("10.1000/a\x1b[31mb\x07", "10.1000/ab", "{10.1000/ab}"),  # terminal escapes, control characters
        ('10.1000/a"}b', '10.1000/a"b', '{10.1000/a"b}'),  # a quote too: the stray brace goes
    ],
)
def test_verbatim_fields_drop_only_what_would_break_the_entry(doi: str, written: str, field: str) -> None:
    record = _doi_records()[0]
    record.doi = doi
    text = formats.dumps([record, _doi_records()[1]], "bibtex")
    assert f"  doi = {field},\n" in text
    assert _braces_balanced(text.replace(f"  doi = {field},\n", ""))  # the rest of the entry
    lib = bibtexparser.parse_string(text)
    assert not lib.failed_blocks
    assert [_fields(e)["doi"] for e in lib.entries] == [written, AWKWARD_DOIS[1]]
    assert _fields(lib.entries[0])["pmid"] == record.pmid  # the field ended where it should


PANDOC = shutil.which("pandoc")


@pytest.mark.skipif(PANDOC is None, reason="pandoc not installed (Debian: apt-get install pandoc)")
def test_pandoc_citeproc_links_the_right_doi(tmp_path: Path) -> None:
    import html

    bib = tmp_path / "refs.bib"
    bib.write_text(formats.dumps(_doi_records(), "bibtex"), encoding="utf-8")
    doc = tmp_path / "doc.md"
    doc.write_text('---\nnocite: "@*"\n---\n', encoding="utf-8")
    proc = subprocess.run(
        [str(PANDOC), str(doc), "--citeproc", f"--bibliography={bib}", "-t", "html", "--wrap=none"],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    links = [html.unescape(h) for h in re.findall(r'<a href="([^"]+)"', proc.stdout)]
    for doi in AWKWARD_DOIS:
        assert f"https://doi.org/{doi}" in links, (doi, links)
    assert not any("\\" in link for link in links), links
