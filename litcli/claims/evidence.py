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
    ("meta-analysis", "meta-analysis"),  # _this_study(): the cue must describe this record
    ("systematic review", "systematic review"),
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
_STUDIED = r"(?:randomi[sz]ed|enrolled|included|recruited|allocated|assigned|analy[sz]ed)"
_STUDIED_PATTERNS = [
    # "24 were randomized", "227 patients with major depression were randomized"
    re.compile(r"\b" + _NUM + r"\s+(?:[\w-]+\s+){0,6}?(?:were|was|had been)\s+(?:then\s+|subsequently\s+)?" + _STUDIED + r"\b"),
    # "we randomized 120 patients", "enrolled a total of 76"
    re.compile(r"\b" + _STUDIED + r"\s+(?:a total of\s+)?" + _NUM + r"\s+(?:[\w-]+\s+){0,3}?" + _PARTICIPANTS + r"\b"),
]
_SCREENED = re.compile(r"[\w\s-]{0,20}?\b(screened|assessed for eligibility|approached|invited|contacted)\b", re.I)
_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
    )
}
_WORD_SAMPLE = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\s+(?:[\w-]+\s+){0,2}?" + _PARTICIPANTS + r"\b", re.I)

_NULL_CUES = [
    r"\bdid not (significantly )?(differ|improve|reduce|separate|change|show|demonstrate|lead|increase|decrease|predict|outperform|affect|alter)",
    r"\b(was|were|is|are) not (significantly )?(different|improved|reduced|changed|increased|decreased|altered)\b",
    r"\bno (statistically )?significant\b",
    r"\bnot (statistically )?significant(ly)?\b",
    r"\bnon-?significant\b",
    r"\bfailed to\b",
    r"\b(was|were|is|are) not superior\b",
    r"\bnot (more )?effective\b",
    r"\bineffective\b",
    r"\bno (meaningful |clinically meaningful |significant )?(difference|differences|effect|effects|benefit|improvement|change|changes|association)\b",
    r"\bnot associated with\b",
    r"\b(comparable|similar) to placebo\b",
    r"\bno evidence (of|for|that)\b",
    r"\bno (serious |severe |significant )?(adverse|side[- ]effects?|cases? of|signs? of|reports? of)\b",
    r"\bdid not\b[^.;]{0,40}\b(placebo|control)\b",
    # a positive word under a negation: "no patient achieved remission"
    r"\b(no|none of the|neither|nor)\s+(patients?|participants?|subjects?|one|individuals?)\b[^,;]{0,40}?"
    r"\b(achiev\w*|respond\w*|remit\w*|improv\w*|benefit\w*|remission|response)",
    r"\b(did|does|do|was|were) not (achieve|attain|reach|show|produce|induce)\b[^,;]{0,30}?\b(remission|response|improvement|benefit)",
]
_NULL = [re.compile(p, re.I) for p in _NULL_CUES]
_SPLIT = re.compile(
    r"\s*;\s*|,\s*(?=(?:with|without|but|whereas|while|although|though|however|and|yet)\b)"
    r"|\s+(?=(?:but|whereas|although|though)\b)|\s+(?=and\b)",
    re.I,
)
_STRONG_SPLIT_START = re.compile(r"^(with|without|but|whereas|while|although|though|however|yet)\b", re.I)
_POPULATION = re.compile(vocab.POPULATION_PHRASES, re.I)
_CLAIM_NEGATION = re.compile(vocab.CLAIM_NEGATION, re.I)
_UP = re.compile(r"\b" + vocab.UP_WORDS + r"\b", re.I)
_DOWN = re.compile(r"\b" + vocab.DOWN_WORDS + r"\b", re.I)
_GOOD_OBJECT = re.compile(r"\b" + vocab.GOOD_OUTCOMES + r"\b", re.I)
_BAD_OBJECT = re.compile(r"\b" + vocab.BAD_OUTCOMES + r"\b", re.I)
# Comparisons with a control arm ("active placebo" midazolam is the usual one in ketamine
# trials): the verb says "better", but the result is null or against the drug.
_CONTROL_ARM = r"(?:the\s+)?(?:placebo|sham|vehicle|saline|midazolam|active placebo|usual care|wait-?list|controls?(?:\s+group)?)"
_NO_BETTER_THAN_CONTROL = re.compile(
    r"\b(?:(?:no|not)\s+(?:\w+\s+)?(?:better|superior|more effective)\s+(?:than|to)"
    r"|(?:as effective as|similar to|comparable (?:to|with)|equivalent to|no different from"
    r"|did not differ (?:significantly )?from))\s+" + _CONTROL_ARM + r"\b"
    r"|\b" + _CONTROL_ARM + r"\s+(?:was|were|is|proved)\s+(?:\w+\s+)?"
    r"(?:as effective as|similar to|comparable (?:to|with)|equivalent to|no different from)\b",
    re.I,
)
_CONTROL_BETTER = re.compile(
    r"\b" + _CONTROL_ARM + r"\s+(?:\w+\s+)?(?:was|were|is|proved)\s+(?:\w+\s+)?"
    r"(?:superior|better|more effective)\s+(?:than|to)\b"
    r"|\b(?:more|greater)\s+(?:\w+\s+){0,3}(?:with|in|on|for)\s+" + _CONTROL_ARM
    + r"(?:\s+(?:group|arm))?\s+than\b",
    re.I,
)
_GOOD_WORDS = re.compile(r"\b" + vocab.GOOD_RESULT_WORDS + r"\b", re.I)
_BAD_WORDS = re.compile(r"\b" + vocab.BAD_RESULT_WORDS + r"\b", re.I)
_HARM = re.compile(r"\b" + vocab.HARM_TOPIC + r"\b", re.I)
_SAFE_CLAIM = re.compile(r"\b(safe(ly|ty)?|well[- ]tolerated|tolerab\w*)\b", re.I)
_MINIMIZED_HARM = re.compile(
    r"\b" + vocab.HARM_MINIMIZERS + r"\b(\s+[\w-]+){0,3}?\s+(the\s+)?(risks?\s+of\s+)?" + vocab.HARM_TOPIC + r"\b", re.I
)
_HARM_REPORTED = re.compile(
    r"\b(occurred|reported|experienced|common|frequent|developed|emerged|associated with|caused|induced|led to)\b",
    re.I,
)
_EFFICACY_WORDS = re.compile(
    r"\b(effective|efficac\w*|improv\w*|treat(s|ing|ment)?|reliev\w*|relief|alleviat\w*|cur(e|es|ed)|"
    r"antidepressant|remission|respon\w*|benefi\w*|help\w*|reduc\w*)\b",
    re.I,
)
# Experiments that block the target with something else: "blocking mTOR abolished the
# effects", "the effects were blocked by rapamycin", "pretreatment with NBQX".
_EXPERIMENT = re.compile(
    r"\b(block\w*|inhibit\w*|antagoni[sz]\w*|abolish\w*|prevent\w*|attenuat\w*|revers\w*|occlud\w*|abrogat\w*)"
    r"\s+by\b(?!\s+(\w+\s+){0,2}?(ketamine|esketamine|arketamine|the drug))"
    r"|\bpre-?treat\w*\s+with\b|\bin the presence of\b|\bco-?administ\w*"
    r"|\b(block\w*|inhibit\w*|antagoni[sz]\w*|knock\w*|delet\w*)\b[^.;]{0,60}?\b(abolish\w*|prevent\w*|"
    r"attenuat\w*|revers\w*|occlud\w*|blunt\w*|abrogat\w*|eliminat\w*)\b",
    re.I,
)
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


