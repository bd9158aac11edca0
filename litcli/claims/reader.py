"""The result reader: what one abstract sentence reports.

A sentence is first given a *kind*: an aim, a method, a statement that evidence is
limited, other studies quoted in the background, or a finding.  Only findings are read
further.  A finding is read clause by clause as *who did better on which outcome*:

- ``null``: no (significant) difference or effect ("did not differ", "p=0.31");
- ``direction``: the outcome went up (+1) or down (-1) for the intervention arm (a result
  stated the other way round, "placebo did better than ketamine", is turned round);
- ``valence``: whether more of the outcome is good (+1: response, survival, time to
  relapse) or bad (-1: symptom scores, relapse, adverse events), from the vocabulary's
  outcome-valence table;
- ``goodness``: direction x valence, or a word that is good or bad on its own
  ("improved", "worse", "superior").

Every word list lives in ``vocabulary``; this module holds only the reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from litcli.claims import regexcache
from litcli.claims import vocabulary as vocab
from litcli.claims.prefilter import Alternatives, PatternSet, Prefiltered, prefiltered

_I = re.IGNORECASE


def _rx(pattern: str) -> Prefiltered:
    return prefiltered(r"(?<![\w-])(?:" + pattern + r")(?![\w-])", _I)


UP = _rx(vocab.UP_TERMS)
DOWN = _rx(vocab.DOWN_TERMS)
_DIRECTION_WORD = _rx(vocab.UP_TERMS + "|" + vocab.DOWN_TERMS + "|" + vocab.OCCURRENCE_TERMS)
_MASKABLE = _rx(vocab.UP_TERMS + "|" + vocab.DOWN_TERMS + "|" + vocab.OCCURRENCE_TERMS + "|" + vocab.GOOD_TERMS + "|" + vocab.BAD_TERMS)
GOOD = _rx(vocab.GOOD_TERMS + "|" + vocab.GOOD_NOUN_TERMS)
BAD = _rx(vocab.BAD_TERMS)
# (searched alternative by alternative: seventy alternatives tried at every position are slow)
NULL = Alternatives(vocab.NULL_TERMS, _I)
NEGATION = regexcache.compile(vocab.NEGATION_TERMS, _I)
# (and as an adjective: "6% of saline-treated participants"; not "placebo-controlled")
CONTROL = Alternatives(vocab.CONTROL_TERMS, _I, r"(?<![\w-])", r"(?=-(?:treated|exposed|injected|infused|allocated)\b|(?![\w-]))")
_NOT_RECEIVING = regexcache.compile(
    r"\b(?:(?:did|do|does|had|have)\s+)?(?:not|never)\s+(?:receive|receiving|received|get|got|given|treated with|take|taking|took|use|using|used|exposed to)\s+(?:the\s+|any\s+)?$"
    r"|\bwithout\s+(?:the\s+|any\s+)?$|\bno\s+$|\bnon-$"
    # ("Failure to complete the bundle ...", "lack of vaccination"): the intervention not done
    r"|\b(?:failure|failing|failed|inability)\s+to\s+(?:\w+\s+){0,2}?(?:the\s+|any\s+)?$|\b(?:lack|absence)\s+of\s+(?:the\s+|any\s+)?$"
    r"|\b(?:but|and)\s+not\s+(?:with\s+|in\s+|for\s+|after\s+)?(?:the\s+)?$",  # ("surgical masks, but not cloth masks, ...")
    _I,
)
_INTERVENTION_ARM = Alternatives(vocab.INTERVENTION_ARM_TERMS, _I, r"(?<![\w-])", r"(?![\w-])")  # (as _rx: alternative by alternative)
_LOSS_AFTER = regexcache.compile(r"\W{0,3}([\w-]+\s+)?(" + vocab.LOSS_OF_FUNCTION.strip("\\b()") + r")", _I)
# (for a claim that takes the thing away, also named after it: "Lkb1 loss", "ceramide synthesis inhibition")
_LOSS_AFTER_NAME = regexcache.compile(r"\W{0,3}([\w-]+\s+)?(?:" + vocab.LOSS_AFTER_NAME + r")\b", _I)
_MULTIPLE = regexcache.compile(r"\b(more than |nearly |almost |about |over )?(twice|double|triple|two-fold|three-fold|\d+(\.\d+)?[- ]?(times|fold))(?= (the|a|an|higher|greater|increased)? ?(risk|odds|rate|incidence|hazard))", _I)
# "twice as likely to relapse", "half as likely to respond": more or less of it, said as a multiple
_AS_LIKELY_MORE = regexcache.compile(r"\b(?:(?:about|nearly|almost|roughly|approximately|more than|over)\s+)?(?:twice|two|three|four|five|\d+(?:\.\d+)?)(?:[- ]?(?:times|fold))?\s+as\s+(?=(?:likely|often|frequent|frequently|common|many)\b)", _I)
_AS_LIKELY_LESS = regexcache.compile(r"\b(?:(?:about|nearly|almost|roughly|approximately|less than|under)\s+)?(?:half|one[- ]half|(?:a|one)[- ](?:third|quarter|fifth|tenth))\s+as\s+(?=(?:likely|often|frequent|frequently|common|many)\b)", _I)
_AS_AFTER = regexcache.compile(r"[^,;()]{0,80}?\s(as)\s", _I)


def _as_likely(clause: str) -> str:
    """"twice as likely to relapse as those on A" -> "more likely to relapse than those on A";
    "half as likely to respond as" -> "less likely to respond than"."""
    for pattern, word in ((_AS_LIKELY_MORE, "more "), (_AS_LIKELY_LESS, "less ")):
        m = pattern.search(clause)
        while m:
            rest = clause[m.end() :]
            after = _AS_AFTER.match(rest)
            if after:
                rest = rest[: after.start(1)] + "than" + rest[after.end(1) :]
            clause = clause[: m.start()] + word + rest
            m = pattern.search(clause, m.start() + len(word))
    return clause


_ARM_MANIPULATION = regexcache.compile(vocab.ARM_MANIPULATION_NOUNS, _I)
_DECLINE_OF = regexcache.compile(r"\b(?:declines?|loss|losses|deterioration)\s+(?:in|of)\b", _I)
_PROGRESSED_BY = regexcache.compile(r"\b(?:" + vocab.PROGRESSION_VERBS + r")\b(?:\s+\w+){0,2}\s+by\s*$", _I)
_MEASURED = regexcache.compile(r"(?:\b(?:" + vocab.MEASURED_IN + r")\s+$)", _I)
_MEASURED_AS = regexcache.compile(r"\s+(?:" + vocab.MEASURED_AS + r")\b", _I)
_ADD_ON = regexcache.compile(r"[\w-]+(\s+[\w-]+){0,2}\s+(plus|combined with|in combination with|added to|together with)\s", _I)
_UNKNOWN_KNOCKOUT = regexcache.compile(r"\w(-/-|\(-/-\))|\b(knock-?out|knock-?down|deficient|null|lacking)\b", _I)
_UNKNOWN_NEGATED_ARM = regexcache.compile(
    r"\b(?:did|do|does|had|have) not (?:receive|get|take|use|undergo)\w*\b|\bnot (?:receiving|taking|treated with|given)\b", _I
)
HEDGE = regexcache.compile(vocab.HEDGE_TERMS, _I)
FINDING = regexcache.compile(vocab.FINDING_TERMS, _I)
HARM = Alternatives(vocab.HARM_TERMS, _I, r"(?<![\w-])", r"(?![\w-])")  # (as _rx: alternative by alternative)
VALENCE = [(_rx(p), v) for p, v in vocab.OUTCOME_VALENCE]
KINDS: list[tuple[str, list[Prefiltered]]] = [
    ("aim", [prefiltered(p, _I) for p in vocab.AIM_PATTERNS]),
    ("limitation", [prefiltered(p, _I) for p in vocab.LIMITATION_PATTERNS]),
    ("background", [prefiltered(p, _I) for p in vocab.OTHER_STUDY_PATTERNS]),
    ("method", [prefiltered(p, _I) for p in vocab.METHOD_PATTERNS]),
]
_KIND_PATTERNS = PatternSet([p._compiled for _kind, patterns in KINDS for p in patterns])
_KIND_OF = [kind for kind, patterns in KINDS for _p in patterns]
_REFERENCE = prefiltered(r"(?<![\w-])(?:" + vocab.REFERENCE_MARKERS + r")\s*$", _I)
_REFERENCE_ANYWHERE = prefiltered(r"(?<![\w-])(?:" + vocab.REFERENCE_MARKERS + r")(?![\w-])", _I)
_BETTER = _rx(vocab.ARM_BETTER)
_WORSE = _rx(vocab.ARM_WORSE)
_SAME = _rx(vocab.ARM_SAME)
_NONINFERIORITY_NOT_SHOWN = regexcache.compile(vocab.NONINFERIORITY_NOT_SHOWN, _I)
_NOT_DIRECTION = prefiltered(vocab.NOT_DIRECTION, _I)
_BASELINE = regexcache.compile(
    r"\bat baseline\b|\bbaseline characteristics\b|^\W*(?:the\s+)?(?:mean|median)?\s*(?:\(\w+\)\s*)?baseline\s+[\w-]+(?:\s+[\w-]+)?\s+(?:scores?\s+)?(?:was|were)\b", _I
)
# the groups before anything was given: "before induction, MAP was similar", "at enrolment"
_BEFORE_TREATMENT = regexcache.compile(
    r"\b(before|prior to) (the )?(start of (the )?)?(treatment|intervention|education|training|induction|surgery|operation|randomi[sz]ation|study)\b"
    r"|\bpre-?(treatment|intervention) (values?|scores?|levels?|period|stage|phase|measurements?)\b|\bat (enrol?ment|randomi[sz]ation)\b",
    _I,
)
_LATER = regexcache.compile(
    r"\b(after|following|post-?(treatment|intervention|operative(ly)?|test)|follow-?up|end of (the )?(study|treatment|trial)|"
    r"at (weeks?|months?|days?|years?) \d+|at \d+ (weeks?|months?|days?|years?))\b",
    _I,
)
_FROM_BASELINE = regexcache.compile(r"\bfrom\b[^;]{0,60}\bat baseline\b[^;]{0,12}\bto\b", _I)  # "rose from 126 at baseline to 144": a change
POPULATION = prefiltered(vocab.POPULATION_PHRASES, _I)
OCCURRENCE = _rx(vocab.OCCURRENCE_TERMS)
# "larger reduction", "greater decrease", "further improvement": the noun gives the direction
_LOSS = regexcache.compile(vocab.LOSS_OF_FUNCTION, _I)
_EASING = regexcache.compile(r"(?:" + vocab.EASING_MOVES + r")", _I)
# a level caused ("can cause low magnesium levels", "leads to high blood pressure"): which way it went
_CAUSED_LEVEL_BEFORE = "|".join(
    rf"(?<=\b{verb} )" for verb in ("cause", "causes", "caused", "induce", "induces", "induced", "produce", "produces", "produced", "trigger", "triggers", "lead to", "leads to", "led to", "result in", "results in")
)
_CAUSAL_WORD = regexcache.compile(r"\b(?:caus|induc|produc|trigger|lead|led|result)", _I)
_CAUSED_LOW = regexcache.compile(r"(?:" + _CAUSED_LEVEL_BEFORE + r")(?:abnormally\s+|dangerously\s+|very\s+)?low\b", _I)
_CAUSED_HIGH = regexcache.compile(r"(?:" + _CAUSED_LEVEL_BEFORE + r")(?:abnormally\s+|dangerously\s+|very\s+)?high\b", _I)
_CAUSED_HARM = regexcache.compile(r"impairments?|declines?|loss(?:es)?|deteriorations?|dysfunctions?|deficits?|damage|injur(?:y|ies)|atroph(?:y|ies)", _I)
_NOMINAL = regexcache.compile(r"(tion|ment|ance|ence|ing|ade|ity)$", _I)  # "downregulation", "blockade"
_VERB_FORM = regexcache.compile(r"(s|ed|rose|fell|grew|lost|led|cut)$", _I)
_CAUSAL = regexcache.compile(r"^(caus\w*|lead\w*|led|result\w*|induc\w*|trigger\w*|produc\w*|provok\w*)$", _I)
_AMOUNT = regexcache.compile(r"^(larger|greater|bigger|more|further|higher|smaller|less)$", _I)

_WORD = regexcache.compile(r"[a-z0-9][a-z0-9'-]*")
_STOP = vocab.FUNCTION_WORDS
_SPLIT = regexcache.compile(
    r"\s*;\s*|,\s*(?=(?:but|whereas|while|although|though|however|yet|with|without|which|suggesting|indicating|a (?:rise|fall|reduction|"
    r"increase|decrease|change|effect|difference) (?:that|which))\b)"
    r"|\s+(?=(?:but|whereas|although|though)\b)|,\s+(?=and\b)"
    # ("lowered blood pressure without a significant effect on heart rate": a null of its own)
    r"|\s+(?=without\s+(?:a\s+|any\s+)?(?:[\w-]+\s+){0,2}?(?:effects?|changes?|differences?|increases?|decreases?|rises?|impact)\s+(?:on|in)\b)"
    r"|\s+(?=without\s+(?:compromising|impairing|worsening|jeopardi[sz]ing|harming)\b)"
    # ("reductions in mortality were found with no excess of adverse events": the null is the harms')
    r"|\s+(?=with\s+no\s+(?:excess|increase|rise)\b)"
    # the same subject's next result, a null ("X reduced A (HR ...), had no significant effect on B
    # and did not change C")
    r"|,\s+(?=(?:had|has|did|does|was|were|showed|produced)\s+(?:no|not)\b)|\s+(?=and\s+(?:the|a|an|no|fewer|more|"
    r"ketamine|placebo|its|their)\b(?![\s\w-]{0,20}\b(?:groups|arms|(?:group|arm)\b\s*(?:\(|\d|[,;.]|$|respectively|were|was|had))))",
    _I,
)


_CONTRACTION = regexcache.compile(vocab.CONTRACTION)


def spell_out(text: str) -> str:
    """Contractions in their long form ("didn't differ" -> "did not differ"), so that a result is
    read the same however it was written."""
    if "n't" not in text and "n\u2019t" not in text:
        return text

    def long_form(m: re.Match[str]) -> str:
        word = m.group(0).replace("\u2019", "'")
        full = vocab.CONTRACTIONS.get(word.lower())
        if full is None:
            return f"{m.group(1)} not"
        return full if word[0].islower() else full[0].upper() + full[1:]

    return _CONTRACTION.sub(long_form, text)


_NUMBERED_NAME = regexcache.compile(r"([a-z]{4,})-\d{1,2}")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stemmer: enough to match 'reduces'/'reduced'/'reduction', 'symptoms'/'symptom'."""
    w = word.lower().removesuffix("'s").removesuffix("’s").strip("'-")
    numbered = _NUMBERED_NAME.fullmatch(w)
    if numbered:
        w = numbered.group(1)  # "COVID-19" is "COVID"
    if w in vocab.MANIPULATION_OF:
        return vocab.MANIPULATION_OF[w][1][0]  # ("inhibiting", "inhibition", "inhibitors": one word)
    for suffix, repl in (
        # ("reduction"/"reduced", "infection"/"infected", "depression"/"depressed")
        ("uctions", "uc"), ("uction", "uc"), ("ections", "ect"), ("ection", "ect"), ("essions", "ess"), ("ession", "ess"),
        ("ations", ""), ("ation", ""), ("tions", "t"), ("tion", "t"), ("ments", ""), ("ment", ""), ("ities", ""), ("ity", ""),
        ("ances", ""), ("ance", ""), ("ences", ""), ("ence", ""), ("ents", ""), ("ent", ""), ("ated", ""), ("ates", ""), ("ating", ""),
        ("ate", ""), ("atives", ""), ("ative", ""), ("ives", ""), ("ive", ""), ("ies", "y"), ("ing", ""),
        ("ed", ""), ("es", ""), ("s", ""), ("ly", ""),
    ):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            if suffix == "s" and w.endswith(("ss", "us", "is")):
                continue
            w = w[: len(w) - len(suffix)] + repl
            break
    if w.endswith("e") and len(w) > 3:  # ("rate"/"rates", "dose"/"doses", "time"/"times": one stem)
        w = w[:-1]
    if w.endswith("at") and len(w) > 5:
        w = w[:-2]  # "dissociat(ive)" = "dissoci(ation)", "activat(ed)" = "activ(ation)"
    return w


@lru_cache(maxsize=16384)
def content_stems(text: str) -> frozenset[str]:
    """The stems of the text's content words (a sentence's and its clauses' are asked for often)."""
    return frozenset(stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2)


_SECTION_LABEL = regexcache.compile(vocab.SECTION_LABEL)


def section_label(sentence: str) -> tuple[str | None, str]:
    """A section label written at the start of the sentence ("RESULTS We found ...") and the rest."""
    m = _SECTION_LABEL.match(sentence)
    if not m:
        return None, sentence
    return (m.group(1) or m.group(3)).upper(), sentence[m.end() :]


@lru_cache(maxsize=8192)
def sentence_kind(sentence: str, section: str | None = None) -> str:
    """'finding', or a kind that never carries a stance: aim, limitation, background, method."""
    label, sentence = section_label(sentence)
    section = (label or section or "").upper()
    if section and any(section.startswith(s) for s in vocab.NO_STANCE_SECTIONS):
        return "background" if section.startswith(("BACKGROUND", "INTRODUCTION", "CONTEXT", "IMPORTANCE")) else (
            "aim" if section.startswith(("OBJECTIVE", "AIM", "PURPOSE", "RATIONALE")) else "method"
        )
    # (the exceptions below do not depend on which of a kind's patterns matched; the kinds in
    # order, and only the patterns whose words are in the sentence)
    passed = None
    for i in _KIND_PATTERNS.candidates(sentence):
        kind = _KIND_OF[i]
        if kind == passed or not _KIND_PATTERNS.patterns[i].search(sentence):
            continue
        passed = kind
        if kind == "method" and (FINDING.search(sentence) or NULL.search(sentence)):
            continue  # a null result is a finding too ("did not differ between those who received ...")
        if kind == "aim" and (_P.search(sentence) or _CI.search(sentence)):
            continue  # statistics are results, never aims ("when we examined X, ... p = 0.25")
        if kind == "background" and regexcache.search(r"\b(contrary to|unlike|in contrast to)\b", sentence, _I):
            continue
        return kind
    return "finding"


_FADED = prefiltered(vocab.EFFECT_LOST, _I)


def _has_result(text: str) -> bool:
    return bool(
        UP.search(text) or DOWN.search(text) or GOOD.search(text) or BAD.search(text) or NULL.search(text) or _P.search(text) or _FADED.search(text)
        or _CI.search(text)  # ("changed by 0.03 with A and 0.02 with B (difference 0.01; 95% CI -0.03 to 0.05)")
    )


def _depths(text: str) -> list[int]:
    """Bracket depth at each character ("(...)", "[...]")."""
    depth, out = 0, []
    for ch in text:
        if ch in "([":
            depth += 1
        out.append(depth)
        if ch in ")]" and depth:
            depth -= 1
    return out


def _split_outside_brackets(sentence: str) -> list[str]:
    """``_SPLIT`` applied outside brackets: "(87.5% vs. 59.6%; p < .001)" is one piece with
    the clause it qualifies."""
    if "(" not in sentence and "[" not in sentence:
        return _SPLIT.split(sentence)
    depth = _depths(sentence)
    pieces, at = [], 0
    for m in _SPLIT.finditer(sentence):
        if m.start() < len(depth) and depth[m.start()] == 0 and m.end() > at:
            pieces.append(sentence[at : m.start()])
            at = m.end()
    pieces.append(sentence[at:])
    return pieces


