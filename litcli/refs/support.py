"""Does the cited paper say what the citing sentence says? (issue 11, point 4)

Each citing sentence, without its citation marks, is judged against the abstract of every
record it cites with the claim-evidence reader (``litcli.claims.stance.judge_record``; read
only here).  One of:

* ``supports`` / ``contradicts`` — the cited record's abstract takes that stance;
* ``does not address it`` — the reader finds no stance (a record without an abstract is
  judged on its title and says so in ``note``);
* ``could not be resolved`` — the reference is not found or ambiguous.

A sentence that is not a checkable claim (no intervention, a question) is judged all the
same: the citation is audited, whatever the sentence is.  ``support_by_sentence`` and
``for_claim`` give ``check`` what it needs to show a claim's cited sources next to PubMed at
large (``Support.to_dict()`` is the issue's ``{"ref", "pmid", "stance", "rationale"}``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from litcli.refs.citations import Citation
from litcli.refs.resolve import Audit, Resolution

SUPPORTS, CONTRADICTS, NOT_ADDRESSED, UNRESOLVED = (
    "supports", "contradicts", "does not address it", "could not be resolved",
)
_FROM_READER = {"supports": SUPPORTS, "contradicts": CONTRADICTS, "neutral": NOT_ADDRESSED}


@dataclass
class Support:
    """One cited reference judged against one citing sentence."""

    ref: int  # the reference's number
    label: str  # as written
    pmid: str | None
    stance: str  # SUPPORTS | CONTRADICTS | NOT_ADDRESSED | UNRESOLVED
    rationale: list[dict[str, Any]] = field(default_factory=list)  # the reader's sentences
    flags: list[str] = field(default_factory=list)  # the record's (a retracted source supports nothing)
    note: str = ""

    @property
    def phrase(self) -> str:
        """'cited source supports', 'cited source could not be resolved', ..."""
        return f"cited source {self.stance}"

    def to_dict(self) -> dict[str, Any]:
        return {"ref": self.ref, "pmid": self.pmid, "stance": self.stance, "rationale": self.rationale,
                "flags": self.flags, "note": self.note or None}


def claim_text(citation: Citation) -> str:
    """The citing sentence without its citation marks ("…within hours [1]." -> "…within hours.")."""
    text = citation.sentence
    for mark in sorted(citation.marks, key=lambda m: -len(m.raw)):
        if mark.kind in ("number", "footnote", "author-year") and mark.raw:
            text = text.replace(mark.raw.lstrip("^"), " ")
    text = re.sub(r"[⁰¹²³⁴⁵⁶⁷⁸⁹⁻,]+(?=[\s.;:!?]|$)", " ", text)  # superscript runs
    text = re.sub(r"\(\s*[,;]?\s*\)|\[\s*\]", " ", text)
    text = " ".join(text.split())
    return re.sub(r"\s+([.,;:!?])", r"\1", text)


def judge(sentence: str, resolution: Resolution) -> Support:
    """One sentence against one reference."""
    ref = resolution.ref
    if resolution.record is None:
        why = "ambiguous: several PubMed records fit" if resolution.status == "ambiguous" else (
            resolution.note or "not found in PubMed")
        return Support(ref.number, ref.label, None, UNRESOLVED, note=why)
    from litcli.claims.stance import judge_record

    record = resolution.record
    judgement = judge_record(sentence, record)
    support = Support(ref.number, ref.label, record.pmid, _FROM_READER.get(judgement.stance, NOT_ADDRESSED),
                      [r.to_dict() for r in judgement.rationale], list(record.flags))
    if not record.abstract:
        support.note = "PubMed has no abstract for this record; judged on its title"
    elif "retracted" in record.flags:
        support.note = "the cited record is retracted"
    return support


def judge_citations(audit: Audit) -> list[list[Support]]:
    """Per citation of ``audit`` (in order): each reference it points to, judged."""
    by_number = {r.ref.number: r for r in audit.references}
    out: list[list[Support]] = []
    for citation, numbers in zip(audit.citations, audit.cites, strict=True):
        sentence = claim_text(citation)
        out.append([judge(sentence, by_number[n]) for n in numbers if n in by_number])
    return out


def support_by_sentence(audit: Audit, support: list[list[Support]] | None = None) -> dict[str, list[Support]]:
    """Judgements keyed by ``citation_key`` of the citing sentence: how ``check`` finds the
    cited sources of a claim (``for_claim(claim.original, table)``)."""
    support = support if support is not None else judge_citations(audit)
    out: dict[str, list[Support]] = {}
    for citation, judged in zip(audit.citations, support, strict=True):
        if judged:
            out.setdefault(citation_key(citation.sentence), []).extend(judged)
    return out


def citation_key(text: str) -> str:
    """A sentence as words only: citation marks, digits, superscripts and punctuation gone, so
    that ``check``'s reading of a sentence ("approved5." once <sup> is dropped) and this
    module's ("approved⁵.") meet."""
    text = re.sub(r"\[[^\]]*\]|\([^)]*\d[^)]*\)|[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]", " ", text)
    return " ".join(re.findall(r"[^\W\d_]+", text.lower()))


def for_claim(sentence: str, table: dict[str, list[Support]]) -> list[Support]:
    """The cited sources of one claim sentence (a list item's lead-in is not needed: the
    sentence as written is enough); [] when it cites nothing."""
    key = citation_key(sentence)
    if key in table:
        return table[key]
    if len(key) >= 20:  # a claim cut from a longer sentence, or the other way round
        for other, judged in table.items():
            if len(other) >= 20 and (key in other or other in key):
                return judged
    return []


def summary(support: list[list[Support]]) -> dict[str, int]:
    flat = [s for judged in support for s in judged]
    return {stance: sum(s.stance == stance for s in flat) for stance in (SUPPORTS, CONTRADICTS, NOT_ADDRESSED, UNRESOLVED)}
