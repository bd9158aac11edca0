"""`--mark-retracted`: retraction (and expression-of-concern) notices in the title field
(issue 10, item 7), format by format, with and without the option; plus the CLI."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import bibtexparser
import pytest
import rispy

from litcli import formats, tables
from litcli.formats._common import marked_title, title_marks
from litcli.models import CommentCorrection, Journal, PubDate, Record
from tests.test_cli_export import run
from tests.test_formats_bibtex import _braces_balanced, parse
from tests.test_library_fixtures import article_xml

SOURCE = "J Psychiatr Pract. 2021;27(1):1"
NOTICE = f"[Retraction in: {SOURCE}]"
MARKABLE = [f.name for f in tables.FORMATS if f.mark_retracted is not None]
UNMARKED = [f.name for f in tables.FORMATS if f.mark_retracted is None]


def _record(pmid: str, title: str, *, types: tuple[str, ...] = (), cc=()) -> Record:
    return Record(
        pmid=pmid,
        title=title,
        journal=Journal(title="J Psychiatr Pract", medline_ta="J Psychiatr Pract", volume="25"),
        pub_date=PubDate(year=2019, month=5),
        publication_types=["Journal Article", *types],
        comments_corrections=list(cc),
    )


def retracted(title: str = "Ketamine for OCD: a meta-analysis.", source: str = SOURCE) -> Record:
    """Retracted, with PubMed's RetractionIn comment (the notice is known)."""
    return _record(
        "99100001",
        title,
        types=("Retracted Publication",),
        cc=[
            CommentCorrection("RetractionIn", pmid="99100099", source=source),
            CommentCorrection("ErratumIn", pmid="99100098", source="J Psychiatr Pract. 2019;25:9"),
        ],
    )


def retracted_by_type() -> Record:
    """Retracted by publication type only: no notice to cite."""
    return _record(
        "99100002", "Randomized trial of NMDA blockade.", types=("Retracted Publication",)
    )


def concern() -> Record:
    return _record(
        "99100003",
        "Esketamine in TRD.",
        cc=[
            CommentCorrection("ExpressionOfConcernIn", pmid="99100097", source="Lancet. 2020;395:1")
        ],
    )


def plain() -> Record:
    return _record("99100004", "Ketamine and sleep.")


# --- the notice ------------------------------------------------------------------------


def test_the_notices_follow_nlm_and_ama() -> None:
    assert marked_title(retracted(), "Ketamine for OCD: a meta-analysis.") == (
        f"Ketamine for OCD: a meta-analysis {NOTICE}"
    )
    assert marked_title(retracted_by_type(), "Randomized trial of NMDA blockade.") == (
        "[Retracted] Randomized trial of NMDA blockade."
    )
    assert marked_title(concern(), "Esketamine in TRD.") == (
        "Esketamine in TRD [Expression of concern in: Lancet. 2020;395:1]"
    )
    assert marked_title(plain(), "Ketamine and sleep.") == "Ketamine and sleep."
    # '?' and '!' stay; without the option nothing changes
    assert marked_title(retracted(), "Does it work?") == f"Does it work? {NOTICE}"
    assert marked_title(retracted(), "Title.", mark=False) == "Title."


def test_a_notice_without_source_cites_the_pmid_and_a_retraction_supersedes_a_concern() -> None:
    r = _record("99100005", "T.", cc=[CommentCorrection("RetractionIn", pmid="99100096")])
    assert title_marks(r) == ([], ["[Retraction in: PMID 99100096]"])
    r.comments_corrections.append(CommentCorrection("ExpressionOfConcernIn", source="X. 2020"))
    assert title_marks(r) == ([], ["[Retraction in: PMID 99100096]"])
    # the notice itself and an erratum are not marked
    notice = _record("99100006", "Retraction notice to: T.", types=("Retraction of Publication",))
    notice.comments_corrections = [CommentCorrection("RetractionOf", pmid="99100005")]
    erratum = _record("99100007", "T.", cc=[CommentCorrection("ErratumIn", pmid="99100095")])
    assert title_marks(notice) == title_marks(erratum) == ([], [])


# --- every format, with and without the option ------------------------------------------


def test_the_defaults_are_the_table() -> None:
    on = {f.name for f in tables.FORMATS if f.mark_retracted}
    off = {f.name for f in tables.FORMATS if f.mark_retracted is False}
    assert on == {"bibtex", "ris", "csl-json", "markdown", "ama", "vancouver"}
    assert off == {"nbib", "medline", "csv", "tsv"}
    assert set(UNMARKED) == {"json", "jsonl", "ids"}