# a piece that is only the test of what came before it: "P < 0.001)", "p=0.02 for both"
_ONLY_A_TEST = regexcache.compile(r"^\W*p\s*[<=>≤≥]\s*0?[.·]\d+\W*(?:for (?:both|all|each)\W*)?$", _I)


def split_clauses(sentence: str) -> list[str]:
    """The sentence's clauses (at ';', ', but', ' whereas', ', with', ...); a piece that reports
    nothing of its own ("The redness, swelling", a list) stays with the piece after it."""
    pieces = [p.strip() for p in _split_outside_brackets(sentence) if p and p.strip()]
    out: list[str] = []
    carry = ""
    for piece in pieces:
        piece = f"{carry}, {piece}" if carry else piece
        if out and not carry and _ONLY_A_TEST.match(piece):
            out[-1] = f"{out[-1]} ({piece.rstrip(').')})"  # "...16 and 13 min with A and B, respectively; P < 0.001)"
            continue
        if _has_result(piece):
            out.append(piece)
            carry = ""
        else:
            carry = piece
    if carry:
        if out:
            out[-1] = f"{out[-1]}; {carry}"  # (a trailing piece stays apart: nothing is read across it)
        else:
            out.append(carry)
    return out or [sentence]


def outcome_classes(text: str) -> frozenset[int]:
    """Which rows of the outcome-valence table ``text`` names: "MADRS scores" and "depressive
    symptoms" name the same row, so a sentence about one is about the other."""
    return frozenset(i for i, (pattern, _) in enumerate(VALENCE) if pattern.search(text))


_LOSS_OF = regexcache.compile(r"\b(?:" + vocab.LOSS_OF_GOOD + r") (of|in) (the )?([\w-]+ ){0,2}$", _I)
# a good outcome named by a bad one before it ("PTSD response rates", "depression remission", "pain
# relief"): the head of the compound, not the condition that modifies it
_GOOD_HEAD = regexcache.compile(r"[\s-]+(?:symptoms?[\s-]+)?(" + vocab.GOOD_OUTCOME_HEADS + r")\b(?![\s-]+(?:" + vocab.MOLECULAR_NOUNS + r")\b)", _I)
# "the proportion free of suicidal ideation", "freedom from relapse": the absence of a bad thing is good
_FREE_OF = regexcache.compile(r"\b(?:" + vocab.FREEDOM_FROM_BAD + r")\s+(the\s+|any\s+)?([\w-]+\s+){0,1}$", _I)


_PEOPLE_IN_STATE = regexcache.compile(
    r"\b(?:" + vocab.PEOPLE_NOUNS + r"|those)\s+(?:in|who\s+(?:were|are|had\s+been|have\s+been)\s+in|who\s+(?:had\s+|have\s+)?(?:achieved|reached|attained))"
    r"\s+(?:(?:stable|sustained|full|complete|partial|early|initial|clinical|symptomatic)\s+)?$",
    _I,
)
# ... or the condition they have ("67% of participants with PTSD ... met response criteria")
_PEOPLE_WITH_CONDITION = regexcache.compile(
    r"\b" + vocab.PEOPLE_GROUPS + r"\s+with\s+(?:(?:a|an)\s+)?(?:(?:history|diagnosis)\s+of\s+)?(?!(?:no|any|new|incident|uncontrolled|persistent|recurrent)\b)(?:[\w-]+\s+)?$", _I
)
_CONJOINED = regexcache.compile(r"(?:\s*(?:,|and|or|/|&)\s*(?:[\w-]+\s+){0,2})+$", _I)


def people_with_condition(before: str) -> bool:
    """Whether ``before`` ends with people said to have what follows ("patients with heart ")."""
    # (not "the proportion of patients with ...": what follows is what was counted)
    if " with " not in before[-80:].lower():
        return False
    m = _PEOPLE_WITH_CONDITION.search(before[-80:])
    return m is not None and not _COUNT_OF.search(before[-80:][: m.start()])


_COUNT_OF = regexcache.compile(r"\b(?:proportion|percentage|number|share|fraction|count|rate)s?\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?$", _I)


_PEOPLE_AFTER = regexcache.compile(r"[\s-]+(?:" + vocab.PEOPLE_NOUNS + r"|survivors)\b", _I)


_LEADING_SETTING = regexcache.compile(
    r"^\s*(?:[A-Z]{3,}[:.]\s+)?(?:among|in|for|of)\s+(?:the\s+|this\s+|a\s+|our\s+)?(?:(?:[\w-]+\s+){0,2}?(?:cohort|sample|population|registry|series|group|trial|study)\s+of\s+)?(?:\d[\d,]*\s+)?(?:(?:randomi[sz]ed|enrolled|included|eligible)\s+)?"
    r"(?:" + vocab.PEOPLE_GROUPS + r"\b[^,;()]{0,80}|[\w-]+(?:\s+[\w-]+){0,5}),\s+",
    _I,
)  # ("Of 184 randomised patients in stable remission, relapse occurred in ...", "In treatment-resistant depression, response rates were ...")


_ENDED_AFTER = regexcache.compile(
    r"(?:\s+[\w-]+){0,2}?\s+(?:had|has|have)\s+(?:completely\s+|fully\s+)?(?:resolved|disappeared|remitted|ceased|cleared|abated)\s+(?:at\s+[^,;]{1,20}\s+)?in(?:\s+\d|\s*$)", _I
)


def valence(text: str) -> tuple[int, str | None]:
    """The valence of the first outcome named in ``text`` and its words (0, None when unknown);
    "the loss of kidney function" is bad although kidney function is good."""
    best: tuple[int, int, str] | None = None
    # (not in a leading setting when the clause names an outcome after it: "Among patients in
    # stable remission, 27% and 45% relapsed" is about relapse)
    setting = _LEADING_SETTING.match(text)
    for start in ((setting.end(), 0) if setting else (0,)):
        for pattern, v in VALENCE:
            m = pattern.search(text, start)
            if m and (best is None or m.start() < best[0]):
                best = (m.start(), v, m.group(0))
        if best is not None:
            break
    if best is None:
        return 0, None
    if _PEOPLE_IN_STATE.search(text[max(0, best[0] - 60) : best[0]]):
        # the state the people are in ("fewer patients in stable remission relapsed", "those who
        # had achieved response"): who they are; the outcome follows, if any
        later = valence(text[best[0] + len(best[2]) :])
        if later[1]:
            return later
    if best[1] < 0 and people_with_condition(text[: best[0]]):
        # ... or the condition they have ("participants with PTSD in the A group met response
        # criteria"); not one more condition of theirs ("teenagers with depression and suicidal thoughts")
        rest = text[best[0] + len(best[2]) :]
        later = valence(rest)
        if later[1] and not _CONJOINED.match(rest[: rest.find(later[1])]):
            return later
    if _PEOPLE_AFTER.match(text, best[0] + len(best[2])):
        # an outcome word that names the people ("emergency patients with full remission of
        # suicidal ideation", "stroke survivors whose walking improved"): the outcome follows, if any
        later = valence(text[best[0] + len(best[2]) :])
        if later[1]:
            return later
    # (the head of a compound names it: "PTSD response rates" are response rates, "pain relief" relief)
    end = best[0] + len(best[2])
    head = _GOOD_HEAD.match(text, end) if best[1] < 0 else None
    if head:
        best = (head.start(1), 1, head.group(1))
    if best[1] > 0 and _LOSS_OF.search(text[max(0, best[0] - 40) : best[0]]):
        return -best[1], best[2]
    lost = _LOSS_NAMED_AFTER.match(text, best[0] + len(best[2])) if best[1] > 0 else None
    if lost:
        return -best[1], best[2] + lost.group(0)  # "bone mineral density loss", "kidney function decline"
    if best[1] < 0 and _FREE_OF.search(text[max(0, best[0] - 40) : best[0]]):
        return -best[1], best[2]
    if best[1] < 0 and _THRESHOLD_FALL.search(text[max(0, best[0] - 60) : best[0]]):
        return -best[1], best[2]  # "a fall of 50% or more in HAM-A scores": a response, by its definition
    if best[1] < 0 and _SCORE_OF_ZERO.match(text, best[0] + len(best[2])):
        return -best[1], best[2]  # "an SSI score of zero": none of the bad thing
    if best[1] < 0 and _ENDED_AFTER.match(text, best[0] + len(best[2])):
        return -best[1], best[2]  # "suicidal ideation had resolved in 55% of A": the bad thing's end, counted
    return best[1], best[2]


# a fall of at least a set size: how a response is defined ("a reduction of 50% or more in", "a
# >=50% decrease in", "at least 30% improvement in")
_FALL_NOUN = r"(?:reductions?|decreases?|falls?|drops?|declines?|improvements?)"
_AT_LEAST_SHARE = r"(?:(?:≥|>=|>|at least|more than)\s*\d+(?:[.·]\d+)?\s*%|\d+(?:[.·]\d+)?\s*%\s*or\s+(?:more|greater|higher|larger))"
_THRESHOLD_FALL = regexcache.compile(
    r"(?:" + _AT_LEAST_SHARE + r"\s+" + _FALL_NOUN + r"|" + _FALL_NOUN + r"\s+(?:of\s+)?" + _AT_LEAST_SHARE + r")\s+(?:in|of|on)\s+(?:the\s+|their\s+)?(?:[\w-]+\s+)?$",
    _I,
)
_SCORE_OF_ZERO = regexcache.compile(r"[\w\s-]{0,20}?\b(?:total\s+)?scores?\s+of\s+(?:zero|0)(?![.,·]?\d)", _I)


# a list of what someone developed: a word of change in it names one of the harms
_HARMS_DEVELOPED = regexcache.compile(r"\b(?:developed|experienced|suffered|presented with)\s+(?:(?:an?|the)\s+)?(?:[\w-]+\s+){1,4}?(?:and|or)\s+$", _I)
# a harm that went away when the drug was stopped (a dechallenge): no sign that the drug is harmless
_DECHALLENGE_AT = regexcache.compile(vocab.DECHALLENGE, _I)
_FAILED_TO = regexcache.compile(r"\b(?:failed|unsuccessful|unable|inability)\s+(?:\w+\s+){0,2}?to\s+$", _I)
_ENDING_BEFORE = regexcache.compile(r"\b(?:" + vocab.ENDING_NOUNS + r")\s+of\s+(?:(?:the|their|all|any)\s+)?(?:[\w-]+\s+){0,2}$", _I)


_ROLE_STATEMENT = regexcache.compile(
    r"\s+(?:\([^)]*\)\s+)?(?:functions?|acts?|serves?|works?)\s+as\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}(?:regulator|inhibitor|activator|suppressor|repressor|promoter|driver|brake|enhancer)\b"
    r"|\s+(?:\([^)]*\)\s+)?(?:is|are)\s+(?:an?\s+)?(?:key\s+|critical\s+|major\s+|potent\s+)?(?:negative|positive)\s+regulator\b",
    _I,
)
_NOT_REACHED = regexcache.compile(
    r"\b(?:was|were|had) not (?:yet )?(?:been )?reached (?:in|with|for|among) (?:the )?([^,;()]{2,60}?)\s*,?\s+"
    r"(?:compared (?:with|to)|versus|vs\.?|and|but|while|whereas)\s+(?:a median of\s+|with\s+|to\s+)?[\d.]+\s*(?:days?|weeks?|months?|years?)",
    _I,
)
_LIKELY_THAN_TO = regexcache.compile(r"\s+likely\s+than\s+[^,;()]{2,80}?\s+to\s+", _I)
_AND_COMPARATIVE = regexcache.compile(r"\s+(?:and|or)\s+(?:more\s+[a-z]+|[a-z]+er|better|worse)(?=\s+[A-Za-z])", _I)
_LIKELY_TO = regexcache.compile(r"\s+(?:likely|often|frequently)\s+(?:to|than|free)\b", _I)  # ("more often free of suicidal ideation")
_LOSS_NAMED_AFTER = regexcache.compile(r"[\s-]+(?:loss|losses|decline|deterioration|impairment)\b", _I)
# "a higher proportion of patients on X than on placebo were responders", "more participants
# given X achieved remission": the outcome is what the people were or reached, after the comparison
_SHARE_OF_PEOPLE = regexcache.compile(r"\s+(?:(?:proportion|percentage|share|number|fraction)\s+of\s+)?(?:" + vocab.PEOPLE_NOUNS + r")\b", _I)
_PEOPLE_PREDICATE = regexcache.compile(
    r"\b(?:were|was|achieved|attained|reached|met|became|made|had|experienced|developed|reported|required|needed)\s+(?:(?:rated|classified|considered|counted)\s+as\s+)?"
    r"|\b(?=(?:died|relapsed|attempted)\b)", _I
)


_ON_INSTRUMENT = regexcache.compile(r"\s(?:on|by|using)\s+the\s+(?:[\w-]+\s+){0,5}?(?:scale|inventory|questionnaire|index|checklist)\b", _I)


def _nearest_valence(text: str, start: int, end: int) -> tuple[int, str | None]:
    """Valence of the outcome nearest to a verb at [start, end): after it first, then before."""
    joined = _AND_COMPARATIVE.match(text, end)  # ("greater and faster HAM-D improvement": the noun after both)
    if joined:
        end = joined.end()
    likely_than = _LIKELY_THAN_TO.match(text, end)  # ("more likely than those given placebo to maintain abstinence")
    if likely_than:
        end = likely_than.end()
    after = regexcache.split(r"\s(?:than|compared|versus|vs\.?|relative to|and|but|while|whereas)\s|[(;,]", text[end : end + 80], maxsplit=1)[0]
    predicate = regexcache.search(r"\b(was|were|is|are|been|remained|became)\s+(\w+ly\s+)?(\w+\s+)?$", text[max(0, start - 40) : start], _I)
    if predicate and (likely_than or _LIKELY_TO.match(text, end)):
        predicate = None  # "were more likely (than those given placebo) to achieve remission": the outcome follows
    v, words = valence(after)
    if words and not predicate:
        return v, words
    share = _SHARE_OF_PEOPLE.match(text, end) if not predicate else None
    reached = _PEOPLE_PREDICATE.search(text, end, end + 160) if share else None
    if reached and not regexcache.search(r"[;]", text[end : reached.start()]):
        v, words = valence(regexcache.split(r"\s(?:than|compared|versus|vs\.?)\s|[(;,]", text[reached.end() : reached.end() + 60], maxsplit=1)[0])
        if words:
            # ("more participants no longer met PTSD criteria": the bad thing left behind)
            return (-v if regexcache.search(r"\b(?:no (?:longer|_)|not|never|failed to)\s+$", text[end : reached.start()], _I) else v), words  # ("longer" masked as "_")
    if regexcache.match(r"\s+(?:in|of)\b", text[end:]) and _NOMINAL.search(text[start:end]):
        return 0, None  # "a reduction in BMI": the object follows; the noun before is another outcome ("a greater weight loss, reduction in BMI")
    # (not from a leading setting: "In treatment-refractory anxiety, a higher proportion of patients
    # on ketamine were responders" is not about more anxiety)
    setting = _LEADING_SETTING.match(text)
    before = text[max(0, start - 90, setting.end() if setting and setting.end() <= start else 0) : start]
    inst = _ON_INSTRUMENT.search(before)
    if inst and valence(before[: inst.start()])[1]:
        # "response rates on the Liebowitz Social Anxiety Scale were higher": what the scale measured
        # is named before it
        before = before[: inst.start()]
    best: tuple[int, int, str] | None = None
    for pattern, val in VALENCE:
        for m in pattern.finditer(before):
            if best is None or m.end() > best[0]:
                # ("the proportion with no nausea was greater": the absence of a bad thing is good)
                lead = before[max(0, m.start() - 40) : m.start()]
                # ("the proportion with a BSS score of zero was higher": none of the bad thing)
                none = _FREE_OF.search(lead) or _ENDING_BEFORE.search(lead) or _SCORE_OF_ZERO.match(before, m.end())
                best = (m.end(), -val if val < 0 and none else val, m.group(0))
    return (best[1], best[2]) if best else (0, None)


# --- significance ---------------------------------------------------------------------

# "p = 0.03", "P<.001", "p = 0·004" (a middle dot), "P-value of 0.001", "p value was 0.2"
_P = regexcache.compile(
    r"\bp\s*(?:for trend\s*)?(?:-?\s*values?\s*)?([<=>≤≥:]|&lt;|&gt;|(?:(?<=value)|(?<=values))\s+(?:of|was|is|were)(?=\s)|(?<=P)\s+(?=0?[.·]\d))\s*"
    r"(0?[.·]\d+|\d[.·]\d+(?:\s*[x×]\s*10\s*\(?[-−–]\d+\)?)?)",
    _I,
)
P_VALUE = _P  # (other modules: "is this cue a p-value?")
_CI_LABEL = regexcache.compile(
    r"hazard ratio|odds ratio|risk ratio|relative risk|rate ratio|\b(?:a?HR|a?OR|RR|IRR|MD|SMD)\b|difference|(?-i:\bd\b)", _I
)
_CI = prefiltered(
    r"(hazard ratio|odds ratio|risk ratio|relative risk|rate ratio|incidence rate ratio|\bHR\b|\bOR\b|\bRR\b|\bIRR\b|"
    r"\baOR\b|\baHR\b|difference|\bMD\b|\bSMD\b|(?-i:\bd\b))(?:[^;]{0,60}?|[^;]{0,50}?;\s*)(?:95%\s*(?:CI|confidence interval)|\bCI\b)\s*[,:=]?\s*"
    r"([-−–]?\d+(?:[.·]\d+)?)\s*(?:to|-|–|,)\s*([-−–]?\d+(?:[.·]\d+)?)",
    _I,
)
CI_PATTERN = _CI  # (other modules: a ratio or difference with its interval)


# "Major haemorrhage\n33/2212 (1.5%)\n57/2235 (2.5%)\n0.63 (0.37-1.05)\n0.08": a pasted table row
_TABLE_P = regexcache.compile(r"\d+/\d+\b.*\s(0?\.\d+|1\.0+)\s*$", re.S)


# a table row pasted as text: "Painful defecation 89% 75% 0.27", "MAP (mmHg) 75 ± 11 79 ± 11 0.26",
# "Smoking is relaxing .... 87.2 90.2 N.S.": a label, then only numbers; the last one the p-value
_ROW_NUMBER = r"[-−–+]?(?:\d[\d,]*(?:[.·]\d+)?|[.·]\d+)"
_ROW_TOKEN = regexcache.compile(
    r"^(?:[(\[]*[<>≤≥=]?" + _ROW_NUMBER + r"(?:\s*[±–—/×-]\s*" + _ROW_NUMBER + r")*%?[)\],;:]*[a-z†‡*§¶#]{0,2}[)\],;]*|[±()\[\],;:/–—-]+|to|vs\.?|NS|N\.S\.?|n\.s\.?|\.+)$"
)
_ROW_P = regexcache.compile(r"^[<≤=]?\s*(0?[.·]\d+|1[.·]0+|0)[a-z†‡*§¶#]{0,2}$")
_ROW_VERB = regexcache.compile(r"\b(was|were|is|are|had|showed|did|increased|decreased|reduced|improved|compared|than)\b", _I)


