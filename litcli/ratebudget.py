"""One request budget per user, shared by every litcli process (issue 12, item 3).

NCBI counts its 3 requests/s (10 with an API key) per user, across processes; a loop
with ``&``, ``xargs -P`` or ``make -j`` runs several litcli processes at once.  They
share one small state file in the litcli data dir (``rate-budget.json``), read and
written under a lock (``fcntl.flock`` on ``rate-budget.lock`` on POSIX; elsewhere the
lock file itself, created exclusively and removed after use, taken over when stale).

Per host the state holds ``next`` (the earliest time, epoch seconds, the next request
may start: a token bucket that holds one token, refilled every ``1.05 / rate`` s, so
no one-second window ever sees more than ``rate`` requests), ``cool`` (after an HTTP
429 every process waits until then) and ``procs`` (when each process last asked for a
slot, by PID, for the last ``ACTIVE_FOR`` seconds: ``others`` tells a process how many
others share the budget with it now, so that it does not start a worker process for
work that the shared rate already spreads over several processes) and ``starting``
(processes about to send their first request, by PID, since when: ``starting`` tells
such a process how many requests will go before its own, so that it does not compete for
the CPU with those whose turn comes first; see ``SharedBudget.starting``).  A request
takes the token when it is there, else sleeps until it should be and tries again, so
the slot is taken at the moment the request is sent.

State that cannot be read, or that lies further ahead than any real wait could
(a clock set back, a hand edit), is rebuilt; a lock not obtained within
``LOCK_TIMEOUT`` seconds or a directory that cannot be written never blocks: the
caller falls back to pacing itself (``eutils.Pacer``).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from litcli import paths

log = logging.getLogger(__name__)

STATE_NAME = "rate-budget.json"
LOCK_NAME = "rate-budget.lock"
SCHEMA = "litcli.rate-budget/1"
LOCK_TIMEOUT = 2.0  # seconds to wait for the lock before going on without it
STALE_LOCK = 10.0  # a fallback lock file older than this was left by a dead process
MAX_AHEAD = 2.0  # a `next` further ahead than this (seconds) is not real: rebuilt
MAX_COOL = 3600.0  # a cool-down further ahead than this is not real: rebuilt
FORGET_AFTER = 3600.0  # hosts idle this long are dropped from the file
# A process that asked for a slot this recently (seconds) is still sending: a waiter asks
# again at every slot it does not get (every 1.05 / rate s), a sender before each request.
ACTIVE_FOR = 2.0
MARK_EVERY = 0.5  # a waiter's mark is written again when older than this (seconds)
# The token goes to the process waiting longest (first come, first served): the others
# wake this much later (seconds) and take it only if it is still there.  Without it the
# first to wake took it, and one process could get several in a row while another
# waited: four searches started together then ended with one of them alone, a batch
# behind (the others done).
DEFER = 0.015


@dataclass
class Slot:
    """What ``SharedBudget.wait`` did: seconds slept, of which in an NCBI cool-down."""

    waited: float = 0.0
    cooled: float = 0.0
    taken: bool = True  # False: the slot would come after ``limit`` (nothing taken)


class BudgetUnavailable(Exception):
    """The shared state cannot be used (directory not writable, ...): pace alone."""


class SharedBudget:
    """The state file in ``directory`` (default: the litcli data dir)."""

    def __init__(
        self,
        directory: Path | None = None,
        *,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
        lock_timeout: float = LOCK_TIMEOUT,
        pid: Callable[[], int] = os.getpid,
    ) -> None:
        self.directory = directory
        self._clock = clock
        self._sleep = sleep
        self.lock_timeout = lock_timeout
        self._pid = pid

    @property
    def path(self) -> Path:
        return (self.directory or paths.data_dir()) / STATE_NAME

    # --- the two operations ----------------------------------------------------------------

    def wait(
        self,
        key: str,
        interval: float,
        *,
        limit: float | None = None,
        announce: Callable[[float], None] | None = None,
    ) -> Slot:
        """Sleep until ``key``'s token is there and take it (the request starts now).

        ``limit``: seconds the caller may wait at most; a slot further away is not
        taken (``Slot.taken`` False).  ``announce(seconds)`` is called once when a
        cool-down (another process's 429) makes this one wait.  Raises
        ``BudgetUnavailable`` when the state file cannot be used at all."""
        slot = Slot()
        while True:
            with self._locked():
                state = self._load()
                now = self._clock()
                entry = _entry(state, key, now)
                me = str(self._pid())
                last_mark = entry["procs"].get(me)
                entry["procs"][me] = now
                queue = entry["queue"]
                joined = me not in queue
                if joined:
                    queue[me] = now
                    entry["starting"].pop(me, None)  # asking now: counted in the queue
                ready = max(entry["next"], entry["cool"])
                first = min(queue, key=lambda pid: (queue[pid], pid))  # waiting longest
                if ready <= now and (first == me or now >= ready + DEFER):
                    entry["next"] = now + interval
                    del queue[me]
                    self._save(state, now)
                    return slot
                if joined or last_mark is None or now - last_mark > MARK_EVERY:
                    self._save(state, now)  # waiting: the others see this process too
                cooling = entry["cool"] > now
            # the process waiting longest takes the token; the others wake DEFER later and
            # take it only if it is still there (that one is late or gone)
            pause = ready - now + (0.0 if first == me else DEFER)
            if limit is not None and slot.waited + pause > limit:
                slot.taken = False
                with contextlib.suppress(BudgetUnavailable), self._locked():
                    state = self._load()
                    mine = _entry(state, key, self._clock())["queue"]
                    if mine.pop(me, None) is not None:
                        self._save(state, self._clock())
                return slot
            if cooling and not slot.cooled and announce is not None:
                announce(pause)
            if first != me:  # waiters behind the first do not wake in lockstep
                pause += random.uniform(0, 0.002)
            self._sleep(pause)
            slot.waited += pause
            if cooling:
                slot.cooled += pause

    def starting(self, key: str, interval: float) -> float:
        """This process is about to send its first request to ``key`` (slots ``interval``
        s apart): note it (``starting``, until it asks for a slot or ``ACTIVE_FOR``
        seconds pass) and return the least time, in seconds, until its slot can come: the
        token's time, then one interval for each process already waiting (``queue``) or
        noted as starting before this one.  Nothing is taken or reserved: the process
        may sleep for part of that time instead of competing for the CPU with the
        processes whose requests go first (four searches started together on two CPUs
        otherwise all start up at half speed, and the first request waits for that).
        Raises ``BudgetUnavailable`` when the state file cannot be used."""
        with self._locked():
            state = self._load()
            now = self._clock()
            entry = _entry(state, key, now)
            me = str(self._pid())
            since = entry["starting"].setdefault(me, now)
            ahead = sum(1 for pid in entry["queue"] if pid != me) + sum(
                1 for pid, t in entry["starting"].items() if pid != me and (t, pid) < (since, me)
            )
            ready = max(entry["next"], entry["cool"])
            self._save(state, now)
        return max(ready - now, 0.0) + ahead * interval

    def others(self, key: str) -> int:
        """How many other processes asked for a slot to ``key`` within ``ACTIVE_FOR``
        seconds, or are about to send their first request there (``starting``); 0 when
        the state cannot be read.  Read without the lock: the file is replaced whole."""
        try:
            state = self._load()
        except OSError:
            return 0
        now = self._clock()
        me = str(self._pid())
        entry = _entry(state, key, now)
        return len({*entry["procs"], *entry["starting"]} - {me})

    def cool_down(self, key: str, seconds: float) -> None:
        """After an HTTP 429: no process sends to ``key`` for ``seconds``."""
        with self._locked():
            state = self._load()
            now = self._clock()
            entry = _entry(state, key, now)
            entry["cool"] = max(entry["cool"], now + min(seconds, MAX_COOL))
            self._save(state, now)

    # --- the file ---------------------------------------------------------------------------

    def _load(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return _fresh()
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            log.info("rate budget state %s unreadable (%s): rebuilt", self.path, exc)
            return _fresh()
        if not isinstance(data, dict) or data.get("schema") != SCHEMA:
            log.info("rate budget state %s is not litcli's: rebuilt", self.path)
            return _fresh()
        if not isinstance(data.get("hosts"), dict):
            data["hosts"] = {}
        return data

    def _save(self, state: dict[str, Any], now: float) -> None:
        hosts = state["hosts"]
        # idle this long, and no process waiting or starting lately (a host whose first
        # slot is still to be taken has next = 0)
        for name, e in list(hosts.items()):
            if max(e["next"], e["cool"]) < now - FORGET_AFTER and not (
                _times(e, "queue", now) or _times(e, "starting", now)
            ):
                del hosts[name]
        tmp = self.path.with_name(f".{STATE_NAME}.{os.getpid()}.tmp")
        try:
            tmp.write_text(json.dumps(state, separators=(",", ":")), encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError as exc:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise BudgetUnavailable(f"cannot write {self.path}: {exc.strerror or exc}") from None

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        directory = self.path.parent
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BudgetUnavailable(f"cannot create {directory}: {exc.strerror or exc}") from None
        lock = directory / LOCK_NAME
        try:
            import fcntl
        except ImportError:  # not POSIX: the lock file itself
            with self._lock_file(lock):
                yield
            return
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise BudgetUnavailable(f"cannot open {lock}: {exc.strerror or exc}") from None
        try:
            held = _retry_until(self.lock_timeout, lambda: _try_flock(fd, fcntl))
            if not held:
                log.info("rate budget lock %s not obtained within %g s: going on", lock, self.lock_timeout)
            yield
        finally:
            os.close(fd)  # releases the flock

    @contextlib.contextmanager
    def _lock_file(self, lock: Path) -> Iterator[None]:
        """The fallback lock: create ``lock`` exclusively; one older than STALE_LOCK
        was left by a process that died and is taken over."""

        def take() -> bool:
            try:
                os.close(os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
                return True
            except FileExistsError:
                with contextlib.suppress(OSError):
                    if time.time() - lock.stat().st_mtime > STALE_LOCK:
                        lock.unlink()
                return False
            except OSError as exc:
                raise BudgetUnavailable(f"cannot create {lock}: {exc.strerror or exc}") from None

        held = _retry_until(self.lock_timeout, take)
        try:
            yield
        finally:
            if held:
                with contextlib.suppress(OSError):
                    lock.unlink()


def _fresh() -> dict[str, Any]:
    return {"schema": SCHEMA, "hosts": {}}


def _entry(state: dict[str, Any], key: str, now: float) -> dict[str, Any]:
    """``key``'s entry, rebuilt when missing or impossible (not numbers, too far ahead);
    ``procs`` and ``starting`` keep the marks of the last ``ACTIVE_FOR`` seconds (others
    are dropped)."""
    entry = state["hosts"].get(key)
    try:
        nxt, cool = float(entry["next"]), float(entry["cool"])  # type: ignore[index]
        if not (nxt - now <= MAX_AHEAD and cool - now <= MAX_COOL):  # also NaN
            raise ValueError("too far ahead")
    except (TypeError, KeyError, ValueError):
        nxt, cool = 0.0, 0.0
    procs = _times(entry, "procs", now)
    # waiting since (the queue): only processes still asking (a fresh mark)
    queue = {pid: since for pid, since in _times(entry, "queue", now, None).items() if pid in procs}
    starting = _times(entry, "starting", now)
    fixed = {"next": nxt, "cool": cool, "procs": procs, "queue": queue, "starting": starting}
    state["hosts"][key] = fixed
    return fixed


def _times(entry: Any, name: str, now: float, within: float | None = ACTIVE_FOR) -> dict[str, float]:
    """``entry[name]``: times by PID; those that are not times, lie ahead, or (``within``)
    are older than that are left out."""
    marks = entry.get(name) if isinstance(entry, dict) else None
    out: dict[str, float] = {}
    if isinstance(marks, dict):
        for pid, seen in marks.items():
            if isinstance(seen, (int, float)) and seen - now <= MAX_AHEAD and (
                within is None or now - seen <= within
            ):
                out[str(pid)] = float(seen)
    return out


def _try_flock(fd: int, fcntl: Any) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


def _retry_until(timeout: float, attempt: Callable[[], bool]) -> bool:
    end = time.monotonic() + timeout
    delay = 0.001
    while not attempt():
        if time.monotonic() >= end:
            return False
        time.sleep(delay)
        delay = min(delay * 2, 0.02)
    return True
