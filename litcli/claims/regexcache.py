"""Compiled regular expressions kept between runs.

The reader has about a thousand patterns, many of them long lists of words; Python's ``re``
parses and compiles each one in Python code, a third of a second at every start of the
claims reader (and as much again for the patterns compiled on first use).  The compiled
form of a pattern (its ``re`` program: a list of numbers) depends only on the pattern, its
flags and the Python that compiled it, so :func:`compile` keeps it in a small file in the
litcli cache directory and later runs rebuild the pattern from it with the same internal
call ``re.compile`` ends with.  :func:`literals` keeps the prefilter's literal strings
(``prefilter.required_literals``) the same way.

Safe by construction:
- a program is stored only after the pattern rebuilt from it compared equal to
  ``re.compile``'s own (``re.Pattern.__eq__`` compares the pattern, flags and program);
- the file names the Python build and ``re``'s engine version it was made by and starts with
  the SHA-256 of the rest; any other file, a damaged file or an entry that fails to rebuild
  is ignored (``re.compile`` is used);
- the file is replaced atomically (written beside it, then renamed), once, at exit, and only
  when the run compiled something new; a directory that cannot be written is no error.

``LITCLI_REGEX_CACHE=0`` turns the cache off (every pattern compiled by ``re``).  Only the
reader's fixed patterns come here; patterns built from a claim's own words do not.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import marshal
import os
import re
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

try:  # Python >= 3.11
    from re import _compiler as _C  # type: ignore[attr-defined]
    from re import _parser as _P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_compile as _C  # type: ignore[no-redef]
    import sre_parse as _P  # type: ignore[no-redef]

try:
    import _sre
except ImportError:  # pragma: no cover - not CPython
    _sre = None  # type: ignore[assignment]

FORMAT = 1
MAX_ENTRIES = 6000  # (the reader uses ~1,500; more means stale entries of older versions)

Program = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]


def _build() -> str:
    """What a stored program is valid for: this Python and its ``re`` engine."""
    magic = getattr(_sre, "MAGIC", None)
    codesize = getattr(_sre, "CODESIZE", None)
    return f"{FORMAT}|{sys.implementation.name}|{sys.version}|{magic}|{codesize}"


def cache_file() -> Path | None:
    """The cache file of this Python, or None when the cache is off."""
    if os.environ.get("LITCLI_REGEX_CACHE", "").strip().lower() in ("0", "off", "no", "false") or _sre is None:
        return None
    from litcli import paths

    tag = sys.implementation.cache_tag or sys.implementation.name
    return paths.cache_dir() / f"regex-{tag}.marshal"


class _Store:
    """Programs and literal sets: those read from the file, and those made in this run."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.loaded = False
        self.path: Path | None = None
        self.programs: dict[tuple[str, int], Program] = {}
        self.literals: dict[tuple[str, int], tuple[str, ...] | None] = {}
        self.used: set[tuple[str, int]] = set()
        self.dirty = False
        self.exit_registered = False

    def load(self) -> None:
        self.loaded = True
        self.path = cache_file()
        if self.path is None:
            return
        try:
            raw = self.path.read_bytes()
            if hashlib.sha256(raw[32:]).digest() != raw[:32]:
                return  # damaged (or not ours): rebuilt at exit
            data = marshal.loads(raw[32:])
        except (OSError, EOFError, ValueError, TypeError):
            return  # none yet or unreadable: rebuilt at exit
        if not isinstance(data, dict) or data.get("build") != _build():
            return
        programs, literals = data.get("programs"), data.get("literals")
        if isinstance(programs, dict) and isinstance(literals, dict):
            self.programs, self.literals = programs, literals

    def changed(self) -> None:
        self.dirty = True
        if not self.exit_registered and self.path is not None:
            self.exit_registered = True
            atexit.register(save)


_STORE = _Store()


def _store() -> _Store:
    if not _STORE.loaded:
        with _STORE.lock:
            if not _STORE.loaded:
                _STORE.load()
    return _STORE


