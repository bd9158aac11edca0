"""Score one PubMed record against one claim.

For each record: the stance and its rationale sentences come from the claim-evidence
reader (``stance.judge_record``); this module grades the study design, notes animal /
in-vitro work, extracts the sample size, and marks reversed facts ("activates" in the
claim, "blocks" in the evidence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from litcli.claims import regexcache
from litcli.claims import vocabulary as vocab
from litcli.claims.extract import Claim
from litcli.claims.stance import CONTRADICTS, NEUTRAL, SUPPORTS, judge_record
from litcli.models import FLAG_RETRACTED, FLAG_RETRACTION_NOTICE, Record
from litcli.tables import DESIGNS

__all__ = ["CONTRADICTS", "NEUTRAL", "SUPPORTS", "Evidence", "Rationale", "assess", "grade", "sample_size", "study_model"]

# Evidence levels, strongest first (lower rank = stronger): the grader's labels of the design
# table (litcli.tables.DESIGNS), e.g. a record's "clinical trial" is a "non-randomised trial".
LEVELS: dict[str, int] = {d.level: d.rank for d in DESIGNS}
_CONTROLLED = frozenset(d.level for d in DESIGNS if d.controlled)
_DESIGN_TO_LEVEL: dict[str, str] = {d.name: d.level for d in DESIGNS}
# Text cues used when publication types are missing or generic, by level (tried strongest
# first); meta-analysis and systematic review are read by _this_study() instead.
_TEXT_LEVELS: dict[str, str] = {
    "RCT": r"\brandomi[sz]ed\b[^.]{0,60}\b(trial|controlled|crossover)\b|\bdouble-blind",
    "non-randomised trial": r"\bopen-label\b|\bsingle-arm\b|\buncontrolled\b|\bpilot (study|trial)\b",
    "observational": r"\b(cohort|retrospective|cross-sectional|case-control|registry|observational)\b",
    "case series/report": r"\bcase (series|report)\b|\bwe (report|describe) (a|an|two|three|\d+) (case|patient)",
    "narrative review": r"\breview\b",
}
# Levels the text may raise (publication types missing, generic or weak).
_REFINED = ("other", "non-randomised trial", "observational")
_ANIMAL = regexcache.compile(r"\b(rats?|mice|mouse|rodents?|murine|primates?|monkeys?|zebrafish|animal models?)\b", re.I)
_IN_VITRO = regexcache.compile(r"\bin vitro\b|\bcultured (cells|neurons)\b|\bcell lines?\b", re.I)

_PARTICIPANTS = (
    r"(?:patients|participants|subjects|adults|individuals|people|veterans|volunteers|children|"
    r"adolescents|outpatients|inpatients|women|men|persons|cases|respondents)"
)
_NUM = r"(\d{1,3}(?:,\d{3})+|\d+)"
_SAMPLE_PATTERNS = [
    regexcache.compile(r"\b[nN]\s*=\s*" + _NUM + r"(?![\d.])"),
    regexcache.compile(r"\b" + _NUM + r"\s+(?:[\w-]+\s+){0,3}?" + _PARTICIPANTS + r"\b"),
]
_STUDIED = r"(?:randomi[sz]ed|enrolled|included|recruited|allocated|assigned|analy[sz]ed)"
_STUDIED_PATTERNS = [
    # "24 were randomized", "227 patients with major depression were randomized"
    regexcache.compile(r"\b" + _NUM + r"\s+(?:[\w-]+\s+){0,6}?(?:were|was|had been)\s+(?:then\s+|subsequently\s+)?" + _STUDIED + r"\b"),
    # "we randomized 120 patients", "enrolled a total of 76"
    regexcache.compile(r"\b" + _STUDIED + r"\s+(?:a total of\s+)?" + _NUM + r"\s+(?:[\w-]+\s+){0,3}?" + _PARTICIPANTS + r"\b"),
]
_SCREENED = regexcache.compile(r"[\w\s-]{0,20}?\b(screened|assessed for eligibility|approached|invited|contacted)\b", re.I)
_NUMBER_WORDS = {w: int(v) for w, v in vocab.CARDINAL_WORDS.items()}
_WORD_SAMPLE = regexcache.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\s+(?:[\w-]+\s+){0,2}?" + _PARTICIPANTS + r"\b", re.I)



@dataclass
class Rationale:
    text: str
    section: str | None
    score: float
    stance: str
    cue: str | None = None  # the words that set the stance

    def to_dict(self) -> dict[str, object]:
        return {"text": self.text, "section": self.section, "stance": self.stance, "cue": self.cue}


@dataclass
class Evidence:
    record: Record
    level: str
    model: str  # "human" | "animal" | "in vitro" | "unknown"
    n: int | None
    stance: str
    relevance: float
    rationale: list[Rationale] = field(default_factory=list)
    reversal: bool = False
    off_topic: str | None = None  # why the record is not about the claim (never weighed); None: it is
    weak_evidence: Rationale | None = None  # a review's "the evidence is limited / inconsistent ..." sentence

    @property
    def about_claim(self) -> bool:
        """About the claim's intervention and its condition or population (see claims.relevance)."""
        return self.off_topic is None

    @property
    def rank(self) -> int:
        return LEVELS[self.level]

    @property
    def flags(self) -> list[str]:
        return self.record.flags

    @property
    def counted(self) -> bool:
        """Counts toward the verdict: not retracted and not itself a retraction notice."""
        return not ({FLAG_RETRACTED, FLAG_RETRACTION_NOTICE} & set(self.flags))

    @property
    def controlled(self) -> bool:
        return self.level in _CONTROLLED

    def describe(self) -> str:
        """'RCT, n=45' / 'animal study' / 'meta-analysis'."""
        parts = [self.level if self.model in ("human", "unknown") else f"{self.model} study"]
        if self.model not in ("human", "unknown") and self.level not in ("other",):
            parts = [f"{self.model} study ({self.level})"]
        if self.n:
            parts.append(f"n={self.n}")
        return ", ".join(parts)

    def to_dict(self) -> dict[str, object]:
        r = self.record
        return {
            "pmid": r.pmid,
            "first_author": r.first_author,
            "year": r.year,
            "title": r.title,
            "journal": r.journal.abbreviation,
            "doi": r.doi,
            "url": r.pubmed_url,
            "design": self.level,
            "level_rank": self.rank,
            "model": self.model,
            "n": self.n,
            "stance": self.stance,
            "reversal": self.reversal,
            "flags": self.flags,
            "counted": self.counted,
            "relevance": round(self.relevance, 2),
            "rationale": [s.to_dict() for s in self.rationale],
        }