def _table_row_p(text: str) -> float | None:
    """The p-value that ends a pasted table row (1.0 for "NS"), or None when the text is not one."""
    tokens = text.split()
    k = len(tokens)
    while k > 0 and _ROW_TOKEN.match(tokens[k - 1]):
        k -= 1
    numbers = [t for t in tokens[k:] if regexcache.search(r"\d", t)]
    label = " ".join(tokens[:k])
    ns = bool(tokens) and regexcache.fullmatch(r"NS|N\.S\.?|n\.s\.?", tokens[-1]) is not None
    if len(numbers) < (2 if ns else 3) or not regexcache.search(r"[A-Za-z]{2}", label) or len(label.split()) > 14 or _ROW_VERB.search(label):
        return None
    last, before = tokens[-1], tokens[-2] if len(tokens) > 1 else ""
    if ns:
        return 1.0
    last = last.replace("&lt;", "<")
    m = _ROW_P.match(last)
    if not m or before in ("±", "+/-") or last.startswith("("):
        return None
    value = _num(m.group(1))
    if last[0] in "<≤":
        return 0.0 if value <= 0.05 else None  # "<0.05": significant; "<0.2" says nothing
    return value


def _num(s: str) -> float:
    return float(s.replace("−", "-").replace("–", "-").replace("·", ".").replace(",", ""))


_ONE_SIDED = regexcache.compile(r"one-?\s*(?:sided|tailed)\s*$", _I)


def significance(text: str) -> bool | None:
    """True when the clause reports a significant result, False when every test it reports
    is not significant, None when it says nothing about significance."""
    sig: list[bool] = []
    for m in _P.finditer(text):
        if _ONE_SIDED.search(text, max(0, m.start() - 14), m.start()):
            continue  # "one-sided p=0.029" next to an interval that includes no difference: the interval decides
        op = m.group(1)
        try:
            value = _num(m.group(2).split("x")[0].split("×")[0])
        except ValueError:
            continue
        if "10" in m.group(2) and ("x" in m.group(2) or "×" in m.group(2)):
            sig.append(True)
        elif op in ("<", "≤", "&lt;"):
            sig.append(value <= 0.05)
        elif op in ("=", ":") or op.strip().lower() in ("of", "was", "is", "were", ""):
            sig.append(value < 0.05)
        else:
            sig.append(False)
    for m in _CI.finditer(text):
        try:
            lo, hi = _num(m.group(2)), _num(m.group(3))
        except ValueError:
            continue
        # (the estimate named last before the interval is its own: "vitamin D ... (HR 0.96, 95% CI ...")
        label = [x.group(0) for x in _CI_LABEL.finditer(m.group(0)[: m.start(2) - m.start()])][-1:] or [m.group(1)]
        null = 1.0 if regexcache.search(r"ratio|risk|HR|OR|RR|IRR", label[0], _I) else 0.0
        if lo > hi:
            lo, hi = hi, lo
        sig.append(not (lo <= null <= hi))
    if regexcache.search(
        r"\b(?:not\s+|no\s+|non-?\s*|in|approach\w*\s+|near(?:ly)?\s+|close to\s+|borderline\s+|marginal(?:ly)?\s+|trend\w* toward\w*\s+)"
        r"(?:(?:statistic\w*|clinical\w*|any|or|and|reach\w*|achiev\w*|attain\w*|the|level|of|"
        r"(?:found|shown|proven|considered|deemed|observed|seen) to be)\s+)*significan",
        text,
        _I,
    ):
        sig.append(False)
    elif regexcache.search(r"\bsignifican(t|tly|ce)\b", text, _I):
        sig.append(True)
    if not sig and regexcache.search(r"\(\s*(?:NS|N\.S\.?|n\.s\.?)\s*\)|,\s*(?:NS|N\.S\.)\s*\)", text):
        sig.append(False)  # "2.2% and 2.7% (NS)"
    table_p = _TABLE_P.search(text)
    if table_p and not sig:
        sig.append(_num(table_p.group(1)) < 0.05)  # a table row that ends with its p-value
    row_p = None if sig else _table_row_p(text)
    if row_p is not None:
        sig.append(row_p < 0.05)
    if not sig:
        return None
    return any(sig)


# --- arms -----------------------------------------------------------------------------


_DOSE_AMOUNT = regexcache.compile(r"(?<![\w.·])(\d+(?:[.·]\d+)?)\s*(?:" + vocab.DOSE_AMOUNT_UNITS + r")(?![\w])", _I)
_DOSE_WORD = regexcache.compile(r"\b(?:(high|higher|large|larger)|(low|lower|small|smaller|standard))[- ]dose\b", _I)


_AMOUNT_NUMBER = r"(\d[\d,]*(?:[.·]\d+)?|" + vocab.CARDINAL_PATTERN + r")"


@lru_cache(maxsize=256)
def amount_of_unit(unit: str) -> re.Pattern[str]:
    """An amount in ``unit`` ("less than 6 hours", "7 to 8 hours", "4,000 steps")."""
    return regexcache.compile(
        r"(?:(?<![\w-])(" + vocab.AMOUNT_BELOW + r")|(?<![\w-])(" + vocab.AMOUNT_ABOVE + r"))?\s*(?<![\w.·,])" + _AMOUNT_NUMBER
        + r"(?:\s*(?:to|-|–)\s*" + _AMOUNT_NUMBER + r")?\s*(?:" + unit + r")\b",
        _I,
    )


def _amounts_of(text: str, unit: str) -> list[tuple[float, int]]:
    """The amounts in ``unit`` a sentence names, as (value, where): a range by its middle, a bound
    just past its number ("less than 6 hours" a little under 6)."""
    out = []
    for m in amount_of_unit(unit).finditer(text):
        low = _amount(m.group(3))
        value = (low + _amount(m.group(4))) / 2 if m.group(4) else low
        value += -0.01 * max(value, 1) if m.group(1) else 0.01 * max(value, 1) if m.group(2) else 0
        out.append((value, m.start()))
    return out


def _one_bound(text: str, unit: str) -> int:
    """+1 / -1 when the sentence names one amount in ``unit``, as a bound ("those taking fewer than
    7,000 steps ... than those taking more": the lower group, set against the rest); else 0."""
    found = list(amount_of_unit(unit).finditer(text))
    if len(found) != 1 or not (found[0].group(1) or found[0].group(2)):
        return 0
    return -1 if found[0].group(1) else 1


def _dose_levels(text: str, unit: str | None = None) -> tuple[list[int], list[int]] | None:
    """Where a sentence names the higher and the lower of exactly two doses ("1.0 mg/kg ... 0.5
    mg/kg", "the high-dose group ... the low-dose group"), or two amounts in the claim's unit
    ("those sleeping 7 to 8 hours ... less than 6 hours"); None when it names not two."""
    amounts = _amounts_of(text, unit) if unit else [(_num(m.group(1)), m.start()) for m in _DOSE_AMOUNT.finditer(text)]
    values = {v for v, _ in amounts}
    if len(values) == 2:
        top = max(values)
        return [p for v, p in amounts if v == top], [p for v, p in amounts if v != top]
    if unit:
        bound = _one_bound(text, unit) if len(values) == 1 else 0
        # (the group within the bound, against the rest: "fewer than 7,000 steps ... than those taking more")
        return ([], [amounts[0][1]]) if bound < 0 else ([amounts[0][1]], []) if bound > 0 else None
    if values:
        return None
    words = list(_DOSE_WORD.finditer(text))
    high, low = [m.start() for m in words if m.group(1)], [m.start() for m in words if m.group(2)]
    return (high, low) if high and low else None


@dataclass(frozen=True)
class Arms:
    """What names the claim's intervention and its comparator in a sentence."""

    intervention: re.Pattern[str] | None
    comparator: re.Pattern[str] | None
    loss: bool = False  # the claim's subject is itself a loss of function ("autophagy deficiency")
    # the claim's subject is a dose changed: -1 "Reducing salt intake ...", +1 "Raising ...", 0 neither
    changed: int = 0
    withdrawn: bool = False  # the claim's subject is a treatment stopped ("Stopping alendronate ...")
    continued: bool = False  # the claim's subject is a treatment kept on ("Staying on esketamine ...")
    # the claim's subject is a level of dose: +1 "Higher doses of X ...", -1 "Lower doses ...", 0 neither
    dose_level: int = 0
    # ... said as an amount in a unit ("Sleeping less than six hours ...": -1, "hours")
    amount_unit: str | None = None

    def positions(self, text: str) -> tuple[list[int], list[int]]:
        """Where the intervention's arm and the comparator's are named in ``text`` (the start of
        each name).  A sentence is asked this several times while it is read: the answer is kept
        (``_arm_positions``); the caller gets lists of its own."""
        found_i, found_c = _arm_positions(self, text)
        return list(found_i), list(found_c)

    def _positions(self, text: str) -> tuple[list[int], list[int]]:
        doses = _dose_levels(text, self.amount_unit) if self.dose_level else None
        if doses is not None:
            # "the 0.2 mg/kg dose produced greater improvement than the 0.5 mg/kg dose": for a claim
            # about higher doses, the higher of two doses named is its arm, the lower its comparator
            high, low = doses
            return (high, low) if self.dose_level > 0 else (low, high)
        if self.withdrawn:
            # "declined by 2.4% among women who switched to placebo, compared with 1.0% among those
            # who continued alendronate": the arm that stopped, and the one that went on
            stopped = [m.start() for m in _WITHDRAWAL.finditer(text)] + [m.start() for m in CONTROL.finditer(text)]
            went_on = [m.start() for m in _CONTINUATION.finditer(text)]
            went_on += [m.start() for m in self.comparator.finditer(text)] if self.comparator else []
            return sorted(set(stopped)), sorted(set(went_on) - set(stopped))
        if self.continued:
            # "patients switched from esketamine to placebo had twice the hazard of relapse of those
            # who continued esketamine": the arm that went on is the claim's, the one that stopped its comparator
            # (not the design's name: "a randomised withdrawal study")
            stopped = [m.start() for m in _WITHDRAWAL.finditer(text) if not _DESIGN_NAME.match(text, m.end())]
            stopped += [m.start() for m in CONTROL.finditer(text)]
            went_on = [m.start() for m in _CONTINUATION.finditer(text)]
            # (the drug's own name, where no stopping is said of it: "continued esketamine", "esketamine-treated")
            went_on += [
                m.start() for m in self.intervention.finditer(text) if not _WITHDRAWAL.search(text, max(0, m.start() - 40), m.start())
            ] if self.intervention else []
            return sorted(set(went_on) - set(stopped)), sorted(set(stopped))
        # (each arm's pattern searched once)
        named_i = list(self.intervention.finditer(text)) if self.intervention else []
        named_c = list(self.comparator.finditer(text)) if self.comparator else []
        controls = list(CONTROL.finditer(text))
        i = [m.start() for m in named_i]
        i += [m.start() for m in _INTERVENTION_ARM.finditer(text)]
        c = [m.start() for m in named_c]
        # (not a control word inside the intervention's own name: "rhythm control", "rate-control")
        i_spans = [(m.start(), m.end()) for m in named_i]
        # (nor the claim's own subject when it is a control: "Midazolam works just as well as ketamine")
        c += [m.start() for m in controls if not any(a <= m.start() < b for a, b in i_spans)]
        if self.comparator is None and i and self.intervention is not None:
            # a claim with no comparator: "13% of patients with mesh and 30% of those with primary
            # suture only": the other group, named after the intervention's by what it got instead
            c += [
                m.start() for m in _OTHER_GROUP.finditer(text)
                if m.start() > min(i) and not self.intervention.search(text[m.end() : m.end() + 40])
            ]
            # "... in the early enteral group and 31.0% in the parenteral group": a group named by
            # a word of its own after the intervention's
            c += [
                m.start(1) for m in _NAMED_GROUP.finditer(text)
                if m.start() > min(i) and not self.intervention.search(m.group(0)) and m.group(1).lower() not in _NOT_GROUP_NAMES
            ]
        # "those who did not receive WBRT", "patients without ketamine": the other arm
        # "sham moxibustion", "placebo acupuncture": the comparator's word in front names the comparator
        c_ends = {m.end() for m in named_c}
        c_ends |= {m.end() for m in controls}  # ("saline infusions": the control's infusions)
        i = [p for p in i if not any(0 < p - e <= 1 for e in c_ends)]
        # "medical therapy plus bariatric surgery": the comparator's words inside the add-on arm
        # name the intervention arm, not the comparator
        c = [p for p in c if not (i and _ADD_ON.match(text[p:]) and any(0 < q - p <= 60 for q in i))]
        # "esketamine plus a new oral antidepressant": what the intervention is given with is its arm
        c = [p for p in c if not any(0 < p - q <= 60 and _WITH_ADDED.search(text[q:p]) for q in i)]
        if self.intervention is not None:
            # "serum selenium was 90.9 in the SeG": the substance measured, not the arm given it
            measured = {
                m.start() for m in named_i
                if _MEASURED.search(text[max(0, m.start() - 30) : m.start()]) or _MEASURED_AS.match(text, m.end())
            }
            i = [p for p in i if p not in measured]
        negated = [p for p in i if _NOT_RECEIVING.search(text[max(0, p - 30) : p])]
        i = [p for p in i if p not in negated]
        c += negated
        # ("Across five midazolam-controlled trials, ketamine ...": the kind of trial, not an arm)
        designs = {m.start() for m in (*named_c, *controls) if _DESIGN_AFTER.match(text, m.end())}
        c = [p for p in c if p not in designs]
        # a position that is both (a term shared by the two arms) is not evidence of either
        shared = set(i) & set(c)
        return [p for p in i if p not in shared], sorted(p for p in set(c) if p not in shared)