def _program(pattern: str, flags: int) -> Program:
    """``pattern``'s program as ``re.compile`` makes it (the arguments of its last call)."""
    parsed = _P.parse(pattern, flags)
    code = [int(c) for c in _C._code(parsed, flags)]
    state = parsed.state
    indexgroup: list[Any] = [None] * state.groups
    for name, index in state.groupdict.items():
        indexgroup[index] = name
    return int(flags | state.flags), code, state.groups - 1, dict(state.groupdict), tuple(indexgroup)


_MEMO: dict[tuple[str, int], re.Pattern[str]] = {}  # (this process's patterns, as re keeps its own)


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:  # noqa: A001 - as re.compile
    """``re.compile(pattern, flags)``, from the cache when this Python compiled it before."""
    hit = _MEMO.get((pattern, flags))  # (a RegexFlag hashes and compares as its number)
    if hit is not None:
        return hit
    compiled = _compile(pattern, int(flags))
    _MEMO[(pattern, int(flags))] = compiled
    return compiled


def _compile(pattern: str, flags: int) -> re.Pattern[str]:
    store = _store()
    if store.path is None:
        return re.compile(pattern, flags)
    key = (pattern, flags)
    program = store.programs.get(key)
    if program is not None:
        try:
            compiled: re.Pattern[str] = _sre.compile(pattern, *program)
        except Exception:  # noqa: BLE001 - a damaged entry: compiled afresh below
            pass
        else:
            store.used.add(key)
            return compiled
    compiled = re.compile(pattern, flags)
    try:
        program = _program(pattern, flags)
        if _sre.compile(pattern, *program) != compiled:
            return compiled  # (not what re makes: never stored)
    except Exception:  # noqa: BLE001 - re's internals differ: the cache is only skipped
        return compiled
    with store.lock:
        store.programs[key] = program
        store.used.add(key)
        store.changed()
    return compiled


# re's module-level functions for the reader's fixed patterns ("regexcache.search(r'...', text)")
def search(pattern: str, string: str, flags: int = 0) -> re.Match[str] | None:
    return compile(pattern, flags).search(string)


def match(pattern: str, string: str, flags: int = 0) -> re.Match[str] | None:
    return compile(pattern, flags).match(string)


def fullmatch(pattern: str, string: str, flags: int = 0) -> re.Match[str] | None:
    return compile(pattern, flags).fullmatch(string)


def sub(pattern: str, repl: Any, string: str, count: int = 0, flags: int = 0) -> str:
    return compile(pattern, flags).sub(repl, string, count)


def split(pattern: str, string: str, maxsplit: int = 0, flags: int = 0) -> list[Any]:
    return compile(pattern, flags).split(string, maxsplit)


def findall(pattern: str, string: str, flags: int = 0) -> list[Any]:
    return compile(pattern, flags).findall(string)


def finditer(pattern: str, string: str, flags: int = 0) -> Iterator[re.Match[str]]:
    return compile(pattern, flags).finditer(string)


def literals(pattern: re.Pattern[str], find: Any) -> tuple[str, ...] | None:
    """``find(pattern)`` (the prefilter's literal strings), kept like the programs."""
    store = _store()
    key = (pattern.pattern, int(pattern.flags))
    if store.path is None or not isinstance(key[0], str):
        return find(pattern)  # type: ignore[no-any-return]
    if key in store.literals:
        found = store.literals[key]
        if found is None or isinstance(found, tuple) and all(isinstance(s, str) for s in found):
            store.used.add(key)
            return found
    found = find(pattern)
    with store.lock:
        store.literals[key] = found
        store.used.add(key)
        store.changed()
    return found  # type: ignore[no-any-return]


def save() -> None:
    """Write the cache file when this run added to it (at exit; atomic; errors ignored)."""
    store = _STORE
    if not store.dirty or store.path is None:
        return
    with store.lock:
        programs, found = store.programs, store.literals
        if len(programs) + len(found) > MAX_ENTRIES:  # keep what this run used
            programs = {k: v for k, v in programs.items() if k in store.used}
            found = {k: v for k, v in found.items() if k in store.used}
        data = marshal.dumps({"build": _build(), "programs": programs, "literals": found})
        data = hashlib.sha256(data).digest() + data
        store.dirty = False
    path = store.path
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
        tmp = None
    except OSError:
        pass  # (a read-only or full disk: the next run compiles again)
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