# --- grading ------------------------------------------------------------------------------


_OTHER_STUDY = r"(?:(?!\b(?:previous|prior|earlier|published|recent|existing|another|other|past)\b)[^.;])"
_MA = r"meta-?analy[sz]"
_SR = r"systematic(?:ally)? review"


def _this_study_pattern(cue: str, extra: str) -> re.Pattern[str]:
    # "we performed a meta-analysis", "this meta-analysis", "in this systematic review and
    # meta-analysis" -- not "a previous meta-analysis found ..." in a cohort's background.
    return regexcache.compile(
        rf"\b(?:we|this|the present|the current|our)\b{_OTHER_STUDY}{{0,40}}?\b{cue}"
        rf"|\b(?:performed|conducted|carried out|undertook|undertaken)\s+(?:a|an)\s+{_OTHER_STUDY}{{0,30}}?\b{cue}"
        rf"|{extra}",
        re.I,
    )


_THIS_STUDY = {
    "meta-analysis": _this_study_pattern(
        _MA,
        rf"\b(?:systematic review and )?{_MA}(?:is|es)\s+(?:of|pooling)\s+(?:\d+\s+|[\w-]+\s+){{0,2}}?"
        r"(?:randomi[sz]ed|controlled|trials|studies|RCTs)\b",
    ),
    "systematic review": _this_study_pattern(_SR, rf"\b{_SR} (?:and {_MA}\w* )?of\b"),
}
_TITLE_CUE = {
    "meta-analysis": regexcache.compile(r"\bmeta-?analy[sz]", re.I),
    "systematic review": regexcache.compile(r"\bsystematic(ally)? review", re.I),
}
_PREVIOUS = regexcache.compile(r"\b(previous|prior|earlier|published|recent|existing|another|other|past)\s+(\w+\s+){0,2}$", re.I)


def _this_study(name: str, record: Record) -> bool:
    """Does the title or abstract say that this record *is* a meta-analysis / systematic review?"""
    title = record.title or ""
    for m in _TITLE_CUE[name].finditer(title):
        if not _PREVIOUS.search(title[: m.start()]):
            return True
    return bool(_THIS_STUDY[name].search(record.abstract_text))


