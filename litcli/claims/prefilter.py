"""Skip a regular expression on a text that cannot hold a match.

Most of the reader's patterns start with a look-behind or ``\\b`` and a list of words, so
Python's engine tries them at every position of every sentence.  Yet every match of such a
pattern contains one of a few literal strings (one of its words, or a fixed run such as
" been ").  :func:`required_literals` finds such a set once, from the parsed pattern, and
:class:`Prefiltered` searches a text only when one of them is in it.  Which literals a text
holds is found once per text for all patterns together (:class:`_LiteralIndex`, an
Aho-Corasick automaton from pyahocorasick; without it, a substring test per literal).  The
longest alternations are searched one alternative at a time, only those whose literals are
in the text (:class:`Alternatives`).  The answer is always the pattern's own: the test only
rules out texts in which the pattern cannot match, so every reading is unchanged
(tests/test_claims_prefilter.py checks this on every pattern it wraps).

Case: under ``re.IGNORECASE`` a character matches another when their simple lowercase forms
are equal or when Python's ``re`` counts them as the same letter (``ſ`` and ``s``, ``µ`` and
``μ``, ...); both the text and the literals are *folded* (lowercased, those letters mapped
to one, the combining dot that ``"İ".lower()`` adds dropped) before the test.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from litcli.claims import regexcache

try:  # pyahocorasick: every literal of every pattern found in one pass over a text (in C)
    import ahocorasick
except ImportError:  # pragma: no cover - the plain substring loop gives the same answers
    ahocorasick = None

try:  # Python >= 3.11
    from re import _constants as _C  # type: ignore[attr-defined]
    from re import _parser as _P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _C  # type: ignore[no-redef]
    import sre_parse as _P  # type: ignore[no-redef]


def _case_classes() -> dict[int, str] | None:
    """Letters ``re`` treats as one under IGNORECASE beyond simple lowercase -> one of them."""
    try:
        from re import _casefix  # type: ignore[attr-defined]

        extra: dict[int, tuple[int, ...]] = _casefix._EXTRA_CASES
    except (ImportError, AttributeError):  # pragma: no cover - Python 3.10
        try:
            import sre_compile

            extra = {}
            for group in sre_compile._equivalences:  # type: ignore[attr-defined]
                for c in group:
                    extra[c] = tuple(o for o in group if o != c)
        except (ImportError, AttributeError):
            return None
    table: dict[int, str] = {0x0307: ""}
    for c, others in extra.items():
        canon = chr(min((c, *others)))
        for o in (c, *others):
            if chr(o) != canon:
                table[o] = canon
    return table


_FOLD = _case_classes()


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """``text`` as the case-blind test sees it."""
    return text.lower().translate(_FOLD) if _FOLD is not None else text.lower()


def _best(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two required sets: longer shortest literal, then fewer literals."""
    if a is None:
        return b
    if b is None:
        return a
    ka, kb = (min(map(len, a)), -len(a)), (min(map(len, b)), -len(b))
    return b if kb > ka else a


