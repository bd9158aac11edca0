"""Judge one claim against one abstract: the public face of the claim-evidence reader.

``judge(claim, sentences)`` reads the claim as a frame (what it asserts about which
intervention, condition and outcome), reads each abstract sentence as a result (who was
compared with whom, on which outcome, in which direction, significant or not), compares the
two and returns a stance (supports / contradicts / neutral, as defined in docs/CHECK.md and
../shared/STANCE.md) with the 1-3 sentences that decided it and the cue in each.

Everything here is free of Click and of the network; ``verify`` and ``check`` call it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from litcli.models import Record

SUPPORTS = "supports"
CONTRADICTS = "contradicts"
NEUTRAL = "neutral"
STANCES = (SUPPORTS, CONTRADICTS, NEUTRAL)

# An abstract sentence: its text and its section label (RESULTS, CONCLUSIONS, ...; None when unknown).
Sentence = tuple[str, "str | None"]


@dataclass
class SentenceJudgement:
    text: str
    index: int  # 0-based position of the sentence in the abstract as given
    section: str | None
    stance: str
    cue: str | None = None
    score: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "index": self.index, "section": self.section, "stance": self.stance, "cue": self.cue}


@dataclass
class Judgement:
    stance: str
    rationale: list[SentenceJudgement] = field(default_factory=list)
    frame: dict[str, Any] = field(default_factory=dict)  # the claim frame, as data

    def to_dict(self) -> dict[str, Any]:
        return {"stance": self.stance, "rationale": [r.to_dict() for r in self.rationale], "frame": self.frame}


def _normalise(sentences: Sequence[str | Sentence]) -> list[Sentence]:
    out: list[Sentence] = []
    for s in sentences:
        if isinstance(s, str):
            out.append((s, None))
        else:
            out.append((s[0], s[1]))
    return out


def record_sentences(record: Record) -> list[Sentence]:
    """The record's abstract as (sentence, section label) pairs, in order (the title when it has no abstract)."""
    from litcli.claims.sentences import split_sentences

    out: list[Sentence] = []
    for sec in record.abstract:
        label = sec.nlm_category or sec.label
        for s in split_sentences(sec.text):
            out.append((s, label))
    if not out and record.title:
        out.append((record.title, "TITLE"))
    return out


def judge(claim: str, sentences: Sequence[str | Sentence], *, title: str | None = None, max_rationale: int = 3) -> Judgement:
    """The stance of an abstract (a list of sentences, optionally with section labels) toward ``claim``."""
    # Interim implementation over the 0.1 rules; replaced by the frame reader.
    from litcli.claims import vocabulary as vocab
    from litcli.claims.evidence import sentence_stance
    from litcli.claims.extract import Claim

    c = Claim(number=1, text=claim, original=claim, paragraph=1, line=None, matches=vocab.find_concepts(claim))
    found: list[SentenceJudgement] = []
    for i, (text, section) in enumerate(_normalise(sentences)):
        stance, cue = sentence_stance(text, c)
        if stance != NEUTRAL:
            found.append(SentenceJudgement(text, i, section, stance, cue, 1.0))
    stance = NEUTRAL
    for wanted in (CONTRADICTS, SUPPORTS):
        if any(f.stance == wanted for f in found):
            stance = wanted
            break
    return Judgement(stance, found[:max_rationale], {"text": claim})


def judge_record(claim: str, record: Record, *, max_rationale: int = 3) -> Judgement:
    return judge(claim, record_sentences(record), title=record.title or None, max_rationale=max_rationale)
