"""The prefilter skips a pattern only where it cannot match: every answer is the pattern's own."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

from litcli.claims import frame, reader, stance, vocabulary
from litcli.claims.prefilter import Prefiltered, fold, prefiltered, required_literals

SENTENCES = [
    "Ketamine has been shown to reduce suicidal ideation within hours (p < 0.001).",
    "Response rates did not differ between the zorvatine and placebo groups (41% vs 38%; p = 0.62).",
    "Further randomised trials are needed to establish long-term safety.",
    "We aimed to assess whether esketamine prevents relapse in adults with treatment-resistant depression.",
    "Patients with bipolar disorder were excluded; 212 participants were randomised.",
    "MADRS scores fell by 12.4 points with ketamine and 5.1 points with midazolam.",
    "Previous studies have reported that NMDA receptor blockade increases BDNF release.",
    "HAM-A scores were lower after treatment in older adults aged 65 years or over.",
    "ſtudies of İstanbul cohorts: \u212aetamine µg/kg doses were similar ΣΟΦΙΑ.",
    "No serious adverse events occurred; dissociation resolved within two hours.",
    "Remission was more common with the drug (OR 2.1, 95% CI 1.3 to 3.4).",
    "",
]


def _same(p: Prefiltered, text: str) -> None:
    plain = p._compiled
    assert bool(p.search(text)) == bool(plain.search(text)), (plain.pattern[:80], text)
    if plain.search(text):
        assert p.search(text).span() == plain.search(text).span()  # type: ignore[union-attr]
    assert [m.span() for m in p.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert p.findall(text) == plain.findall(text)
    assert p.sub("#", text) == plain.sub("#", text)
    assert bool(p.match(text)) == bool(plain.match(text))


def test_the_literal_set_is_the_most_telling_required_run() -> None:
    assert required_literals(re.compile(r"\b(has|have) (been )?(previously )?(shown|reported)", re.I)) == ("reported", "shown")
    assert required_literals(re.compile(r"(?<!\bwe )\b(?:has|have) been (?:\w+ly )?used (?:as|in|for)\b", re.I)) == (" been ",)
    assert required_literals(re.compile(r"\b(design|methods?|setting)\s*:", re.I)) == ("design", "method", "setting")
    # (folded when case is ignored; exact when it is not)
    assert required_literals(re.compile(r"Mean MADRS", re.I)) == ("mean madrs",)
    assert required_literals(re.compile(r"\bMADRS\b")) == ("MADRS",)


@pytest.mark.parametrize(
    "pattern",
    [r"\d+(?:\.\d+)?\s*%", r"(?:ketamine)?\w+", r"(ketamine|\w+)", r"a\d", r"(?:placebo)*", r"(?i:MADRS) scores?"],
)
def test_no_literal_set_where_a_match_may_hold_none(pattern: str) -> None:
    found = required_literals(re.compile(pattern))
    # ("scores" is the only run every match holds when the case rule changes inside a group)
    assert found is None or found == (" score",)
    p = prefiltered(pattern)
    for text in SENTENCES:
        _same(p, text)


def test_texts_without_the_literals_are_skipped_and_the_rest_searched() -> None:
    p = prefiltered(r"(?<![\w-])(?:improv\w*|superior)(?![\w-])", re.I)
    assert not p.possible("Scores fell in both groups.")
    assert p.search("Scores fell in both groups.") is None
    assert p.possible("Mood IMPROVED with the drug.")
    assert p.search("Mood IMPROVED with the drug.").group(0) == "IMPROVED"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("pattern", "text"),
    [("istanbul", "İstanbul"), ("studies", "ſtudies"), ("kelvin", "\u212aelvin"), ("µg", "μg"), ("σοφια", "ΣΟΦΙΑ"), ("ας", "ΑΣ")],
)
def test_letters_re_counts_as_one_under_ignorecase_are_one_for_the_prefilter(pattern: str, text: str) -> None:
    assert re.search(pattern, text, re.I)
    assert prefiltered(pattern, re.I).search(text)
    assert fold(text) == fold(pattern) or fold(pattern) in fold(text)


def test_a_guard_pattern_decides_what_is_searched() -> None:
    p = prefiltered(r"did not differ|no difference", re.I, guard=r"\bnot\b|\bno\b")
    assert p.search("Scores did NOT differ.")
    assert not p.possible("Scores differed.")


def test_random_patterns_give_the_patterns_own_answers() -> None:
    # a small grammar of what the vocabulary writes: words, alternations, optional parts,
    # repeats, classes, look-arounds, local case rules
    rng = random.Random(20261207)
    words = ["ketamine", "placebo", "score", "scores", "did not", "differ", "MADRS", "ſt", "improv", "a", "in", "at"]

    def atom(depth: int) -> str:
        kind = rng.randrange(9 if depth < 3 else 4)
        if kind <= 2:
            return re.escape(rng.choice(words))
        if kind == 3:
            return rng.choice([r"\w+", r"\s+", r"\d", r"[a-z]", r"\b", r"(?<![\w-])", r"(?!\w)", "."])
        if kind == 4:
            return "(?:" + "|".join(seq(depth + 1) for _ in range(rng.randint(1, 3))) + ")"
        if kind == 5:
            return "(?:" + seq(depth + 1) + ")" + rng.choice(["?", "*", "+", "{1,2}", "{0,2}", "{2}"])
        if kind == 6:
            return "(" + seq(depth + 1) + ")"
        if kind == 7:
            return rng.choice(["(?i:", "(?-i:"]) + seq(depth + 1) + ")"
        return "(?=" + seq(depth + 1) + ")"

    def seq(depth: int) -> str:
        return "".join(atom(depth) for _ in range(rng.randint(1, 3)))

    texts = [*SENTENCES, "KETAMINE did not differ from placebo", "ſtill improving scores", "MADRS a in at", "madrs Placebo"]
    checked = skipped = 0
    for _ in range(600):
        pattern, flags = seq(0), rng.choice([0, re.I])
        try:
            p = prefiltered(pattern, flags)
        except re.error:
            continue
        for text in texts:
            _same(p, text)
            checked += 1
            skipped += not p.possible(text)
    assert checked > 5000 and skipped > 500  # (the filter filters)


def _prefiltered_in_the_reader() -> list[Prefiltered]:
    found: list[Prefiltered] = []
    for module in (reader, frame, stance, vocabulary):
        for value in vars(module).values():
            if isinstance(value, Prefiltered):
                found.append(value)
    found += [p for _kind, patterns in reader.KINDS for p in patterns]
    found += [p for p, _v in reader.VALENCE]
    found += [p for _pid, p in frame.POPULATIONS]
    found += [d for c in vocabulary.CONCEPTS if (d := vocabulary._detector(c.id)) is not None]
    return found


def test_every_prefiltered_pattern_of_the_reader_answers_as_its_pattern() -> None:
    patterns = _prefiltered_in_the_reader()
    assert len(patterns) > 150
    texts = list(SENTENCES)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import stance_data as sd

    root = sd.data_dir()
    if (root / "ketamine").exists():
        texts += [t for p in sd.SETS["ketamine"](root) for t in p["abstract"]][:400]
    skipped = 0
    for p in patterns:
        for text in texts:
            assert bool(p.search(text)) == bool(p._compiled.search(text)), (p._compiled.pattern[:80], text)
            skipped += not p.possible(text)
    assert skipped > len(patterns) * len(texts) // 2


@pytest.mark.parametrize(
    ("pattern", "flags", "text"),
    [("(?i:ketamine) did", 0, "KETAMINE did not differ"), ("(?-i:MADRS) scores", re.I, "MADRS SCORES fell"), ("(?i)madrs", 0, "MADRS")],
)
def test_a_case_rule_changed_inside_the_pattern_is_kept(pattern: str, flags: int, text: str) -> None:
    assert re.search(pattern, text, flags)
    _same(prefiltered(pattern, flags), text)