@pytest.mark.parametrize("fmt", MARKABLE)
def test_every_titled_format_marks_on_request_and_not_without(fmt: str) -> None:
    records = [retracted(), plain()]
    on = formats.dumps(records, fmt, mark_retracted=True)
    off = formats.dumps(records, fmt, mark_retracted=False)
    default = formats.dumps(records, fmt)
    assert default == (on if tables.FORMAT_BY_NAME[fmt].mark_retracted else off)
    if fmt in ("ama", "vancouver", "markdown"):  # their own convention: 'Title [Retracted].'
        assert "[Retracted]" in on.replace("\\", "") and "[Retracted]" not in off.replace("\\", "")
        assert "Retracted publication (see PMID 99100099)" in off.replace("\\", "")
    else:
        assert "Retraction in:" in on and "Retraction in:" not in off
    # the other record is written the same either way
    assert "Ketamine and sleep" in on and "Ketamine and sleep" in off


@pytest.mark.parametrize("fmt", UNMARKED)
def test_machine_formats_keep_their_structured_flags_untouched(fmt: str) -> None:
    records = [retracted(), plain()]
    assert formats.dumps(records, fmt, mark_retracted=True) == formats.dumps(records, fmt)
    assert formats.dumps(records, fmt, mark_retracted=False) == formats.dumps(records, fmt)
    assert "Retraction in:" not in formats.dumps(records, fmt, mark_retracted=True)
    if fmt == "json":
        (data, _) = json.loads(formats.dumps(records, fmt))
        assert data["title"] == "Ketamine for OCD: a meta-analysis."
        assert data["flags"] == ["retracted", "erratum"]


@pytest.mark.parametrize("fmt", MARKABLE)
def test_a_record_without_flags_is_identical_with_or_without(fmt: str) -> None:
    assert formats.dumps([plain()], fmt, mark_retracted=True) == formats.dumps(
        [plain()], fmt, mark_retracted=False
    )


# --- bibtex ------------------------------------------------------------------------------


def _raw_title(text: str) -> str:
    lib = bibtexparser.parse_string(text)
    assert not lib.failed_blocks
    return lib.entries[0].fields_dict["title"].value


def test_bibtex_notice_is_one_protected_group_and_parses() -> None:
    text = formats.dumps([retracted()], "bibtex")
    assert (
        _raw_title(text)
        == "Ketamine for {OCD:} a meta-analysis {[Retraction in: J Psychiatr Pract. 2021;27(1):1]}"
    )
    assert _braces_balanced(text)
    (entry,) = parse(text).entries
    assert entry.fields_dict["title"].value == f"Ketamine for OCD: a meta-analysis {NOTICE}"
    assert "Retracted publication" in entry.fields_dict["note"].value  # the note stays
    # the key is the record's, not the notice's
    off = formats.dumps([retracted()], "bibtex", mark_retracted=False)
    assert entry.key == parse(off).entries[0].key == "Anon2019Ketamine"
    assert _raw_title(off) == "Ketamine for {OCD:} a meta-analysis."


def test_bibtex_leading_notice_protects_the_first_title_word() -> None:
    text = formats.dumps([retracted_by_type()], "bibtex")
    # 'Randomized' no longer starts the field: sentence casing would lower-case it
    assert _raw_title(text) == "{[Retracted]} {Randomized} trial of {NMDA} blockade."
    assert parse(text).entries[0].fields_dict["title"].value == (
        "[Retracted] Randomized trial of NMDA blockade."
    )


def test_bibtex_specials_in_title_and_notice_stay_escaped_and_balanced() -> None:
    r = retracted(
        title="Ketamine & OCD_x: 50% better {sic?", source="Lancet & Co. 2021;1:1-2} $5 --x"
    )
    text = formats.dumps([r], "bibtex")
    assert _braces_balanced(text)
    raw = _raw_title(text)
    assert raw.endswith(
        r"{[Retraction in: Lancet \& Co. 2021;1:1-2\textbraceright{} \$5 -{}-x]}"
    ), raw
    assert r"\&" in raw and r"\_" in raw and r"\%" in raw and r"\textbraceleft{}" in raw
    title = parse(text).entries[0].fields_dict["title"].value
    assert (
        title
        == "Ketamine & OCD_x: 50% better {sic? [Retraction in: Lancet & Co. 2021;1:1-2} $5 --x]"
    )