_OTHER_STUDY = r"(?:(?!\b(?:previous|prior|earlier|published|recent|existing|another|other|past)\b)[^.;])"
_MA = r"meta-?analy[sz]"
_SR = r"systematic(?:ally)? review"


def _this_study_pattern(cue: str, extra: str) -> re.Pattern[str]:
    # "we performed a meta-analysis", "this meta-analysis", "in this systematic review and
    # meta-analysis" -- not "a previous meta-analysis found ..." in a cohort's background.
    return re.compile(
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
    "meta-analysis": re.compile(r"\bmeta-?analy[sz]", re.I),
    "systematic review": re.compile(r"\bsystematic(ally)? review", re.I),
}
_PREVIOUS = re.compile(r"\b(previous|prior|earlier|published|recent|existing|another|other|past)\s+(\w+\s+){0,2}$", re.I)


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
    text = f"{record.title} {record.abstract_text}"
    if level in ("other", "non-randomised trial", "observational"):
        for name, pattern in _TEXT_LEVELS:
            if name in _THIS_STUDY:
                if LEVELS[name] < LEVELS[level] and _this_study(name, record):
                    return name
                continue
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
            if re.search(r"(aged|age|mg|%|\bp)\s*$", before, re.I):
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
#
# A stance is decided per clause ("...; ...", "..., with ...", "... but ...", "... and ..."
# between two results), and only in the clauses that name something specific to the claim.
# Each clause is read as a *result*: null ("did not differ"), good (+1: a fall in something
# bad, a rise in something good, "effective") or bad (-1), and as being about efficacy or
# about harms.  The claim is read the same way (what it asserts, whether it denies it), and
# the two are compared.


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
        # \b before the verb: "disinhibition" is not "inhibition"
        return re.compile(rf"\b{words}{gap}{target}|{target}{gap}\b{words}", re.I)

    return near(vocab.ACTIVATE_WORDS), near(vocab.BLOCK_WORDS)


