"""Preparing items in a second process while this one uses them (issue 12).

``prepared(source, prepare)`` is a context manager that gives an iterator of
``prepare(item)`` for every item of ``source(report)``, **in order**.  With
``parallel=True`` both run in one worker process (a fresh interpreter started with
this one's import path: no inherited threads or locks; POSIX only), which sends the
prepared items over a pipe in chunks; the caller consumes them meanwhile (on a machine with two
cores: parsing in the worker, storing here).  With ``parallel=False``, or when a
worker process cannot be started, the same calls run here, lazily: callers see no
difference but speed.

Contract:

* ``source`` and ``prepare`` must be picklable (module-level functions, or
  ``functools.partial`` of one) and what they produce picklable (plain values,
  dataclasses, named tuples).  ``source`` is called with ``report``: a callable taking
  one int (e.g. bytes read so far); the latest value is passed to ``on_progress`` here
  with the chunk it came with.
* An exception raised by ``source`` or ``prepare`` in the worker is raised here by the
  iterator after every item before it, as the same exception (its type, message and
  attributes; one that cannot cross the process boundary becomes a ``RuntimeError``
  naming it).  A worker that dies without a word (killed, crashed) raises
  ``WorkerError``.
* Leaving the ``with`` block for any reason (the end, an exception, Ctrl-C, SIGTERM as
  raised by the CLI) stops and reaps the worker: no process outlives the block.  The
  worker runs in a session of its own, so Ctrl-C in a terminal reaches only the caller,
  which decides what an interrupt means; a caller killed outright leaves the worker
  with a closed pipe, and it ends at its next chunk.  A worker that ends before its
  first message (it could not start) is replaced by the same calls in-process.
* Memory stays bounded: a thread here receives the chunks as they come and keeps at
  most ``AHEAD`` of them for the caller; the worker blocks while that queue and the pipe
  are full, so it runs at most ``AHEAD`` chunks and a few more ahead (the thread keeps
  the worker going while the caller works on what it has, e.g. writes a batch).

One source per worker process.  The import of one file uses it (``litcli.importer``:
source = parse the file, prepare = ``library.prepare_item``, the caller stores).

``Mapper(func, parallel=...)`` is the same kind of worker for items that arrive in this
process one at a time (efetch bodies, fetched here): ``submit(item)`` hands one over
(from any thread), ``receive()`` gives ``func`` of the oldest one, in order, so the
caller works on result k - 1 while the worker computes result k.  Errors, a worker that
dies, leaving (``close``) and the in-process fallback are as for ``prepared``.
``litcli.service.BatchStore`` parses and prepares efetch batches with it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Generator, Iterable, Iterator
from typing import Any

from litcli.errors import LitcliError

__all__ = ["Mapper", "WorkerError", "cpus", "prepared", "worker_setting"]

log = logging.getLogger(__name__)

CHUNK = 250  # items a message
_STOP_TIMEOUT = 5.0  # seconds a terminated worker gets before it is killed

Source = Callable[[Callable[[int], None]], Iterable[Any]]


class WorkerError(LitcliError):
    """The worker process ended without finishing or saying why."""


def _IMPORT_DIED() -> WorkerError:  # noqa: N802 - an error factory
    return WorkerError(
        "the import worker process stopped unexpectedly",
        hint="run the command again; set LITCLI_IMPORT_WORKER=0 to import in one process",
    )


def worker_setting(*names: str) -> bool | None:
    """The first of the environment variables ``names`` set to 0 or 1 (never / always a
    worker process), then ``LITCLI_WORKER``; None: neither (the caller decides)."""
    for name in (*names, "LITCLI_WORKER"):
        value = os.environ.get(name, "").strip()
        if value in ("0", "1"):
            return value == "1"
    return None


def cpus() -> int:
    """CPUs this process may run on (a worker on the same single CPU only costs)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _inline(
    source: Source, prepare: Callable[[Any], Any], on_progress: Callable[[int], None] | None
) -> Iterator[Any]:
    def report(value: int) -> None:
        if on_progress is not None:
            on_progress(value)

    for item in source(report):
        yield prepare(item)


