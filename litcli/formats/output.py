"""Writing an export to a file: checked up front, written atomically.

``check_output_path`` runs before any record is fetched, so a typo in ``-o``
fails fast; ``write_path`` writes to a temporary file in the same directory and
renames it over the target, so readers never see half a file and an
interrupted export leaves the old file intact.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from litcli.errors import InvalidInputError, LitcliError
from litcli.models import Record


def check_output_path(path: str | Path, *, force: bool = False) -> Path:
    """Return the target path, or raise a one-line error naming the problem and the fix."""
    target = Path(path).expanduser()
    parent = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise InvalidInputError(f"cannot write {target}: it is a directory (give a file name)")
    if not parent.is_dir():
        raise InvalidInputError(
            f"cannot write {target}: directory {parent} does not exist (create it first)"
        )
    if target.exists() and not force:
        raise InvalidInputError(f"{target} already exists (use --force to overwrite it)")
    if not os.access(parent, os.W_OK):
        raise InvalidInputError(f"cannot write {target}: directory {parent} is not writable")
    return target


def _new_file_mode(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)  # keep the mode of a file we replace
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def atomic_text(path: str | Path, *, force: bool = False) -> Iterator[TextIO]:
    """Open a UTF-8 temporary file beside ``path`` for writing; when the block ends
    normally it takes ``path``'s place, and on any error, Ctrl-C or SIGTERM it is removed,
    so a reader never sees half a file and an interrupted write leaves the old one intact.

    Without ``force`` an existing ``path`` is refused, also one that appeared while the
    block ran (a hard link takes the place only if it is free). A replaced file keeps its
    mode. Operating-system failures (a full disk) become one-line errors (exit 1).
    """
    target = check_output_path(path, force=force)
    parent = target.parent if str(target.parent) else Path(".")
    remove_stale_temp_files(parent)
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{target.name}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=parent
        )
    except OSError as exc:
        raise LitcliError(f"cannot write {target}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(tmp, _new_file_mode(target))
        if force:
            os.replace(tmp, target)
        else:
            _take_free_place(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise LitcliError(f"cannot write {target}: {exc.strerror or exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


TEMP_SUFFIX = ".litcli-tmp"
# ".refs.bib.12345.k3j_x9ab.litcli-tmp": the target's name, the writer's PID, mkstemp's part
_TEMP_NAME = re.compile(r"^\..+\.([0-9]+)\.[A-Za-z0-9_]+\.litcli-tmp$", re.ASCII)
_OLD_TEMP_NAME = re.compile(r"^\..+\.[A-Za-z0-9_]+\.litcli-tmp$", re.ASCII)  # no PID (older)
_OLD_TEMP_AGE = 24 * 3600.0  # seconds after which a PID-less temp file is surely abandoned


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process (or cannot tell): leave its file alone
    return True


def remove_stale_temp_files(directory: Path) -> int:
    """Remove the temporary files that a killed writer (SIGKILL, power loss) left in
    ``directory``: ours by name, and their process gone (PID-less names of older versions
    after a day).  Never fails the write that calls it; returns how many were removed."""
    import time

    removed = 0
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return 0
    for entry in entries:
        if not entry.name.endswith(TEMP_SUFFIX):
            continue
        m = _TEMP_NAME.match(entry.name)
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            if m is not None:
                if _alive(int(m.group(1))):
                    continue
            elif not (
                _OLD_TEMP_NAME.match(entry.name)
                and time.time() - entry.stat(follow_symlinks=False).st_mtime > _OLD_TEMP_AGE
            ):
                continue
            os.unlink(entry.path)
            removed += 1
        except OSError:
            continue
    return removed


def _take_free_place(tmp: str, target: Path) -> None:
    """Move ``tmp`` to ``target`` only if nothing is there (link() refuses an existing
    name: no window in which a file created meanwhile could be replaced)."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise InvalidInputError(f"{target} already exists (use --force to overwrite it)") from None
    except OSError:  # no hard links on this file system: check, then replace
        if target.exists():
            raise InvalidInputError(f"{target} already exists (use --force to overwrite it)") from None
        os.replace(tmp, target)
    else:
        os.unlink(tmp)


def write_path(
    records: Iterable[Record],
    fmt: str,
    path: str | Path,
    *,
    abstracts: bool = False,
    force: bool = False,
    mark_retracted: bool | None = None,
) -> Path:
    """Write ``records`` in ``fmt`` to ``path`` atomically (see ``atomic_text``)."""
    from litcli.formats import check_format, write

    check_format(fmt)
    with atomic_text(path, force=force) as stream:
        write(records, fmt, stream, abstracts=abstracts, mark_retracted=mark_retracted)
    return Path(path).expanduser()


class _Counting:
    """Records passed through while counted (exports stream; no list in memory)."""

    def __init__(self, records: Iterable[Record]) -> None:
        self._records = records
        self.n = 0

    def __iter__(self) -> Iterator[Record]:
        for record in self._records:
            self.n += 1
            yield record


def write_records(
    records: Iterable[Record],
    fmt: str,
    output: str | Path | None,
    *,
    abstracts: bool = False,
    force: bool = False,
    mark_retracted: bool | None = None,
) -> tuple[Path | None, int]:
    """The one "records to stdout or to ``-o FILE``" helper of the commands.

    ``output`` None or ``"-"``: stdout (flushed); otherwise the file, written atomically
    (``atomic_text``).  ``fmt`` is an export format or ``"table"`` (its tab-separated
    form, as piped).  ``mark_retracted``: see ``litcli.formats.write`` (None: the
    format's default).  Returns the file written (None for stdout) and how many records.
    """
    import sys

    from litcli.formats import check_format, write

    counted = _Counting(records)
    if fmt == "table":
        from litcli.render import write_plain

        def emit(stream: TextIO) -> None:
            write_plain(list(counted), stream, abstracts=abstracts)
    else:
        check_format(fmt)

        def emit(stream: TextIO) -> None:
            write(counted, fmt, stream, abstracts=abstracts, mark_retracted=mark_retracted)

    if output is None or str(output) == "-":
        emit(sys.stdout)
        sys.stdout.flush()
        return None, counted.n
    with atomic_text(output, force=force) as stream:
        emit(stream)
    return Path(output).expanduser(), counted.n


def write_text(path: str | Path, text: str, *, force: bool = False) -> Path:
    """Write ``text`` to ``path`` atomically (see ``atomic_text``)."""
    with atomic_text(path, force=force) as stream:
        stream.write(text)
    return Path(path).expanduser()