def grade(record: Record) -> str:
    """The record's evidence level (publication types first, then the text)."""
    level = _DESIGN_TO_LEVEL[record.design]
    if level not in _REFINED:
        return level
    text = f"{record.title} {record.abstract_text}"
    for design in DESIGNS:  # strongest first, only levels above the record's own
        name = design.level
        if design.rank >= LEVELS[level]:
            break
        if name in _THIS_STUDY:
            if _this_study(name, record):
                return name
        elif name in _TEXT_LEVELS and re.search(_TEXT_LEVELS[name], text, re.I):
            if name == "narrative review" and level != "other":
                continue
            return name
    return level


def study_model(record: Record) -> str:
    if record.humans:
        return "human"
    if record.animal_only:
        return "animal"
    text = f"{record.title} {record.abstract_text}"
    if _IN_VITRO.search(text) and not regexcache.search(r"\bpatients\b", text, re.I):
        return "in vitro"
    if _ANIMAL.search(text) and not regexcache.search(r"\b(patients|participants|adults)\b", text, re.I):
        return "animal"
    return "human" if regexcache.search(r"\b(patients|participants|adults|volunteers)\b", text, re.I) else "unknown"


def sample_size(text: str) -> int | None:
    """The participants studied: the largest randomized / enrolled / included count when the
    abstract states one ("Of 2,000 patients screened, 24 were randomized" is 24), else the
    largest participant count it states (screened or assessed counts never)."""
    preferred = [int(m.group(1).replace(",", "")) for p in _STUDIED_PATTERNS for m in p.finditer(text)]
    preferred = [v for v in preferred if 0 < v < 10_000_000]
    if preferred:
        return max(preferred)
    found: list[int] = []
    for pattern in _SAMPLE_PATTERNS:
        for m in pattern.finditer(text):
            value = int(m.group(1).replace(",", ""))
            before = text[max(0, m.start() - 12) : m.start()]
            if regexcache.search(r"(aged|age|mg|%|\bp)\s*$", before, re.I):
                continue
            if _SCREENED.match(text, m.end()):
                continue
            if 0 < value < 10_000_000:
                found.append(value)
    for m in _WORD_SAMPLE.finditer(text):
        value = _NUMBER_WORDS[m.group(1).lower()]
        if value:
            found.append(value)
    return max(found) if found else None


# --- stance -------------------------------------------------------------------------------
# The stance is read by the claim-evidence reader (frame.py, reader.py, stance.py); this
# module adds the grade, the model and the sample size.


def assess(record: Record, claim: Claim, *, max_rationale: int = 2) -> Evidence:
    """Grade ``record``, decide whether it is about ``claim`` (claims.relevance) and, when it
    is, its stance toward the claim.  A record not about the claim is not read (``off_topic``
    says why; it is listed, never weighed)."""
    from litcli.claims import relevance

    level = grade(record)
    model = study_model(record)
    n = sample_size(record.abstract_text)
    why = relevance.before_reading(claim, record, model)
    if why:
        return Evidence(record, level, model, n, NEUTRAL, 0.0, off_topic=why)
    j = judge_record(claim.text, record, max_rationale=max_rationale)
    why = relevance.reader_verdict(j)
    if why:
        return Evidence(record, level, model, n, NEUTRAL, 0.0, off_topic=why)
    # only sentences that are about the claim are shown: a decided one, or a finding that
    # shares enough of the claim's words
    shown = [r for r in j.rationale if r.stance != NEUTRAL or r.score >= SHOWN_RELEVANCE]
    rationale = [Rationale(r.text, r.section, round(r.score, 2), r.stance, r.cue) for r in shown]
    reversal = j.stance == CONTRADICTS and any(r.kind == "mechanism" and r.stance == CONTRADICTS for r in shown)
    weak = None
    if level in ("meta-analysis", "systematic review"):
        found = relevance.weak_evidence_sentence(record)
        if found:
            weak = Rationale(found[0], found[1], 0.0, NEUTRAL, found[2])
            if not any(r.text == weak.text for r in rationale):
                rationale.append(weak)  # the sentence the verdict's reason names is shown
    return Evidence(
        record=record,
        level=level,
        model=model,
        n=n,
        stance=j.stance,
        relevance=max((r.score for r in shown), default=0.0),
        rationale=rationale,
        reversal=reversal,
        weak_evidence=weak,
    )


SHOWN_RELEVANCE = 0.5
