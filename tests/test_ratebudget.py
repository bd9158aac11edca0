"""One rate budget for every litcli process of a user (issue 12, item 3): real processes
against the loopback server, which records when each request arrived."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from litcli import eutils, ratebudget
from litcli.ratebudget import LOCK_NAME, STATE_NAME, SharedBudget
from tests.ncbi_server import pubmed_article

KEY = "abcdef0123456789abcdef0123456789ab12"
pytestmark = pytest.mark.skipif(os.name != "posix", reason="fcntl lock; processes started with fork/exec")


def _max_in_any_second(times: list[float]) -> int:
    return max(sum(1 for t in times if start <= t < start + 1.0) for start in times)


# What the budget controls is when each process *takes* its slot; the server sees the request
# a little later (the rest of the send, the loopback hop, the server's parsing).  The pacing
# margin (intervals of PACING_MARGIN / rate, docs/BENCHMARKS.md) absorbs up to
# (PACING_MARGIN - 1) s = 50 ms of that lag: rate + 1 slots span at least 1.05 s, so they can
# only arrive within one second when one of them reached the server more than 50 ms after its
# slot (a process stalled on a loaded machine).  So every process records its slots (the
# budget's own clock reading when it took the token, and each 429 cool-down it set), and the
# tests check (1) the slots themselves, strictly: never more than `rate` in any second, none
# inside a cool-down; (2) at the server, by arrival: never more than `rate` in any second,
# except in a window holding a request that arrived later than the margin after its slot
# (the documented heavy-load case, named in the failure message otherwise).
MARGIN = eutils.PACING_MARGIN - 1.0

PRELUDE = """
import atexit, json, os, sys, time
from litcli import eutils
from litcli.ratebudget import SharedBudget

_log = {"slots": [], "cool": []}
_last = [0.0]


def _clock():
    _last[0] = time.time()
    return _last[0]


eutils.BUDGET = SharedBudget(clock=_clock)
_wait, _cool = eutils.BUDGET.wait, eutils.BUDGET.cool_down


def _recording_wait(*args, **kwargs):
    slot = _wait(*args, **kwargs)
    if slot.taken:
        _log["slots"].append(_last[0])  # the clock reading under the lock that took the token
    return slot


def _recording_cool(key, seconds):
    _cool(key, seconds)
    _log["cool"].append([_last[0], seconds])


eutils.BUDGET.wait, eutils.BUDGET.cool_down = _recording_wait, _recording_cool


def _dump():
    path = os.path.join(os.environ["SLOT_LOG_DIR"], os.environ["SLOT_TAG"] + ".json")
    with open(path, "w") as f:
        json.dump(_log, f)


atexit.register(_dump)
"""

SCRIPT = PRELUDE + """
from litcli.eutils import EutilsClient
with EutilsClient(notify=lambda m: print(m, file=sys.stderr)) as client:
    for i in range(int(sys.argv[1])):
        client.esearch(f"{sys.argv[2]} q{i}", usehistory=False)
