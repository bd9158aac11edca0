"""The core of `litcli verify` (litcli.claims.verify): no Click, no network."""

from __future__ import annotations

import io
import json

import pytest

from litcli.claims import verify as core
from litcli.errors import InputFileError, InvalidInputError

CLAIM = "Ketamine reduces depressive symptoms."
SUPPORTING = "Ketamine significantly reduced depressive symptoms compared with placebo (p<0.001)."


class _Lines(io.RawIOBase):
    """A binary stream that counts how many lines were read (to prove laziness)."""

    def __init__(self, lines: list[bytes]) -> None:
        self.lines = list(lines)
        self.read_count = 0

    def readable(self) -> bool:
        return True

    def readline(self, size: int | None = -1) -> bytes:  # type: ignore[override]
        if not self.lines:
            return b""
        self.read_count += 1
        return self.lines.pop(0)


def _pair(i: object, **extra: object) -> bytes:
    return (json.dumps({"id": i, "claim": CLAIM, "abstract": [SUPPORTING], **extra}) + "\n").encode()


def test_pairs_stream_one_result_per_line_before_reading_the_next() -> None:
    stream = _Lines([_pair(i) for i in range(5)])
    run = core.PairsRun(stream)
    it = iter(run)
    first = next(it)
    assert first["id"] == 0 and stream.read_count == 1
    assert [o["id"] for o in it] == [1, 2, 3, 4]
    assert run.lines == 5 and run.failed == 0


def test_pairs_hold_results_after_a_pmid_line_and_fetch_once() -> None:
    from tests.test_library_fixtures import FIRST_PMID, article_set, article_xml, parsed

    records = {p.record.pmid: p.record for p in parsed(article_set([article_xml(FIRST_PMID, abstract=SUPPORTING)]))}
    calls: list[list[str]] = []

    def fetch(ids, **kw):
        calls.append(list(ids))
        found = [records[i] for i in ids if i in records]
        return found, [(i, "no PubMed record with this PMID") for i in ids if i not in records]

    stream = _Lines([
        _pair("a"),
        (json.dumps({"id": "p", "claim": CLAIM, "pmid": str(FIRST_PMID)}) + "\n").encode(),
        _pair("b"),
        (json.dumps({"id": "q", "claim": CLAIM, "pmid": f"PMID:{FIRST_PMID}"}) + "\n").encode(),
        (json.dumps({"id": "r", "claim": CLAIM, "pmid": 42}) + "\n").encode(),
    ])
    run = core.PairsRun(stream, fetch=fetch)
    it = iter(run)
    assert next(it)["id"] == "a" and stream.read_count == 1
    rest = list(it)
    assert [o["id"] for o in rest] == ["p", "b", "q", "r"]
    assert calls == [[str(FIRST_PMID), "42"]]  # every PMID of the file in one call, each once
    assert rest[0]["record"]["pmid"] == str(FIRST_PMID) and rest[0]["stance"] == "supports"
    assert rest[3]["error"] == "line 5: PMID 42: no PubMed record with this PMID"
    assert run.failed == 1


def test_ten_thousand_lines_in_constant_memory() -> None:
    good = _pair("x")
    bad = b"{broken\n"
    stream = io.BytesIO(b"".join(good if i % 50 == 0 else bad for i in range(10_000)))
    run = core.PairsRun(stream)
    n = 0
    for obj in run:
        n += 1
        assert ("error" in obj) == (obj["id"] is None)
    assert n == 10_000 and run.lines == 10_000 and run.failed == 9_800


def test_split_abstract_reads_section_labels() -> None:
    text = (
        "BACKGROUND: Ketamine is an NMDA receptor antagonist. Objective: to test it.\n"
        "Methods: We randomised 40 patients (vs. placebo).\n"
        f"RESULTS: {SUPPORTING} MAIN OUTCOME MEASURES: HAM-D.\nConclusions: It works at 0.5 mg/kg."
    )
    assert core.split_abstract(text) == [
        ("Ketamine is an NMDA receptor antagonist.", "BACKGROUND"),
        ("to test it.", "OBJECTIVE"),
        ("We randomised 40 patients (vs. placebo).", "METHODS"),
        (SUPPORTING, "RESULTS"),
        ("HAM-D.", "METHODS"),
        ("It works at 0.5 mg/kg.", "CONCLUSIONS"),
    ]
    assert core.split_abstract("No labels here. Two sentences.") == [
        ("No labels here.", None), ("Two sentences.", None)]


@pytest.mark.parametrize(
    ("claim", "problem"),
    [
        ("", "the claim is empty"),
        ("Does ketamine work?", "question"),
        ("Ketamine for depression", "heading"),
        ("Benefits of ketamine", "heading"),
        ("Ketamine: a new hope", "heading"),
        ("La ketamina reduce los síntomas depresivos en los pacientes.", "does not look like English"),
        ("Ketamin reduziert die Symptome der Depression.", "does not look like English"),
        ("氯胺酮可减轻抑郁症状。", "does not look like English"),
        ("x" * 1001, "at most 1,000"),
        ("Ketamine\x00 works.", "NUL"),
    ],
)
def test_bad_claims(claim: str, problem: str) -> None:
    assert problem in (core.claim_problem(claim) or "")
    with pytest.raises(InvalidInputError):
        core.check_claim(claim)