def _portable(exc: BaseException) -> BaseException:
    """``exc`` if it survives pickling, else a RuntimeError with its type and message."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001 - anything that cannot cross the pipe
        return RuntimeError(f"{type(exc).__name__}: {exc}")


def _work(conn: Any, source: Source, prepare: Callable[[Any], Any], chunk: int) -> None:
    """The worker process: prepare every item, send them in chunks, then the outcome.

    Messages: ``("items", [prepared...], progress)`` any number of times, then one
    ``("end", None, progress)`` or ``("error", exception, progress)``."""
    with contextlib.suppress(ValueError, OSError, AttributeError):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    progress: list[int | None] = [None]

    def report(value: int) -> None:
        progress[0] = value

    out: list[Any] = []
    try:
        try:
            for item in source(report):
                out.append(prepare(item))
                if len(out) >= chunk:
                    conn.send(("items", out, progress[0]))
                    out = []
            conn.send(("items", out, progress[0]))
            conn.send(("end", None, progress[0]))
        except (BrokenPipeError, ConnectionResetError, EOFError):
            return  # the caller is gone: nothing to tell
        except BaseException as exc:  # noqa: BLE001 - every outcome is reported
            with contextlib.suppress(OSError, EOFError):
                conn.send(("items", out, progress[0]))
                conn.send(("error", _portable(exc), progress[0]))
    finally:
        with contextlib.suppress(OSError):
            conn.close()


# Chunks received ahead of the caller (``_drain``): 4 of 250 items, one import batch of
# 1,000 (library.BATCH_SIZE), ~16 MB of prepared records at most.
AHEAD = 4
_EOF = ("eof", None, None)  # the pipe ended (the worker exited or was stopped)


def _drain(conn: Any, out: queue.Queue[Any], stop: threading.Event, finished: list[bool]) -> None:
    """Receive the worker's messages as they come and queue them for ``_receive`` (a
    thread of the caller's process).  Without it the worker could run only a chunk and a
    pipe buffer ahead: while the caller writes a batch (1,000 records, ~0.2 s) nothing is
    read, so the worker stalled, then the caller waited for most of its next batch.
    Ends after the worker's last message, at the end of the pipe, or once ``stop`` is
    set and the queue is full."""
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            message = _EOF
        except BaseException as exc:  # noqa: BLE001 - e.g. a message that cannot be read
            message = ("raise", exc, None)
        if message[0] != "items":
            finished[0] = message[0] in ("end", "error")  # its last word: it is ending
        while True:
            try:
                out.put(message, timeout=0.05)
                break
            except queue.Full:
                if stop.is_set():
                    return
        if message[0] != "items":
            return


def _receive(
    out: queue.Queue[Any],
    on_progress: Callable[[int], None] | None,
    fallback: Callable[[], Iterator[Any]],
) -> Generator[Any, None, None]:
    first = True
    while True:
        kind, payload, progress = out.get()
        if kind == "eof":
            if first:  # it never got going (no interpreter, an import failed): do it here
                log.debug("the worker process ended before its first message")
                yield from fallback()
                return
            raise _IMPORT_DIED()
        if kind == "raise":
            raise payload
        first = False
        if progress is not None and on_progress is not None:
            on_progress(progress)
        if kind == "items":
            yield from payload
        elif kind == "end":
            return
        else:
            raise payload


def _stop(proc: Any, finished: bool) -> None:
    """Reap the worker: one that has finished is waited for, one that has not (the
    caller stopped early: an error, Ctrl-C) is terminated, then killed."""
    with contextlib.suppress(Exception):
        try:
            proc.wait(_STOP_TIMEOUT if finished else 0)
        except subprocess.TimeoutExpired:
            proc.terminate()
            try:
                proc.wait(_STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@contextlib.contextmanager
def prepared(
    source: Source,
    prepare: Callable[[Any], Any],
    *,
    parallel: bool = True,
    chunk: int = CHUNK,
    on_progress: Callable[[int], None] | None = None,
) -> Iterator[Iterator[Any]]:
    """``prepare(item)`` for each item of ``source(report)``, in order; in a worker
    process when ``parallel`` (see the module docstring)."""

    def inline() -> Iterator[Any]:
        return _inline(source, prepare, on_progress)

    proc = _start(source, prepare, chunk) if parallel else None
    if proc is None:
        yield inline()
        return
    process, receiver = proc
    finished = [False]
    ahead: queue.Queue[Any] = queue.Queue(maxsize=AHEAD)
    stop = threading.Event()
    drain = threading.Thread(
        target=_drain, args=(receiver, ahead, stop, finished), name="litcli-worker-drain",
        daemon=True,
    )
    drain.start()
    items = _receive(ahead, on_progress, inline)
    try:
        yield items
    finally:
        items.close()
        stop.set()  # the thread stops taking messages once the queue is full
        _stop(process, finished[0])  # one still working is terminated: its pipe ends
        drain.join(_STOP_TIMEOUT)
        receiver.close()


# The worker's first words: take this process's import path, then read the job.
_BOOT = (
    "import pickle, sys; sys.path[:] = pickle.load(sys.stdin.buffer); "
    "from litcli.pipeline import _child; _child(int(sys.argv[1]))"
)
_SERVE_BOOT = (
    "import pickle, sys; sys.path[:] = pickle.load(sys.stdin.buffer); "
    "from litcli.pipeline import _serve_child; _serve_child(int(sys.argv[1]))"
)


_PIPE_SIZE = 1 << 20  # a chunk of prepared records is a few MB: fewer wake-ups than 64 KB


def _widen(fd: int) -> None:
    """A larger pipe buffer where the system allows it (Linux F_SETPIPE_SZ)."""
    with contextlib.suppress(ImportError, OSError, ValueError, AttributeError):
        import fcntl

        fcntl.fcntl(fd, getattr(fcntl, "F_SETPIPE_SZ", 1031), _PIPE_SIZE)


def _serve(conn: Any, func: Callable[[Any], Any], inputs: Any) -> None:
    """The worker process of a ``Mapper``: ``func`` of each item read from ``inputs``
    (pickles, until EOF), each answered with ``("items", result, None)`` or
    ``("error", exception, None)``."""
    with contextlib.suppress(ValueError, OSError, AttributeError):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        while True:
            try:
                item = pickle.load(inputs)
            except (EOFError, OSError):
                return  # the caller has closed our input: done
            try:
                message: tuple[str, Any, None] = ("items", func(item), None)
            except BaseException as exc:  # noqa: BLE001 - every outcome is reported
                message = ("error", _portable(exc), None)
            del item
            conn.send(message)
    except (BrokenPipeError, ConnectionResetError, EOFError, OSError):
        return  # the caller is gone
    finally:
        with contextlib.suppress(OSError):
            conn.close()


def _serve_child(fd: int) -> None:
    """The entry point of a ``Mapper``'s worker (``_SERVE_BOOT``)."""
    from multiprocessing.connection import Connection

    func = pickle.load(sys.stdin.buffer)
    _serve(Connection(fd, readable=False), func, sys.stdin.buffer)


