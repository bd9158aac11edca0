"""Skip a regular expression on a text that cannot hold a match.

Most of the reader's patterns start with a look-behind or ``\\b`` and a list of words, so
Python's engine tries them at every position of every sentence.  Yet every match of such a
pattern contains one of a few literal strings (one of its words, or a fixed run such as
" been ").  :func:`required_literals` finds such a set once, from the parsed pattern, and
:class:`Prefiltered` searches a text only when one of them is in it (a plain substring test,
done in C).  The answer is always the pattern's own: the test only rules out texts in which
the pattern cannot match, so every reading is unchanged (tests/test_claims_prefilter.py
checks this on every pattern it wraps).

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


class Prefiltered:
    """A compiled pattern searched only in texts that hold one of its required literals.

    Same methods and answers as the pattern for ``search``, ``match``, ``finditer``,
    ``findall`` and ``sub``; anything else is the pattern's own.  The literals are found on
    the first search (a pattern never used costs nothing more than its compilation).
    """

    __slots__ = ("_compiled", "_literals", "_ignorecase", "_guard")

    _UNKNOWN: tuple[str, ...] = ("\x00not yet known",)

    def __init__(self, pattern: re.Pattern[str], guard: re.Pattern[str] | None = None) -> None:
        self._compiled = pattern
        self._literals: tuple[str, ...] | None = self._UNKNOWN
        self._ignorecase = bool(pattern.flags & re.IGNORECASE)
        self._guard = guard

    @property
    def literals(self) -> tuple[str, ...] | None:
        if self._literals is self._UNKNOWN:
            self._literals = regexcache.literals(self._compiled, required_literals)
        return self._literals

    def possible(self, text: str) -> bool:
        """False only when the pattern cannot match anywhere in ``text``."""
        if self._guard is not None:
            return self._guard.search(text) is not None
        literals = self._literals
        if literals is self._UNKNOWN:
            literals = self.literals
        if literals is None:
            return True
        seen = fold(text) if self._ignorecase else text
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


def prefiltered(pattern: str | re.Pattern[str], flags: int = 0, guard: str | None = None) -> Prefiltered:
    """``re.compile(pattern, flags)`` wrapped in a :class:`Prefiltered` (``guard``: a pattern,
    compiled with the same flags, that matches wherever ``pattern`` does)."""
    compiled = pattern if isinstance(pattern, re.Pattern) else regexcache.compile(pattern, flags)
    return Prefiltered(compiled, regexcache.compile(guard, flags) if guard is not None else None)
