"""The prefilter skips a pattern only where it cannot match: every answer is the pattern's own."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

from litcli.claims import frame, prefilter, reader, stance, vocabulary
from litcli.claims.prefilter import (
    Alternatives,
    Prefiltered,
    fold,
    prefiltered,
    required_literals,
    split_alternatives,
)

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


def test_a_pattern_made_after_a_text_was_read_still_finds_its_words_in_it() -> None:
    # (the literal index grows as patterns are made; what it found in a text before is not kept)
    text = "Serum zorvatine levels rose, and the qelbrinase activity fell."
    assert prefiltered(r"zorvatine", re.I).search(text)
    late = prefiltered(r"\bqelbrinase\b", re.I)
    assert late.possible(text) and late.search(text)
    assert not late.possible("Serum zorvatine levels rose.")


def test_without_the_literal_index_the_answers_are_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    patterns = [r"(?<![\w-])(?:improv\w*|superior)(?![\w-])", r"did not differ|no difference", r"(?-i:MADRS) scores", r"\bp\s*=\s*0\.\d+"]
    with_index = [prefiltered(p, re.I) for p in patterns]
    monkeypatch.setattr(prefilter, "_FOLDED_INDEX", None)
    monkeypatch.setattr(prefilter, "_EXACT_INDEX", None)
    without = [prefiltered(p, re.I) for p in patterns]
    assert all(p._ids is None for p in without) and any(p._ids is not None for p in with_index)
    for a, b in zip(with_index, without, strict=True):
        for text in SENTENCES:
            _same(a, text)
            _same(b, text)
            assert a.possible(text) == b.possible(text)


@pytest.mark.parametrize(
    ("pattern", "parts"),
    [
        ("a|b(c|d)|e", ["a", "b(c|d)", "e"]),
        (r"x\|y|z", [r"x\|y", "z"]),
        ("[|(]a|b", ["[|(]a", "b"]),
        ("[]|]a|[^]|]b", ["[]|]a", "[^]|]b"]),
        ("(?:a|b)", ["(?:a|b)"]),
        ("", [""]),
    ],
)
def test_alternatives_are_split_at_the_top_level_only(pattern: str, parts: list[str]) -> None:
    assert split_alternatives(pattern) == parts


@pytest.mark.parametrize("pattern", [r"(a)|\1b", r"(?P<x>a)|(?P=x)", "(?i)a|b", r"(a)?(?(1)b|c)|d"])
def test_alternatives_that_refer_to_each_other_are_not_split(pattern: str) -> None:
    assert split_alternatives(pattern) is None


def test_alternatives_give_the_whole_patterns_span_on_random_alternations() -> None:
    # the leftmost match, and at one position the first alternative in order: the same as the
    # whole pattern's, for search and match, from any start
    rng = random.Random(20261208)
    words = ["not", "no", "did not", "differ", "similar", "ketamine", "placebo", "scores", "a", "in", "no differ", "ſt"]
    texts = [*SENTENCES, "Scores did not differ; no difference was similar in placebo", "no no not ketamine a in", "ſtill not"]
    checked = 0
    for _ in range(300):
        alts = []
        for _ in range(rng.randint(2, 6)):
            w = [re.escape(rng.choice(words)) for _ in range(rng.randint(1, 2))]
            alts.append(rng.choice([r"\s*", " ", r"\W+(?:\w+\W+)?"]).join(w) + rng.choice(["", r"\w*", "(?! differ)", "(es)?"]))
        prefix, suffix = rng.choice([("", ""), (r"(?<![\w-])", r"(?![\w-])"), (r"\b", "")])
        flags = rng.choice([0, re.I])
        alt = Alternatives("|".join(alts), flags, prefix, suffix)
        whole = re.compile(f"{prefix}(?:{'|'.join(alts)}){suffix}", flags)
        for text in texts:
            for pos in (0, 3, len(text) // 2):
                a, b = alt.search(text, pos), whole.search(text, pos)
                assert (a and (a.span(), a.group(0))) == (b and (b.span(), b.group(0))), (alts, text, pos)
                a, b = alt.match(text, pos), whole.match(text, pos)
                assert (a and a.span()) == (b and b.span()), (alts, text, pos)
                assert [m.span() for m in alt.finditer(text, pos)] == [m.span() for m in whole.finditer(text, pos)]
                checked += 1
            assert alt.sub("#", text) == whole.sub("#", text) and alt.sub(lambda m: m.group(0).upper(), text, 1) == whole.sub(lambda m: m.group(0).upper(), text, 1)
    assert checked > 3000


def test_the_readers_long_alternations_answer_as_a_whole_on_real_abstracts() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import stance_data as sd

    root = sd.data_dir()
    if not (root / "scifact").exists():
        pytest.skip(f"stance data not available: {root} (set LITCLI_STANCE_DATA; see ../shared/data/stance/README.md)")
    texts = {t for name in ("scifact", "check_covid", "evidence_inference") for p in sd.SETS[name](root)[:900]
             for t in ([p["abstract"]] if isinstance(p["abstract"], str) else p["abstract"])}
    alternations = {name: value for module in (reader, frame, stance) for name, value in vars(module).items() if isinstance(value, Alternatives)}
    assert {"NULL", "HARM", "CONTROL", "_EXCLUDED"} <= set(alternations) and len(texts) > 3000
    for name, alt in alternations.items():
        assert len(alt._alts) > 1, name  # (split)
        whole = re.compile(alt._compiled.pattern, alt._compiled.flags)  # (compiled afresh, not through the cache)
        found = changed = 0
        for t in texts:
            a, b = alt.search(t), whole.search(t)
            assert (a and a.span()) == (b and b.span()), (name, t)
            assert [m.span() for m in alt.finditer(t)] == [m.span() for m in whole.finditer(t)], (name, t)
            found += a is not None
            changed += alt.sub(" ", t) != t
            assert alt.sub(" ", t) == whole.sub(" ", t), (name, t)
        assert found > 3 and changed == found, name  # (few sentences say who was left out)


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


def test_a_pattern_set_never_leaves_out_a_pattern_that_matches() -> None:
    # the sentence kinds and the vocabulary's concept detectors are looked for as sets
    sets = [reader._KIND_PATTERNS, vocabulary._detectors()[0]]
    texts = [*SENTENCES, "We aimed to test ZORVATINE in GAD; IV ketamine (ECT-free) was given.", "Limitations: the sample was small."]
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import stance_data as sd

    root = sd.data_dir()
    if (root / "ketamine").exists():
        texts += [t for p in sd.SETS["ketamine"](root) for t in p["abstract"]][:400]
    left_out = 0
    for pattern_set in sets:
        assert len(pattern_set.patterns) > 40
        for text in texts:
            candidates = pattern_set.candidates(text)
            assert candidates == sorted(set(candidates))
            matching = [i for i, p in enumerate(pattern_set.patterns) if p.search(text)]
            assert set(matching) <= set(candidates), text
            left_out += len(pattern_set.patterns) - len(candidates)
    assert left_out > len(texts) * 40  # (most patterns are not even tried on a sentence)