# --- csl-json, ris, nbib, csv -------------------------------------------------------------


def test_csl_json_title_and_status() -> None:
    records = [retracted(), retracted_by_type(), concern()]
    on = json.loads(formats.dumps(records, "csl-json"))
    off = json.loads(formats.dumps(records, "csl-json", mark_retracted=False))
    assert [i["title"] for i in on] == [
        f"Ketamine for OCD: a meta-analysis {NOTICE}",
        "[Retracted] Randomized trial of NMDA blockade.",
        "Esketamine in TRD [Expression of concern in: Lancet. 2020;395:1]",
    ]
    assert [i["title"] for i in off] == [r.title for r in records]
    assert (
        [i.get("status") for i in on]
        == [i.get("status") for i in off]
        == ["retracted", "retracted", None]
    )
    assert [i["id"] for i in on] == [i["id"] for i in off]


def test_ris_title_reads_back_through_rispy() -> None:
    (on,) = rispy.loads(formats.dumps([retracted()], "ris"))
    (off,) = rispy.loads(formats.dumps([retracted()], "ris", mark_retracted=False))
    assert on["title"] == f"Ketamine for OCD: a meta-analysis {NOTICE}"
    assert off["title"] == "Ketamine for OCD: a meta-analysis."
    assert on["notes"] == off["notes"]  # N1 carries the flags either way


def test_nbib_is_pubmeds_record_unless_asked() -> None:
    default = formats.dumps([retracted()], "nbib")
    assert "TI  - Ketamine for OCD: a meta-analysis.\n" in default
    assert f"RIN - {SOURCE} PMID: 99100099" in default  # PubMed's own notice tag
    marked = formats.dumps([retracted()], "medline", mark_retracted=True)
    ti = re.search(r"^TI  - (.*(?:\n      .*)*)", marked, re.MULTILINE)
    assert ti is not None
    assert " ".join(ti.group(1).split()) == f"Ketamine for OCD: a meta-analysis {NOTICE}"
    assert f"RIN - {SOURCE} PMID: 99100099" in marked
    Medline = pytest.importorskip("Bio.Medline")
    (rec,) = Medline.parse(io.StringIO(marked))
    assert rec["TI"] == f"Ketamine for OCD: a meta-analysis {NOTICE}"


@pytest.mark.parametrize(("fmt", "delimiter"), [("csv", ","), ("tsv", "\t")])
def test_csv_title_on_request_and_the_formula_guard_still_applies(fmt: str, delimiter: str) -> None:
    r = retracted(title="=HYPERLINK(1) trial.")
    default = list(
        csv.DictReader(io.StringIO(formats.dumps([r], fmt), newline=""), delimiter=delimiter)
    )
    marked = list(
        csv.DictReader(
            io.StringIO(formats.dumps([r], fmt, mark_retracted=True), newline=""),
            delimiter=delimiter,
        )
    )
    assert default[0]["title"] == "'=HYPERLINK(1) trial."
    assert marked[0]["title"] == f"'=HYPERLINK(1) trial {NOTICE}"
    assert default[0]["flags"] == marked[0]["flags"] == "retracted; erratum"
    # a notice from PubMed cannot start a cell either
    bad = retracted(source="=cmd|'/c calc'!A0")
    (row,) = csv.DictReader(
        io.StringIO(formats.dumps([bad], fmt, mark_retracted=True), newline=""), delimiter=delimiter
    )
    assert not row["title"].startswith(("=", "+", "-", "@"))


def test_references_keep_their_convention_and_can_be_turned_off() -> None:
    r = retracted()
    assert "Ketamine for OCD: a meta-analysis [Retracted]. J Psychiatr Pract." in formats.dumps(
        [r], "ama"
    )
    off = formats.format_reference(r, "vancouver", mark_retracted=False)
    assert "[Retracted]" not in off
    assert off.endswith(
        "Retracted publication (see PMID 99100099); Erratum published (see PMID 99100098)."
    )
    assert "**\\[Retracted\\]**" in formats.dumps([r], "markdown")
    assert "**" not in formats.dumps([r], "markdown", mark_retracted=False)


# --- the CLI --------------------------------------------------------------------------------

RETRACTED, NOTICE_PMID = "99100011", "99100012"


