"""``search -f jsonl`` encodes each efetch batch while the next one is fetched
(``formats.jsonfmt.JsonlAhead``, issue 12 performance: the lines are not all encoded after
the last batch): the output is the same text, on stdout and in ``-o FILE``."""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path
from typing import Any

import pytest

from litcli.cli import search as cli_search
from litcli.formats import jsonfmt
from litcli.formats.jsonfmt import JsonlAhead
from tests.conftest import run_cli
from tests.test_search_worker import _serve_real


def test_lines_encoded_ahead_are_the_text_of_write_jsonl(ncbi: Any) -> None:
    from litcli.service import _body_records

    _serve_real(ncbi, 30)
    body = ("<PubmedArticleSet>" + "".join(ncbi.articles.values()) + "</PubmedArticleSet>").encode()
    records = _body_records(body)
    assert len(records) > 30
    ahead = JsonlAhead()
    ahead.add(records[:10])
    ahead.add(records[20:])  # 10..19 never seen: encoded when written
    # a changed copy of a record seen (same PMID, another object): its own line
    changed = dataclasses.replace(records[25], title="Another title \u009b\u202e")
    wanted = [*reversed(records[:25]), changed, *records[26:]]
    out, expected = io.StringIO(), io.StringIO()
    assert ahead.write(wanted, out) == len(wanted)
    jsonfmt.write_jsonl(wanted, expected)
    assert out.getvalue() == expected.getvalue()
    assert "\\u009b\\u202e" in out.getvalue()  # json_inert, as write_jsonl does
    assert ahead.write(records[:3], out) == 3  # nothing kept from the last write


@pytest.mark.parametrize("name", ["edge_cases.xml", "edge_cases.nbib"])
def test_record_line_is_the_line_of_the_models_dict(name: str) -> None:
    """``record_line`` (JSONL written without building ``to_dict``'s tree) is exactly
    ``jsonl_line(record.to_dict())``: key order, escapes (json_inert), every field."""
    from litcli.medline import parse_medline
    from litcli.pubmed import parse_records

    path = Path(__file__).parent / "fixtures" / name
    records = parse_records(path) if name.endswith(".xml") else parse_medline(path)
    assert records
    records.append(dataclasses.replace(records[0], title="C1 \u009b, DEL \x7f, bidi \u202e\u2066"))
    for record in records:
        assert jsonfmt.record_line(record) == jsonfmt.jsonl_line(record.to_dict())
    assert "\\u009b" in jsonfmt.record_line(records[-1])


@pytest.mark.parametrize("to_file", [False, True], ids=["stdout", "file"])
def test_search_jsonl_is_the_same_text_when_encoded_while_fetching(
    ncbi: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, to_file: bool
) -> None:
    pmids = _serve_real(ncbi, 1300)  # real records too: two efetch batches of up to 1,000
    monkeypatch.setenv("LITCLI_WORKER", "0")
    added: list[int] = []
    add = JsonlAhead.add

    def counting(self: JsonlAhead, records: list[Any]) -> None:
        added.append(len(records))
        add(self, records)

    monkeypatch.setattr(JsonlAhead, "add", counting)
    outputs = {}
    for mode in ("ahead", "at-the-end"):
        if mode == "at-the-end":  # as before: every line encoded after the last batch
            monkeypatch.setattr(cli_search._Sink, "ahead", lambda self: None)
        monkeypatch.setenv("LITCLI_HOME", str(tmp_path / mode))
        target = tmp_path / f"{mode}.jsonl"
        args = ["search", "synthetic", "--max", str(len(pmids)), "-f", "jsonl"]
        result = run_cli([*args, "-o", str(target)] if to_file else args)
        assert result.exit_code == 0, result.output
        outputs[mode] = target.read_text(encoding="utf-8") if to_file else result.stdout
    assert added == [1000, len(pmids) - 1000]
    assert outputs["ahead"] == outputs["at-the-end"]
    assert [json.loads(line)["pmid"] for line in outputs["ahead"].splitlines()] == pmids