def _required(items: Any, ignorecase: bool) -> frozenset[str] | None:
    """A set of strings one of which every match of the parsed sequence ``items`` contains."""
    best: frozenset[str] | None = None
    run: list[str] = []
    for op, av in items:
        if op is _C.LITERAL:
            run.append(chr(av))
            continue
        if run:
            best = _best(best, frozenset(["".join(run)]))
            run = []
        if op is _C.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if (add_flags | del_flags) & _C.SRE_FLAG_IGNORECASE:
                continue  # the case rule changes inside: no literal from it
            best = _best(best, _required(sub, ignorecase))
        elif op is _C.BRANCH:
            sets = [_required(branch, ignorecase) for branch in av[1]]
            if sets and all(sets):
                best = _best(best, frozenset().union(*sets))  # type: ignore[arg-type]
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT) and av[0] >= 1:
            best = _best(best, _required(av[2], ignorecase))
    if run:
        best = _best(best, frozenset(["".join(run)]))
    return best


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings one of which is in every text ``pattern`` matches (folded when the pattern
    ignores case), or None when the pattern has no such set."""
    if pattern.flags & (re.LOCALE | re.VERBOSE) or not isinstance(pattern.pattern, str):
        return None
    try:
        parsed = _P.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - a parser of another Python: no prefilter, same answers
        return None
    ignorecase = bool(pattern.flags & re.IGNORECASE)
    found = _required(list(parsed), ignorecase)
    if not found or min(map(len, found)) < 2:
        return None  # (single letters are in every sentence: no gain)
    return tuple(sorted({fold(s) for s in found} if ignorecase else found))


class _LiteralIndex:
    """The literals of every prefiltered pattern, found in a text all at once.

    Testing a pattern's literals one by one costs a substring search each; a sentence meets a
    few hundred patterns.  An Aho-Corasick automaton (pyahocorasick) over all their literals
    finds, in one pass, which literals a text holds; a pattern is then possible when its
    literal ids meet that set (a set operation).  The automaton is rebuilt when patterns made
    since bring new literals (the reader makes most of its patterns at import); the sets found
    are kept per text (bounded) and dropped at a rebuild.  Without pyahocorasick, None.
    """

    __slots__ = ("ids", "_automaton", "_built", "_present")

    MAX_TEXTS = 8192

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self._automaton: Any = None
        self._built = 0  # (literals in the automaton)
        self._present: dict[str, frozenset[int]] = {}

    def register(self, literals: tuple[str, ...]) -> frozenset[int]:
        """Ids of the literals (new ones are added to the automaton at its next use)."""
        ids = self.ids
        return frozenset(ids.setdefault(s, len(ids)) for s in literals)

    def present(self, text: str) -> frozenset[int]:
        """Ids of the registered literals that occur in ``text``."""
        if self._built != len(self.ids):
            automaton = ahocorasick.Automaton()
            for literal, i in self.ids.items():
                automaton.add_word(literal, i)
            automaton.make_automaton()
            self._automaton, self._built = automaton, len(self.ids)
            self._present.clear()
        found = self._present.get(text)
        if found is None:
            if len(self._present) >= self.MAX_TEXTS:
                self._present.clear()
            found = self._present[text] = frozenset([i for _end, i in self._automaton.iter(text)])
        return found


# (folded literals are looked for in folded texts, the others in the texts as written)
_FOLDED_INDEX = _LiteralIndex() if ahocorasick is not None else None
_EXACT_INDEX = _LiteralIndex() if ahocorasick is not None else None


class Prefiltered:
    """A compiled pattern searched only in texts that hold one of its required literals.

    Same methods and answers as the pattern for ``search``, ``match``, ``finditer``,
    ``findall`` and ``sub``; anything else is the pattern's own.  The literals are found when
    the pattern is made (kept between runs by regexcache) and registered with the literal index.
    """

    __slots__ = ("_compiled", "_literals", "_ignorecase", "_ids", "_index")

    _UNKNOWN: tuple[str, ...] = ("\x00not yet known",)

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self._compiled = pattern
        self._literals: tuple[str, ...] | None = self._UNKNOWN
        self._ignorecase = bool(pattern.flags & re.IGNORECASE)
        self._index = _FOLDED_INDEX if self._ignorecase else _EXACT_INDEX
        self._ids: frozenset[int] | None = None
        if self._index is not None:
            literals = self.literals
            if literals is not None:
                self._ids = self._index.register(literals)

    @property
    def literals(self) -> tuple[str, ...] | None:
        if self._literals is self._UNKNOWN:
            self._literals = regexcache.literals(self._compiled, required_literals)
        return self._literals

    def possible(self, text: str) -> bool:
        """False only when the pattern cannot match anywhere in ``text``."""
        literals = self._literals
        if literals is self._UNKNOWN:
            literals = self.literals
        if literals is None:
            return True
        seen = fold(text) if self._ignorecase else text
        if self._ids is not None:
            return not self._ids.isdisjoint(self._index.present(seen))  # type: ignore[union-attr]
        for s in literals:  # noqa: SIM110 - (a plain loop: no generator per call, measured faster)
            if s in seen:
                return True
        return False

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._compiled.search(text, pos, endpos) if self.possible(text) else None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._compiled.match(text, pos, endpos) if self.possible(text) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self._compiled.finditer(text, pos, endpos) if self.possible(text) else iter(())

    def findall(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self._compiled.findall(text, pos, endpos) if self.possible(text) else []

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        return self._compiled.sub(repl, text, count) if self.possible(text) else text

    def __getattr__(self, name: str) -> Any:
        return getattr(self._compiled, name)

    def __repr__(self) -> str:
        return f"Prefiltered({self._compiled!r}, literals={self.literals!r})"


def prefiltered(pattern: str | re.Pattern[str], flags: int = 0) -> Prefiltered:
    """``re.compile(pattern, flags)`` wrapped in a :class:`Prefiltered`."""
    compiled = pattern if isinstance(pattern, re.Pattern) else regexcache.compile(pattern, flags)
    return Prefiltered(compiled)


_GROUP_REFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


def split_alternatives(pattern: str) -> list[str] | None:
    """The top-level alternatives of ``pattern`` ("a|(b|c)|d": "a", "(b|c)", "d"), or None when
    it cannot be read apart safely (inline global flags, references to groups)."""
    if _GROUP_REFERENCE.search(pattern) or re.match(r"\(\?[aiLmsux]+\)", pattern):
        return None
    parts: list[str] = []
    depth, start, i, in_class = 0, 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            j = i + 1 + (pattern[i + 1 : i + 2] == "^")
            if pattern[j : j + 1] == "]":
                i = j  # ("[]...]", "[^]...]": that "]" is a member)
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    try:
        parsed = list(_P.parse(pattern))
    except Exception:  # noqa: BLE001 - (re.compile reports a bad pattern; nothing to split)
        return None
    branches = len(parsed[0][1][1]) if len(parsed) == 1 and parsed[0][0] is _C.BRANCH else 1
    return parts if len(parts) == branches else None


class PatternSet:
    """Patterns looked for together: :meth:`candidates` names, in order, those that can match a
    text (their literals are in it, or they have none), from the literal index at once."""

    __slots__ = ("patterns", "_always", "_folded", "_exact")

    def __init__(self, patterns: list[re.Pattern[str]]) -> None:
        self.patterns = patterns
        self._always: list[int] = []
        self._folded: dict[int, list[int]] = {}  # literal id -> patterns (case-blind)
        self._exact: dict[int, list[int]] = {}
        for i, p in enumerate(patterns):
            ignorecase = bool(p.flags & re.IGNORECASE)
            index = _FOLDED_INDEX if ignorecase else _EXACT_INDEX
            literals = regexcache.literals(p, required_literals) if index is not None else None
            if literals is None:
                self._always.append(i)
                continue
            by_literal = self._folded if ignorecase else self._exact
            for lid in index.register(literals):  # type: ignore[union-attr]
                by_literal.setdefault(lid, []).append(i)

    def candidates(self, text: str) -> list[int]:
        if _FOLDED_INDEX is None or len(self._always) == len(self.patterns):
            return list(range(len(self.patterns)))
        found = set(self._always)
        for by_literal, index, seen in ((self._folded, _FOLDED_INDEX, fold), (self._exact, _EXACT_INDEX, None)):
            if by_literal:
                for lid in index.present(seen(text) if seen else text):  # type: ignore[union-attr]
                    hit = by_literal.get(lid)
                    if hit is not None:
                        found.update(hit)
        return sorted(found)


class Alternatives:
    """A long alternation searched one alternative at a time, only the alternatives whose
    literals are in the text.

    ``prefix (?:a|b|c) suffix`` (prefix and suffix zero-width, such as ``(?<![\\w-])``) finds, at
    the leftmost position where any alternative matches, the first alternative in order that
    matches there.  So does searching ``prefix (?:a) suffix``, ``prefix (?:b) suffix``, ... apart
    and keeping the leftmost match, the earlier alternative on a tie: the same span and text.
    Python's engine tries every alternative of a long list at every position of a sentence;
    the literal index (:class:`_LiteralIndex`) names the few alternatives that can match at all.

    ``search`` and ``match`` are done that way, and so are ``finditer`` and ``sub`` (with a
    function or a plain string) when no match can be empty (each match then starts the search
    for the next where it ends, as Python's own scanner does); their matches are an
    alternative's own, so groups other than 0 are numbered within it (callers read the span
    and text only).  Every other method is the whole pattern's.  Without pyahocorasick, or a
    pattern that cannot be split (:func:`split_alternatives`), the whole pattern is searched.
    """

    __slots__ = ("_compiled", "_alts", "_set", "_nonempty")

    def __init__(self, pattern: str, flags: int = 0, prefix: str = "", suffix: str = "") -> None:
        self._compiled = regexcache.compile(f"{prefix}(?:{pattern}){suffix}" if prefix or suffix else pattern, flags)
        parts = split_alternatives(pattern) if _FOLDED_INDEX is not None else None
        self._alts = [regexcache.compile(f"{prefix}(?:{p}){suffix}", flags) for p in parts] if parts and len(parts) > 1 else []
        self._set = PatternSet(self._alts)
        try:
            self._nonempty = _P.parse(self._compiled.pattern, self._compiled.flags).getwidth()[0] > 0
        except Exception:  # noqa: BLE001 - (another Python's parser: the whole pattern then)
            self._nonempty = False

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if not self._alts:
            return self._compiled.search(text, pos, endpos)
        best: re.Match[str] | None = None
        alts = self._alts
        for i in self._set.candidates(text):
            m = alts[i].search(text, pos, endpos)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
                if m.start() == pos:
                    break  # (no later alternative can start further left)
        return best

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if not self._alts:
            return self._compiled.match(text, pos, endpos)
        alts = self._alts
        for i in self._set.candidates(text):
            m = alts[i].match(text, pos, endpos)
            if m is not None:
                return m
        return None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        if not self._alts or not self._nonempty:
            return self._compiled.finditer(text, pos, endpos)
        return self._matches(text, pos, endpos)

    def _matches(self, text: str, pos: int, endpos: int) -> Iterator[re.Match[str]]:
        while True:
            m = self.search(text, pos, endpos)
            if m is None:
                return
            yield m
            pos = m.end()  # (never empty: the next search starts where this match ends)

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        if not self._alts or not self._nonempty or isinstance(repl, str) and "\\" in repl:
            return self._compiled.sub(repl, text, count)
        out: list[str] = []
        last = 0
        for n, m in enumerate(self._matches(text, 0, sys.maxsize)):
            if count and n >= count:
                break
            out.append(text[last : m.start()])
            out.append(repl if isinstance(repl, str) else repl(m))
            last = m.end()
        out.append(text[last:])
        return "".join(out)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._compiled, name)

    def __repr__(self) -> str:
        return f"Alternatives({self._compiled!r}, {len(self._alts)} alternatives)"
