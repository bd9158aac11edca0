"""CSL-JSON export: structure, and rendering by pandoc's citeproc (skipped without pandoc)."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from litcli import formats
from litcli.models import Record
from tests.test_formats_common import real_records, tricky_records

PANDOC = shutil.which("pandoc")
needs_pandoc = pytest.mark.skipif(
    PANDOC is None,
    reason="pandoc not installed (Debian: apt-get install pandoc; .ci/run installs it)",
)


def _tokens(value: str) -> list[str]:
    """Case-, quote- and punctuation-insensitive words (CSL styles re-case titles and curl quotes)."""
    return re.findall(r"[^\W_]+", value.casefold())


def _contains(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def render(items_json: str, tmp_path: Path) -> dict[str, str]:
    """Run pandoc --citeproc over every item; return {id: rendered entry text}."""
    bib = tmp_path / "refs.json"
    bib.write_text(items_json, encoding="utf-8")
    doc = tmp_path / "doc.md"
    doc.write_text('---\nnocite: "@*"\n---\n', encoding="utf-8")
    proc = subprocess.run(
        [PANDOC, str(doc), "--citeproc", f"--bibliography={bib}", "-t", "html", "--wrap=none"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "[WARNING]" not in proc.stderr, proc.stderr
    entries: dict[str, str] = {}
    previous = ""
    for m in re.finditer(
        r'<div id="ref-([^"]+)" class="csl-entry"[^>]*>(.*?)</div>', proc.stdout, re.S
    ):
        entry = html.unescape(re.sub(r"<[^>]+>", "", m.group(2))).strip()
        if entry.startswith("———"):
            # Chicago's "same authors as the entry above": carry the authors over.
            entry = previous.split(". ")[0] + entry.removeprefix("———")
        entries[m.group(1)] = previous = entry
    return entries


def check_rendered(records: list[Record], tmp_path: Path) -> None:
    items = json.loads(formats.dumps(records, "csl-json"))
    entries = render(formats.dumps(records, "csl-json"), tmp_path)
    assert set(entries) == {i["id"] for i in items}, "pandoc did not render every entry"
    for record, item in zip(records, items, strict=True):
        words = _tokens(entries[item["id"]])
        for a in record.authors[:7]:  # styles may truncate long author lists
            name = a.collective_name if a.is_collective else a.last_name
            # particles may move ('da Palma' -> 'Palma, Joel da'): every word must be there
            assert set(_tokens(name)) <= set(words), (record.pmid, name, entries[item["id"]])
        title = record.title or (record.book.book_title if record.book else "")
        assert _contains(words, _tokens(title)), (record.pmid, entries[item["id"]])
        if record.year:
            # author-date styles disambiguate same-author years as 2015a, 2015b
            assert re.search(rf"\b{record.year}[a-z]?\b", entries[item["id"]]), (
                record.pmid,
                entries[item["id"]],
            )


@needs_pandoc
def test_pandoc_citeproc_renders_every_real_record(tmp_path: Path) -> None:
    check_rendered(real_records(), tmp_path)


@needs_pandoc
def test_pandoc_citeproc_renders_every_tricky_record(tmp_path: Path) -> None:
    check_rendered(list(tricky_records().values()), tmp_path)


def test_item_fields() -> None:
    (item,) = json.loads(formats.dumps([tricky_records()["unicode"]], "csl-json", abstracts=True))
    assert item == {
        "id": "Muller2013Randomized",
        "type": "article-journal",
        "title": "Randomized trial of ketamine in obsessive-compulsive disorder.",
        "author": [
            {"family": "Müller", "given": "Jürgen"},
            {"family": "Sánchez", "given": "María José"},
        ],
        "container-title": "Neuropsychopharmacology : official publication",
        "container-title-short": "Neuropsychopharmacology",
        "ISSN": "0893-133X",
        "issued": {"date-parts": [[2013, 11, 5]]},
        "volume": "38",
        "issue": "12",
        "page": "2475-2483",
        "DOI": "10.1038/npp.2013.150",
        "PMID": "99000001",
        "PMCID": "PMC3799063",
        "URL": "https://pubmed.ncbi.nlm.nih.gov/99000001/",
        "language": "en",
        "keyword": "ketamine; OCD; Humans",
        "abstract": "METHODS: Ketamine was given.\nRESULTS: It worked.",
    }


def test_collective_no_author_medline_date_retracted_and_book() -> None:
    t = tricky_records()
    recs = [
        t["collective"],
        t["no_authors"],
        t["medline_date"],
        t["retracted"],
        t["book"],
        t["whole_book"],
    ]
    coll, none, mdate, retr, chap, book = json.loads(formats.dumps(recs, "csl-json"))
    assert coll["author"] == [
        {"literal": "GBD 2019 Collaborators and Friends, Inc"},
        {"family": "Lee", "given": "Ann"},
    ]
    assert "author" not in none
    assert mdate["issued"] == {"date-parts": [[1998]]}
    assert retr["status"] == "retracted"
    assert retr["note"].startswith("Retracted publication (see PMID 99000099)")
    assert (chap["type"], chap["container-title"][:8], chap["editor"]) == (
        "chapter",
        "LiverTox",
        [{"family": "Editor", "given": "Ed"}],
    )
    assert (book["type"], book["title"], book["publisher"]) == (
        "book",
        "A Handbook of Everything",
        "Fake Press",
    )
    assert "abstract" not in coll  # only with abstracts=True