def direction(text: str, concept: vocab.Concept) -> tuple[int, str | None]:
    """+1 if the text says the target is activated, -1 if blocked, 0 if neither.

    Clause by clause; a clause that describes an experiment blocking the target with
    something else ("blocking mTOR abolished the effects", "blocked by rapamycin",
    "pretreatment with ...") says nothing about what the drug does.
    """
    activate, block = _direction_patterns(concept.id)
    for clause in split_clauses(text):
        if _EXPERIMENT.search(clause):
            continue
        b = block.search(clause)
        if b:
            return -1, b.group(0)
        a = activate.search(clause)
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


def split_clauses(sentence: str) -> list[str]:
    """The sentence's clauses: split at ';', ', with', ', but', ', whereas', ' but ', ' and '...

    A piece joined by "and" (or a bare comma list) that reports no result of its own
    ("reduced depression and anxiety scores") stays with the clause before it.
    """
    pieces = [p.strip() for p in _SPLIT.split(sentence) if p and p.strip()]
    out: list[str] = []
    for piece in pieces:
        strong = bool(_STRONG_SPLIT_START.match(piece))
        if out and not strong and not _has_result(piece) or out and not strong and not _has_result(out[-1]):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out or [sentence]


def _has_result(text: str) -> bool:
    text = _POPULATION.sub(" ", text)
    return bool(
        any(p.search(text) for p in _NULL)
        or _UP.search(text)
        or _DOWN.search(text)
        or _GOOD_WORDS.search(text)
        or _BAD_WORDS.search(text)
    )


@dataclass(frozen=True)
class Result:
    """What one clause (or a claim) says: null, or goodness +1 / -1, and about what."""

    null: bool = False
    goodness: int = 0  # +1 good, -1 bad, 0 unknown
    direction: int = 0  # +1 up, -1 down, 0 none (the raw verb)
    valence: int = 0  # of its object: +1 good, -1 bad, 0 unknown
    harm: bool = False  # about harms (safety, tolerability, abuse) rather than efficacy
    cue: str | None = None


def _nearest_valence(text: str, start: int, end: int) -> int:
    best: tuple[int, int] | None = None
    for pattern, value in ((_BAD_OBJECT, -1), (_GOOD_OBJECT, 1)):
        for m in pattern.finditer(text):
            if m.start() < end and m.end() > start:
                continue  # the verb itself
            dist = m.start() - end if m.start() >= end else start - m.end()
            if best is None or dist < best[0]:
                best = (dist, value)
    return best[1] if best else 0


def read_result(text: str, *, efficacy_concepts: tuple[vocab.Concept, ...] = ()) -> Result:
    """Read one clause as a result (population descriptions removed first)."""
    clean = _POPULATION.sub(" population ", text)
    harm = bool(_HARM.search(clean)) and not any(vocab.mentions(c, clean) for c in efficacy_concepts)
    if not harm:  # "no better than placebo" is a null result; "placebo was superior to" is worse
        same = _NO_BETTER_THAN_CONTROL.search(clean)
        if same:
            return Result(null=True, cue=same.group(0))
        worse = _CONTROL_BETTER.search(clean)
        if worse:
            return Result(goodness=-1, cue=worse.group(0))
    bad = _BAD_WORDS.search(clean)
    if bad:
        return Result(goodness=-1, harm=harm, cue=bad.group(0))
    for p in _NULL:
        m = p.search(clean)
        if m:
            return Result(null=True, harm=harm, cue=m.group(0))
    moves = sorted([(m, 1) for m in _UP.finditer(clean)] + [(m, -1) for m in _DOWN.finditer(clean)],
                   key=lambda t: t[0].start())
    for m, d in moves:
        v = _nearest_valence(clean, m.start(), m.end())
        if v or not _GOOD_WORDS.search(clean):
            lead = re.search(r"\b(significantly|markedly|rapidly|substantially)\s+$", clean[: m.start()], re.I)
            cue = clean[lead.start() : m.end()] if lead else m.group(0)
            return Result(goodness=d * v, direction=d, valence=v, harm=harm, cue=cue)
    good = _GOOD_WORDS.search(clean)
    if good:
        return Result(goodness=1, harm=harm, cue=good.group(0))
    if harm:
        reported = _HARM_REPORTED.search(clean)
        if reported:
            return Result(goodness=-1, harm=True, cue=reported.group(0))
    return Result(harm=harm)


@dataclass(frozen=True)
class ClaimSense:
    """What a claim asserts: goodness of its efficacy part and of its harm part (None when
    it has no such part), and whether it denies it ("does not cause", "is not effective")."""

    negated: bool
    efficacy: int | None
    harm: int | None
    direction: int  # the claim's raw verb (+1 up, -1 down, 0 none)
    valence: int  # of the claim's object


