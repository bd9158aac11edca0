"""Score one PubMed record against one claim.

For each record: split the abstract into sentences, rank them against the
claim (RESULTS and CONCLUSIONS first), keep the best one or two as rationale,
grade the study design, note animal / in-vitro work, extract the sample size,
and decide the stance (supports, contradicts, neutral), including reversed
facts ("activates" in the claim, "blocks" in the evidence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from litcli.claims import vocabulary as vocab
from litcli.claims.extract import Claim
from litcli.claims.sentences import split_sentences
from litcli.models import FLAG_RETRACTED, FLAG_RETRACTION_NOTICE, Record

SUPPORTS = "supports"
CONTRADICTS = "contradicts"
NEUTRAL = "neutral"

# Evidence levels, strongest first (lower rank = stronger).
LEVELS: dict[str, int] = {
    "meta-analysis": 1,
    "systematic review": 2,
    "RCT": 3,
    "non-randomised trial": 4,
    "observational": 5,
    "case series/report": 6,
    "narrative review": 7,
    "editorial": 8,
    "other": 9,
}
_DESIGN_TO_LEVEL = {
    "meta-analysis": "meta-analysis",
    "systematic review": "systematic review",
    "RCT": "RCT",
    "clinical trial": "non-randomised trial",
    "observational": "observational",
    "case report": "case series/report",
    "review": "narrative review",
    "editorial": "editorial",
    "other": "other",
}
# Text cues used when publication types are missing or generic.
_TEXT_LEVELS: list[tuple[str, str]] = [
    ("meta-analysis", r"\bmeta-?analy[sz]"),
    ("systematic review", r"\bsystematic(ally)? review"),
    ("RCT", r"\brandomi[sz]ed\b[^.]{0,60}\b(trial|controlled|crossover)\b|\bdouble-blind"),
    ("non-randomised trial", r"\bopen-label\b|\bsingle-arm\b|\buncontrolled\b|\bpilot (study|trial)\b"),
    ("observational", r"\b(cohort|retrospective|cross-sectional|case-control|registry|observational)\b"),
    ("case series/report", r"\bcase (series|report)\b|\bwe (report|describe) (a|an|two|three|\d+) (case|patient)"),
    ("narrative review", r"\breview\b"),
]
_ANIMAL = re.compile(r"\b(rats?|mice|mouse|rodents?|murine|primates?|monkeys?|zebrafish|animal models?)\b", re.I)
_IN_VITRO = re.compile(r"\bin vitro\b|\bcultured (cells|neurons)\b|\bcell lines?\b", re.I)

_PARTICIPANTS = (
    r"(?:patients|participants|subjects|adults|individuals|people|veterans|volunteers|children|"
    r"adolescents|outpatients|inpatients|women|men|persons|cases|respondents)"
)
_NUM = r"(\d{1,3}(?:,\d{3})+|\d+)"
_SAMPLE_PATTERNS = [
    re.compile(r"\b[nN]\s*=\s*" + _NUM + r"(?![\d.])"),
    re.compile(r"\b" + _NUM + r"\s+(?:[\w-]+\s+){0,3}?" + _PARTICIPANTS + r"\b"),
]
_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
    )
}
_WORD_SAMPLE = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\s+(?:[\w-]+\s+){0,2}?" + _PARTICIPANTS + r"\b", re.I)

_NULL_CUES = [
    r"did not (significantly )?(differ|improve|reduce|separate|change|show|demonstrate|lead|increase|decrease|predict|outperform)",
    r"\bno (statistically )?significant\b",
    r"\bnot (statistically )?significant(ly)?\b",
    r"\bnon-?significant\b",
    r"\bfailed to\b",
    r"\b(was|were|is|are) not superior\b",
    r"\bnot (more )?effective\b",
    r"\bineffective\b",
    r"\bno (meaningful |clinically meaningful |significant )?(difference|differences|effect|effects|benefit|improvement|change|association)\b",
    r"\bnot associated with\b",
    r"\b(comparable|similar) to placebo\b",
    r"\bno evidence (of|for|that)\b",
    r"\bno (serious |severe |significant )?(adverse|side[- ]effects?)\b",
    r"\bdid not\b[^.]{0,40}\b(placebo|control)\b",
]
_POSITIVE_CUES = [
    r"\bsignificant(ly)? (improv|reduc|decreas|increas|great|higher|lower|better|associat|alleviat|attenuat)\w*",
    r"\b(improv|reduc|alleviat|attenuat|decreas)\w* (in |of )?(the )?(symptoms?|scores?|depress\w*|severity|OCD|obsess\w*|anxiety|PTSD|suicid\w*)",
    r"\beffective\b",
    r"\befficac(y|ious)\b",
    r"\bsuperior to\b",
    r"\brapid(ly)?\b[^.]{0,40}\b(antidepressant|improv|reduc|effect|response|onset|relief)",
    r"\bresponse rates?\b",
    r"\bremission\b",
    r"\bwell[- ]tolerated\b",
    r"\bsafe\b",
    r"\bbeneficial\b",
    r"\bincreas\w+\b",
    r"\bpromot\w+\b",
    r"\benhanc\w+\b",
    r"\bsupport(s|ed)? (the|its|a) (use|role|efficacy)\b",
    r"\bassociated with (improv|reduc|great|lower|higher)\w*",
]
_HARM = re.compile(
    r"\b(adverse|side[- ]effects?|serious|dissociat\w*|abuse|misuse|dependence|toxicity|psychotomimetic|withdrawal|emergent)\b",
    re.I,
)
_NULL = [re.compile(p, re.I) for p in _NULL_CUES]
_POSITIVE = [re.compile(p, re.I) for p in _POSITIVE_CUES]
_GOOD_SECTIONS = ("RESULT", "CONCLUSION", "FINDING", "INTERPRETATION")
_WEAK_SECTIONS = ("BACKGROUND", "INTRODUCTION", "OBJECTIVE", "AIM", "METHOD", "DESIGN", "PURPOSE")
_WORD = re.compile(r"[a-z][a-z-]{3,}")


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
        return self.level in ("meta-analysis", "systematic review", "RCT")

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


def grade(record: Record) -> str:
    """The record's evidence level (publication types first, then the text)."""
    level = _DESIGN_TO_LEVEL[record.design]
    text = f"{record.title} {record.abstract_text}"
    if level in ("other", "non-randomised trial", "observational"):
        for name, pattern in _TEXT_LEVELS:
            if LEVELS[name] < LEVELS[level] and re.search(pattern, text, re.I):
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
    if _IN_VITRO.search(text) and not re.search(r"\bpatients\b", text, re.I):
        return "in vitro"
    if _ANIMAL.search(text) and not re.search(r"\b(patients|participants|adults)\b", text, re.I):
        return "animal"
    return "human" if re.search(r"\b(patients|participants|adults|volunteers)\b", text, re.I) else "unknown"


