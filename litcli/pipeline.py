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
* Memory stays bounded: the worker blocks while the pipe is full, so it runs at most
  a chunk or two ahead.

One source per worker process.  The import of one file uses it (``litcli.importer``:
source = parse the file, prepare = ``library.prepare_item``, the caller stores);
a search could pass its efetch-and-parse loop as the source in the same way.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import signal
import subprocess
import sys
from collections.abc import Callable, Generator, Iterable, Iterator
from typing import Any

from litcli.errors import LitcliError

__all__ = ["WorkerError", "prepared"]

log = logging.getLogger(__name__)

CHUNK = 250  # items a message
_STOP_TIMEOUT = 5.0  # seconds a terminated worker gets before it is killed

Source = Callable[[Callable[[int], None]], Iterable[Any]]


class WorkerError(LitcliError):
    """The worker process ended without finishing or saying why."""


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


def _receive(
    conn: Any,
    on_progress: Callable[[int], None] | None,
    fallback: Callable[[], Iterator[Any]],
    finished: list[bool],
) -> Generator[Any, None, None]:
    first = True
    while True:
        try:
            kind, payload, progress = conn.recv()
        except (EOFError, OSError):
            if first:  # it never got going (no interpreter, an import failed): do it here
                log.debug("the worker process ended before its first message")
                yield from fallback()
                return
            raise WorkerError(
                "the import worker process stopped unexpectedly",
                hint="run the command again; set LITCLI_IMPORT_WORKER=0 to import in one process",
            ) from None
        first = False
        if kind != "items":
            finished[0] = True  # the worker has said its last word and is ending
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
    items = _receive(receiver, on_progress, inline, finished)
    try:
        yield items
    finally:
        items.close()
        receiver.close()  # a worker blocked on a full pipe gets EPIPE and ends
        _stop(process, finished[0])


# The worker's first words: take this process's import path, then read the job.
_BOOT = (
    "import pickle, sys; sys.path[:] = pickle.load(sys.stdin.buffer); "
    "from litcli.pipeline import _child; _child(int(sys.argv[1]))"
)


_PIPE_SIZE = 1 << 20  # a chunk of prepared records is a few MB: fewer wake-ups than 64 KB


def _widen(fd: int) -> None:
    """A larger pipe buffer where the system allows it (Linux F_SETPIPE_SZ)."""
    with contextlib.suppress(ImportError, OSError, ValueError, AttributeError):
        import fcntl

        fcntl.fcntl(fd, getattr(fcntl, "F_SETPIPE_SZ", 1031), _PIPE_SIZE)


def _child(fd: int) -> None:
    """The worker process's entry point (``_BOOT``): read the job from stdin, run it."""
    from multiprocessing.connection import Connection

    source, prepare, chunk = pickle.load(sys.stdin.buffer)
    _work(Connection(fd, readable=False), source, prepare, chunk)


def _start(source: Source, prepare: Callable[[Any], Any], chunk: int) -> tuple[Any, Any] | None:
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

        job = pickle.dumps((source, prepare, chunk))
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
            [sys.executable, "-c", _BOOT, str(write_fd)],
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
        proc.stdin.close()
    except OSError:
        pass  # it died at once: EOF before the first message, see _receive
    return proc, Connection(read_fd, writable=False)
