"""The claims reader's compiled-pattern cache (litcli/claims/regexcache.py).

A pattern from the cache must be the pattern ``re.compile`` makes (``re.Pattern.__eq__``
compares pattern, flags and program); a damaged, foreign or unwritable cache must never
change an answer or raise.
"""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from litcli.claims import reader, regexcache, stance, vocabulary

PATTERNS = [
    (r"\b(?:ketamine|esketamine)\b", re.I),
    (r"(?<![\w-])(?:side[- ]effects?|(?-i:AEs?)|harms?)", re.I),
    (r"(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>%|mg)", 0),
    (r"^(?:to|we (?:aim|aimed)) (assess|evaluate)\b", re.I | re.M),
    (r"ſ\w+|\u0130stanbul|µg", re.I),
    (r"(a|b)?c(?(1)d|e)", 0),
    (r"x{2,5}?y*+z", re.S),
]
TEXTS = ["Ketamine reduced MADRS by 12.5 %", "AEs were rare; harms not seen", "sſ İstanbul µg", "acd ce xxxyyz", ""]


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty store whose file is under tmp_path (the module's own store put back after)."""
    monkeypatch.setenv("LITCLI_HOME", str(tmp_path))
    monkeypatch.delenv("LITCLI_REGEX_CACHE", raising=False)
    monkeypatch.setattr(regexcache, "_STORE", regexcache._Store())
    monkeypatch.setattr(regexcache, "_MEMO", {})
    return tmp_path / "cache" / regexcache.cache_file().name  # type: ignore[union-attr]


def _new_store(monkeypatch: pytest.MonkeyPatch) -> regexcache._Store:
    store = regexcache._Store()
    monkeypatch.setattr(regexcache, "_STORE", store)
    monkeypatch.setattr(regexcache, "_MEMO", {})  # (a new process: nothing compiled yet)
    return store


def test_same_pattern_as_re_compile_before_and_after_a_save(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made = [regexcache.compile(p, f) for p, f in PATTERNS]
    assert not fresh.exists()
    regexcache.save()
    assert fresh.exists()
    store = _new_store(monkeypatch)
    again = [regexcache.compile(p, f) for p, f in PATTERNS]
    assert len(store.programs) >= len(PATTERNS)  # read from the file ...
    assert not store.dirty  # ... and nothing compiled afresh
    for (p, f), a, b in zip(PATTERNS, made, again, strict=True):
        plain = re.compile(p, f)
        assert a == plain and b == plain
        assert (b.groups, b.groupindex, b.flags) == (plain.groups, plain.groupindex, plain.flags)
        for t in TEXTS:
            assert [m.span() for m in b.finditer(t)] == [m.span() for m in plain.finditer(t)]
            assert [m.groupdict() for m in b.finditer(t)] == [m.groupdict() for m in plain.finditer(t)]


def test_a_rebuilt_pattern_is_not_recompiled(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    regexcache.compile(*PATTERNS[0])
    regexcache.save()
    _new_store(monkeypatch)
    monkeypatch.setattr(regexcache, "_program", lambda *a: pytest.fail("compiled again"))
    assert regexcache.compile(*PATTERNS[0]) == re.compile(*PATTERNS[0])


def test_literals_are_kept(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pattern = re.compile(r"\b(?:fell|rose) sharply", re.I)
    calls: list[re.Pattern[str]] = []

    def find(p: re.Pattern[str]) -> tuple[str, ...]:
        calls.append(p)
        return ("fell", "rose")

    assert regexcache.literals(pattern, find) == ("fell", "rose")
    regexcache.save()
    _new_store(monkeypatch)
    assert regexcache.literals(pattern, find) == ("fell", "rose")
    assert len(calls) == 1


@pytest.mark.parametrize("damage", ["flip", "tampered", "truncate", "garbage", "empty", "other-build"])
def test_a_damaged_or_foreign_file_is_ignored_and_rebuilt(fresh: Path, monkeypatch: pytest.MonkeyPatch, damage: str) -> None:
    for p, f in PATTERNS:
        regexcache.compile(p, f)
    regexcache.save()
    raw = fresh.read_bytes()
    if damage == "flip":
        raw = raw[:100] + bytes([raw[100] ^ 0xFF]) + raw[101:]
    elif damage == "tampered":  # readable, but one entry holds another pattern's program
        data = marshal.loads(raw[32:])
        keys = [(p, int(f)) for p, f in PATTERNS]
        data["programs"][keys[0]] = data["programs"][keys[1]]
        raw = raw[:32] + marshal.dumps(data)
    elif damage == "truncate":
        raw = raw[: len(raw) // 2]
    elif damage == "garbage":
        raw = os.urandom(len(raw))
    elif damage == "empty":
        raw = b""
    else:  # a file another Python made
        monkeypatch.setattr(regexcache, "_build", lambda: "1|another python")
    fresh.write_bytes(raw)
    store = _new_store(monkeypatch)
    for p, f in PATTERNS:
        assert regexcache.compile(p, f) == re.compile(p, f)
    assert store.dirty  # compiled afresh, to be written again
    regexcache.save()
    store = _new_store(monkeypatch)  # the rewritten file is read
    assert regexcache.compile(*PATTERNS[0]) == re.compile(*PATTERNS[0])
    assert store.programs and not store.dirty


def test_a_damaged_entry_falls_back_to_re(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = regexcache._store()
    key = (PATTERNS[0][0], int(PATTERNS[0][1]))
    store.programs[key] = (0, [999999, 1, 2], 0, {}, ())  # not a program _sre accepts
    assert regexcache.compile(*PATTERNS[0]) == re.compile(*PATTERNS[0])


def test_unwritable_directory_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("LITCLI_HOME", str(blocker))  # cache dir would be file/cache
    _new_store(monkeypatch)
    assert regexcache.compile(*PATTERNS[1]) == re.compile(*PATTERNS[1])
    regexcache.save()
    assert blocker.read_text() == "not a directory"
    assert list(tmp_path.iterdir()) == [blocker]  # no temporary file left behind


def test_turned_off(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LITCLI_REGEX_CACHE", "0")
    store = _new_store(monkeypatch)
    assert regexcache.compile(*PATTERNS[2]) == re.compile(*PATTERNS[2])
    regexcache.save()
    assert not store.programs and not fresh.exists()


def test_the_readers_patterns_equal_re_compile() -> None:
    """Every module-level pattern of the reader (compiled through the cache in this test run)
    is the pattern re.compile makes."""
    seen = 0
    for module in (reader, stance, vocabulary):
        for value in vars(module).values():
            compiled = getattr(value, "_compiled", value)
            if isinstance(compiled, re.Pattern) and isinstance(compiled.pattern, str):
                assert compiled == re.compile(compiled.pattern, compiled.flags)
                seen += 1
    assert seen > 300


def test_a_second_process_reads_the_file_the_first_wrote(tmp_path: Path) -> None:
    """End to end: the first process writes the cache at exit, the second compiles nothing."""
    code = (
        "import litcli.claims.stance as s, litcli.claims.regexcache as r;"
        "print(len(r._STORE.programs), r._STORE.dirty, s.judge('Ketamine reduces depressive symptoms.',"
        " ['Ketamine significantly reduced MADRS scores compared with placebo.']).stance)"
    )
    env = {**os.environ, "LITCLI_HOME": str(tmp_path)}
    env.pop("LITCLI_REGEX_CACHE", None)
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    files = list((tmp_path / "cache").iterdir())
    assert [f.name for f in files] == [regexcache.cache_file().name]  # type: ignore[union-attr]
    second = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    n1, dirty1, stance1 = first.stdout.split()
    n2, dirty2, stance2 = second.stdout.split()
    assert dirty1 == "True" and dirty2 == "False"
    assert int(n2) >= int(n1) > 300
    assert stance1 == stance2 == "supports"