@pytest.fixture
def synthetic(ncbi):
    ncbi.set_articles(
        {
            RETRACTED: article_xml(
                int(RETRACTED), title="Ketamine for OCD.", retraction_in=NOTICE_PMID
            ),
            NOTICE_PMID: article_xml(int(NOTICE_PMID), title="Retraction notice."),
        }
    )
    return ncbi


def test_cli_export_marks_by_default_and_obeys_the_option(synthetic) -> None:
    default = run("export", RETRACTED, "-f", "bibtex")
    assert default.exit_code == 0, default.stderr
    assert "{[Retraction in: Retraction notice]}" in default.stdout
    off = run("export", RETRACTED, "-f", "bibtex", "--no-mark-retracted")
    assert "Retraction in" not in off.stdout and "Retracted publication" in off.stdout
    nbib = run("export", RETRACTED, "-f", "nbib")
    assert "TI  - Ketamine for OCD.\n" in nbib.stdout
    marked = run("export", RETRACTED, "-f", "nbib", "--mark-retracted")
    assert "TI  - Ketamine for OCD [Retraction in: Retraction notice]\n" in marked.stdout


def test_cli_mark_retracted_on_json_is_a_warning_and_changes_nothing(synthetic) -> None:
    plain_json = run("export", RETRACTED, "-f", "json")
    asked = run("export", RETRACTED, "-f", "json", "--mark-retracted")
    assert asked.exit_code == 0
    assert asked.stdout == plain_json.stdout
    assert "--mark-retracted: json has no title to mark" in asked.stderr


def test_library_export_shares_the_writer_and_its_default(synthetic) -> None:
    assert run("export", RETRACTED, "-f", "ids").exit_code == 0  # now in the library
    result = run("library", "export", "-f", "ris")
    assert result.exit_code == 0, result.stderr
    assert "TI  - Ketamine for OCD [Retraction in: Retraction notice]" in result.stdout


# --- pandoc (skipped without it): the notice survives a rendered bibliography -----------------

PANDOC = shutil.which("pandoc")


@pytest.mark.skipif(PANDOC is None, reason="pandoc not installed (Debian: apt-get install pandoc)")
@pytest.mark.parametrize(("fmt", "suffix"), [("bibtex", "bib"), ("csl-json", "json")])
def test_pandoc_citeproc_prints_the_notice(tmp_path: Path, fmt: str, suffix: str) -> None:
    bib = tmp_path / f"refs.{suffix}"
    bib.write_text(formats.dumps([retracted(), retracted_by_type()], fmt), encoding="utf-8")
    doc = tmp_path / "doc.md"
    doc.write_text('---\nnocite: "@*"\n---\n', encoding="utf-8")
    proc = subprocess.run(
        [
            str(PANDOC),
            str(doc),
            "--citeproc",
            f"--bibliography={bib}",
            "-t",
            "plain",
            "--wrap=none",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    out = " ".join(proc.stdout.split()).lower()
    assert "[retraction in: j psychiatr pract. 2021;27(1):1]" in out, proc.stdout
    assert "[retracted] randomized trial of nmda blockade" in out, proc.stdout


def test_library_export_takes_the_same_option(synthetic) -> None:
    assert run("export", RETRACTED, "-f", "ids").exit_code == 0  # now in the library
    off = run("library", "export", "-f", "ris", "--no-mark-retracted")
    assert off.exit_code == 0, off.stderr
    assert "TI  - Ketamine for OCD.\n" in off.stdout.replace("\r\n", "\n")
    csv_on = run("library", "export", "-f", "csv", "--mark-retracted")
    assert "Ketamine for OCD [Retraction in: Retraction notice]" in csv_on.stdout
    assert "[Retraction in" not in run("library", "export", "-f", "csv").stdout  # csv: off
    asked = run("library", "export", "-f", "jsonl", "--mark-retracted")
    assert asked.exit_code == 0
    assert "--mark-retracted: jsonl has no title to mark" in asked.stderr
    assert asked.stdout == run("library", "export", "-f", "jsonl").stdout


def test_export_and_library_export_share_one_option() -> None:
    from litcli.cli.export import export
    from litcli.cli.library import export_cmd

    def option(cmd):
        (opt,) = [p for p in cmd.params if p.name == "mark_retracted"]
        return (opt.opts, opt.secondary_opts, opt.default, opt.help)

    assert option(export) == option(export_cmd)
    help_text = option(export)[3]
    for spec in tables.FORMATS:  # the help is built from the one table
        assert spec.name in help_text