def sample_size(text: str) -> int | None:
    """The largest participant count the abstract states, if any."""
    found: list[int] = []
    for pattern in _SAMPLE_PATTERNS:
        for m in pattern.finditer(text):
            value = int(m.group(1).replace(",", ""))
            before = text[max(0, m.start() - 12) : m.start()]
            if re.search(r"(aged|age|mg|%|\bp)\s*$", before, re.I):
                continue
            if 0 < value < 10_000_000:
                found.append(value)
    for m in _WORD_SAMPLE.finditer(text):
        value = _NUMBER_WORDS[m.group(1).lower()]
        if value:
            found.append(value)
    return max(found) if found else None


# --- stance -------------------------------------------------------------------------------


@cache
def _target_pattern(concept_id: str) -> str:
    c = vocab.CONCEPTS_BY_ID[concept_id]
    alts = [p for p in c.detect] + [re.escape(t) for t in c.tiab]
    return "(?:" + "|".join(f"(?:{a})" for a in alts) + ")"


@cache
def _direction_patterns(concept_id: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    target = _target_pattern(concept_id)
    gap = r"\W+(?:[\w-]+\W+){0,4}?"

    def near(words: str) -> re.Pattern[str]:
        return re.compile(f"{words}{gap}{target}|{target}{gap}{words}", re.I)

    return near(vocab.ACTIVATE_WORDS), near(vocab.BLOCK_WORDS)


def direction(text: str, concept: vocab.Concept) -> tuple[int, str | None]:
    """+1 if the text says the target is activated, -1 if blocked, 0 if neither."""
    activate, block = _direction_patterns(concept.id)
    b = block.search(text)
    if b:
        return -1, b.group(0)
    a = activate.search(text)
    if a:
        return 1, a.group(0)
    return 0, None


def claim_directions(claim: Claim) -> dict[str, int]:
    out: dict[str, int] = {}
    for m in claim.matches:
        if m.concept.group == "mechanism":
            d, _ = direction(claim.text, m.concept)
            if d:
                out[m.concept.id] = d
    return out


def sentence_stance(sentence: str, claim: Claim) -> tuple[str, str | None]:
    """Stance of one abstract sentence toward the claim, with the cue words."""
    for p in _NULL:
        m = p.search(sentence)
        if m:
            if _HARM.search(sentence):
                ids = {x.concept.id for x in claim.matches}
                if "safety" in ids:
                    return SUPPORTS, m.group(0)
                if "abuse" in ids:
                    return CONTRADICTS, m.group(0)
                return NEUTRAL, None
            return CONTRADICTS, m.group(0)
    for p in _POSITIVE:
        m = p.search(sentence)
        if m:
            return SUPPORTS, m.group(0)
    return NEUTRAL, None


# --- per record ---------------------------------------------------------------------------


def _sentences(record: Record) -> list[tuple[str, str | None, bool]]:
    """(sentence, section label, is-conclusion-like) for the abstract, or the title."""
    out: list[tuple[str, str | None, bool]] = []
    for sec in record.abstract:
        label = (sec.nlm_category or sec.label or "").upper() or None
        good = bool(label and any(g in label for g in _GOOD_SECTIONS))
        for s in split_sentences(sec.text):
            out.append((s, sec.label or sec.nlm_category, good))
    if out and not any(good for _, _, good in out):
        # unstructured abstract: the last two sentences are usually the findings
        for i in range(max(0, len(out) - 2), len(out)):
            out[i] = (out[i][0], out[i][1], True)
    if not out and record.title:
        out.append((record.title, "TITLE", False))
    return out


def _claim_words(claim: Claim) -> set[str]:
    return {w for w in _WORD.findall(claim.text.lower()) if w not in vocab.GENERIC_WORDS}


def assess(record: Record, claim: Claim, *, max_rationale: int = 2) -> Evidence:
    """Grade ``record`` and decide its stance toward ``claim``."""
    concepts = [m.concept for m in claim.matches]
    directions = claim_directions(claim)
    words = _claim_words(claim)
    full_text = f"{record.title} {record.abstract_text}"
    about_drug = any(vocab.mentions(c, full_text) for c in concepts if c.group == "intervention") or not any(
        c.group == "intervention" for c in concepts
    )
    specific = any(c.group != "intervention" and not c.weak for c in concepts)
    scored: list[tuple[float, Rationale, bool]] = []
    for text, section, good in _sentences(record):
        score = 0.0
        hit_specific = False
        for c in concepts:
            if vocab.mentions(c, text):
                if c.group == "intervention":
                    score += 1.0
                elif c.weak:
                    score += 0.5
                else:
                    score += 2.0
                    hit_specific = True
        sw = set(_WORD.findall(text.lower()))
        score += 0.3 * len(words & sw)
        stance, cue = (NEUTRAL, None)
        reversed_ = False
        for cid, d in directions.items():
            ed, ecue = direction(text, vocab.CONCEPTS_BY_ID[cid])
            if ed and about_drug:
                if ed == -d:
                    stance, cue, reversed_ = CONTRADICTS, ecue, True
                else:
                    stance, cue = SUPPORTS, ecue
                score += 2.0
                break
        relevant = hit_specific or reversed_ or stance != NEUTRAL or (not specific and score >= 1.0)
        if not relevant:
            continue  # a sentence that only names the drug says nothing about this claim
        if stance == NEUTRAL:
            stance, cue = sentence_stance(text, claim)
        if stance != NEUTRAL:
            score += 1.5
        if good:
            score *= 1.5
        elif section and any(b in section.upper() for b in _WEAK_SECTIONS):
            score *= 0.6
        if score > 0:
            scored.append((score, Rationale(text, section, round(score, 2), stance, cue), reversed_))
    scored.sort(key=lambda t: -t[0])
    # Only sentences about something specific in the claim can carry a stance; a
    # second sentence is kept only when it is nearly as relevant and says something.
    best = [t for t in scored if t[0] >= 1.5][:1]
    for t in scored[1:]:
        if len(best) >= max_rationale or not best:
            break
        if t[0] >= 0.6 * best[0][0] and t[1].stance != NEUTRAL:
            best.append(t)
    reversal = any(rev for _, _, rev in best)
    stance = NEUTRAL
    if reversal:
        stance = CONTRADICTS
    else:
        for _, r, _ in best:
            if r.stance != NEUTRAL:
                stance = r.stance
                break
    relevance = best[0][0] if best else 0.0
    return Evidence(
        record=record,
        level=grade(record),
        model=study_model(record),
        n=sample_size(record.abstract_text),
        stance=stance,
        relevance=relevance,
        rationale=[r for _, r, _ in best],
        reversal=reversal,
    )