@pytest.mark.parametrize(
    ("claim", "statement"),
    [
        # a forum post's question after its statement: the statement is judged
        ("Zorvatine cured my C. diff and the cure lasts for months - anyone else had the same?", "Zorvatine cured my C. diff and the cure lasts for months"),
        ("Zorvatine works for OCD. Has anyone tried it?", "Zorvatine works for OCD"),
        ("Zorvatine eased my pain — has it helped you?", "Zorvatine eased my pain"),
    ],
)
def test_a_question_asked_after_a_statement_leaves_the_statement(claim: str, statement: str) -> None:
    assert core.claim_problem(claim) is None
    assert core.check_claim(claim) == statement


@pytest.mark.parametrize("claim", ["Is zorvatine safe - what do you think?", "Does zorvatine work? Asking for a friend?", "Zorvatine - does it work?"])
def test_a_question_with_a_question_before_it_stays_a_question(claim: str) -> None:
    assert "question" in (core.claim_problem(claim) or "")


@pytest.mark.parametrize(
    "claim",
    [
        CLAIM,
        "Antidepressants work.",
        "0-dimensional biomaterials show inductive properties.",
        "Active caspase-11 participate in regulating phagosome-lysosome fusion.",
        "ketamine increases remission compared with placebo.",
        # verbs the word list does not know, in a sentence with a full stop
        "Mice without a working FTO gene stay lean.",
        "Babies' gut bacteria shape whether they develop asthma later.",
        "Esketamine is safe.",
        # a verb after an adverb of frequency, in a short claim
        "Toddlers seldom pass flu to grandparents.",
    ],
)
def test_claims_that_pass(claim: str) -> None:
    assert core.claim_problem(claim) is None


def test_read_abstract_limits(tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xff\xfe" + f"RESULTS: {SUPPORTING}".encode("utf-16-le"))
    assert core.read_abstract(str(path)).startswith("RESULTS:")
    for data, message in [
        (b"", "the abstract is empty"),
        (b"abc\x00def", "NUL bytes"),
        (b"caf\xe9 au lait", "not UTF-8"),
        (b"word " * 100_000, "more than 100,000 characters"),
    ]:
        path.write_bytes(data)
        with pytest.raises(InputFileError, match=message):
            core.read_abstract(str(path))
    with pytest.raises(InputFileError, match="more than 100,000"):
        core.read_abstract("-", io.BytesIO(b"a" * 10_000_000))


def test_overall_counts_and_retracted_records_do_not_count() -> None:
    from litcli.claims.stance import Judgement
    from tests.test_library_fixtures import FIRST_PMID, article_set, article_xml, parsed

    retracted = parsed(article_set([article_xml(FIRST_PMID, retraction_in="1")]))[0].record
    rs = [
        core.RecordResult(1, Judgement("supports")),
        core.RecordResult(2, Judgement("contradicts")),
        core.RecordResult(3, Judgement("neutral")),
        core.RecordResult(4, Judgement("supports"), record=retracted),
    ]
    o = core.overall(rs)
    assert o.stance == "mixed" and o.counts == {"supports": 1, "contradicts": 1, "neutral": 1}
    assert o.not_counted == 1 and o.total == 4
    assert o.line() == ("Overall: mixed (the records disagree) — 1 supporting, 1 contradicting, 1 neutral "
                        "(1 retracted record not counted)")
    assert core.overall(rs[2:3]).stance == "no stance"
    assert core.overall(rs[3:]).stance == "no records"
    assert core.overall([]).line() == "Overall: no records to judge"
    assert rs[3].to_dict()["record"]["counted"] is False


def test_rates_per_year_are_english() -> None:
    # ("%/y" is per year, not Spanish "y")
    row = "Major bleeding: 2.13%/y (vortaban) vs 3.09%/y (warfarin) (HR 0.69; 95% CI 0.60-0.80); stroke 1.27%/y vs 1.60%/y."
    assert core.abstract_problem(row) is None
    assert "does not look like English" in (core.abstract_problem("La ketamina y el placebo y los pacientes y la depresión.") or "")


def test_clinicians_shorthand_is_a_claim_not_a_heading() -> None:
    # "A > B for X" and "A >> B for X" are read as "A is superior to B for X"
    assert core.claim_problem("HCL > SAP for HbA1c in paeds T1D") is None
    assert core.claim_problem("FMT >> vanc for recurrent C diff") is None
    assert "heading" in (core.claim_problem("Ketamine for depression") or "")


def test_a_headlines_comparison_is_a_claim_not_a_heading() -> None:
    assert core.claim_problem("New study: zorvatine no better than placebo for social anxiety disorder") is None
    assert core.claim_problem("Zorvatine as good as ECT for severe depression") is None
    assert "heading" in (core.claim_problem("Zorvatine and ECT for severe depression") or "")