@cache
def _claim_sense(text: str) -> ClaimSense:
    clean = _POPULATION.sub(" population ", text)
    negated = bool(_CLAIM_NEGATION.search(clean))
    base = _CLAIM_NEGATION.sub(" ", clean) if negated else clean
    base = re.sub(r"\bineffective\b", "effective", base, flags=re.I)
    result = read_result(base)
    harm: int | None = None
    harm_word = _HARM.search(base)
    if harm_word:
        if result.harm and result.goodness and result.direction:
            harm = result.goodness  # "reduces the risk of abuse" +1, "increases dissociation" -1
        elif _SAFE_CLAIM.search(base) or _MINIMIZED_HARM.search(base):
            harm = 1
        else:
            harm = -1
    efficacy: int | None = None
    rest = _HARM.sub(" ", base)
    if not harm_word or _EFFICACY_WORDS.search(_MINIMIZED_HARM.sub(" ", rest)):
        efficacy = result.goodness if result.goodness and not result.harm else 1
    return ClaimSense(negated, efficacy, harm, result.direction, result.valence)


def claim_sense(claim: Claim) -> ClaimSense:
    return _claim_sense(claim.text)


def _specific(claim: Claim) -> list[vocab.Concept]:
    return [m.concept for m in claim.matches if m.concept.group != "intervention" and not m.concept.weak]


def _clause_stance(result: Result, sense: ClaimSense) -> str:
    """Compare one clause's result with what the claim asserts."""
    if result.harm:
        # a harm clause speaks only to a claim about harms; no harm found is good news
        if sense.harm is None:
            return NEUTRAL
        wanted, got = sense.harm, (1 if result.null else result.goodness)
        null = False
    else:
        if sense.efficacy is None:
            return NEUTRAL
        wanted, got, null = sense.efficacy, result.goodness, result.null
        if not null and result.direction and not result.valence:
            if sense.direction and not sense.valence:
                # neither side says whether the thing is good or bad: compare the raw verbs
                got = wanted if result.direction == sense.direction else -wanted
            else:
                # the clause's object is unknown: take the claim's, else a fall is in a symptom
                got = result.direction * (sense.valence or (-1 if result.direction < 0 else 0))
    if not null and not got:
        return NEUTRAL
    stance = SUPPORTS if (not null and got == wanted) else CONTRADICTS
    if sense.negated:
        stance = CONTRADICTS if stance == SUPPORTS else SUPPORTS
    return stance


def sentence_stance(sentence: str, claim: Claim) -> tuple[str, str | None]:
    """Stance of one abstract sentence toward the claim, with the cue words.

    Only the clauses that name something specific to the claim are read (all of them when
    none does: the caller decides whether the sentence is about the claim at all).
    """
    sense = claim_sense(claim)
    specific = _specific(claim)
    efficacy_concepts = tuple(
        c for c in specific if c.group in ("condition", "outcome", "mechanism") and c.id not in ("safety", "abuse")
    )
    clauses = split_clauses(sentence)
    hits = [c for c in clauses if any(vocab.mentions(x, c) for x in specific)]
    found: list[tuple[str, str | None]] = []
    for clause in hits or clauses:
        result = read_result(clause, efficacy_concepts=efficacy_concepts)
        if not (result.null or result.goodness or result.direction):
            continue
        stance = _clause_stance(result, sense)
        if stance != NEUTRAL:
            found.append((stance, result.cue))
    for wanted in (CONTRADICTS, SUPPORTS):  # a clause against the claim is not outvoted
        for stance, cue in found:
            if stance == wanted:
                return stance, cue
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
    drugs = [m.concept for m in claim.matches if m.concept.group == "intervention"]
    return {
        w for w in _WORD.findall(claim.text.lower())
        if w not in vocab.GENERIC_WORDS and not any(vocab.mentions(c, w) for c in drugs)
    }


def assess(record: Record, claim: Claim, *, max_rationale: int = 2) -> Evidence:
    """Grade ``record`` and decide its stance toward ``claim``."""
    concepts = [m.concept for m in claim.matches]
    directions = claim_directions(claim)
    negated = claim_sense(claim).negated
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
        shared = words & sw
        score += 0.3 * len(shared)
        stance, cue = (NEUTRAL, None)
        reversed_ = False
        for cid, d in directions.items():
            ed, ecue = direction(text, vocab.CONCEPTS_BY_ID[cid])
            if ed and about_drug:
                # "does not activate" is borne out by "blocks" and reversed by "activates"
                if (ed == -d) != negated:
                    stance, cue, reversed_ = CONTRADICTS, ecue, True
                else:
                    stance, cue = SUPPORTS, ecue
                score += 2.0
                break
        # A claim with nothing specific (only the drug and vague words) is spoken to only by
        # a sentence that shares at least two of its own content words, never by the drug's
        # name alone.
        relevant = hit_specific or reversed_ or stance != NEUTRAL or (not specific and len(shared) >= 2)
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
