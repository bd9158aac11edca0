"""csv / tsv (read by Python's csv module), json / jsonl (the litcli.record/1 schema) and ids."""

from __future__ import annotations

import csv
import io
import json

from litcli import formats
from litcli.formats.csvfmt import COLUMNS
from litcli.models import Record
from tests.test_formats_common import real_records, tricky_records

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def read_csv(text: str, delimiter: str = ",") -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    assert reader.fieldnames == COLUMNS
    return list(reader)


def test_documented_columns() -> None:
    assert COLUMNS == [
        "pmid", "year", "first_author", "authors", "title", "journal", "volume", "issue", "pages",
        "doi", "pmcid", "design", "publication_types", "flags", "url", "abstract",
    ]  # fmt: skip


def test_csv_real_records_have_the_columns_and_values() -> None:
    records = real_records()
    text = formats.dumps(records, "csv", abstracts=True)
    assert text.encode("utf-8").decode("utf-8") == text
    rows = read_csv(text)
    assert [r["pmid"] for r in rows] == [r.pmid for r in records]
    for record, row in zip(records, rows, strict=True):
        assert row["year"] == (str(record.year) if record.year else "")
        assert row["doi"] == (record.doi or "")
        assert row["design"] == record.design
        assert row["url"] == record.pubmed_url
        assert row["abstract"] == "\n".join(
            " ".join(x.split()) for x in record.abstract_text.split("\n") if x.strip()
        )
        assert row["title"].lstrip("'") == " ".join(record.title.split())
        for cell in row.values():
            assert not cell.startswith(FORMULA_START), cell


def test_csv_neutralises_formulas_and_quotes_per_rfc4180() -> None:
    t = tricky_records()
    text = formats.dumps([t["formula"], t["collective"], t["unicode"]], "csv", abstracts=True)
    formula, coll, uni = read_csv(text)
    assert formula["title"] == '\'=HYPERLINK("http://evil.example","click")'
    assert formula["first_author"] == "'@Evil P"
    assert formula["journal"] == "'-Jour" and formula["volume"] == "'-1"
    assert (
        coll["first_author"] == "GBD 2019 Collaborators and Friends, Inc"
    )  # quoted comma survives
    assert uni["authors"] == "Müller J; Sánchez MJ"
    assert uni["abstract"] == "METHODS: Ketamine was given.\nRESULTS: It worked."  # quoted newline
    assert text.splitlines()[0] == ",".join(COLUMNS)
    assert "\r\n" in text and '"\'=HYPERLINK(""http://evil.example"",""click"")"' in text


def test_csv_abstract_column_is_empty_without_the_option_and_flags_column() -> None:
    t = tricky_records()
    (uni, retr) = read_csv(formats.dumps([t["unicode"], t["retracted"]], "csv"))
    assert uni["abstract"] == ""
    assert retr["flags"] == "retracted; erratum"
    assert retr["publication_types"] == "Journal Article; Meta-Analysis; Retracted Publication"


def test_tsv_one_line_per_record_no_tabs_in_cells() -> None:
    records = list(tricky_records().values())
    text = formats.dumps(records, "tsv", abstracts=True)
    lines = text.split("\n")[:-1]
    assert len(lines) == len(records) + 1
    assert all(line.count("\t") == len(COLUMNS) - 1 for line in lines)
    rows = read_csv(text, "\t")
    by_pmid = {r["pmid"]: r for r in rows}
    assert by_pmid["99000001"]["abstract"] == "METHODS: Ketamine was given. RESULTS: It worked."
    assert by_pmid["99000003"]["title"].startswith("'=")


def _roundtrip(records: list[Record], objects: list[dict]) -> None:
    assert [o["schema"] for o in objects] == ["litcli.record/1"] * len(records)
    assert [Record.from_dict(o) for o in objects] == records


def test_json_is_an_array_of_record_objects_that_round_trip() -> None:
    records = list(tricky_records().values()) + real_records(medline_subset=10)
    data = json.loads(formats.dumps(records, "json"))
    assert isinstance(data, list)
    _roundtrip(records, data)
    assert data[6]["flags"] == ["retracted", "erratum"]


def test_jsonl_one_object_per_line() -> None:
    records = list(tricky_records().values())
    text = formats.dumps(records, "jsonl")
    lines = text.splitlines()
    assert len(lines) == len(records)
    _roundtrip(records, [json.loads(line) for line in lines])
    assert "Müller" in text  # UTF-8, not \\u escapes


def test_ids_one_pmid_per_line() -> None:
    records = list(tricky_records().values())
    assert formats.dumps(records, "ids") == "".join(f"{r.pmid}\n" for r in records)
