"""Importing PubMed XML and MEDLINE files into the library (core, no Click).

``import_file`` opens one input (a path, or ``"-"`` for stdin), detects its format
(XML or MEDLINE, gzip or not), streams its records into ``Library.upsert`` in batches
and keeps what came before a break: a parse error part-way is recorded in
``file_errors`` and the complete records before it stay imported.  The CLI adds the
progress bar (through ``on_read`` / ``on_batch``) and the summary.
"""

from __future__ import annotations

import functools
import io
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from litcli.errors import InputFileError
from litcli.library import ImportStats, Library

__all__ = ["CountingReader", "import_file", "input_size", "strip_name"]


class CountingReader(io.RawIOBase):
    """A binary input that reports how many bytes were read (for a progress bar).

    It can seek only when the input can (a regular file, not a pipe)."""

    def __init__(self, raw: Any, on_read: Callable[[int], None] | None, *, close: bool) -> None:
        super().__init__()
        self._file = raw
        self._close = close
        self._pos = 0
        self._on_read = on_read
        self.name = getattr(raw, "name", "<stream>")

    def read(self, n: int | None = -1) -> bytes:
        data = self._file.read(-1 if n is None else n)
        self._pos += len(data)
        if self._on_read is not None:
            self._on_read(self._pos)
        return bytes(data)

    def readinto(self, b: Any) -> int:
        n = self._file.readinto(b) or 0
        self._pos += n
        if self._on_read is not None:
            self._on_read(self._pos)
        return int(n)

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return bool(self._file.seekable())

    def seek(self, pos: int, whence: int = 0) -> int:
        self._pos = self._file.seek(pos, whence)
        return self._pos

    def tell(self) -> int:
        return self._pos

    def close(self) -> None:
        if self._close:
            self._file.close()
        super().close()


def strip_name(message: str, name: str, shown: str) -> str:
    """A parser's message without the file name it starts with (the summary names it)."""
    for prefix in (f"{name}: ", f"{Path(name).name}: ", f"{shown}: ", "<stream>: ", "<stdin>: "):
        if message.startswith(prefix):
            return message[len(prefix) :]
    return message


def input_size(name: str) -> int | None:
    """The size of a regular input file in bytes (for a progress bar); None for stdin/pipes."""
    if name == "-":
        return None
    path = Path(name)
    try:
        return max(path.stat().st_size, 1) if path.is_file() else None
    except OSError:
        return None


def _open_input(name: str, shown: str) -> tuple[Any, bool]:
    if name == "-":
        return sys.stdin.buffer, False
    path = Path(name)
    if path.is_dir():
        raise InputFileError(f"{shown}: is a directory, not a file")
    try:
        return open(path, "rb"), True  # noqa: SIM115 - closed by the reader
    except FileNotFoundError:
        raise InputFileError(f"{shown}: no such file", hint="check the path") from None
    except OSError as exc:
        raise InputFileError(f"{shown}: cannot be read ({exc.strerror or exc})") from None


# Inputs at least this large (regular files) are parsed in a worker process while this one
# stores (litcli.pipeline), when this process may use two CPUs or more: starting it costs
# ~0.1-0.2 s, about what the overlap saves on 1,500 records (2 MB of gzip, 10 MB of
# XML).  LITCLI_IMPORT_WORKER=0 never starts one, =1 always (regular files); unset,
# LITCLI_WORKER (every worker: imports and fetches) is read instead.
WORKER_MIN_BYTES = 2_000_000  # gzip-compressed input
WORKER_MIN_PLAIN_BYTES = 10_000_000  # uncompressed input


def _use_worker(name: str, parallel: bool | None) -> bool:
    if name == "-":
        return False  # stdin stays with this process
    from litcli.pipeline import worker_setting

    setting = worker_setting("LITCLI_IMPORT_WORKER")  # then LITCLI_WORKER
    if parallel is None:
        if setting is not None:
            parallel = setting
        else:
            size = input_size(name)
            parallel = size is not None and size >= WORKER_MIN_BYTES and _cpus() >= 2
            if parallel and size is not None and size < WORKER_MIN_PLAIN_BYTES:
                parallel = _is_gzip(name)
    return bool(parallel) and input_size(name) is not None and _reopenable(name) is not None