def _child(fd: int) -> None:
    """The worker process's entry point (``_BOOT``): read the job from stdin, run it."""
    from multiprocessing.connection import Connection

    source, prepare, chunk = pickle.load(sys.stdin.buffer)
    _work(Connection(fd, readable=False), source, prepare, chunk)


def _start(source: Source, prepare: Callable[[Any], Any], chunk: int) -> tuple[Any, Any] | None:
    """A worker running ``prepared``'s job (see ``_launch``)."""
    try:
        job = pickle.dumps((source, prepare, chunk))
    except (pickle.PicklingError, AttributeError, TypeError) as exc:
        log.debug("no worker process (%s): preparing in this process", exc)
        return None
    return _launch(_BOOT, job, keep_input=False)


def _launch(boot: str, job: bytes, *, keep_input: bool) -> tuple[Any, Any] | None:
    """A started worker process and the receiving end of its pipe; None when no
    process can be started here.

    A plain subprocess (``python -c _BOOT``), not ``multiprocessing``: its spawn method
    runs the caller's ``__main__`` script again in the child, which a script without an
    ``if __name__ == "__main__"`` guard would turn into a second import.  The worker
    gets a session of its own, so Ctrl-C in a terminal reaches only this process,
    which stops it."""
    if os.name != "posix" or not sys.executable:
        return None
    try:
        from multiprocessing.connection import Connection

        path = pickle.dumps(list(sys.path))
    except (ImportError, pickle.PicklingError, AttributeError, TypeError) as exc:
        log.debug("no worker process (%s): preparing in this process", exc)
        return None
    try:
        read_fd, write_fd = os.pipe()
    except OSError as exc:
        log.debug("no worker process (%s): preparing in this process", exc)
        return None
    _widen(write_fd)
    try:
        proc = subprocess.Popen(
            [sys.executable, "-c", boot, str(write_fd)],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            pass_fds=(write_fd,),
            start_new_session=True,
        )
    except (OSError, ValueError, subprocess.SubprocessError) as exc:
        log.debug("no worker process (%s): preparing in this process", exc)
        os.close(read_fd)
        return None
    finally:
        os.close(write_fd)  # the worker holds its copy; EOF here when it exits
    try:
        assert proc.stdin is not None
        proc.stdin.write(path + job)
        if keep_input:
            proc.stdin.flush()
        else:
            proc.stdin.close()
    except OSError:
        pass  # it died at once: EOF before the first message, see _receive
    return proc, Connection(read_fd, writable=False)