@lru_cache(maxsize=4096)
def _arm_positions(arms: Arms, text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    found_i, found_c = arms._positions(text)
    return tuple(found_i), tuple(found_c)


_DESIGN_AFTER = regexcache.compile(r"[\s-]+controlled\b", _I)
_OTHER_GROUP = regexcache.compile(
    r"\b(?:those|patients|participants|subjects|controls)\s+(?:with|receiving|given|treated with|taking|on|assigned to|undergoing|who received)\s+", _I
)
_NAMED_GROUP = regexcache.compile(r"\b(?:in|of|with|for|than|and|vs\.?|versus)\s+the\s+([A-Za-z][\w-]{2,})\s+(?:group|arm)\b", _I)
_NOT_GROUP_NAMES = vocab.GENERIC_GROUP_WORDS
_WITH_ADDED = regexcache.compile(r"^\S+(?:\s+\S+){0,3}?\s+(?:plus|\+|combined with|in combination with|added to)\s+(?:[^\s,;]+\s+){0,3}$", _I)
_FILLER = regexcache.compile(
    r"(\s+(the|a|an|those|patients|participants|subjects|women|men|users|people|receiving|given|treated with|"
    r"taking|on|with|in|after|for|among|of|using|one|two|three|four|five|six|single|active|\d+|[\w-]+ed|"
    # ("than among participants randomized to oral ketamine")
    r"(?:randomi[sz]ed|assigned|allocated)\s+to|oral|intravenous|intranasal|sublingual|subcutaneous|inhaled|topical)\b)*\s*$",
    _I,
)


# ("than those with X", "compared to the nights with placebo": people or times, not "versus
# placebo with X", where the arm after "with" is the subject)
_REFERENCE_VIA = regexcache.compile(
    r"\b(?:compared (?:with|to)|versus|vs\.?|than|relative to)\s+(?:the\s+|those\s+)?(?:those|that|" + vocab.PEOPLE_NOUNS + r"|nights|days|weeks|sessions|visits|cycles|groups?|arms?|cases|controls)"
    r"\s+(?:with|on|in|receiving|given|taking|after|under|using)\s+(?:the\s+|a\s+)?$",
    _I,
)


def _is_reference(text: str, pos: int) -> bool:
    """Is the arm named at ``pos`` the reference of a comparison ("than X", "compared with X")?"""
    before = text[max(0, pos - 50) : pos]
    if _REFERENCE.search(before):
        return True
    markers = list(_REFERENCE_ANYWHERE.finditer(before))
    if markers:
        marker = markers[-1]
        # "Compared with a conservative strategy, ...", "Compared with as-needed terbutaline": a
        # word or two of the arm's own name between (not "than those with"; the filler below
        # would take "Compared" itself)
        between = before[marker.end() :].split()
        # (nor a level: "than those with low expression" sets two levels of the same thing apart)
        if 1 <= len(between) <= 2 and all(
            regexcache.fullmatch(r"[\w-]+", w) and (w.lower() in ("the", "a", "an") or w.lower() not in _STOP and w.lower() not in vocab.LEVEL_WORDS)
            for w in between
        ):
            return True
    # allow a few words between the marker and the arm: "than in the esketamine arm", "than six midazolam",
    # "compared to the nights with placebo"
    return bool(_REFERENCE.search(_FILLER.sub("", " " + before)) or _REFERENCE_VIA.search(before))


_LEADING_REFERENCE = regexcache.compile(r"\s*(?:as\s+)?(?:compared (?:with|to)|relative to|versus|vs\.?)\s+", _I)
_LEADING_REFERENCE_END = regexcache.compile(r",\s")  # (not the comma of "2,840")
_COMPARATIVE = regexcache.compile(r"\b(more|less|fewer|higher|lower|greater|larger|smaller|longer|shorter)\b", _I)
# a comparative, then the comparator as the place it was found: "more in group II", "higher among placebo-treated"
_OTHER_ARM_LOCUS = regexcache.compile(r"\b(more|less|fewer|higher|lower|greater|larger|smaller|longer|shorter)\b[^;,()]{0,40}\b(in|with|among|for)\s+(the\s+)?([\w-]+\s+){0,2}$", _I)
# the comparator as the subject of a comparative: "the combination group had a longer recovery time"
_OTHER_ARM_SUBJECT = regexcache.compile(
    r"(?:[\w+-]+\s+){0,3}?(?:had|has|showed|demonstrated|experienced|reported|was|were|achieved)\s+(?:a\s+|an\s+)?(?:\w+ly\s+)?"
    r"(?:more|less|fewer|higher|lower|greater|larger|smaller|longer|shorter)\b",
    _I,
)
_REFERENCE_AFTER = regexcache.compile(r"\b(than|compared (with|to)|relative to)\b", _I)  # (not "vs", which also parts numbers)


def _listed_together(text: str, arms: Arms, ipos: list[int], cpos: list[int]) -> bool:
    """Are the two arms named side by side in a list ("in group E and group N", "A or B"), with
    no numbers given for each ("... 27% and 50% in the A and B groups, respectively")?"""
    if regexcache.search(r"\brespectively\b", text, _I):
        return False
    first, second = sorted((min(ipos), min(cpos)))
    first_arm = arms.intervention if first in ipos else arms.comparator
    m = first_arm.match(text, first) if first_arm is not None else None
    end = m.end() if m else first
    between = text[end:second]
    return regexcache.fullmatch(r"(?:\s+(?:group|arm)s?)?\s*(?:,|and|or|&)\s+(?:the\s+|in\s+(?:the\s+)?)?", between, _I) is not None


_BRACKETED = regexcache.compile(r"\([^()]*\)|\{[^{}]*\}|\[[^\[\]]*\]")


def _outside_brackets(text: str, ipos: list[int], cpos: list[int]) -> tuple[list[int], list[int]]:
    """The arms' positions outside brackets, when both arms are named there too."""
    spans = [m.span() for m in _BRACKETED.finditer(text)]
    oi = [p for p in ipos if not any(a < p < b for a, b in spans)]
    oc = [p for p in cpos if not any(a < p < b for a, b in spans)]
    return (oi, oc) if oi and oc else (ipos, cpos)


def arm_sign(text: str, arms: Arms) -> int | None:
    """+1 when the clause's comparative is about the intervention, -1 when it is about the
    comparator (the intervention is the reference), None when it names only a control arm."""
    ipos, cpos = arms.positions(text)
    if ipos and cpos:
        # the arms named again inside brackets, with their figures ("higher in the B group compared
        # to the A group {85.5 in A and 244 in B}"), are not the comparison's subject and reference
        ipos, cpos = _outside_brackets(text, ipos, cpos)
    if not ipos and not cpos:
        # "... more frequently in those who did not receive WBRT": an arm is named that this
        # reader does not know; which one did better cannot be told
        # "Sost-/- mice had higher bone formation": something was removed that this reader cannot
        # tie to the claim's intervention
        return None if _UNKNOWN_NEGATED_ARM.search(text) or _UNKNOWN_KNOCKOUT.search(text) else 1
    absent = _absent_arm_sign(text, ipos)
    if absent is not None:
        return absent
    refs = [_is_reference(text, p) for p in ipos]
    if any(refs) and not all(refs):
        return None  # the intervention's words name both arms ("six infusions ... than one infusion")
    if ipos and not cpos:
        return -1 if all(refs) and regexcache.search(r"\bthan\b", text, _I) else 1
    if cpos and not ipos:
        # "placebo ... than ketamine" would name the intervention; only the control is named
        if all(_is_reference(text, p) for p in cpos):
            return 1  # "... lower than placebo": the subject is the (unnamed) intervention
        if _COMPARATIVE.search(text) and (_OTHER_ARM_LOCUS.search(text[: cpos[0]]) or _REFERENCE_AFTER.search(text, cpos[0]) or _OTHER_ARM_SUBJECT.match(text, cpos[0])):
            # "apnoea was more frequent in group II", "the placebo group had higher levels ... than
            # the LGG group": the comparator is the arm with more
            return -1
        return None
    lead = _LEADING_REFERENCE.match(text)
    end = _LEADING_REFERENCE_END.search(text, lead.end()) if lead and ipos and cpos else None
    # "Compared with 2,840 matched patients on usual care, those treated with X had ...": the
    # comparator of the opening phrase is the reference, the intervention after its comma the
    # subject (not the other way round: "Compared with men taking one sauna session per week,
    # those taking 4 to 7 ..." sets two doses apart, the words of neither name the subject)
    if end and all(p < end.start() for p in cpos) and all(p > end.start() for p in ipos):
        return 1
    if end and all(p < end.start() for p in ipos) and all(p > end.start() for p in cpos) and arms.comparator is not None and all(arms.comparator.match(text, p) for p in cpos):
        # ... and the other way round, the comparator named after the comma: "Compared with patients
        # assigned to X, those assigned to Y had ..." (not "those taking 4 to 7 sessions": no arm's name)
        return -1
    i_ref = any(_is_reference(text, p) for p in ipos)
    c_ref = any(_is_reference(text, p) for p in cpos)
    if i_ref and not c_ref:
        return -1
    if c_ref and not i_ref:
        return 1
    if not i_ref and not c_ref and _listed_together(text, arms, ipos, cpos):
        return None  # "higher in group E and group N": the two arms together, neither above the other
    setting = _LEADING_ARM_SETTING.match(text)
    if setting:
        # "On the control diet, reducing sodium lowered ...": an arm named in the opening setting,
        # the other as the subject right after it — the subject is the one after the comma
        after = setting.end() + len(text[setting.end() :]) - len(text[setting.end() :].lstrip())
        opens = [p for p in ipos + cpos if p >= setting.end() and not text[after:p].strip(" (")]
        if opens and all(p < setting.end() for p in (cpos if opens[0] in ipos else ipos)):
            return 1 if opens[0] in ipos else -1
    # neither or both: the arm named first is the subject ("ECT produced ... than ketamine")
    return 1 if min(ipos) < min(cpos) else -1


# the intervention named as what people did not take ("participants who never drank coffee",
# "non-drinkers of coffee", "those who did not receive X")
# (or marked by read_clause's "population" for "who did not ...")
_ABSENT_BEFORE = regexcache.compile(r"\b(?:never|not|no|without|non-?[\w]*)\s+(?:[\w-]+\s+){0,2}$|\bnon-$|\bpopulation\s+$", _I)
_THAN = regexcache.compile(r"\bthan\b", _I)


def _absent_arm_sign(text: str, ipos: list[int]) -> int | None:
    """The sign of a comparison between people without the intervention and people with it:
    "those who never drank coffee had higher mortality than those who drank 3 to 4 cups" is -1
    (the subject is without it), "... than non-drinkers" +1; None when no mention is of its absence."""
    than = _THAN.search(text)
    if than is None or not ipos:
        return None
    absent = [p for p in ipos if _ABSENT_BEFORE.search(text[max(0, p - 30) : p])]
    if not absent:
        return None
    present = [p for p in ipos if p not in absent]
    if all(p < than.start() for p in absent) and all(p > than.start() for p in present):
        return -1
    if all(p > than.start() for p in absent) and present and all(p < than.start() for p in present):
        return 1
    return None


_LEADING_ARM_SETTING = regexcache.compile(
    # (and what the intervention is added to: "When added to statin therapy, X resulted in ...")
    r"^\s*(?:in|on|among|across|within|for|with|(?:when\s+)?(?:added|given|combined)\s+(?:to|with)|in addition to|on top of|on a background of)\s+[^,;]{2,60},\s*",
    _I,
)


# (a minus sign kept: "changed by −19.8 with A and −15.8 with B")
_NUMBER = r"((?:(?<=[\s(,:=])[-−–])?(?:\d{1,3}(?:,\d{3})+(?![\d,])(?:[.·]\d+)?|\d+(?:[.·]\d+)?))\s*(%|percent|points?|days?|weeks?|hours?|months?|mm ?Hg|mg|mL|ml|patients|participants)?"
_ARM_PREP = r"(?:with|after|in|on|during|for|among|receiving|given|in the|of)"


_AFTER_ARM = regexcache.compile(
    # (an arm's label is part of its name: "Group 1 (86.1 days)" is 86.1, not 1)
    r"^(?:groups?\s+(?:[A-Z]{1,3}\d?|[IVX]{1,4}|\d)\b|[\w-]*)(?:\s+(?:[\w-]+\s+){0,2}?(?:group|arm|condition|patients|participants|subjects))?\s*(?:\([^()]{0,20}\))?\s*"
    r"(?:,\s*)?(?:is|was|were|of|had|showed|reached|:|=|(?:improved|decreased|increased|fell|rose|dropped|declined|changed|reduced|lowered)\s+by)?\s*(?:a |an )?(?:(?:mean|median)(?:\s+[a-z-]+){0,2}?\s+(?=of\b)|mean|median|rate|score)?\s*(?:of\s+)?"
    r"(?:\(\s*(?:n\s*=\s*)?\d+\s*/\s*\d+\s*[,;]\s*|\(\s*)?" + _NUMBER,  # "the control group (13/39, 33%)", "Group 1 (86.1 days)"
    _I,
)
_RESPECTIVELY = regexcache.compile(_NUMBER + r"[^;\d]{0,20}?\s(?:and|vs\.?|versus)\s+" + _NUMBER + r"(?=[^;]*\brespectively\b)", _I)  # (the two numbers side by side)
# two numbers set against each other ("83.7% versus 64.3%", "12.9 cm vs. 8.9"), read in the order
# of two arms listed together next to them: "between the A group and the B group (83.7% versus
# 64.3%, P = 0.014)", "was 12.9 cm versus 8.9 (p < 0.05) in the A and B groups"
# (each number may carry its spread: "82.31 (20.23) vs 36.78 (22.53)", "1 (0; 3) cm vs -1 (-2; 0) cm")
_SPREAD = r"(?:\s*\([^()]{1,25}\))?"
_PAIR = regexcache.compile(_NUMBER + _SPREAD + r"(?:\s*(?:cm|mm|kg|g|min|s|ml|mL|%))?\s*(?:vs\.?|versus)\s+" + _NUMBER, _I)
_PAIR_BEFORE_ARMS = regexcache.compile(r"^\s*(?:\([^()]{0,40}\)\s*)?,?\s*(?:in|for|between|among)\s+(?:the\s+)?$", _I)
_PAIR_AFTER_ARMS = regexcache.compile(
    r"^[\w-]*(?:\s+(?:groups?|arms?))?(?:\s+(?:at|during|after|in)\s+[\w\s-]{0,25}?)?\s*[(,]\s*$"
    # "A versus placebo comparison of mean (sd) EDITS scores: 82.31 (20.23) vs 36.78 (22.53)",
    # "during A vs placebo was 1 (0; 3) cm vs -1 (-2; 0) cm"
    r"|^(?:[^;\d()]|\([^()\d]{0,10}\)){0,80}?(?:\bwas|\bwere|:)\s*\(?$",
    _I,
)


_BEFORE_ARM = regexcache.compile(
    # "59% after ketamine", "8 cases (16%) in the CLF group", "47/50 (94%) ... in D-Blade group":
    # a share in parentheses after a count is the number to compare
    # ("302.2 ± 79.5 in the A group": the spread after a mean is not the value)
    # ("12 of 45 infants receiving A": a count out of its arm is the share 12/45)
    _NUMBER + r"(?:\s*(?:/|of|out of)\s*(?P<den>\d+))?(?:\s*(?:±|\+/-)\s*\d+(?:[.·]\d+)?\s*%?)?(?:\s+[a-z]+){0,2}?(?:\s*\(\s*(?P<pct>\d+(?:[.·]\d+)?)\s*%\s*\)|\s*\([^()]{0,30}\))?[^\d;()]{0,30}?"
    + _ARM_PREP + r"?\s*(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    _I,
)


# a number that names a time point, a dose or a label is not a value: "at week 12", "75 mg"
_NOT_A_VALUE = regexcache.compile(r"\b(weeks?|days?|months?|years?|hours?|h|minutes?|min|visits?|cycles?|grade|stage|phase|type|group|arm|day|wk|mo|yr|aged?|n\s*=)\s*$", _I)
# "after 4 and 8 weeks", "at 6 months": a time point
_TIME_POINT_BEFORE = regexcache.compile(r"\b(after|at|within|during|over|until|by|for|to)\s+(\d+(\.\d+)?\s*(,|and|or|to|-|–)\s*)*$", _I)
_TIME_UNIT = regexcache.compile(r"\s*(and\s+\d+\s*)?(weeks?|days?|months?|years?|hours?|h|minutes?|min|wk|mo)\b", _I)
# a time since a dose ("24 hours after ketamine"): when the arm was measured, not its value
_TIME_SINCE = regexcache.compile(r"\s*(weeks?|days?|months?|years?|hours?|h|minutes?|min|wk|mo)\s+(?:after|following|post)\b", _I)


def _value_before(clause: str, pos: int) -> tuple[float, int] | None:
    start = max(0, pos - 60)
    while start > 0 and regexcache.match(r"[\d.,·]", clause[start - 1]):
        start -= 1  # never the tail of a number cut by the window ("7" of "12.7")
    found = list(_BEFORE_ARM.finditer(clause[start:pos]))
    if not found:
        return None
    m = found[-1]
    at = start + m.start()
    if _TIME_SINCE.match(clause, start + m.end(1)):
        # "52% were free of it 24 hours after A": the figure before the time since the dose
        return _value_before(clause, at) if at > 0 else None
    if _DIFFERENCE_AFTER.match(clause, start + m.end(1)):
        return None  # "12.7 points lower after A than after B": the difference, not A's value
    dose = _DOSE_AFTER.match(clause, start + m.end(1))
    if dose and _MEASURED_IN.match(clause, dose.end()):
        dose = None  # "morphine use was 4.4 mg in the A group": an amount measured in an arm, not its dose
    if _NOT_A_VALUE.search(clause[:at]) or dose or _TIME_POINT_BEFORE.search(clause[:at]) and _TIME_UNIT.match(clause, start + m.end(1)):
        return None  # "at week 12 in the A group", "75 mg vs. placebo": not the outcome's value
    share = _SHARE_OF.search(clause[:at])
    if share:
        return _num(share.group(1)), share.start()  # "513 (12%) of 4148 patients allocated A": 12%, not the arm's size
    if m.group("pct"):
        return _num(m.group("pct")), start + m.start()
    if m.group("den") and int(m.group("den")):
        return 100 * _num(m.group(1)) / int(m.group("den")), start + m.start()
    return _num(m.group(1)), start + m.start()


# a figure followed by its comparison ("12.7 points lower after", "3.1 times more often"): a difference
_DIFFERENCE_AFTER = regexcache.compile(r"\s*%?\s*(?:[a-z]+\s+){0,2}?(?:" + vocab.COMPARATIVE_WORDS + r")\b", _I)
_SHARE_OF = regexcache.compile(r"\(\s*(\d+(?:[.·]\d+)?)\s*%\s*\)\s+(?:of|out of)\s+$", _I)
_MEASURED_IN = regexcache.compile(r"\s*(?:\([^()]{0,30}\)\s*)?(?:in|among|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:group|arm|patients)\b", _I)
_DOSE_AFTER = regexcache.compile(r"\s*(mg|µg|μg|mcg|g|IU|units?)\b(?!\s*/\s*(dl|l|ml)\b)", _I)


def _value_after(clause: str, pos: int) -> tuple[float, int] | None:
    m = _AFTER_ARM.match(clause[pos:]) or _MEASURE_OF_ARM.match(clause[pos:])
    if not m or _DOSE_AFTER.match(clause, pos + m.end(1)):
        return None  # ("oral semaglutide 14 mg and ... sitagliptin 100 mg": doses, not values)
    return _num(m.group(1)), pos + m.start(1)


# the arm as the subject of its own measure, a few words on: "Placebo nasal spray was associated
# with a MADRS change of -17.0" (no other figure or clause between)
_MEASURE_OF_ARM = regexcache.compile(
    r"^[^;,:\d()]{0,70}?\b(?:change|score|reduction|decrease|increase|improvement|fall|rise|gain|loss|rate)\s+(?:of|was)\s+" + _NUMBER, _I
)


def _mentions(clause: str, positions: list[int]) -> list[tuple[int, int]]:
    """Positions of an arm's words grouped into mentions: (first word, last word) of each run of
    words no more than two short words apart."""
    runs: list[tuple[int, int]] = []
    for p in sorted(positions):
        if runs and regexcache.fullmatch(r"[\w-]+(\s+[\w-]+)?\s+(?:[\w-]{1,4}\s+)?", clause[runs[-1][1] : p]):
            runs[-1] = (runs[-1][0], p)
        else:
            runs.append((p, p))
    return runs


_IMPROVED_BY = regexcache.compile(r"\bimprov\w*\b(\s+\w+){0,2}\s+by\s*$|\bimprov\w*\s+by\b|\bimprovements?\b(\s+(in|of)\s+[\w-]+(\s+[\w-]+)?)?\s+(was|were|of)\b[^;]{0,20}$", _I)


# a change said to be smaller than the other arm's: "reduced pain less than placebo", "lost less
# weight than controls", "decreased to a lesser extent than"
_SMALLER_THAN = regexcache.compile(
    r"^\s*(?:(?!(?:was|were|is|are)\b)[\w-]+\s+){0,3}?(?:less|to a (?:lesser|smaller) (?:extent|degree))\b[^;.]{0,60}?\bthan\b", _I
)
COMPARATIVE_WORD = regexcache.compile(r"(?:" + vocab.COMPARATIVE_WORDS + r")$", _I)


def smaller_change(text: str, word: str) -> bool:
    """Is the change ``word`` in ``text`` said to be smaller than the other arm's ("gained less
    weight than", "reduced pain less than")?"""
    m = re.search(r"\b" + re.escape(word) + r"\b", text, _I)
    return m is not None and not COMPARATIVE_WORD.match(word) and bool(_SMALLER_THAN.match(text[m.end() :]))


def _listed_pair(clause: str, first_arm: int, last_arm: int) -> re.Match[str] | None:
    """Two numbers set against each other right before or right after two arms listed together."""
    for m in _PAIR.finditer(clause):
        if m.end() <= first_arm and _PAIR_BEFORE_ARMS.match(clause[m.end() : first_arm]):
            return m
        if m.start() > last_arm and _PAIR_AFTER_ARMS.match(clause[last_arm : m.start()]):
            return m
    return None


def _pair_for_listed_arms(clause: str, arms: Arms) -> bool:
    ipos, cpos = arms.positions(clause)
    mi, mc = _mentions(clause, ipos), _mentions(clause, cpos)
    if len(mi) != 1 or len(mc) != 1:
        return False
    first, last = min(mi[0][0], mc[0][0]), max(mi[0][1], mc[0][1])
    between = clause[min(mi[0][1], mc[0][1]) : max(mi[0][0], mc[0][0])] + " "
    listed = regexcache.fullmatch(r"[^;()]{0,40}?\s(and|or|vs\.?|versus)\s+(the\s+)?", between, _I) is not None
    return listed and _listed_pair(clause, first, last) is not None


_ARM_PHRASE_END = regexcache.compile(
    r"[^,;()]*?(?=\s+(?:and|or|vs\.?|versus|compared|than|respectively|were|was|had|"
    # (or the verb that says what was counted: "3% of midazolam recipients met response criteria")
    r"no|not|never|met|achieved|reached|attained|responded|remitted|relapsed|showed|experienced|developed|reported|improved|died|did)\b|[,;()]|$)",
    _I,
)


def _without_arm_names(clause: str, arms: Arms) -> str:
    """The clause with each arm's name blanked out ("8% of patients on other mood stabilizers":
    "mood" is a treatment's name here, not an outcome)."""
    ipos, cpos = arms.positions(clause)
    out = clause
    for p in ipos + cpos:
        m = _ARM_PHRASE_END.match(clause, p)
        end = m.end() if m else p
        out = out[:p] + " " * (end - p) + out[end:]
    return out


# "53.9, 54.2 and 35.3 mL/min for A MI, A LI and B, respectively": three or more figures and as
# many arms, in the same order
_MANY_VALUES = regexcache.compile(
    r"(?<![\w.])([-−]?\d+(?:[.·]\d+)?)(?:\s*(?:±|\+/-)\s*\d+(?:[.·]\d+)?)?\s*%?((?:\s*,\s*[-−]?\d+(?:[.·]\d+)?(?:\s*(?:±|\+/-)\s*\d+(?:[.·]\d+)?)?\s*%?){1,4})"
    r",?\s+and\s+([-−]?\d+(?:[.·]\d+)?)(?:\s*(?:±|\+/-)\s*\d+(?:[.·]\d+)?)?\s*%?[^;]{0,40}?\b(?:for|in|with|among)\s+(?:the\s+)?"
    r"([^;()]{3,160}?),?\s+respectively\b",
    _I,
)


def _respectively_many(clause: str, arms: Arms) -> tuple[int, str, str, float] | None:
    """Three or more figures for as many arms named after them, "respectively": +1 when every
    figure of the intervention's arms is above every figure of the comparator's, -1 when below."""
    if "respectively" not in clause.lower() or arms.intervention is None or arms.comparator is None:
        return None
    m = _MANY_VALUES.search(clause)
    if not m:
        return None
    values = [_num(m.group(1))] + [_num(v.split("±")[0].split("+/-")[0].strip(" %")) for v in m.group(2).split(",") if v.strip()] + [_num(m.group(3))]
    names = [n.strip() for n in regexcache.split(r",\s*(?:and\s+)?|\s+and\s+", regexcache.sub(r"\s+(?:groups?|arms?)$", "", m.group(4).strip())) if n.strip()]
    if len(names) != len(values) or len(values) < 3:
        return None
    side = []
    for name in names:
        i, c = arms.intervention.search(name) is not None, arms.comparator.search(name) is not None or CONTROL.search(name) is not None
        if i == c:
            return None  # (an arm that is both, or neither: which side is it on?)
        side.append(1 if i else -1)
    vi = [v for v, k in zip(values, side, strict=True) if k > 0]
    vc = [v for v, k in zip(values, side, strict=True) if k < 0]
    if not vi or not vc:
        return None
    if min(vi) > max(vc):
        d = 1
    elif max(vi) < min(vc):
        d = -1
    else:
        return None
    size = abs(sum(vi) / len(vi) - sum(vc) / len(vc)) / max(max(map(abs, vi)), max(map(abs, vc)), 1e-9)
    return d, m.group(0), "direction", size


def _arm_numbers(clause: str, arms: Arms) -> tuple[int, str, str, float] | None:
    """Numbers stated per arm: "response in 59% after ketamine and 25% after midazolam",
    "decreased by 19.8 points with esketamine and by 15.3 points with placebo", "the mean score
    for the experimental group is 1.6 and for the control group 3.6", "20.5% in the SeG compared
    to 44.5% in the CG", "16 and 13 min with A and B, respectively".  Returns the direction for the
    intervention (+1 its value is higher; times -1 when the numbers are the size of a fall), the
    cue, what the numbers measure ("direction"; "goodness" when they are sizes of an
    improvement) and the relative size of the difference, or None when the clause does not state
    one number per arm."""
    many = _respectively_many(clause, arms)
    if many is not None:
        return many
    ipos, cpos = arms.positions(clause)
    # the arms named again inside brackets ("(risk ratio for A vs B 1.22; ...)") are not where their figures are
    ipos, cpos = _outside_brackets(clause, ipos, cpos)
    # the words of one mention ("the snare cauterization group") are one arm, named once
    named = _mentions(clause, ipos)
    if len(named) != 1 or not cpos:
        return None
    ipos = [named[0][0]]
    i_last = named[0][1]
    cpos = [_mentions(clause, cpos)[0][0]] + cpos[1:]
    c_last = _mentions(clause, cpos)[0][1]
    resp = _RESPECTIVELY.search(clause)
    try:
        # "16 and 13 min with A and B, respectively"; "for A and B were 3.5 and 5.1, respectively"
        listed = regexcache.fullmatch(r"[^;()]{0,40}?\s(and|or|vs\.?|versus)\s+(the\s+)?", clause[min(i_last, c_last) : max(ipos[0], cpos[0])] + " ", _I) is not None
        pair = _listed_pair(clause, min(ipos[0], cpos[0]), max(i_last, c_last)) if listed and not resp else None
        if resp and (resp.end() <= min(ipos[0], cpos[0]) or resp.start() >= max(ipos[0], cpos[0]) and listed):
            first, second = _num(resp.group(1)), _num(resp.group(3))
            vi, vc = (first, second) if ipos[0] < cpos[0] else (second, first)
            at_i = at_c = resp.start()
        elif pair is not None:
            first, second = _num(pair.group(1)), _num(pair.group(3))
            vi, vc = (first, second) if ipos[0] < cpos[0] else (second, first)
            at_i = at_c = pair.start()
        else:
            # a number right after each arm ("placebo, 39.1%; A 20 mg, 29.3%") binds tighter than
            # one somewhere before it
            got_i = _value_after(clause, i_last)
            got_c = _value_after(clause, c_last)
            if got_i is None or got_c is None:
                before_i, before_c = _value_before(clause, ipos[0]), _value_before(clause, cpos[0])
                if before_i is not None and before_c is not None:
                    got_i, got_c = before_i, before_c
                elif (got_i is not None and regexcache.search(r"\bby\b|\bof\s*$", clause[i_last : got_i[1]])) or (
                    got_c is not None and regexcache.search(r"\bby\b|\bof\s*$", clause[c_last : got_c[1]])
                ):
                    # one figure after its arm's verb of change, the other before its own arm ("the
                    # placebo arm improved by 15.8 points, compared with 19.8 points in the A arm")
                    got_i, got_c = got_i or before_i, got_c or before_c
                    if got_i is not None and got_c is not None and got_i[1] == got_c[1]:
                        return None
                else:
                    got_i, got_c = before_i, before_c
            if got_i is None or got_c is None:
                return None
            (vi, at_i), (vc, at_c) = got_i, got_c
    except ValueError:
        return None
    signed_i, signed_c = _moved_by(clause, at_i, vi), _moved_by(clause, at_c, vc)
    if signed_i is not None and signed_c is not None and (signed_i > 0) != (signed_c > 0):
        # "rose by 9% in the placebo arm and fell by 43% with A": each number in its verb's sign
        start, end = min(at_i, at_c, ipos[0], cpos[0]), max(at_i, at_c, ipos[0], cpos[0]) + 40
        return (1 if signed_i > signed_c else -1), clause[start:end].split(";")[0].strip(), "direction", 1.0
    if vi == vc:
        return None
    d = 1 if vi > vc else -1
    start = min(at_i, at_c, ipos[0], cpos[0])
    lead = clause[: min(at_i, at_c)]
    # ("had fallen by a mean of 15.3 points in A versus 7.8 in B": the sizes of a fall)
    fall_size = regexcache.search(
        r"\b(reductions?|decreases?|declines?|falls?|drops?)\b(\s+(in|of)\s+[\w-]+(\s+[\w-]+){0,4}?)?\s+(was|were|of"
        r"|(?:increased|rose|grew|ranged)\b[^;]{0,30}?\bfrom)\b[^;]{0,20}$",  # ("HAM-A reductions increased with dose, from 3.1 points at A to 8.9 at B")
        lead, _I,
    )
    if fall_size and regexcache.search(_AT_LEAST_SHARE + r"\s+$", lead[: fall_size.start()], _I):
        fall_size = None  # "the proportion achieving at least 30% reduction in pain was 39%": shares of responders
    if vi >= 0 and vc >= 0 and regexcache.search(r"\b(decreas\w*|reduc\w*|fell|fallen|dropped|declined|lowered)\b(\s+\w+){0,2}\s+by(?:\s+(?:a|an|the)?\s*(?:mean|median|average)(?:\s+of)?)?\s*$|\b(decreas\w*|reduc\w*|fell|dropped|declined|lowered)\s+by\b", lead, _I) or vi >= 0 and vc >= 0 and fall_size:
        # (or "the mean MADRS reduction was 16.4 points in A and 8.7 in B")
        d = -d  # the numbers are the size of a fall
    if vi < 0 and vc < 0 and _PROGRESSED_BY.search(lead):
        d = -d  # "progressed by −0.49 D with A and −0.81 D with B": the size of the progression, in its sign
    elif vi < 0 and vc < 0 and _DECLINE_OF.search(lead):
        d = -d  # "the annual rate of decline in FVC was −114.7 mL with A and −239.9 mL with B": the smaller decline is the less negative
    end = max(at_i, at_c, ipos[0], cpos[0]) + 40
    # "HbA1c improved by 0.74% with A and by 0.08% with B": sizes of an improvement, which way
    # the values went depends on the outcome
    kind = "goodness" if _IMPROVED_BY.search(lead) else "direction"
    size = abs(vi - vc) / max(abs(vi), abs(vc))
    return d, clause[start:end].split(";")[0].strip(), kind, size


_EACH_ARM_SHARE = regexcache.compile(r"\d+(?:\.\d+)?\s*%[^;%]{3,120}?\b(?:and|versus|vs\.?|compared with)\s+(?:\w+\s+){0,2}?\d+(?:\.\d+)?\s*%\s+(?:after|with|in|of|on|for|receiving|given)\b", _I)
def _counted_per_arm(clause: str) -> bool:
    """A share per arm with the verb of what was counted between them ("33% were rated improved
    after A and 31% after B")."""
    m = _EACH_ARM_SHARE.search(clause)
    return bool(m and any(rx.search(m.group(0)) for rx in (GOOD, BAD, UP, DOWN)))


_NOT_STRICTLY = regexcache.compile(r"\bnot\s+(?:strictly|absolutely|entirely|completely|necessarily|always|essentially)\s+\S+$", _I)
_ROSE_BY = regexcache.compile(r"\b(?:rose|risen|increased|went up|climbed|grew|gained)(?:\s+\w+){0,2}?\s+by\s+(?:a\s+(?:mean|median)\s+of\s+)?$", _I)
_FELL_BY = regexcache.compile(r"\b(?:fell|fallen|decreased|dropped|declined|went down|lowered|reduced)(?:\s+\w+){0,2}?\s+by\s+(?:a\s+(?:mean|median)\s+of\s+)?$", _I)


def _moved_by(clause: str, at: int, value: float) -> float | None:
    """The number at ``at`` in the sign of the verb right before it ("rose by 9%": +9, "fell by
    43%": -43), or None when no such verb comes right before it."""
    lead = clause[max(0, at - 40) : at]
    if _ROSE_BY.search(lead):
        return abs(value)
    if _FELL_BY.search(lead):
        return -abs(value)
    return None


_RATIO_FOR = regexcache.compile(
    r"\s*\)?[,;]?\s*(?:for|in|with|among)\s+(?:the\s+)?(.{2,40}?)\s+(?:compared (?:with|to)|versus|vs\.?|relative to|than)\s+(?:the\s+)?(.{2,40})", _I
)
_RATIO_OF_ARMS = regexcache.compile(r"\b(?:of|for)\s+(?:the\s+)?(.{2,40}?)\s+(?:relative to|compared (?:with|to)|versus|vs\.?)\s+(?:the\s+)?(.{2,40}?)\s+(?:was|were|is)\b", _I)
_RATIO = regexcache.compile(
    r"\b(?:(?:adjusted|weighted|pooled|crude|overall|summary)\s+)?(hazard ratio|odds ratio|risk ratio|relative risk|rate ratio|incidence rate ratio|"
    r"a?HR|a?OR|RR|IRR|sHR)\b(?:\s+(?:of|for)\s+[A-Za-z][\w -]{1,60}?\s+(?:was|were|is))?[\s,:=]*(?:(?:was|of)\s+)?(\d+(?:[.·]\d+)?)(?![\d%])"
    r"\s*(?:[;,(]\s*)*(?:95\s*%\s*(?:CI|confidence interval)\s*[,:=]?\s*)?(\d+(?:[.·]\d+)?)\s*(?:-|–|to|,)\s*(\d+(?:[.·]\d+)?)",
    _I,
)


_INTERVAL = regexcache.compile(r"\d+(?:[.·]\d+)?\s*[;,(]\s*(?:95\s*%\s*(?:CI|confidence interval)\s*[,:=]?\s*)?\d+(?:[.·]\d+)?\s*(?:-|–|to)\s*\d", _I)


def _ratio_direction(clause: str, arms: Arms) -> tuple[int, str] | None:
    """The direction a ratio with its confidence interval gives the exposure ("HR 1.29 (95% CI
    1.02-1.63)" up, "OR 0.66 (0.50-0.87)" down, 0 when the interval includes 1), when the clause names
    the intervention before the ratio and the comparator, if named, as the reference; None when
    there is none, ratios that disagree, or more estimates than labelled ratios."""
    found = []
    if len(_INTERVAL.findall(clause)) > len(_RATIO.findall(clause)):
        return None  # more estimates than labelled ratios: which one is the claim's outcome's?
    for m in _RATIO.finditer(clause):
        value, lo, hi = _num(m.group(2)), _num(m.group(3)), _num(m.group(4))
        if not (lo <= value <= hi):
            return None  # not an interval around the value
        found.append((m, 0 if lo <= 1 <= hi else 1 if value > 1 else -1))
    if not found or len({d for _, d in found}) != 1:
        return None
    first = found[0][0]
    if found[0][1] == 0:
        # an interval that includes 1 is a null whichever arm is named first (or none is)
        return 0, first.group(0).split("(")[0].split(";")[0].strip(" ,")
    if arms.intervention is None:
        return None
    own = _RATIO_OF_ARMS.search(first.group(0))
    if own:
        # the ratio names its own arms: "the hazard ratio for placebo relative to aripiprazole was 5.03"
        if arms.intervention.search(own.group(1)) and not arms.intervention.search(own.group(2)):
            return found[0][1], first.group(0).split("(")[0].split(";")[0].strip(" ,")
        if arms.intervention.search(own.group(2)) and not arms.intervention.search(own.group(1)):
            return -found[0][1], first.group(0).split("(")[0].split(";")[0].strip(" ,")
        return None
    at_i = arms.intervention.search(clause[: first.start()])
    if not at_i:
        # the arms named after the ratio: "was 0.41 (95% CI 0.39 to 0.43) for Omicron compared with Delta"
        after = _RATIO_FOR.match(clause, first.end())
        if after and arms.intervention.match(after.group(1)) and (
            arms.comparator is not None and arms.comparator.match(after.group(2)) or CONTROL.match(after.group(2))
        ):
            return found[0][1], first.group(0).split("(")[0].split(";")[0].strip(" ,")
        return None
    if arms.comparator is not None:
        at_c = arms.comparator.search(clause[: first.start()])
        if at_c and at_c.start() < at_i.start() and not _is_reference(clause, at_c.start()):
            return None  # the comparator named first and not as the reference: whose ratio is it?
    if _THAN_THOSE.search(clause[max(0, at_i.start() - 60) : at_i.start()]):
        # the intervention named first after "than those receiving": "Patients not receiving any
        # acid suppression had a lower incidence than those receiving PPIs (IRR 0.55)" is the
        # other group's ratio against the intervention's
        return -found[0][1], first.group(0).split("(")[0].split(";")[0].strip(" ,")
    return found[0][1], first.group(0).split("(")[0].split(";")[0].strip(" ,")


_THAN_THOSE = regexcache.compile(
    r"\bthan\s+(?:in\s+|among\s+)?(?:those|" + vocab.PEOPLE_NOUNS + r")\s+(?:who\s+(?:were\s+|had\s+been\s+)?)?"
    r"(?:receiving|received|given|taking|took|on|using|used|treated\s+with|exposed\s+to|assigned\s+to|randomi[sz]ed\s+to|sleeping|drinking|eating)\s+(?:the\s+|a\s+|an\s+)?$",
    _I,
)


# a signed difference between the arms with its interval: "the mean difference in MADRS between A and
# B was -5.1 (95% CI -8.0 to -2.2)", "a pooled standardized mean difference of -0.61 (-0.89 to -0.33)"
_SIGNED = r"([-−–]?\s?\d+(?:[.·]\d+)?)"
_DIFFERENCE = regexcache.compile(
    r"(?:\b(?:(?:adjusted|pooled|weighted|overall|standardi[sz]ed|least[- ]squares?|LS)\s+)*(?:mean\s+)?difference\b|\b(?:LS)?S?MD\b)"
    r"(?P<words>[^;()\d]{0,80}?)(?:[\s,:=]|\bwas\b|\bof\b)*" + _SIGNED + r"\s*(?:points?|%|units?)?"
    r"\s*[;,(]\s*(?:95\s*%\s*(?:CI|confidence interval)\s*[,:=]?\s*)?" + _SIGNED + r"\s*(?:to|,|;|–\s|-\s|\s-)\s*" + _SIGNED,
    _I,
)


_SIZE_OF_FALL = regexcache.compile(r"\b(?:declin\w*|decreas\w*|reduc\w*|loss|lost|fall|fell|drops?|dropped|lower\w*)\b", _I)


def _difference_direction(clause: str, arms: Arms) -> tuple[int, str, int] | None:
    """The direction a signed difference between the arms gives the intervention (-1 lower, +1
    higher, 0 when its interval includes 0), the cue, and where the difference starts; None unless
    the intervention is named first (or the comparator as the reference) and no side is favoured in
    words (a sign's meaning then depends on the writer's convention)."""
    if arms.intervention is None or regexcache.search(r"\bfavou?r", clause, _I):
        return None
    found = list(_DIFFERENCE.finditer(clause))
    if len(found) != 1:
        return None
    m = found[0]
    if _SIZE_OF_FALL.search(clause[: m.start(2)]):
        return None  # a difference between declines ("the eGFR decline ... difference 1.6"): less decline, or more?
    value, lo, hi = (_num(m.group(i).replace(" ", "")) for i in (2, 3, 4))
    if not lo <= value <= hi or lo == hi:
        return None
    cue = m.group(0).split("(")[0].strip(" ,;")
    if lo <= 0 <= hi:
        return 0, cue, m.start()
    at_i = arms.intervention.search(clause)
    if at_i is None:
        return None
    at_c = arms.comparator.search(clause) if arms.comparator is not None else None
    if at_c is None:
        at_c = CONTROL.search(clause)
    if at_c is None or at_c.start() < at_i.start() and not _is_reference(clause, at_c.start()):
        return None  # no other arm, or the comparator named first: which way was it taken?
    if at_i.start() > at_c.start() and _is_reference(clause, at_i.start()):
        return None
    return (1 if value > 0 else -1), cue, m.start()


_HAZARD = regexcache.compile(r"(?:adjusted\s+)?(?:hazard ratio|a?HR)\b", _I)
_FREE_OF_EVENT = regexcache.compile(r"surviv|[- ]free\b|\bfree (?:of|from)\b", _I)


def _by_ratio(clause: str, arms: Arms, harm: bool, sig: bool | None) -> Finding:
    """What a clause with no direction in words says through a ratio effect size, if anything:
    "breast cancer ... hazard ratio 1.29 (95% CI 1.02-1.63)" is a rise for the exposure.  The
    outcome's valence is read from the words just before the ratio."""
    ratio = _ratio_direction(clause, arms)
    if ratio is None:
        diff = _difference_direction(clause, arms)
        if diff is None:
            return Finding(harm=harm, significant=sig)
        v, words = valence(clause)
        if diff[0] == 0:
            return Finding(null=True, valence=v, outcome=words, significant=False, harm=harm, cue=diff[1])
        return Finding(direction=diff[0], valence=v, goodness=diff[0] * v, outcome=words, significant=True, harm=harm, cue=diff[1])
    v, words = valence(clause[: clause.find(ratio[1])])
    own = _RATIO_OF_ARMS.search(ratio[1]) if not words else None
    if own:
        v, words = valence(own.group(1))  # ("the hazard ratio for relapse with X versus Y was 1.38")
    if ratio[0] == 0:
        return Finding(null=True, valence=v, outcome=words, significant=False, harm=harm, cue=ratio[1])  # the interval includes 1
    if words and words.lower().startswith("time to"):
        v = -v  # a hazard ratio for "time to response" is about the response: above 1, sooner
    elif words and v > 0 and _HAZARD.match(ratio[1]) and _FREE_OF_EVENT.search(words):
        v = -v  # a hazard ratio for "recurrence-free survival" is the hazard of the event: below 1, better
    return Finding(direction=ratio[0], valence=v, goodness=ratio[0] * v, outcome=words, significant=True, harm=harm, cue=ratio[1])

_ASSOC = regexcache.compile(vocab.ASSOCIATION_MARKERS, _I)
_GAIN = regexcache.compile(vocab.GAIN_OF_FUNCTION, _I)
_SYMBOL = regexcache.compile(r"[A-Z][A-Za-z0-9-]*\d[A-Za-z0-9-]*")  # a gene or protein named with its number ("CD47", "NRF9", "ATG7")
# any word of an experiment that takes something away ("blockade", "inhibitors", "knockdown")
_MANIPULATED_LOSS = regexcache.compile(r"\b(?:" + "|".join(re.escape(w) for sign, forms in vocab.MANIPULATIONS if sign < 0 for w in forms) + r")\b", _I)
_ROLE_UP = regexcache.compile(r"\b(?:" + vocab.ROLE_UP + r")(?=\s+of\b)", _I)
_ROLE_DOWN = regexcache.compile(r"\b(?:" + vocab.ROLE_DOWN + r")(?=\s+of\b)", _I)
_NEED_WORD = regexcache.compile(r"\b(?:" + vocab.NEEDED_FOR + r")\b", _I)  # (a quick look before the pattern's look-behinds)
NEEDED_FOR = regexcache.compile(
    r"(?:" + "|".join(rf"(?<=\b{c} )|(?<=\b{c} not )" for c in ("is", "are", "was", "were", "be")) + r")"
    r"(?:\w+ly )?(?:" + vocab.NEEDED_FOR + r")(?=\s+(?:for|to)\b)",
    _I,
)
_WITHDRAWAL = _rx(vocab.WITHDRAWAL_TERMS)
_CONTINUATION = _rx(vocab.CONTINUATION_TERMS)
_DESIGN_NAME = regexcache.compile(r"\s+(?:study|studies|design|trial|trials|phase|period|paradigm)\b", _I)
_EVENT_TIMED = regexcache.compile(r"\b\w+ed\s+(?:significantly\s+|much\s+)?(?:" + vocab.TIME_SOONER + "|" + vocab.TIME_LATER + r")\b", _I)
_SOONER = regexcache.compile(r"\b(?:" + vocab.TIME_SOONER + r")\b", _I)
_LATER_TIME = regexcache.compile(r"\b(?:" + vocab.TIME_LATER + r")\b", _I)
_TIME_MEASURE = regexcache.compile(vocab.TIME_MEASURES, _I)
_TIME_TAKEN = regexcache.compile(vocab.TIME_TAKEN, _I)
_BETWEEN_P = regexcache.compile(r"\b(?:between|inter)[- ]?groups?(?:\s+(?:differences?|comparisons?))?[^;()]{0,15}?\bp\s*([<=>≤]|&lt;)\s*(0?[.·]\d+)", _I)
_FAVOURING = regexcache.compile(
    r"\b(?:in favou?r of|favou?ring)\s+(?:the\s+)?"
    r"|\bfavou?red\s+(?:the\s+)?(?=[^,;()]{1,40}?\s(?:over|versus|vs\.?|compared with|relative to)\s)",  # "reductions favoured ECT over ketamine"
    _I,
)
_THE_MORE = regexcache.compile(vocab.THE_MORE, _I)


def the_more_judged(text: str) -> bool:
    """"The more X, the better (worse) Y": a claim of how well, not of which way Y's values go."""
    m = _THE_MORE.search(text)
    return m is not None and m.group(3).lower() in ("better", "worse")


def association_marker(text: str) -> re.Match[str] | None:
    """Where ``text`` says two things go together ("was associated with", "predicted", "correlated with")."""
    return _ASSOC.search(text)


def _side_effect(text: str, default: int = 1) -> tuple[int, bool]:
    """The direction of one side of an association: "greater dissociation" +1, "lower risk" -1,
    "better outcomes" +1 (a good/bad word, or a direction times the outcome's valence when the
    side is judged: "higher response rates" +1, "higher risk" stays +1 as a raw direction)."""
    sign, said, _ = _side_sign(text, default)
    return sign, said


def association_outcome(text: str) -> tuple[str, int]:
    """What the sign of an association in ``text`` is of: ("direction", valence) when the side after
    the link says which way its outcome went ("a greater reduction in MADRS scores": down, on a
    scale where lower is better), ("goodness", 0) when it says how well ("better outcomes",
    "worse survival"); ("", 0) when ``text`` states no association."""
    more = _THE_MORE.search(text)
    if more:
        # "the stronger X, the greater the drop in suicidal ideation": which way; "..., the better": how well
        judged = more.group(3).lower() in ("better", "worse")
        return ("goodness", 0) if judged else ("direction", valence(_CHANGE_WORDS.sub(" ", more.group(4)))[0])
    m = _ASSOC.search(text)
    if not m:
        return "", 0
    right_text = regexcache.split(r"[(;]", text[m.end() :], maxsplit=1)[0]
    _, said, kind = _side_sign(right_text)
    if not said:
        return "", 0
    # (the valence of what changed: "accelerated loss of kidney function" is a fall of kidney
    # function, already in the sign; not "loss of kidney function", which is bad)
    return kind, (valence(_CHANGE_WORDS.sub(" ", right_text))[0] if kind == "direction" else 0)


def _side_sign(text: str, default: int = 1) -> tuple[int, bool, str]:
    """``_side_effect`` with what its sign is of: "direction" (which way the values went, or more
    of a harm named as a noun) or "goodness" (a good or bad word)."""
    m_good, m_bad = GOOD.search(text), BAD.search(text)
    moves = [(m.start(), 1) for m in UP.finditer(text)] + [(m.start(), -1) for m in DOWN.finditer(text)]
    moves += [(m.start(), vocab.ASSOCIATION_LEVELS[m.group(1).lower()]) for m in _LEVEL.finditer(text)]
    moves += [(m.start(), -1) for m in _ENDING_OF.finditer(text)]  # "rapid resolution of suicidal intent"
    if moves:
        moves.sort()
        first = moves[0]
        nxt = next((mv for mv in moves[1:] if mv[0] > first[0]), None)
        if nxt and _CHANGE_NOUN.match(text, nxt[0]) and (
            regexcache.fullmatch(r"[\w-]+\s+", text[first[0] : nxt[0]])
            # (or with the outcome's name between: "larger MADRS reductions")
            or regexcache.fullmatch(r"[\w-]+\s+[\w-]+\s+", text[first[0] : nxt[0]]) and valence(text[first[0] : nxt[0]].split(None, 1)[1])[1]
        ):
            return first[1] * nxt[1], True, "direction"  # "accelerated loss of kidney function": more of a fall
        return first[1], True, "direction"
    if m_good and not m_bad:
        return 1, True, "goodness"
    if m_bad and not m_good:
        # (a harm named as a noun occurs: "associated with damage to the urinary tract")
        return (1, True, "direction") if _HARM_NOUN.match(m_bad.group(0)) else (-1, True, "goodness")
    return default, False, ""


# the course of what the arm was associated with, in a clause of its own ("was associated with
# transient hypertension that resolved within 2 hours"): the association is the finding
_COURSE_OF_WHAT_CAME = regexcache.compile(
    r"\b(?:associated with|caused|induced|produced|led to|resulted in)\s+[^;.()]{1,60}?\s(?:that|which)\s+(?:\w+ly\s+)?$"
    # ("dissociative symptoms peaked at 40 minutes and resolved by 90 minutes": the harm came, then went)
    r"|\b(?:peaked|emerged|appeared|occurred|arose)\b[^;.()]{0,80}?\s(?:and|but|then)\s+(?:then\s+)?(?:\w+ly\s+)?$",
    _I,
)
_WHO_BEFORE = regexcache.compile(r"\b(?:who|whose|in whom|for whom)\s+(?:[\w-]+\s+){0,4}$", _I)
_NONE_WERE = regexcache.compile(r"^\W*no\s+[^;:]{0,100}?\b(?:was|were|has been|have been|had been)\s+$", _I)
_HARM_NOUN = regexcache.compile(r"(?:damage|harm)s?$", _I)
_ENDING_OF = regexcache.compile(r"\b(?:" + vocab.ENDING_NOUNS + r")\s+of\b", _I)
_CHANGE_NOUN = regexcache.compile(r"(?:" + "|".join(vocab.CHANGE_NOUNS_UP + vocab.CHANGE_NOUNS_DOWN) + r")\b", _I)
_LEVEL_MOVES_RISK = regexcache.compile(
    r"(?<![\w-])(" + "|".join(vocab.ASSOCIATION_LEVELS) + r")\s+(?:[\w-]+\s+){1,5}?(?:could\s+|may\s+|might\s+|can\s+|would\s+)?"
    r"(rais(?:e|es|ed)|increas(?:e|es|ed)|lower(?:s|ed)?|reduc(?:e|es|ed)|decreas(?:e|es|ed))\s+(?:the\s+|an?\s+)?"
    r"(?:\w+\s+)?(?:" + vocab.RISK_WORDS.replace(" ", "|") + r")\s+(?:of|for)\b",
    _I,
)
_CHANGE_SIZED_AFTER = regexcache.compile(
    r"\s+(?:in\s+[\w-]+(?:\s+[\w-]+)?\s+)?(?:was|were|are|is)\s+(?:significantly\s+|markedly\s+|numerically\s+|much\s+|also\s+)?(smaller|larger|greater|bigger|less|more)\b", _I
)
_LEVEL = regexcache.compile(r"(?<![\w-])(" + "|".join(vocab.ASSOCIATION_LEVELS) + r")(?=[\s-])", _I)
_RISK_OF_LEVEL = regexcache.compile(
    r"\s*(?:an?\s+|the\s+)?(?:\w+\s+){0,2}?(?:risks?|odds|likelihood|chance|incidence|rates?)\s+of\s+(?:an?\s+|the\s+|having\s+an?\s+)?("
    + "|".join(vocab.ASSOCIATION_LEVELS) + r")(?=[\s-])",
    _I,
)


_AMOUNT_LEVEL = regexcache.compile(
    r"(?:(?<![\w-])(" + vocab.AMOUNT_BELOW + r")|(?<![\w-])(" + vocab.AMOUNT_ABOVE + r"))\s*(?=(?:\d|(?:" + vocab.CARDINAL_PATTERN + r")\b))(?:[^,;]|,(?=\d))*$",
    _I,
)
_NUMBER = _AMOUNT_NUMBER + r"\b"
# "Compared with 8,000 steps per day, taking 4,000 steps per day was associated with ...": the level
# of the exposure is its number against the reference's
_AMOUNT_AGAINST_REFERENCE = regexcache.compile(
    r"^\W*(?:compared (?:with|to)|relative to|versus|vs\.?)\s+(?:those\s+|people\s+|participants\s+)?(?:\w+ing\s+)?"
    + _NUMBER + r"[^,;]{0,40},\s*(?:those\s+|people\s+|participants\s+)?(?:\w+ing\s+)?" + _NUMBER + r"[^,;]*$",
    _I,
)


def _amount(word: str) -> float:
    return vocab.CARDINAL_WORDS.get(word.lower()) or _num(word)


def amount_linked(clause: str) -> int:
    """The level of an amount of the exposure that an association in ``clause`` links ("Compared
    with 8,000 steps per day, 4,000 steps per day was associated with ..." -1, "at least four cups a
    day was ..." +1), 0 when it links none."""
    m = _ASSOC.search(clause)
    return _amount_level(clause[: m.start()]) if m else 0


def _amount_level(before: str) -> int:
    """The exposure's level said by an amount: "sleeping less than six hours" -1, "at least 7,000
    steps" +1, "(compared with 8,000 steps,) 4,000 steps" -1; 0 when none is said."""
    # (not a definition in brackets: "vitamin D deficiency (<50 nmol/L)", "preterm birth (<28 weeks)")
    before = regexcache.sub(r"\([^()]*\)", " ", before)
    ref = _AMOUNT_AGAINST_REFERENCE.search(before)
    if ref:
        a, b = _amount(ref.group(1)), _amount(ref.group(2))
        return 0 if a == b else (1 if b > a else -1)
    m = _AMOUNT_LEVEL.search(before)
    if m:
        return -1 if m.group(1) else 1
    return 0


_CHANGE_AFTER = regexcache.compile(
    r"\s*(?:the\s+)?(?:(?:later|subsequent|eventual|overall|resulting|mean)\s+)?(" + "|".join(vocab.CHANGE_NOUNS_UP + vocab.CHANGE_NOUNS_DOWN) + r")\b", _I
)


_CHANGE_WORDS = regexcache.compile(r"\b(?:" + "|".join(vocab.CHANGE_NOUNS_UP + vocab.CHANGE_NOUNS_DOWN) + r")\b(?:\s+(?:in|of)\b)?", _I)


def _change_named(text: str) -> int:
    """-1 when ``text`` opens with a fall ("the later drop in suicidal ideation"), else +1."""
    m = _CHANGE_AFTER.match(text)
    return -1 if m and m.group(1).lower() in vocab.CHANGE_NOUNS_DOWN else 1


def association(text: str, *, levels: bool = False) -> tuple[int, str] | None:
    """+1 / -1 when ``text`` states an association ("X predicted larger improvement", "lower X was
    associated with higher response"), with the cue; None when it states none.  A plain adjective
    on a side is its level, in claims and results alike ("Short telomeres are associated with ...",
    "an increased risk of a small-for-gestational-age baby")."""
    # ("lower urinary tract damage": no direction; length kept, so that cues are read from the text)
    text = _NOT_DIRECTION.sub(lambda n: _MASKABLE.sub(lambda w: "_" * len(w.group(0)), n.group(0)), text)
    m = _THE_MORE.search(text)
    if m:
        left = 1 if m.group(1).lower() in ("more", "higher", "greater", "longer", "stronger", "bigger") else -1
        word = m.group(3).lower()
        right = -1 if word in ("less", "worse", "lower", "fewer") else 1
        if word not in ("better", "worse"):
            right *= _change_named(m.group(4))  # "the greater the (later) drop in suicidal ideation": more of a fall
        return 2 * left * right, m.group(0)[:60]
    m = _ASSOC.search(text)
    if not m:
        # "short sleep in midlife could raise the risk of dementia": a level of the exposure that
        # moves a risk is an association too
        lv = _LEVEL_MOVES_RISK.search(text) if levels else None
        if lv and not NEGATION.search(text[: lv.start(2)]):
            move = 1 if UP.fullmatch(lv.group(2)) else -1
            return 2 * vocab.ASSOCIATION_LEVELS[lv.group(1).lower()] * move, lv.group(0)[:60]
        return None
    if NEGATION.search(text[max(0, m.start() - 15) : m.start()]):
        return None
    said = regexcache.search(r"\b(" + "|".join(vocab.ASSOCIATION_SIGN) + r")\s+$", text[max(0, m.start() - 20) : m.start()], _I)
    cue = text[max(0, m.start() - 30) : m.end() + 30].strip()
    if said:
        return 2 * vocab.ASSOCIATION_SIGN[said.group(1).lower()], cue
    left, left_said = _side_effect(text[max(0, m.start() - 60) : m.start()])
    if not left_said:
        amount = _amount_level(text[: m.start()])
        if amount:
            left, left_said = amount, True
    right_text = regexcache.split(r"[(;]", text[m.end() :], maxsplit=1)[0]
    right, right_said = _side_effect(right_text)
    listed = [_side_effect(part) for part in regexcache.split(r",?\s+and\s+|,\s+", right_text)]
    if len({sign for sign, said in listed if said}) > 1:
        # "associated with reduced brain volumes and increased odds of dementia": each outcome its
        # own way; which is the claim's, the words alone do not say
        return 1, cue
    level = _RISK_OF_LEVEL.match(right_text)
    if level and right_said:
        # "an increased risk of a small-for-gestational-age baby": more risk of the baby being small
        right *= vocab.ASSOCIATION_LEVELS[level.group(1).lower()]
    v, _ = valence(right_text)
    if GOOD.search(right_text) or BAD.search(right_text):
        pass  # "better outcomes": already judged
    elif v and regexcache.search(r"(?<!-)\b(response|remission|improvement|outcomes?|survival)\b", right_text, _I):
        # (not "in a dose-response manner")
        right *= v
    if not (left_said or right_said):
        # "X was associated with Y (odds ratio 1.21, 95% CI 1.12-1.31)": the ratio says which way
        ratios = [(_num(r.group(2)), _num(r.group(3)), _num(r.group(4))) for r in _RATIO.finditer(text[m.end() :])]
        signs = {(1 if value > 1 else -1) for value, lo, hi in ratios if lo <= value <= hi and not lo <= 1 <= hi}
        if len(signs) == 1 and len(ratios) == len([r for r in ratios if not r[1] <= 1 <= r[2]]):
            return 2 * signs.pop(), cue
        return 1, cue  # "X was associated with Y": a positive association, nothing more said
    # a sign said on one side only: +1/-1 times 2 so that it never equals a bare association
    return left * right * 2, cue


# --- reading a clause -------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """What one clause reports, for the intervention arm."""

    null: bool = False
    direction: int = 0  # +1 the outcome went up, -1 down, 0 not said
    valence: int = 0  # of the outcome: +1 more is better, -1 less is better, 0 unknown
    goodness: int = 0  # +1 good for the intervention, -1 bad, 0 unknown
    outcome: str | None = None
    significant: bool | None = None
    harm: bool = False  # the clause is about harms (adverse events, abuse, ...)
    cue: str | None = None
    association: int = 0  # +1 the two things go together, -1 one rises as the other falls
    active_comparator: bool = False  # a null result against an active treatment ("as effective as ECT")


    @property
    def decided(self) -> bool:
        return self.null or bool(self.direction) or bool(self.goodness) or bool(self.association)

    def effect(self) -> str | None:
        if self.null:
            return "no difference"
        if self.direction:
            return "increase" if self.direction > 0 else "decrease"
        if self.goodness:
            return "better" if self.goodness > 0 else "worse"
        return None

    def to_dict(self) -> dict[str, object]:
        return {"effect": self.effect(), "outcome": self.outcome, "valence": self.valence, "significant": self.significant}


def _cue(text: str, m: re.Match[str]) -> str:
    lead = regexcache.search(r"\b(significantly|markedly|rapidly|substantially|further|numerically)\s+$", text[: m.start()], _I)
    return text[lead.start() if lead else m.start() : m.end()].strip()


def _in_parentheses(text: str, pos: int) -> bool:
    return text.count("(", 0, pos) > text.count(")", 0, pos)


_SIMILAR_TO = regexcache.compile(r"\b(similar|comparable) (to|with)\b", _I)


def _close_figures_each(clause: str, arms: Arms) -> bool:
    """"Loss of PTSD diagnosis occurred in 22% and 19% of participants, respectively": figures for
    groups the clause does not name, close to each other, with no comparison or test in words — the
    outcome's words are said of each group, and no group did better by them."""
    each = _RESPECTIVELY.search(clause)
    if not each or _names_an_arm(clause, arms) or _COMPARATIVE.search(clause) or _P.search(clause) or regexcache.search(r"\bcompar|\bsignifican", clause, _I):
        return False
    first, second = abs(_num(each.group(1))), abs(_num(each.group(3)))
    return max(first, second) > 0 and abs(first - second) / max(first, second) < 0.25


def _names_an_arm(text: str, arms: Arms) -> bool:
    """Does ``text`` (what follows "similar to") name an arm?  "similar to placebo" compares the
    arms; "similar to that at higher dosages" does not."""
    ipos, cpos = arms.positions(text)
    return bool(ipos or cpos or regexcache.match(r"\s+(that|those) (of|in|with|for) (the )?(other|both|two)\b", text, _I))


_DIFFERENT_AFTER = regexcache.compile(r"\bsignificantly\s+(\w+\s+){0,2}than\b", _I)
_UNCHANGED = regexcache.compile(r"\b(remained|stayed) (stable|unchanged|constant)\b", _I)
_OWN_ARM_WORDS = regexcache.compile(r"\b(active|intervention|experimental|treatment|treated|study drug)\b", _I)
_COMPARING = regexcache.compile(r"\b(than|versus|vs\.?|compar\w*|relative|between|among|across|differ\w*|over|both|either|two|groups|arms|similar\w*|alone|as well)\b", _I)


def _different_after(clause: str, start: int, arms: Arms) -> bool:
    """After "similar in A and B", a significant difference from a third arm ("... and significantly
    lower than in C"), unless the two arms found similar are the claim's own."""
    m = _DIFFERENT_AFTER.search(clause, start)
    if not m:
        return False
    ipos, cpos = arms.positions(clause[: m.start()])
    return not (ipos and cpos)


# two kinds of people set side by side ("similar in regular cannabis users and non-users", "did not
# differ between melancholic and non-melancholic depression"): whom it worked in, not whether it did
_BETWEEN_PEOPLE = regexcache.compile(
    r"\b(?:between|in|among|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:and|or|vs\.?|versus)\s+(?:in\s+|among\s+)?(?:those\s+|patients\s+|people\s+)?(non-?[a-z][\w-]*)"
    r"|\bsimilar to (?:that|those|the one)s? (?:seen|observed|found|reported) (?:in|among) (non-?[a-z][\w-]*)",
    _I,
)


def _between_people(clause: str, arms: Arms) -> bool:
    m = _BETWEEN_PEOPLE.search(clause)
    if m is None:
        return False
    # ("between lobaplatin and non-lobaplatin regimens", "in statin users and non-users", "in
    # treated and non-treated patients": the arms after all)
    return not any(p is not None and p.search(m.group(0)) for p in (arms.intervention, arms.comparator)) and not _NOT_GIVEN.search(m.group(0))


_NOT_GIVEN = regexcache.compile(r"\bnon-?(?:treated|intervention|exposed|randomi[sz]ed|supplemented|vaccinated|drug)\b(?![\w-])|\b(?:treated|exposed|vaccinated)\s+(?:and|or|vs\.?|versus)\b", _I)


def _other_arm_alone(clause: str, arms: Arms) -> bool:
    """Does the clause speak of the comparator (or a control) alone, comparing it with nothing?"""
    ipos, cpos = arms.positions(clause)
    if ipos or not cpos or _COMPARING.search(clause) or _OWN_ARM_WORDS.search(clause) or any(_is_reference(clause, p) for p in cpos):
        return False  # ("no significant separation from placebo": the other arm as the reference)
    # one group named ("... but not in the placebo group"), not two ("x% in the A group and y% in the placebo group")
    return len(regexcache.findall(r"\b(group|arm|cohort)\b", clause, _I)) <= 1 and len(_mentions(clause, cpos)) == 1


def _excepted(clause: str, outcome_stems: frozenset[str]) -> bool:
    """Is the claim's outcome the exception of a null ("no differences except for X")?"""
    m = regexcache.search(r"\bexcept(?:\s+(?:for|from|in))?\b([^;]*?)(?:,\s+(?:there|the|no)\b|$)", clause, _I)
    if not m or not outcome_stems:
        return False
    named = outcome_stems & content_stems(clause)  # (the claim's outcome words used in the clause: all of them in the exception)
    return bool(named) and named <= content_stems(m.group(1))


def _object_stems(clause: str, end: int) -> frozenset[str]:
    """The stems of the few words after a direction word ("reduction | in PA"), with acronyms."""
    after = regexcache.split(r"[,;(]|\s(?:and|but|while|whereas|than)\s", clause[end : end + 60], maxsplit=1)[0]
    return content_stems(after) | frozenset(stem(a) for a in regexcache.findall(r"\b[A-Z][A-Z0-9-]{1,9}\b", after))


def _names_outcome(clause: str, m: re.Match[str], outcome_stems: frozenset[str]) -> bool:
    """Is the matched word part of a two-word name of the claim's outcome ("rescue sedation")?"""
    after = regexcache.match(r"\s+([\w-]+)", clause[m.end() :])
    return stem(m.group(0)) in outcome_stems and after is not None and stem(after.group(1)) in outcome_stems


_INDUCED = regexcache.compile(
    r"-(?:induced|evoked|stimulated|driven|triggered)\s+(" + vocab.UP_TERMS + "|" + vocab.DOWN_TERMS + r"|activation|upregulation)\s+(?:in|of)\s+", _I
)


def _induced_change(clause: str, arms: Arms) -> Finding | None:
    """"the ketamine-induced rise in X": the intervention's own change of X, whatever the clause
    goes on to say about blocking it."""
    if arms.intervention is None:
        return None
    for m in _INDUCED.finditer(clause):
        word = regexcache.search(r"[\w-]+$", clause[: m.start()])
        if not word or not arms.intervention.fullmatch(word.group(0)) and not arms.intervention.search(word.group(0)):
            continue
        if NEGATION.search(clause[max(0, word.start() - 12) : word.start()]):
            return None  # "no ketamine-induced rise": said not to happen
        change = m.group(1)
        d = -1 if DOWN.fullmatch(change) else 1
        v, words = valence(clause[m.end() :])
        return Finding(direction=d, valence=v, goodness=d * v, outcome=words, significant=significance(clause), cue=clause[word.start() : m.end()].strip())
    return None


def reads_reversed(clause: str, arms: Arms) -> bool:
    """Does the clause's result read the other way for the claim's intervention?  "Mice lacking
    X showed ..." for a claim about X; "re-expression of X restored ..." for a claim that takes X
    away; "CD47 ... inhibits phagocytosis" (the target at work) for "CD47 blockade enhances ..."."""
    if arms.intervention is None:
        return False
    first = arms.intervention.search(clause)
    if not first:
        return False
    before, after = clause[max(0, first.start() - 40) : first.start()], clause[first.end() :]
    taken_away = bool(_LOSS.search(before) or _LOSS_AFTER.match(after))
    if not arms.loss:
        # (not "X slowed the loss of kidney function": the loss words come before X or right after it)
        return taken_away
    taken_away = taken_away or bool(_LOSS_AFTER_NAME.match(after))
    if _GAIN.search(before):
        return True
    if not taken_away and _ROLE_STATEMENT.match(after):
        return True  # "Myostatin functions as a negative regulator of muscle growth" (the gene at work) for "knockout of myostatin increases ..."
    if not taken_away and _NEED_WORD.search(clause, first.end(), first.end() + 60) and NEEDED_FOR.search(clause, first.end(), first.end() + 60):
        return True  # "ARLX is required for Hedgehog signalling" (the gene at work) for "loss of ARLX impairs ..."
    return bool(
        _SYMBOL.fullmatch(first.group(0)) and not _MANIPULATED_LOSS.search(clause[max(0, first.start() - 40) : first.end() + 20])
        and not taken_away and not regexcache.search(r"\banti-?\s*$", clause[max(0, first.start() - 6) : first.start()], _I)
    )


def read_clause(clause: str, arms: Arms, outcome_stems: frozenset[str] = frozenset(), *, association_first: bool = True) -> Finding:
    """Read one clause as a finding about the intervention arm."""
    clause = POPULATION.sub(" population ", clause)  # "patients who had not responded to ..."
    clause = _MULTIPLE.sub("increased", clause)  # "more than twice the risk of X": a higher risk, not a comparison
    if " as " in clause:
        clause = _as_likely(clause)  # "half as likely to respond as those on A": less likely ... than
    clause = _NOT_DIRECTION.sub(lambda m: _MASKABLE.sub("_", m.group(0)), clause)
    later = _LATER.search(clause)  # ("at baseline or after 3 months, no difference": a result after all)
    if _BASELINE.search(clause) and not _FROM_BASELINE.search(clause) and not later:
        return Finding()  # "similar at baseline": a description of the groups, not a result
    if _BEFORE_TREATMENT.search(clause) and not later and not regexcache.search(r"\bto\s+[-−]?\d", clause):
        return Finding()  # "before induction, MAP was similar in the groups" (and not "from 7 before to 3 after")
    induced = _induced_change(clause, arms)
    if induced is not None:
        return induced  # "prevented the ketamine-induced rise in mTOR signalling": ketamine raises it
    experiment = _experiment().search(clause)
    if experiment and not (arms.intervention and arms.intervention.search(clause[experiment.start() : experiment.end() + 40])):
        return Finding()  # "pretreatment with rapamycin prevented ...": an experiment on the mechanism
    harm = bool(HARM.search(clause))
    sig = significance(clause)
    # 1. comparisons of arms that say who did better: "superior to", "no better than", "noninferior"
    not_shown = _NONINFERIORITY_NOT_SHOWN.search(clause)
    if not_shown:
        # "failed to demonstrate noninferiority to ECT": not shown to be as good (no null)
        v, words = valence(clause)
        return Finding(goodness=-(arm_sign(clause, arms) or 1), valence=v, outcome=words, significant=sig, harm=harm, cue=not_shown.group(0))
    clause = _SIMILAR_TO.sub(lambda m: m.group(0) if _names_an_arm(clause[m.end() : m.end() + 45], arms) else "like", clause)
    # "..., but not in the placebo group (p = 0.33)", "the control group did not change": a change
    # within the other arm, not a test between the arms; "no differences except for X": X is the exception
    nullish = NULL.search(clause) or _SAME.search(clause) or sig is False or _UNCHANGED.search(clause)
    if nullish and (_other_arm_alone(clause, arms) or _excepted(clause, outcome_stems) or _between_people(clause, arms)):
        return Finding()
    same = _SAME.search(clause)
    if same and _different_after(clause, same.end(), arms):
        same = None  # "similar in groups E and NS and significantly lower than in group N": a difference after all
    if same and not NEGATION.search(clause[max(0, same.start() - 12) : same.start()]):
        v, words = valence(clause)
        # as good as an active treatment (not a control arm): equivalence, not a failed trial
        active = not CONTROL.search(clause)
        return Finding(null=True, valence=v, outcome=words, significant=sig, harm=harm, cue=_cue(clause, same), active_comparator=active)
    m_null = NULL.search(clause)
    while m_null and _WHO_BEFORE.search(clause[max(0, m_null.start() - 40) : m_null.start()]):
        m_null = NULL.search(clause, m_null.end())  # "even among those whose pain scores did not change": who, not what was found
    if m_null and regexcache.match(r"similar", m_null.group(0), _I) and _different_after(clause, m_null.end(), arms):
        m_null = None
    if m_null:
        v, words = valence(clause)
        return Finding(null=True, valence=v, outcome=words, significant=False, harm=harm, cue=_cue(clause, m_null))
    if sig is False:
        v, words = valence(clause)
        m = _P.search(clause) or _CI.search(clause)
        table = _TABLE_P.search(clause)
        row_p = None if m or table else _table_row_p(clause)
        cue = m.group(0) if m else (f"p = {table.group(1)}" if table else ("not significant" if row_p == 1.0 else f"p = {row_p}" if row_p is not None else None))
        return Finding(null=True, valence=v, outcome=words, significant=False, harm=harm, cue=cue)
    between = _BETWEEN_P.search(clause)
    if between and sig and _num(between.group(2)) >= 0.05 and between.group(1) not in ("<", "≤", "&lt;"):
        # "rose from 25.9 to 27.3 (P=0.03) in the A group only (between-group difference P=0.19)":
        # the test between the arms decides over a change within one
        v, words = valence(clause)
        return Finding(null=True, valence=v, outcome=words, significant=False, harm=harm, cue=between.group(0))
    favour = _FAVOURING.search(clause)
    if favour:
        # "RR 1.37 (95% CI 1.06-1.78), in favour of ECT": the arm named after it did better
        named = clause[favour.end() : favour.end() + 40]
        at_i = arms.intervention.search(named) if arms.intervention is not None else None
        at_c = arms.comparator.search(named) if arms.comparator is not None else None
        if at_i or at_c or CONTROL.match(named):
            g = 1 if at_i and (not at_c or at_i.start() < at_c.start()) else -1
            v, words = valence(clause)
            if sig is False:
                # "-3.6 points favouring esketamine (95% CI -7.20 to 0.07)": a leaning, not a difference
                return Finding(null=True, valence=v, outcome=words, significant=False, harm=harm, cue=favour.group(0).strip())
            return Finding(goodness=g, valence=v, outcome=words, significant=sig, harm=harm, cue=(favour.group(0) + named.split(")")[0].split(",")[0]).rstrip(" .;"))
        if regexcache.match(r"[A-Za-z]", named) and arms.intervention is not None and arms.intervention.search(clause):
            # "... in the robot-assisted group (difference favouring enhanced therapy)": an arm the
            # claim does not name did better; who that is, the words do not say
            return Finding()
    sign = arm_sign(clause, arms)
    if sign is None and _pair_for_listed_arms(clause, arms):
        sign = 1  # arms listed together with a number for each, in their order: compared by the numbers
    if sign is None and association_first and amount_linked(clause):
        sign = 1  # amounts of the exposure set against each other: the association reads them
    if sign is None or _close_figures_each(clause, arms):
        return _by_ratio(clause, arms, harm, sig)
    if reads_reversed(clause, arms):
        sign = -sign
    assoc = association(clause, levels=association_first)
    if assoc is not None and association_first:
        v, words = valence(clause)
        return Finding(association=assoc[0], valence=v, outcome=words, significant=sig, harm=harm, cue=assoc[1])
    for pattern, g in ((_BETTER, 1), (_WORSE, -1)):
        m = pattern.search(clause)
        if m and not NEGATION.search(clause[max(0, m.start() - 25) : m.start()]):
            v, words = valence(clause)
            return Finding(goodness=g * sign, valence=v, outcome=words, significant=sig, harm=harm, cue=_cue(clause, m))
    reached = _NOT_REACHED.search(clause)
    if reached and arms.intervention is not None:
        # "Median time to relapse was not reached in the esketamine arm, compared with 88 days with
        # placebo": the arm whose median was not reached went longer
        named = reached.group(1)
        d = 1 if arms.intervention.search(named) else -1 if (arms.comparator is not None and arms.comparator.search(named)) or CONTROL.search(named) else 0
        v, words = valence(clause[: reached.start()])
        if d and v:
            return Finding(direction=d, valence=v, goodness=d * v, outcome=words, significant=sig, harm=harm, cue=reached.group(0))
    numeric = _arm_numbers(clause, arms)
    if numeric is not None:
        d, m_num, measure, size = numeric
        # what the numbers measure is named before them ("Hypothyroidism was present in 19% of A
        # and 8% of those on other mood stabilizers": not "mood"), else anywhere
        before = clause[: max(clause.find(m_num), 0)]
        setting = _LEADING_SETTING.match(before)
        v, words = valence(before[setting.end() :] if setting else before)
        last_part = regexcache.split(r"[,;]\s+", before)[-1]
        if last_part != before and valence(last_part)[1]:
            # the outcome named last before the figures ("For the endpoint of a 30% reduction in pain
            # plus ..., response was 33.7% with A and 13.9% with B": response)
            v, words = valence(last_part)
        if ": " in before and valence(before.rsplit(": ", 1)[1])[1]:
            # "stopped early for efficacy: relapse occurred in 29% of ...": what follows the colon
            v, words = valence(before.rsplit(": ", 1)[1])
        if words is None:
            # what was counted, named between the first figure and the first arm ("63% of
            # participants were rated much improved after A and 21% after B")
            first_arm = min(p for ps in arms.positions(clause) for p in ps) if any(arms.positions(clause)) else len(clause)
            counted = clause[max(clause.find(m_num), 0) : first_arm]
            judged = GOOD.search(counted) or BAD.search(counted)
            if judged and not NEGATION.search(counted):
                v, words = (1 if GOOD.search(counted) else -1), judged.group(0)
        if words is None:
            v, words = valence(_without_arm_names(clause, arms))
        if sig is False:
            return Finding(null=True, valence=v, outcome=words, significant=False, harm=harm, cue=m_num)
        if measure == "goodness" and sig:
            return Finding(goodness=d, valence=v, outcome=words, significant=sig, harm=harm, cue=m_num)
        # a raw difference counts when it is significant, or large (a fifth or more) on an outcome
        # whose valence is known ("63% vs 61%" untested says nothing)
        if measure == "direction" and (sig or v and size >= 0.2):
            return Finding(direction=d, valence=v, goodness=d * v, outcome=words, significant=sig, harm=harm, cue=m_num)
        if not harm and not _COMPARATIVE.search(clause) and not _REFERENCE_AFTER.search(clause):
            # "HbA1c decreased by 0.9% in the A group and by 1.1% in the B group": a change in each
            # arm, not tested against the other; its verb is no difference between them
            return Finding(harm=harm, significant=sig)
    elif sig is None and _counted_per_arm(clause) and all(arms.positions(clause)) and not _COMPARATIVE.search(clause):
        # "33% were rated improved after A and 31% after B": a share for each arm, untested; the
        # verb says what was counted, not which arm did better
        return Finding(harm=harm, significant=sig)
    # 3. a direction on an outcome: "MADRS scores fell", "lowered the risk of relapse"; a word good or
    # bad on its own that comes first decides: "anhedonia improved significantly more with ketamine"
    arm_spans = [(m.start(), m.end()) for p in (arms.intervention, arms.comparator) if p is not None for m in p.finditer(clause)]
    if arms.amount_unit:
        # ("those sleeping less than 6 hours": the amount names an arm, "less" is no result)
        arm_spans += [(m.start(), m.end()) for m in amount_of_unit(arms.amount_unit).finditer(clause)]
    # "reducing PM2.5 exposure as a strategy for dementia prevention": a move done to the
    # intervention itself; what follows is the result of less of it
    done_to_arm = [
        (m, d) for pattern, d in ((UP, 1), (DOWN, -1)) for m in pattern.finditer(clause)
        if re.fullmatch(vocab.DOSE_CHANGE_GERUNDS, m.group(0), _I) and any(regexcache.fullmatch(r"\s+(?:the\s+)?", clause[m.end() : a]) for a, _ in arm_spans)
    ]
    # (read against the claim's own change: "Reducing tau prevented deficits" for "Reducing tau
    # prevents deficits" is the same experiment, not tau's effect turned round)
    if done_to_arm and min(done_to_arm, key=lambda t: t[0].start())[1] != (arms.changed or 1):
        sign = -sign
    # (a time named, or an event said to come sooner or later: "relapsed earlier than")
    time_moves = ((_SOONER, -1), (_LATER_TIME, 1)) if _TIME_MEASURE.search(clause) or _EVENT_TIMED.search(clause) else ()
    # (a level caused: "can cause low magnesium levels")
    lowered = clause.lower()
    level_moves = ((_CAUSED_LOW, -1), (_CAUSED_HIGH, 1)) if (" low" in lowered or " high" in lowered) and _CAUSAL_WORD.search(clause) else ()
    role_moves: tuple[tuple[re.Pattern[str], int], ...] = ((_ROLE_UP, 1), (_ROLE_DOWN, -1)) if " of " in clause else ()  # "identified as repressors of autophagy"
    # "X was crucial for the polarization of Y" (in a result read against a claim; a claim that X
    # is required for Y is a dependency, not a direction: frame.parse_claim reads it with no arms)
    role_moves += ((NEEDED_FOR, 1),) if arms.intervention is not None and _NEED_WORD.search(clause) and NEEDED_FOR.search(clause) else ()
    moves = sorted(
        [
            (m, d)
            for pattern, d in ((UP, 1), (DOWN, -1), *level_moves, *time_moves, *role_moves)
            for m in pattern.finditer(clause)
            # ("slower" said of a time is a longer time, not a plain "slow")
            if not (time_moves and pattern in (UP, DOWN) and any(sp.fullmatch(m.group(0)) for sp, _ in time_moves))
            if not any(a <= m.start() < b for a, b in arm_spans)  # "slow eating" names an arm
            # (a level caused, of an outcome whose better way is not known: "can cause low magnesium
            # levels"; "low blood pressure" is read as the harm it names)
            and not (pattern in (_CAUSED_LOW, _CAUSED_HIGH) and valence(clause[m.end() :])[1])
            # ("Promoting exclusive and prolonged breastfeeding may reduce ...": a participle that
            # describes the arm right after it, when a result follows)
            and not (m.group(0).lower().endswith("ed") and any(regexcache.fullmatch(r"\s+", clause[m.end() : a]) for a, _ in arm_spans)
                     and any(x.start() > m.end() + 3 for p2 in (UP, DOWN) for x in p2.finditer(clause)))
            # ("Elevated glucose directly impairs neutrophil chemotaxis": a participle that opens the
            # clause describes its subject, when a result follows)
            and not (
                m.start() <= 4 and m.group(0)[0].isupper() and m.group(0).lower().endswith("ed")
                and any(x.start() > m.end() + 3 and not COMPARATIVE_WORD.match(x.group(0)) for p2 in (UP, DOWN, GOOD, BAD) for x in p2.finditer(clause))
            )
            # ("Lkb1 inactivation cooperates with Kras to promote ...": what was done to the arm names it)
            and not (_ARM_MANIPULATION.fullmatch(m.group(0)) and any(regexcache.fullmatch(r"[\s-]{0,2}", clause[b : m.start()]) for _, b in arm_spans))
            and not any(m.start() == t[0].start() for t in done_to_arm)
            and not _in_parentheses(clause, m.start())  # "(randomized block ANOVA)"
            and stem(m.group(0)) not in outcome_stems  # "the double product": the outcome's name
            and not _in_threshold(clause, m)  # "a response criterion of at least a 35% reduction": a definition
            and not _OR_MORE.search(clause[max(0, m.start() - 25) : m.start()])  # "an ejection fraction of 45% or higher": who they are
            and not _HARMS_DEVELOPED.search(clause[max(0, m.start() - 80) : m.start()])  # "developed haematuria and reduced bladder capacity": a harm's name
            and not _DECHALLENGE_AT.match(clause, m.start())  # "resolved after treatment was stopped": a dechallenge
            and not _FAILED_TO.search(clause[max(0, m.start() - 40) : m.start()])  # "failed attempts to cut down": no move made
            and not _COURSE_OF_WHAT_CAME.search(clause[max(0, m.start() - 100) : m.start()])  # "hypertension that resolved within 2 hours": its course
        ],
        key=lambda t: t[0].start(),
    )
    if assoc is not None and abs(assoc[0]) == 2 and moves:
        # "Each 10 g/day increase in fibre was associated with a 10% lower risk": the first move is
        # the exposure's, the result is the association (its sign reads both sides)
        at = _ASSOC.search(clause)
        if at and moves[0][0].start() < at.start() and any(m.start() > at.end() for m, _ in moves):
            v, words = valence(clause)
            return Finding(association=assoc[0], valence=v, outcome=words, significant=sig, harm=harm, cue=assoc[1])
    # (a good or bad word inside the outcome's own name, "successful preparations", judges nothing)
    first_good = next((m for m in GOOD.finditer(clause) if stem(m.group(0)) not in outcome_stems), None)
    first_bad = next((m for m in BAD.finditer(clause) if stem(m.group(0)) not in outcome_stems), None)
    judged = min((x for x in (first_good, first_bad) if x), key=lambda x: x.start(), default=None)
    if judged is not None and (not moves or judged.start() < moves[0][0].start()) and judged.group(0).lower() not in ("works", "work", "help", "helps", "protect"):
        g = 1 if judged is first_good else -1
        if not COMPARATIVE_WORD.match(judged.group(0)) and _SMALLER_THAN.match(clause[judged.end() :]):
            g = -g  # "worsened less with X than with placebo", "improved less with X than with Y"
        window = clause[max(0, judged.start() - 25) : judged.start()]
        neg = NEGATION.search(window)
        # (not a negation closed off before the word: "strong, though not absolute, protection")
        neg = neg if neg and not regexcache.search(r",\s*$", window) else None
        v, words = valence(clause)
        if neg:
            return Finding(null=True, valence=v, outcome=words, significant=sig, harm=harm, cue=_cue(clause, judged))
        return Finding(goodness=g * sign, valence=v, outcome=words, significant=sig, harm=harm, cue=_cue(clause, judged))
    if len(moves) > 1 and _CHANGE_NOUN.fullmatch(moves[0][0].group(0)) and (
        sized := _CHANGE_SIZED_AFTER.match(clause, moves[0][0].end())
    ) and moves[1][0].start() == sized.start(1):
        # "blood pressure increases were smaller with A than with B": the size of a rise, compared —
        # a smaller rise is, relatively, lower
        (m0, d0), (_, d1) = moves[0], moves[1]
        moves = [(m0, d0 * d1)] + moves[2:]
    if len(moves) > 1 and _NOMINAL.search(moves[0][0].group(0)) and any(_VERB_FORM.search(m.group(0)) for m, _ in moves[1:]):
        moves = [t for t in moves[1:] if _VERB_FORM.search(t[0].group(0))] + [t for t in moves[1:] if not _VERB_FORM.search(t[0].group(0))]
    if len(moves) > 1 and outcome_stems:
        # "a reduction in aggression and an enhancement in PA", read for PA: the move whose object
        # is the outcome first
        on_outcome = [t for t in moves if outcome_stems & _object_stems(clause, t[0].end())]
        first_negated = NEGATION.search(clause[max(0, moves[0][0].start() - 20) : moves[0][0].start()])  # "no more effective than"
        if on_outcome and on_outcome[0] is not moves[0] and not first_negated:
            moves = on_outcome + [t for t in moves if t not in on_outcome]
    for k, (m, d) in enumerate(moves):
        word = m.group(0).lower()
        if stem(word) in outcome_stems and _NOMINAL.search(word) or regexcache.match(r"\s+(in|of)\b", clause[m.end() :]) and stem(word) in outcome_stems:
            continue  # "the mean increase in haematoma volume" names the outcome; it is not the result
        if (_AMOUNT.match(word) or _CAUSAL.match(word)) and k + 1 < len(moves) and moves[k + 1][0].start() - m.end() <= 25 and not (
            # ("causes cognitive impairment", "leads to cognitive decline": the harm caused is the
            # outcome, named by a noun; not "cause reduced expression", "cause a decline in memory")
            _CAUSAL.match(word) and _CAUSED_HARM.fullmatch(moves[k + 1][0].group(0)) and not regexcache.match(r"\s+(?:in|of)\b", clause[moves[k + 1][0].end() :])
        ):
            nxt_word = moves[k + 1][0].group(0)
            if (
                regexcache.match(r"(smaller|less|lower|fewer)$", word, _I)
                and regexcache.match(r"(increase|rise|reduction|decrease|decline|drop|fall|gain|loss|elevation)s?$", nxt_word, _I)
                and not regexcache.search(r"\b(than|compared|versus|vs)\b|[,;]", clause[m.end() : moves[k + 1][0].start()], _I)
            ):
                # "a smaller increase in potassium": less of a rise is, relatively, lower
                nxt, nd = moves[k + 1]
                moves[k + 1] = (nxt, -nd)
            continue  # "a larger reduction in", "mutations cause reduced expression": read the second word
        if word in ("more", "less") and not regexcache.match(r"\s+\w+", clause[m.end() :]):
            continue
        neg = NEGATION.search(clause[max(0, m.start() - 20) : m.start()])
        v, words = _nearest_valence(clause, m.start(), m.end())
        if time_moves and (_SOONER.fullmatch(word) or _LATER_TIME.fullmatch(word)) and not _TIME_MEASURE.search(words or ""):
            v = -v  # "relapsed earlier": the event sooner, its time shorter — more of a bad event
        taken = _TIME_TAKEN.search(clause, max(0, m.start() - 40)) if v else None
        if taken and taken.start() <= m.start() and m.end() <= taken.end():
            v = -v  # "took longer to reach response": the time to it, which is worse longer
        if word in vocab.BETTERING_MOVES and v > 0:
            d = 1  # "lifts mood": up for a good thing
        if not v and _EASING.fullmatch(word):
            v = -1  # "ameliorates insulin resistance": only a bad thing is eased, whatever the table knows of it
        if not COMPARATIVE_WORD.match(word) and _SMALLER_THAN.match(clause[m.end() :]):
            d = -d  # "reduced pain less than placebo", "lost less weight than": a smaller change than the other arm's
        direction = d * sign
        if neg and _NOT_STRICTLY.search(clause[max(0, m.start() - 20) : m.end()]):
            continue  # "not strictly required for induction": needed in part, which is no denial
        if neg:
            # "no patient relapsed" / "did not raise": the movement did not happen
            return Finding(null=True, valence=v, outcome=words, significant=sig, harm=harm, cue=_cue(clause, m))
        goodness = direction * v
        if not v and GOOD.fullmatch(word):
            goodness = sign
        return Finding(direction=direction, valence=v, goodness=goodness, outcome=words, significant=sig, harm=harm, cue=_cue(clause, m))
    if assoc is not None:
        v, words = valence(clause)
        return Finding(association=assoc[0], valence=v, outcome=words, significant=sig, harm=harm, cue=assoc[1])
    # 4. harms that occurred: "27% reported adverse events", "developed a manic episode"
    if harm:
        # (the first occurrence word that has a harm after it: not "frequent" in "frequent users")
        for occ in OCCURRENCE.finditer(clause):
            v, words = _nearest_valence(clause, occ.start(), occ.end())
            if v < 0:
                if _NONE_WERE.search(clause[: occ.start()]) or _IN_NONE.match(clause, occ.end()):
                    # ("... were reported in none of 235 patients")
                    # "No craving, drug-seeking or withdrawal symptoms were observed": none occurred
                    return Finding(null=True, valence=v, outcome=words, significant=sig, harm=True, cue=_cue(clause, occ))
                if NEGATION.search(clause[max(0, occ.start() - 30) : occ.start()]):
                    break
                return Finding(direction=sign, valence=v, goodness=-sign, outcome=words, significant=sig, harm=True, cue=_cue(clause, occ))
    # 5. words good or bad on their own: "improved", "worsened", "effective"
    for pattern, g in ((BAD, -1), (GOOD, 1)):
        # (not the first word of the outcome's own name: "rescue sedation" for a claim about it)
        m = next((x for x in pattern.finditer(clause) if not _names_outcome(clause, x, outcome_stems) and not _DECHALLENGE_AT.match(clause, x.start())), None)
        if m:
            neg = NEGATION.search(clause[max(0, m.start() - 25) : m.start()])
            v, words = valence(clause)
            if neg:
                return Finding(null=True, valence=v, outcome=words, significant=sig, harm=harm, cue=_cue(clause, m))
            return Finding(goodness=g * sign, valence=v, outcome=words, significant=sig, harm=harm, cue=_cue(clause, m))
    return _by_ratio(clause, arms, harm, sig)


_IN_NONE = regexcache.compile(r"\s+(?:in|by|among|for)\s+(?:none\b|no\s+(?:one|patients?|participants?|subjects?|cases?)\b|(?:0|zero)\s+(?:of|out of)\b)", _I)


# a change that defines a category ("response, a reduction of at least 50%", "a 50% or greater
# reduction in MADRS score"), not a change that happened
_THRESHOLD = regexcache.compile(
    r"(?:\b(?:at least|a minimum of)\s+|[≥>]=?\s*)(?:an?\s+)?\d+(?:[.·]\d+)?\s*(?:%|percent|points?)?\s*$"
    r"|\d+(?:[.·]\d+)?\s*(?:%|percent|points?)?\s+or\s+(?:(?:more|greater|higher|larger)\s+)?$",
    _I,
)


_OR_MORE = regexcache.compile(r"\d(?:[.·]\d+)?\s*(?:%|percent|years?|points?|mg|kg)?\s+or\s+$", _I)
_DEFINED = regexcache.compile(r"\b(?:" + vocab.CATEGORY_DEFINITION + r")\b", _I)


def _in_threshold(clause: str, m: re.Match[str]) -> bool:
    """The change names a category's threshold ("the response criterion of at least a 35%
    reduction"): not a result (a result may still give one: "produced at least a 50% reduction")."""
    return bool(_THRESHOLD.search(clause[max(0, m.start() - 40) : m.start()]) and _DEFINED.search(clause[max(0, m.start() - 80) : m.start()]))


SHARES_COMPARED = regexcache.compile(
    r"\d+(?:[.·]\d+)?\s*%[^;]{0,80}?\b(?:and|vs\.?|versus|compared (?:with|to)|than)\s[^;]{0,40}?\d+(?:[.·]\d+)?\s*%", _I
)


@lru_cache(maxsize=4096)
def term_pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """A pattern for a tuple of regular expressions or literal terms (empty: None); bounded, as an
    abstract's own abbreviations make patterns of their own (a long --pairs batch)."""
    parts = list(dict.fromkeys(t for t in terms if t))  # (a term named twice adds nothing to match)
    if not parts:
        return None
    return re.compile("|".join(f"(?:{p})" for p in parts), _I)


# --- mechanisms: what the drug does to a target ("blocks NMDA receptors") ------------------

ACTIVATE = regexcache.compile(r"\b" + vocab.ACTIVATE_WORDS, _I)
@cache
def _experiment() -> re.Pattern[str]:
    return regexcache.compile(vocab.experiment_pattern(), _I)


@cache
def _target_words(concept_id: str) -> str:
    """A pattern for the names of a mechanism concept's target (its detect patterns and tiab words)."""
    c = vocab.CONCEPTS_BY_ID[concept_id]
    return "(?:" + "|".join([f"(?:{p})" for p in c.detect] + [re.escape(t) for t in c.tiab]) + ")"


@cache
def _near_target(concept_id: str, words: str) -> re.Pattern[str]:
    """``words`` within four words of the target, before or after it (not across "and", "but")."""
    target = _target_words(concept_id)
    # (not across "downstream of": "AMPA receptor activation downstream of NMDA receptor blockade")
    gap = r"\W+(?:(?!(?:and|but|while|whereas|or|downstream|upstream)\b)[\w-]+\W+){0,4}?"
    # \b before the verb: "disinhibition" is not "inhibition"
    return regexcache.compile(rf"\b{words}{gap}{target}|{target}{gap}\b{words}", _I)


def _target_direction_patterns(concept_id: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    if concept_id in vocab.LEVEL_TARGETS:
        up, down = f"(?:{vocab.ACTIVATE_WORDS}|{vocab.LEVEL_UP_WORDS})", f"(?:{vocab.BLOCK_WORDS}|{vocab.LEVEL_DOWN_WORDS})"
        return _near_target(concept_id, up), _near_target(concept_id, down)
    return _receptor_function(concept_id, vocab.ACTIVATE_WORDS, vocab.LEVEL_UP_WORDS), _receptor_function(concept_id, vocab.BLOCK_WORDS, vocab.LEVEL_DOWN_WORDS)


def _receptor_function(concept_id: str, action_words: str, level_words: str) -> re.Pattern[str]:
    """A receptor's action words near it, or more or less of its measured function: "reduced NMDA
    receptor-mediated currents", "NMDA receptor-mediated EPSCs were inhibited by X"."""
    target = _target_words(concept_id)
    measured = rf"{target}(?:\s+receptors?)?(?:[\s-]+(?:receptor-)?(?:mediated|dependent|evoked))?(?:\s+[\w-]+){{0,2}}?\s+{vocab.RECEPTOR_FUNCTION_WORDS}\b"
    words = f"(?:{action_words}|{level_words})"
    near = _near_target(concept_id, action_words).pattern
    return regexcache.compile(rf"{near}|\b{words}\s+(?:the\s+)?{measured}|{measured}\s+(?:(?:was|were)\s+)?(?:\w+\s+)?{words}", _I)


def target_direction(text: str, concept: vocab.Concept, *, denials: bool = True) -> tuple[int, str | None]:
    """+1 if the text says the target is activated, -1 if blocked, 0 if neither.

    A clause that describes an experiment blocking the target with something else
    ("blocking mTOR abolished the effects", "blocked by rapamycin", "pretreatment with ...")
    says nothing about what the drug does. With ``denials``, an action said not to happen ("did
    not increase BDNF") is no direction (a claim's own "not" is read apart: ``denials=False``).
    """
    activate, block = _target_direction_patterns(concept.id)
    for clause in split_clauses(text):
        experiment = _experiment().search(clause)
        if experiment:
            # (what the clause says before the experiment's own predicate still counts: "...
            # required AMPA activation downstream of NMDA receptor blockade and was abolished by NBQX")
            joined = regexcache.search(r"\s+and\s+(?:was|were|is|are|had been|has been)\b", experiment.group(0))
            if not joined:
                continue
            clause = clause[: experiment.start() + joined.start()]
        # (the action word nearest the target: "blocked NMDA receptors, increased glutamate
        # release" raises glutamate)
        found = [
            (len(m.group(0)), d, m) for d, pattern in ((-1, block), (1, activate)) for m in pattern.finditer(clause)
            if not (denials and _negated_action(clause, m)) and not _INDEPENDENT_OF.match(clause, m.end()) and not _NEEDED_OR_NOT.match(clause, m.end())
        ]
        if found:
            _, d, m = min(found, key=lambda t: (t[0], t[1]))
            return d, m.group(0)
    return 0, None


def _negated_action(clause: str, m: re.Match[str]) -> bool:
    """"did not increase BDNF", "BDNF was not increased", "rather than stimulating NMDA
    receptors": the action denied."""
    before = clause[max(0, m.start() - 20) : m.start()]
    return bool(NEGATION.search(before) or _RATHER_THAN.search(before) or _TOO_TO.search(before) or NEGATION.search(m.group(0)))


_RATHER_THAN = prefiltered(r"\b(?:rather than|instead of)\s+$", _I)
_TOO_TO = regexcache.compile(r"\btoo\s+(?:\w+\s+){1,2}to\s+$", _I)  # "at concentrations too low to inhibit NMDA receptors"


def target_unmoved(text: str, concept: vocab.Concept) -> str | None:
    """The words that say the target did not move ("did not alter BDNF", "ketamine did not
    increase BDNF", "glutamate levels were unchanged"), or None."""
    activate, block = _target_direction_patterns(concept.id)
    for clause in split_clauses(text):
        if _experiment().search(clause):
            continue
        m = _near_target(concept.id, vocab.TARGET_UNMOVED_WORDS).search(clause)
        if m:
            return m.group(0)
        denied = next((x for p in (activate, block) for x in p.finditer(clause) if _negated_action(clause, x)), None)
        if denied:
            return clause[max(0, denied.start() - 20) : denied.end()].strip()
    return None


# ("through an NMDA receptor inhibition-independent mechanism": not through it)
# ("NMDA receptor inhibition is not required for ...": whether the action is needed, not whether it happens)
_NEEDED_OR_NOT = regexcache.compile(
    r"\s+(?:(?:is|was|are|were)\s+|(?:may|might|could|would)\s+(?:not\s+)?be\s+)(?:not\s+(?:required|necessary|needed|essential)|dispensable)\b"
    r"|\s+(?:may|might|could|would)\s+not\s+be\s+(?:required|necessary|needed|essential)\b",
    _I,
)
_INDEPENDENT_OF = regexcache.compile(r"\s*-\s*independent|\s+independent(?:ly)?\b", _I)


def target_independent(text: str, concept: vocab.Concept) -> tuple[int, str | None]:
    """The direction of an action on the target that the text says the effect does not need
    ("an NMDA receptor inhibition-independent mechanism": -1), with the cue; 0 if none."""
    activate, block = _target_direction_patterns(concept.id)
    for d, pattern in ((-1, block), (1, activate)):
        for m in pattern.finditer(text):
            # ("NMDA receptor inhibition may not be required for the behavioural response")
            ind = _INDEPENDENT_OF.match(text, m.end()) or _NEEDED_OR_NOT.match(text, m.end())
            if ind:
                return d, text[m.start() : ind.end()].strip()
            before = _INDEPENDENTLY_OF.search(text[max(0, m.start() - 30) : m.start()])
            if before:
                return d, before.group(0) + text[m.start() : m.end()]  # "independently of NMDA receptor inhibition"
    return 0, None


def target_unneeded(text: str, concept: vocab.Concept) -> str | None:
    """The effect said not to need the target at all, whatever the action: "an NMDA-independent
    mechanism", "NMDA receptor-independent"; the cue, or None."""
    target = _target_words(concept.id)
    m = re.search(rf"{target}(?:[\s-]+receptors?)?[\s-]+independent\b", text, _I)
    return m.group(0) if m else None


_INDEPENDENTLY_OF = regexcache.compile(r"\b(?:independent(?:ly)?|regardless) of\s+(?:the\s+)?$|\bwithout (?:the need for |requiring )?(?:any\s+)?$", _I)