def _is_gzip(name: str) -> bool:
    try:
        with open(name, "rb") as fh:
            return fh.read(2) == b"\x1f\x8b"
    except OSError:
        return False


def _cpus() -> int:
    """CPUs this process may run on (a worker on the same single CPU only costs)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _reopenable(name: str) -> str | None:
    """The path under which another process opens this very file, or None.

    ``/dev/stdin`` or ``/proc/self/fd/3`` name another file in the worker (its own
    descriptors): the real path is passed instead, if it still names the same file."""
    try:
        real = os.path.realpath(name)
        return real if os.path.isfile(real) and os.path.samefile(real, name) else None
    except (OSError, ValueError):
        return None


def _parse(stream: Any, fmt: str) -> Iterator[Any]:
    if fmt == "medline":
        from litcli.medline import iter_medline

        return iter_medline(stream, keep_raw=True)
    from litcli.pubmed import iter_parse

    return iter_parse(stream, keep_raw=True)


def _parse_file(
    path: str, name: str, shown: str, report: Callable[[int], None]
) -> Iterator[Any]:
    """The items of the file ``name``, read again from its start at ``path`` (its real
    path; in the worker process); messages name it as ``name`` does here."""
    from litcli.pubmed import peek_format

    raw, close = _open_input(path, shown)
    reader = CountingReader(raw, report, close=close)
    reader.name = name
    try:
        fmt, stream, _ = peek_format(reader)  # type: ignore[arg-type]
        yield from _parse(stream, fmt)
    finally:
        reader.close()


def import_file(
    lib: Library,
    name: str,
    shown: str,
    file_errors: list[tuple[str, str]],
    *,
    on_read: Callable[[int], None] | None = None,
    on_batch: Callable[[ImportStats], None] | None = None,
    on_start: Callable[[], None] | None = None,
    parallel: bool | None = None,
) -> tuple[ImportStats, int]:
    """Import one file (``"-"``: stdin); a parse error part-way keeps the records before
    it and is added to ``file_errors`` as ``(shown, reason)``.  Returns the stats and how
    many items (records, deletions, failures) the file held.  An input that cannot be
    opened or recognised raises InputFileError.

    ``parallel``: parse (and prepare the records) in a worker process while this one
    writes the library (litcli.pipeline); None: for regular files of at least
    ``WORKER_MIN_BYTES`` gzipped or ``WORKER_MIN_PLAIN_BYTES`` not, when two CPUs can be
    used (``LITCLI_IMPORT_WORKER`` overrides).  Either way the rows,
    counts, failures and messages are the same, and batches commit one by one."""
    from litcli import pipeline
    from litcli.library import prepare_item
    from litcli.pubmed import peek_format

    path = _reopenable(name) if _use_worker(name, parallel) else None  # None: in-process
    raw, close = _open_input(name, shown)
    reader = CountingReader(raw, on_read if path is None else None, close=close)
    seen = [0]
    try:
        fmt, stream, _ = peek_format(reader)  # type: ignore[arg-type]
        source: pipeline.Source
        if path is not None:
            reader.close()  # the worker opens the file again
            source = functools.partial(_parse_file, path, name, shown)
        else:
            source = lambda _report: _parse(stream, fmt)  # noqa: E731 - reader reports reads

        with pipeline.prepared(
            source, prepare_item, parallel=path is not None, on_progress=on_read
        ) as items:

            def guarded() -> Iterator[Any]:
                try:
                    for item in items:
                        seen[0] += 1
                        yield item
                except InputFileError as exc:  # keep what came before the break
                    file_errors.append((shown, strip_name(exc.message, name, shown)))

            if on_start is not None:
                on_start()
            stats = lib.upsert(guarded(), source=f"import:{shown}", progress=on_batch)
        return stats, seen[0]
    finally:
        reader.close()