class Mapper:
    """``func`` of items handed over one by one, in a worker process when ``parallel``
    (see the module docstring); ``func`` must be picklable, like its arguments and
    results.  ``submit`` may run in another thread than ``receive`` (a thread handing
    items over as they arrive while this one works on the results): the worker reads
    the next item only after sending the last result, so neither end can block the
    other on a full pipe as long as results are received.  Use as a context manager,
    or ``close()`` it."""

    def __init__(
        self,
        func: Callable[[Any], Any],
        *,
        parallel: bool = True,
        died: Callable[[], WorkerError] | None = None,
    ) -> None:
        import collections

        self.func = func
        self._died = died or (lambda: WorkerError("the worker process stopped unexpectedly"))
        self._proc: Any = None
        self._conn: Any = None
        self._answered = False  # the worker has sent at least one message
        self._items: collections.deque[Any] = collections.deque()  # submitted, not received
        if parallel:
            try:
                job = pickle.dumps(func)
            except (pickle.PicklingError, AttributeError, TypeError) as exc:
                log.debug("no worker process (%s): working in this process", exc)
            else:
                started = _launch(_SERVE_BOOT, job, keep_input=True)
                if started is not None:
                    self._proc, self._conn = started

    @property
    def parallel(self) -> bool:
        """Whether a worker process does the work (False: ``receive`` runs ``func`` here)."""
        return self._proc is not None

    def submit(self, item: Any) -> None:
        """Hand ``item`` over (the worker starts on it when it is done with the others)."""
        self._items.append(item)
        proc = self._proc
        if proc is None:
            return
        try:
            data = pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
            proc.stdin.write(data)
            proc.stdin.flush()
        except (OSError, ValueError, AttributeError):
            pass  # the worker is gone: receive() says so (or works here if it never started)

    def receive(self) -> Any:
        """``func`` of the oldest item submitted and not yet received (its exception is
        raised here)."""
        item = self._items.popleft()  # IndexError: nothing was submitted
        if self._proc is None:
            return self.func(item)
        try:
            kind, payload, _ = self._conn.recv()
        except (EOFError, OSError):
            if not self._answered:  # it never got going: work here from now on
                log.debug("the worker process ended before its first message")
                self.close()
                return self.func(item)
            self.close()
            raise self._died() from None
        del item
        self._answered = True
        if kind == "items":
            return payload
        raise payload

    def close(self) -> None:
        """Stop and reap the worker (idempotent): an idle one ends when its input closes,
        one with work outstanding is terminated first."""
        proc, conn, self._proc, self._conn = self._proc, self._conn, None, None
        if proc is None:
            return
        if self._items:  # it is working (and a thread may be writing to it): stop it first
            with contextlib.suppress(OSError):
                proc.terminate()
        with contextlib.suppress(OSError, ValueError):
            if proc.stdin is not None:
                proc.stdin.close()
        with contextlib.suppress(OSError):
            conn.close()
        _stop(proc, not self._items)

    def __enter__(self) -> Mapper:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