"""

CLI = PRELUDE + """
from litcli.cli import main
sys.argv = ["litcli", *sys.argv[1:]]
main()
"""


def _env(ncbi, home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NCBI_", "LITCLI_"))}
    env.update(
        LITCLI_HOME=str(home),
        LITCLI_EUTILS_URL=ncbi.url,
        NCBI_EMAIL="t@example.org",
        LITCLI_BACKOFF="0.01",
        PYTHONPATH=str(Path(__file__).resolve().parents[1]),
        SLOT_LOG_DIR=str(home / "slot-logs"),
        **extra,
    )
    return env


def _run_together(
    argvs: list[tuple[str, list[str]]], env: dict[str, str], timeout: float = 60
) -> list[subprocess.CompletedProcess[str]]:
    """Start every (tag, argv) at once; each process logs its slots as SLOT_TAG."""
    Path(env["SLOT_LOG_DIR"]).mkdir(exist_ok=True)
    for old in Path(env["SLOT_LOG_DIR"]).glob("*.json"):
        old.unlink()
    procs = [
        subprocess.Popen(argv, env={**env, "SLOT_TAG": tag}, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for tag, argv in argvs
    ]
    done = []
    try:
        for proc in procs:
            out, err = proc.communicate(timeout=timeout)
            done.append(subprocess.CompletedProcess(proc.args, proc.returncode, out, err))
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    return done


def _clients(n_procs: int, n_requests: int) -> list[tuple[str, list[str]]]:
    return [(f"p{i}", [sys.executable, "-c", SCRIPT, str(n_requests), f"p{i}"]) for i in range(n_procs)]


def _commands(*queries_and_options: list[str]) -> list[tuple[str, list[str]]]:
    """litcli commands (the real entry point) whose query, their first argument after
    `search`, is the tag the server sees as the first word of the term."""
    return [(args[1], [sys.executable, "-c", CLI, *args]) for args in queries_and_options]


@dataclass
class Request:
    tag: str
    slot: float  # epoch seconds: when the process took the slot
    arrival: float  # epoch seconds: when the server saw the request

    @property
    def lag(self) -> float:
        return self.arrival - self.slot


def _requests(ncbi, env: dict[str, str]) -> tuple[list[Request], list[tuple[float, float]]]:
    """Every request at the server with the slot its process took for it (each process's
    requests in order), and every cool-down set (start, seconds)."""
    offset = time.time() - time.monotonic()  # the server stamps time.monotonic()
    logs = {p.stem: json.loads(p.read_text()) for p in Path(env["SLOT_LOG_DIR"]).glob("*.json")}
    by_tag: dict[str, list[float]] = {}
    for hit in sorted(ncbi.hits(), key=lambda h: h.time):
        by_tag.setdefault(hit.params.get("term", "").split()[0], []).append(hit.time + offset)
    assert set(by_tag) == set(logs), (sorted(by_tag), sorted(logs))
    out = []
    for tag, arrivals in by_tag.items():
        slots = logs[tag]["slots"]
        assert len(slots) == len(arrivals), (tag, slots, arrivals)  # one slot per request sent
        out += [Request(tag, s, a) for s, a in zip(slots, arrivals, strict=True)]
    cools = [(float(t), float(sec)) for log in logs.values() for t, sec in log["cool"]]
    return sorted(out, key=lambda r: r.arrival), cools


def _assert_within_budget(requests: list[Request], limit: int) -> None:
    slots = sorted(r.slot for r in requests)
    gaps = [round(b - a, 3) for a, b in zip(slots, slots[1:], strict=False)]
    assert _max_in_any_second(slots) <= limit, f"slots taken too close together: gaps {gaps}"
    for first in requests:
        window = [r for r in requests if first.arrival <= r.arrival < first.arrival + 1.0]
        if len(window) > limit:  # only when a request reached the server late (heavy load)
            lags = [round(r.lag, 3) for r in window]
            assert max(lags) > MARGIN, (
                f"{len(window)} requests within one second at the server although each arrived "
                f"within {MARGIN * 1000:.0f} ms of its slot: lags {lags}, slot gaps {gaps}"
            )


# --- several processes, one budget -------------------------------------------------------------


@pytest.mark.parametrize(("api_key", "limit", "n"), [(None, 3, 5), (KEY, 10, 10)])
def test_four_processes_together_never_exceed_the_budget(ncbi, isolated_env, api_key, limit, n):
    ncbi.set_articles({"99000001": pubmed_article(99000001)})
    env = _env(ncbi, isolated_env, **({"NCBI_API_KEY": api_key} if api_key else {}))
    done = _run_together(_clients(4, n), env)
    assert [p.returncode for p in done] == [0] * 4, [p.stderr for p in done]
    requests, _ = _requests(ncbi, env)
    assert len(requests) == 4 * n
    _assert_within_budget(requests, limit)
    # one budget, used: the 4 x n requests take about (4n - 1) / rate seconds, not 4 x less
    slots = sorted(r.slot for r in requests)
    assert slots[-1] - slots[0] >= (4 * n - 1) / limit * 0.95
    state = json.loads((isolated_env / STATE_NAME).read_text())
    assert state["schema"] == "litcli.rate-budget/1" and list(state["hosts"]) == [ncbi.url.split("/entrez")[0]]


def test_four_litcli_commands_share_the_budget(ncbi, isolated_env):
    ncbi.set_articles({str(p): pubmed_article(p) for p in range(99000001, 99000004)})
    env = _env(ncbi, isolated_env)
    argvs = _commands(*(["search", f"topic{i}", "--count"] for i in range(4)),
                      *(["search", f"ids{i}", "-f", "ids"] for i in range(4)))
    done = _run_together(argvs, env)
    assert [p.returncode for p in done] == [0] * 8, [p.stderr for p in done]
    assert [p.stdout for p in done[:4]] == ["3\n"] * 4
    requests, _ = _requests(ncbi, env)
    assert len(requests) == 8
    _assert_within_budget(requests, 3)


def test_a_corrupt_state_file_is_rebuilt_and_never_blocks(ncbi, isolated_env):
    ncbi.set_articles({"99000001": pubmed_article(99000001)})
    state = isolated_env / STATE_NAME
    env = _env(ncbi, isolated_env)
    for garbage in (b"\x00\xff not json", b'{"schema": "litcli.rate-budget/1", "hosts": []}',
                    json.dumps({"schema": "litcli.rate-budget/1", "hosts": {
                        ncbi.url.split("/entrez")[0]: {"next": 4e12, "cool": "soon"}}}).encode()):
        state.write_bytes(garbage)
        ncbi.clear()
        started = time.monotonic()
        done = _run_together(_clients(2, 2), env)
        assert [p.returncode for p in done] == [0, 0], [p.stderr for p in done]
        assert ncbi.count() == 4 and time.monotonic() - started < 10
        requests, _ = _requests(ncbi, env)
        _assert_within_budget(requests, 3)
        assert json.loads(state.read_text())["schema"] == "litcli.rate-budget/1"  # rebuilt


def test_a_429_makes_every_process_back_off(ncbi, isolated_env):
    ncbi.set_articles({"99000001": pubmed_article(99000001)})
    ncbi.fail("esearch", "429", times=1, retry_after=2)  # the first request of all
    env = _env(ncbi, isolated_env)
    done = _run_together(_clients(4, 3), env)
    assert [p.returncode for p in done] == [0] * 4, [p.stderr for p in done]
    requests, cools = _requests(ncbi, env)
    assert len(requests) == 13  # 12 requests + the one retry
    assert len(cools) == 1 and cools[0][1] >= 2.0
    began, seconds = cools[0]
    # no process takes a slot during the cool-down: not the one that got the 429, not the
    # three others (measured where the budget decides, so a loaded machine cannot blur it)
    during = [round(r.slot - began, 3) for r in requests if began < r.slot < began + seconds]
    assert during == [], during
    # at the server: what arrives in the cool-down had its slot before it began (on its way)
    t429 = requests[0].arrival
    arrived = [r for r in requests[1:] if r.arrival - t429 < seconds - 0.05]
    assert all(r.slot <= began for r in arrived), [(r.tag, r.slot - began) for r in arrived]
    _assert_within_budget(requests, 3)
    # the one that got it says it retries; those held by its cool-down say why they wait
    said = [p.stderr for p in done]
    assert sum("NCBI busy (HTTP 429); retrying in 2" in e for e in said) == 1, said
    assert any("NCBI busy (HTTP 429 to another litcli process); waiting" in e for e in said), said


# --- the state file and its lock, in one process ---------------------------------------------------


def test_slots_are_spaced_by_the_interval_and_a_cool_down_holds_everyone(tmp_path):
    now = [1000.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    budget = SharedBudget(tmp_path, clock=lambda: now[0], sleep=sleep)
    assert budget.wait("h", 0.5).waited == 0
    slot = budget.wait("h", 0.5)
    assert 0.5 <= slot.waited < 0.51 and slot.cooled == 0
    assert budget.wait("other-host", 0.5).waited == 0  # one budget per host
    budget.cool_down("h", 3.0)
    heard: list[float] = []
    slot = budget.wait("h", 0.5, announce=heard.append)
    assert 3.0 <= slot.waited < 3.01 and slot.cooled == slot.waited and len(heard) == 1
    budget.cool_down("h", 10.0)
    assert not budget.wait("h", 0.5, limit=5.0).taken  # past the caller's limit: not taken


def test_others_counts_the_processes_that_asked_for_a_slot_lately(tmp_path):
    """``others``: the processes (by PID) that asked for a slot to the host within
    ACTIVE_FOR seconds, this one left out; a waiter is seen before it sleeps."""
    now = [1000.0]

    def sleep(seconds: float) -> None:
        now[0] += seconds

    first = SharedBudget(tmp_path, clock=lambda: now[0], sleep=sleep, pid=lambda: 101)
    seen_by_first: list[int] = []

    def second_sleeps(seconds: float) -> None:
        seen_by_first.append(first.others("h"))
        sleep(seconds)

    second = SharedBudget(tmp_path, clock=lambda: now[0], sleep=second_sleeps, pid=lambda: 202)
    assert first.others("h") == 0 == second.others("h")
    assert first.wait("h", 0.35).waited == 0
    assert first.others("h") == 0 and second.others("h") == 1
    assert second.wait("h", 0.35).waited >= 0.35  # the first's interval
    assert seen_by_first and seen_by_first[0] == 1  # marked while it waited
    assert first.others("h") == 1 and first.others("other-host") == 0
    now[0] += ratebudget.ACTIVE_FOR + 0.01
    assert first.others("h") == 0 == second.others("h")  # both gone quiet
    state = json.loads((tmp_path / STATE_NAME).read_text())
    state["hosts"]["h"]["procs"] = {"303": "soon", "404": now[0] + 1e9, "505": now[0]}
    (tmp_path / STATE_NAME).write_text(json.dumps(state))
    assert first.others("h") == 1  # marks that are not times, or far ahead, are dropped
    assert first.wait("h", 0.35).taken
    assert set(json.loads((tmp_path / STATE_NAME).read_text())["hosts"]["h"]["procs"]) == {"101", "505"}


def test_starting_says_how_long_until_a_first_slot_can_come(tmp_path):
    """``starting``: the token's time plus one interval per process already waiting or
    noted as starting before this one; nothing is taken; the note goes when the process
    asks for its slot or after ACTIVE_FOR; ``others`` counts starting processes too."""
    now = [time.time()]  # a real clock: a host whose first slot is still to come is kept

    def budget(pid: int) -> SharedBudget:
        def advance(seconds: float) -> None:
            now[0] += seconds

        return SharedBudget(tmp_path, clock=lambda: now[0], sleep=advance, pid=lambda: pid)

    a, b, c = budget(101), budget(202), budget(303)
    assert a.starting("h", 0.35) == 0  # nothing before it
    now[0] += 0.01
    assert b.starting("h", 0.35) == pytest.approx(0.35)
    now[0] += 0.01
    assert c.starting("h", 0.35) == pytest.approx(0.70)
    assert b.starting("h", 0.35) == pytest.approx(0.35)  # noted once: its place is kept
    assert c.starting("other-host", 0.35) == 0  # per host
    assert a.others("h") == 2 and c.others("h") == 2  # about to send: they share the budget
    assert a.wait("h", 0.35).waited == 0  # nothing was taken by the notes
    hosts = json.loads((tmp_path / STATE_NAME).read_text())["hosts"]
    assert set(hosts["h"]["starting"]) == {"202", "303"}  # asked: no longer starting
    # the token at now + 0.35, then 202 (starting before 303) and a waiter in the queue
    hosts["h"]["queue"] = {"404": now[0]}
    hosts["h"]["procs"]["404"] = now[0]
    (tmp_path / STATE_NAME).write_text(json.dumps({"schema": ratebudget.SCHEMA, "hosts": hosts}))
    assert c.starting("h", 0.35) == pytest.approx(0.35 + 2 * 0.35)
    now[0] += ratebudget.ACTIVE_FOR + 0.01  # every note and mark gone stale
    assert c.starting("h", 0.35) == 0 and a.others("h") == 1  # c itself, just noted
    assert budget(505).starting("h", 0.35) == pytest.approx(0.35)


def test_before_first_request_sleeps_only_when_others_go_first(tmp_path, monkeypatch):
    """Once per process: sleep until START_LEAD before the first slot can come (at most
    START_PAUSE_MAX, never past the request's limit); not at all when this process
    goes first or the shared budget is not used."""
    now = [time.time()]
    slept: list[float] = []
    monkeypatch.setattr(eutils.time, "sleep", slept.append)

    def budget(pid: int) -> SharedBudget:
        return SharedBudget(tmp_path, clock=lambda: now[0], sleep=slept.append, pid=lambda: pid)

    def first(pid: int, limit: float = 30.0) -> float:
        monkeypatch.setattr(eutils, "BUDGET", budget(pid))
        monkeypatch.setattr(eutils, "_first_request", True)
        return eutils.before_first_request("h", 0.35, limit=limit)

    assert first(101) == 0 and slept == []  # goes first: no pause
    assert first(202) == pytest.approx(0.35 - eutils.START_LEAD)
    assert eutils.before_first_request("h", 0.35, limit=30.0) == 0  # once per process
    assert first(303) == pytest.approx(0.70 - eutils.START_LEAD)
    for pid in range(404, 409):
        budget(pid).starting("h", 0.35)
    assert first(999) == eutils.START_PAUSE_MAX
    assert first(998, limit=0.3) == 0.3
    assert slept == pytest.approx([0.35 - eutils.START_LEAD, 0.70 - eutils.START_LEAD,
                                   eutils.START_PAUSE_MAX, 0.3])
    monkeypatch.setattr(eutils, "BUDGET", None)
    monkeypatch.setattr(eutils, "_first_request", True)
    assert eutils.before_first_request("h", 0.35, limit=30.0) == 0


def test_the_token_goes_to_the_process_waiting_longest(tmp_path):
    """First come, first served: a process that asks while another has been waiting
    longer lets that one take the token (it wakes DEFER later); if that one does not
    come (late, gone), it takes the token itself DEFER after it was there."""
    now = [1000.0]
    taken: list[str] = []

    def budget(pid: int, sleep=None) -> SharedBudget:
        def advance(seconds: float) -> None:
            now[0] += seconds

        return SharedBudget(tmp_path, clock=lambda: now[0], sleep=sleep or advance, pid=lambda: pid)

    def take(b: SharedBudget, name: str) -> ratebudget.Slot:
        slot = b.wait("h", 0.35)
        taken.append(name)
        return slot

    early = budget(202)
    take(early, "early")  # a token at 1000.0; the next one at 1000.35
    now[0] = 1000.1
    state = json.loads((tmp_path / STATE_NAME).read_text())
    state["hosts"]["h"]["queue"] = {"202": 1000.1}  # ... and it waits for it since 1000.1
    state["hosts"]["h"]["procs"]["202"] = 1000.1
    (tmp_path / STATE_NAME).write_text(json.dumps(state))
    pauses: list[float] = []

    def late_sleeps(seconds: float) -> None:  # the one waiting longest comes in time
        pauses.append(seconds)
        now[0] += seconds
        if len(pauses) == 1:
            take(early, "early")

    now[0] = 1000.2
    slot = take(budget(101, late_sleeps), "late")
    assert taken == ["early", "early", "late"]
    assert ratebudget.DEFER <= pauses[0] - 0.15 < ratebudget.DEFER + 0.003  # woke DEFER after
    assert 0.35 <= pauses[1] < 0.353  # then first in the queue: the next token, at once
    assert abs(slot.waited - sum(pauses)) < 1e-9
    # the one waiting longest never comes: the token is taken DEFER after it was there
    state = json.loads((tmp_path / STATE_NAME).read_text())
    assert state["hosts"]["h"]["queue"] == {}
    state["hosts"]["h"]["queue"] = {"303": now[0]}
    state["hosts"]["h"]["procs"]["303"] = now[0]
    (tmp_path / STATE_NAME).write_text(json.dumps(state))
    due = state["hosts"]["h"]["next"]
    slot = take(budget(404), "other")
    assert due + ratebudget.DEFER <= now[0] < due + ratebudget.DEFER + 0.003
    # a queued process whose mark is older than ACTIVE_FOR is gone: nobody waits for it
    now[0] += 10
    state = json.loads((tmp_path / STATE_NAME).read_text())
    state["hosts"]["h"]["queue"] = {"505": now[0] - 5}
    state["hosts"]["h"]["procs"]["505"] = now[0] - ratebudget.ACTIVE_FOR - 0.1
    (tmp_path / STATE_NAME).write_text(json.dumps(state))
    assert take(budget(606), "alone").waited == 0


def test_a_stale_fallback_lock_file_is_taken_over(tmp_path, monkeypatch):
    lock = tmp_path / LOCK_NAME
    lock.write_text("")
    old = time.time() - 60
    os.utime(lock, (old, old))
    budget = SharedBudget(tmp_path)
    with budget._lock_file(lock):
        assert lock.exists()
    assert not lock.exists()
    # a fresh lock held by another process is waited for, at most lock_timeout, then ignored
    lock.write_text("")
    budget.lock_timeout = 0.2
    started = time.monotonic()
    with budget._lock_file(lock):
        pass
    assert 0.15 < time.monotonic() - started < 2


def test_an_unwritable_data_dir_falls_back_to_pacing_alone(ncbi, isolated_env, monkeypatch):
    from litcli import eutils
    from litcli.eutils import EutilsClient

    ncbi.set_articles({"99000001": pubmed_article(99000001)})
    blocker = isolated_env / "not-a-dir"
    blocker.write_text("a file")
    monkeypatch.setattr(eutils, "BUDGET", SharedBudget(blocker / "sub"))
    monkeypatch.setattr(eutils, "_budget_failed", False)
    with EutilsClient(notify=lambda m: print(m, file=sys.stderr)) as client:
        client.esearch("x", usehistory=False)
        client.esearch("y", usehistory=False)
    assert ncbi.count() == 2 and eutils._budget_failed
    assert ratebudget.STATE_NAME == "rate-budget.json"


def test_without_fcntl_the_lock_file_guards_the_state(tmp_path, monkeypatch):
    """Not POSIX (Windows): the lock is the lock file itself, created exclusively and
    removed after each use; the slots are spaced as with fcntl."""
    monkeypatch.setitem(sys.modules, "fcntl", None)  # `import fcntl` raises ImportError
    now = [1000.0]

    def sleep(seconds: float) -> None:
        now[0] += seconds

    budget = SharedBudget(tmp_path, clock=lambda: now[0], sleep=sleep)
    assert budget.wait("h", 0.35).waited == 0
    assert 0.35 <= budget.wait("h", 0.35).waited < 0.36
    assert not (tmp_path / LOCK_NAME).exists()  # released after use
    assert json.loads((tmp_path / STATE_NAME).read_text())["hosts"]["h"]["next"] == now[0] + 0.35
