"""Quoted figures: a claim that quotes a proportion or a ratio ("76 percent of the population had
been infected", "one in five trials stop early", "12 times more likely to die") read against the
figures an abstract gives for the same thing.

A figure that agrees (within a tenth; a figure inside the claim's range) supports; when no
sentence of the abstract agrees, a sentence about the same thing (most of the claim's words)
whose figures all clearly differ contradicts.  A bound ("up to 50%", "more than 80%") can be
agreed with but not contradicted: "up to" says little about the value.  Figures inside a
confidence interval are not the estimate.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from litcli.claims import regexcache
from litcli.claims import vocabulary as vocab
from litcli.claims.frame import claim_core
from litcli.claims.reader import content_stems

_I = re.IGNORECASE
_NUM = r"\d+(?:[.·]\d+)?"
_PCT_NUM = r"(?:\d+(?:[.·]\d+)?|" + "|".join(sorted(vocab.CARDINAL_WORDS, key=len, reverse=True)) + r")"
_PCT = r"\s*(?:%|percent\b|per\s+cent\b)"
_WORD_NUMBER = "|".join(sorted(map(re.escape, vocab.CARDINAL_WORDS), key=len, reverse=True))
_COUNT = rf"(?:{_NUM}|{_WORD_NUMBER})"
_DENOMINATOR = rf"(?:(?:a|every)\s+)?(?:{_NUM}(?:,\d{{3}})*|{_WORD_NUMBER})(?:\s+(?:hundred|thousand|million))?"
_FRACTION = "|".join(sorted(map(re.escape, vocab.FRACTION_WORDS), key=len, reverse=True))
_UP = vocab.FIGURE_UP_WORDS
_DOWN = vocab.FIGURE_DOWN_WORDS

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("range", regexcache.compile(rf"(?:between\s+)?({_NUM})(?:{_PCT})?\s*(?:to|-|–|—|and)\s*({_NUM}){_PCT}", _I)),
    ("percent", regexcache.compile(rf"\b({_PCT_NUM}){_PCT}", _I)),
    ("in", regexcache.compile(rf"\b({_COUNT})\s+(?:in|out\s+of)\s+({_DENOMINATOR})\b", _I)),
    ("fraction", regexcache.compile(rf"\b({_FRACTION})\s+of\b", _I)),
    ("times", regexcache.compile(rf"\b({_COUNT})[- ]?(?:times|fold)\s+(?:as\s+\w+|({_UP}|{_DOWN})|(?=(?:that|those)\s+(?:of|in|for|among)\b))", _I)),
    # "doubles the risk", "tripled"; "a hazard ratio of 2.8" (its interval is masked)
    ("multiplied", regexcache.compile(r"\b(" + "|".join(vocab.MULTIPLYING_VERBS) + r")(?:es|ed|ing)\b", _I)),  # (not "a double dose")
    ("ratio", regexcache.compile(rf"\b(?:hazard|odds|risk|rate|incidence\s+rate)\s+ratios?\s*(?:\([A-Za-z]+\)\s*)?(?:of|was|were|=|:|,)?\s*({_NUM})\b", _I)),
]
# an interval around an estimate ("(95% CI 82-90%)", "95CI 1.11-1.97%", "95% HPDI 22% – 64%")
_INTERVAL = regexcache.compile(
    r"\([^()]*\b(?:\d{2}\s*%?\s*)?(?:CI|HPDI|CrI|UI|confidence|credible|uncertainty|IQR|range)\b[^()]*\)"
    r"|\b\d{2}\s*%?\s*(?:CI|HPDI|CrI|UI|confidence\s+intervals?|credible\s+intervals?|uncertainty\s+intervals?)\b(?:\s*\([A-Za-z]+\))?[:,]?\s*"
    r"(?:" + _NUM + r"\s*%?\s*(?:to|-|–|—|,)\s*" + _NUM + r"\s*%?)?",
    _I,
)
_BOUNDS = [(kind, regexcache.compile(r"\b(?:" + words + r")\s*$", _I)) for kind, words in vocab.FIGURE_BOUNDS]
_REFERENCE_BEFORE = regexcache.compile(vocab.FIGURE_REFERENCE_BEFORE, _I)
_PREMISE = regexcache.compile(r"\b(?:if|when|unless|assuming|provided)\b[^,;:]*$", _I)  # "..., if 7% of patients took part"
_STAGE_WORDS = frozenset(content_stems(vocab.FIGURE_CONTEXT_NOISE))

AGREE = 0.1  # figures within a tenth of each other (or one point) agree
DIFFER = 0.15  # figures further apart than this share of the larger (and three points) differ
SAME_THING = 0.5  # a sentence naming at least this share of the claim's words is about the same thing


@dataclass(frozen=True)
class Figure:
    """A proportion (unit "%") or a ratio (unit "x", sign +1 higher / -1 lower) as low..high."""

    low: float
    high: float
    unit: str
    sign: int
    bound: str  # "" | "upper" | "lower" | "about"
    start: int
    text: str


def _number(text: str) -> float | None:
    t = text.lower().replace("·", ".").replace(",", "")
    t = regexcache.sub(r"^(?:a|every)\s+", "", t)
    scale = 1.0
    for word, factor in (("hundred", 100.0), ("thousand", 1e3), ("million", 1e6)):
        if t.endswith(word):
            t, scale = t[: -len(word)].strip(), factor
    if not t:
        return scale
    if t in vocab.CARDINAL_WORDS:
        return vocab.CARDINAL_WORDS[t] * scale
    try:
        return float(t) * scale
    except ValueError:
        return None


@lru_cache(maxsize=8192)
def figures(text: str, *, shares: bool = True) -> tuple[Figure, ...]:
    """The proportions and ratios stated in ``text`` (not those of an interval around them);
    with ``shares``, only percentages that are shares of a whole."""
    masked = _INTERVAL.sub(lambda m: " " * len(m.group(0)), text)
    taken: list[tuple[int, int]] = []
    out: list[Figure] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(masked):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            sign = 0
            unit = "%"
            if kind == "range":
                if not regexcache.match(r"\s*(?:%|percent|per\s+cent)", masked[m.end(1) :], _I) and _RANGE_AFTER_WORD.search(masked[: m.start()]):
                    continue  # "from 22.5% in period 1 to 25.5% in period 2": not a range
                low, high = _number(m.group(1)), _number(m.group(2))
            elif kind == "percent":
                low = high = _number(m.group(1))
            elif kind == "in":
                n, d = _number(m.group(1)), _number(m.group(2))
                if n is None or not d or n > d:
                    continue
                low = high = 100.0 * n / d
            elif kind == "fraction":
                low = high = vocab.FRACTION_WORDS[m.group(1).lower()]
            elif kind == "multiplied":
                low = high = float(vocab.MULTIPLYING_VERBS[m.group(1).lower()])
                unit, sign = "x", 1
            elif kind == "ratio":
                value = _number(m.group(1))
                if not value or value == 1:
                    continue
                low = high = value if value > 1 else 1 / value
                unit, sign = "x", 1 if value > 1 else -1
            else:
                low = high = _number(m.group(1))
                unit = "x"
                word = (m.group(2) or "").lower()
                sign = 0 if not word else 1 if regexcache.fullmatch(_UP, word, _I) else -1
            if low is None or high is None or low > high or unit == "%" and high > 100:
                continue
            before = masked[max(0, m.start() - 30) : m.start()]
            after = masked[m.end() :]
            if _REFERENCE_BEFORE.search(masked[max(0, m.start() - 80) : m.start()]):
                taken.append((m.start(), m.end()))
                continue  # "lower than widely cited figures of 40%": what others said
            if shares and unit == "%" and kind in ("percent", "range") and not _is_share(before, after):
                taken.append((m.start(), m.end()))  # (nor its parts: "by 50-90%")
                continue  # "0.01% eye drops", "a 75% reduction in PASI", "reduced by 79%": not a share of a whole
            bound = next((b for b, p in _BOUNDS if p.search(before)), "")
            tail = _BOUND_AFTER.match(after)
            if tail:
                bound = "lower" if regexcache.match(_UP, tail.group(1), _I) else "upper"  # "10% or more"
            taken.append((m.start(), m.end()))
            out.append(Figure(low, high, unit, sign, bound, m.start(), m.group(0)))
    return tuple(sorted(out, key=lambda f: f.start))


_SHARE_AFTER = regexcache.compile(r"\s*(?:of\b|[,.;:)\]]|$|(?:in|among|for)\b|(?:" + vocab.FIGURE_SHARE_VERBS + r")\b)", _I)
_SHARE_AS_RISK = regexcache.compile(r"\s*(?:" + vocab.FIGURE_RISK_NOUNS + r")\b", _I)
_ARTICLE_BEFORE = regexcache.compile(r"\b(?:a|an)\s+$", _I)
_CHANGE_BEFORE = regexcache.compile(r"\bby\s+(?:(?:" + "|".join(w for _, w in vocab.FIGURE_BOUNDS) + r")\s+)?$", _I)


# a word before a bare number that makes it a label or a count, not the start of a range of shares
_RANGE_AFTER_WORD = regexcache.compile(r"\b(?!(?:between|from|of|ranged|ranging|range|was|were|is|are|about|approximately|around|estimated|some|roughly|nearly|that|in|to|and|or|by)\b)[A-Za-z]+\s+(?:between\s+)?$", _I)
_BOUND_AFTER = regexcache.compile(r"\s*or\s+(" + _UP + "|" + _DOWN + r"|above|below)\b", _I)


def _is_share(before: str, after: str) -> bool:
    """Is a percentage a share of a whole ("76% of the population", "5.9% were HCP", "rising to
    76% in October", "a 90% chance of") rather than a concentration, a size of change or a label?"""
    if regexcache.match(r"\s*of\b", after):
        return True  # ("antibodies were carried by 65% of adults")
    if _CHANGE_BEFORE.search(before):
        return False  # "reduced by 79%": the size of a change (stance._amount_check reads those)
    if _SHARE_AS_RISK.match(after):
        return bool(_ARTICLE_BEFORE.search(before))
    return bool(_SHARE_AFTER.match(after) or _BOUND_AFTER.match(after))


def _agree(c: Figure, s: Figure) -> bool:
    if c.unit != s.unit or c.sign and s.sign and c.sign != s.sign:
        return False
    # (a point of a percentage either way, or a quarter of a small one: 0.1% is not "1 in 100")
    tol = max(min(1.0, 0.25 * max(c.high, s.high)) if c.unit == "%" else 0.05, AGREE * max(c.high, s.high))
    if c.low < c.high:
        return c.low - tol <= s.low and s.high <= c.high + tol  # a figure inside the claim's range
    return s.low - tol <= c.low <= s.high + tol


def _differ(c: Figure, s: Figure) -> bool:
    if c.unit != s.unit:
        return False
    if c.unit == "x" and c.sign and s.sign and c.sign != s.sign:
        return True  # "20 times higher" against "lower"
    gap = max(s.low - c.high, c.low - s.high)
    if c.unit == "%":
        top = max(c.high, s.high)
        # (small shares differ by their ratio: 0.1% against "1 in 100")
        return gap > max(3.0, DIFFER * top) or 0 < top < 10 and gap > 0 and min(c.low, s.low) / top < 0.5
    return gap > 0 and min(c.low, s.low) / max(c.high, s.high) < 0.6


def _words(text: str, expansions: dict[str, str]) -> frozenset[str]:
    """Content stems, with hyphenated names split too ("COVID-19": "covid") and the long forms of
    the abbreviations the abstract defines ("CKD": chronic kidney disease)."""
    extra = " ".join(long for short, long in expansions.items() if re.search(r"\b" + re.escape(short) + r"s?\b", text))
    return content_stems(text) | content_stems(regexcache.sub(r"[-/]", " ", text)) | content_stems(extra)


def quotes_figure(claim: str) -> bool:
    """Does the claim quote a share or a ratio (what read_figures answers)?"""
    return bool(figures(claim_core(claim)))


def read_figures(claim: str, sentences: Sequence[str], expansions: dict[str, str] | None = None) -> dict[int, tuple[str, str, float]]:
    """Sentence index -> (stance, cue, share of the claim's words named) for the sentences whose
    figures answer the figure the claim quotes; empty when the claim quotes none.  ``expansions``:
    the abstract's abbreviations and their long forms."""
    core = claim_core(claim)
    quoted = figures(core)
    if not quoted:
        return {}
    quoted = tuple(f for f in quoted if not _PREMISE.search(core[: f.start])) if quoted else quoted
    if not quoted:
        return {}
    c = quoted[0]  # the claim's main figure ("100 percent of ..., with more than 50 percent ...")
    expansions = expansions or {}
    # what the figure is about: the claim's words, not those of its figures ("about half of")
    bare = core
    for f in figures(core):
        bare = bare.replace(f.text, " ")
    bounds = regexcache.compile(r"\b(?:" + "|".join(w for _, w in vocab.FIGURE_BOUNDS) + r")\b", _I)
    words = _words(bounds.sub(" ", bare), {}) - _STAGE_WORDS
    if len(words) < 2:
        return {}
    agree: dict[int, tuple[str, str, float]] = {}
    differ: dict[int, tuple[str, str, float]] = {}
    for i, sentence in enumerate(sentences):
        found = [s for s in figures(sentence) if s.unit == c.unit]
        stated = [s for s in figures(sentence, shares=False) if s.unit == c.unit]
        if not stated:
            continue
        shared = words & _words(sentence, expansions)
        share = len(shared) / len(words)
        hits = [s for s in found if _agree(c, s)]
        if hits and shared:
            agree[i] = ("supports", hits[0].text, share)
        elif found and len(stated) <= 2 and not any(_agree(c, s) for s in stated) and c.bound not in ("upper", "lower") and len(shared) >= 2 and share >= SAME_THING and all(_differ(c, s) for s in found):
            differ[i] = ("contradicts", found[0].text, share)
    return agree or differ  # one agreeing figure anywhere outweighs the others
