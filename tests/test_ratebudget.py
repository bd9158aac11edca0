"""One rate budget for every litcli process of a user (issue 12, item 3): real processes
against the loopback server, which records when each request arrived."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from litcli import ratebudget
from litcli.ratebudget import LOCK_NAME, STATE_NAME, SharedBudget
from tests.ncbi_server import pubmed_article

KEY = "abcdef0123456789abcdef0123456789ab12"
pytestmark = pytest.mark.skipif(os.name != "posix", reason="fcntl lock; processes started with fork/exec")


def _max_in_any_second(times: list[float]) -> int:
    return max(sum(1 for t in times if start <= t < start + 1.0) for start in times)


SCRIPT = """
import sys
from litcli.eutils import EutilsClient
with EutilsClient(notify=lambda m: print(m, file=sys.stderr)) as client:
    for i in range(int(sys.argv[1])):
        client.esearch(f"{sys.argv[2]} q{i}", usehistory=False)
"""


def _env(ncbi, home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NCBI_", "LITCLI_"))}
    env.update(
        LITCLI_HOME=str(home),
        LITCLI_EUTILS_URL=ncbi.url,
        NCBI_EMAIL="t@example.org",
        LITCLI_BACKOFF="0.01",
        PYTHONPATH=str(Path(__file__).resolve().parents[1]),
        **extra,
    )
    return env


def _run_together(argvs: list[list[str]], env: dict[str, str], timeout: float = 60) -> list[subprocess.CompletedProcess[str]]:
    procs = [
        subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for argv in argvs
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


def _clients(n_procs: int, n_requests: int) -> list[list[str]]:
    return [[sys.executable, "-c", SCRIPT, str(n_requests), f"p{i}"] for i in range(n_procs)]


# --- several processes, one budget -------------------------------------------------------------


@pytest.mark.parametrize(("api_key", "limit", "n"), [(None, 3, 5), (KEY, 10, 10)])
def test_four_processes_together_never_exceed_the_budget(ncbi, isolated_env, api_key, limit, n):
    ncbi.set_articles({"99000001": pubmed_article(99000001)})
    env = _env(ncbi, isolated_env, **({"NCBI_API_KEY": api_key} if api_key else {}))
    done = _run_together(_clients(4, n), env)
    assert [p.returncode for p in done] == [0] * 4, [p.stderr for p in done]
    times = sorted(h.time for h in ncbi.hits())
    assert len(times) == 4 * n
    gaps = [round(b - a, 3) for a, b in zip(times, times[1:], strict=False)]
    assert _max_in_any_second(times) <= limit, gaps
    # one budget, used: the 4 x n requests take about (4n - 1) / rate seconds, not 4 x less
    assert times[-1] - times[0] >= (4 * n - 1) / limit * 0.95
    state = json.loads((isolated_env / STATE_NAME).read_text())
    assert state["schema"] == "litcli.rate-budget/1" and list(state["hosts"]) == [ncbi.url.split("/entrez")[0]]


def test_four_litcli_commands_share_the_budget(ncbi, isolated_env):
    ncbi.set_articles({str(p): pubmed_article(p) for p in range(99000001, 99000004)})
    env = _env(ncbi, isolated_env)
    argvs = [[sys.executable, "-m", "litcli", "search", f"topic{i}", "--count"] for i in range(4)]
    argvs += [[sys.executable, "-m", "litcli", "search", f"ids{i}", "-f", "ids"] for i in range(4)]
    done = _run_together(argvs, env)
    assert [p.returncode for p in done] == [0] * 8, [p.stderr for p in done]
    assert [p.stdout for p in done[:4]] == ["3\n"] * 4
    times = sorted(h.time for h in ncbi.hits())
    assert len(times) == 8 and _max_in_any_second(times) <= 3


def test_a_corrupt_state_file_is_rebuilt_and_never_blocks(ncbi, isolated_env):
    ncbi.set_articles({"99000001": pubmed_article(99000001)})
    state = isolated_env / STATE_NAME
    for garbage in (b"\x00\xff not json", b'{"schema": "litcli.rate-budget/1", "hosts": []}',
                    json.dumps({"schema": "litcli.rate-budget/1", "hosts": {
                        ncbi.url.split("/entrez")[0]: {"next": 4e12, "cool": "soon"}}}).encode()):
        state.write_bytes(garbage)
        ncbi.clear()
        started = time.monotonic()
        done = _run_together(_clients(2, 2), _env(ncbi, isolated_env))
        assert [p.returncode for p in done] == [0, 0], [p.stderr for p in done]
        assert ncbi.count() == 4 and time.monotonic() - started < 10
        assert _max_in_any_second(sorted(h.time for h in ncbi.hits())) <= 3
        assert json.loads(state.read_text())["schema"] == "litcli.rate-budget/1"  # rebuilt


def test_a_429_makes_every_process_back_off(ncbi, isolated_env):
    ncbi.set_articles({"99000001": pubmed_article(99000001)})
    ncbi.fail("esearch", "429", times=1, retry_after=2)  # the first request of all
    done = _run_together(_clients(4, 3), _env(ncbi, isolated_env))
    assert [p.returncode for p in done] == [0] * 4, [p.stderr for p in done]
    hits = ncbi.hits()
    assert len(hits) == 13  # 12 requests + the one retry
    t429 = hits[0].time
    # nothing reaches the server during the cool-down: not the process that got the 429,
    # not the three others (a request already on its way may arrive within a few ms)
    during = [h.time - t429 for h in hits[1:] if h.time - t429 < 1.95]
    assert all(d < 0.05 for d in during), during
    assert _max_in_any_second(sorted(h.time for h in hits)) <= 3
    # the waiting processes say why they wait
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
