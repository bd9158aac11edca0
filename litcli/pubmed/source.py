"""Opening a PubMed input: paths, bytes, XML text, binary streams and pipes; gzip by content.

``open_binary`` hands a seekable input to lxml as it is (after a peek and a seek back) and
wraps the others: ``_Replay`` replays the peeked bytes of a pipe and keeps the last bytes
read (so a parse error can tell a cut-off input from a broken one), ``_Gunzip`` reads gzip
data with ``read1`` so the data before a cut comes out before the error.  ``sniff_format``
and ``peek_format`` tell PubMed XML from MEDLINE text by the first bytes.
"""

from __future__ import annotations

import gzip
import io
import os
import re
import zlib
from pathlib import Path
from typing import IO, Any, BinaryIO

from litcli.errors import InputFileError

Source = str | Path | bytes | BinaryIO | IO[bytes]

_GZIP_MAGIC = b"\x1f\x8b"


class _Replay(io.RawIOBase):
    """A read-only stream that replays ``prefix`` and then continues with ``rest``.

    For inputs that cannot seek back after a peek (pipes, gzip data).  It also keeps
    the last bytes read, so that a parse error can tell a cut-off input from a broken one.
    """

    def __init__(self, prefix: bytes, rest: IO[bytes]) -> None:
        self._prefix = prefix
        self._rest = rest
        self._error: BaseException | None = None
        self.tail = b""

    def readable(self) -> bool:
        return True

    def read(self, n: int | None = -1) -> bytes:
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        if self._prefix:
            if n is None or n < 0:
                chunk, self._prefix = self._prefix + self._rest.read(), b""
            elif n > len(self._prefix):  # a peek of 2 bytes must not make a 2-byte read
                try:
                    more = self._rest.read(n - len(self._prefix))
                except (OSError, EOFError, zlib.error) as exc:  # hand out what came first
                    self._error = exc
                    more = b""
                chunk, self._prefix = self._prefix + more, b""
            else:
                chunk, self._prefix = self._prefix[:n], self._prefix[n:]
        else:
            chunk = self._rest.read(-1 if n is None else n)
        if chunk:
            self.tail = (self.tail + chunk)[-512:] if len(chunk) < 512 else chunk[-512:]
        return chunk

    def readinto(self, b: Any) -> int:
        chunk = self.read(len(b))
        b[: len(chunk)] = chunk
        return len(chunk)

    def close(self) -> None:
        try:
            self._rest.close()
        finally:
            super().close()


class _Gunzip(io.RawIOBase):
    """The decompressed data of a gzip stream, read piece by piece.

    ``GzipFile.read(n)`` discards what it decompressed when the data ends early;
    reading with ``read1`` hands out everything before the cut first, and the
    error comes with the next read.  It never claims to seek: ``GzipFile.seek``
    would rewind the underlying file to its very start.
    """

    def __init__(self, raw: IO[bytes], close_raw: bool) -> None:
        self._gz = gzip.GzipFile(fileobj=raw, mode="rb")
        self._raw = raw
        self._close_raw = close_raw

    def readable(self) -> bool:
        return True

    def read(self, n: int | None = -1) -> bytes:
        if n is None or n < 0:
            return self._gz.read()
        return self._gz.read1(n)

    def readinto(self, b: Any) -> int:
        data = self._gz.read1(len(b))
        b[: len(data)] = data
        return len(data)

    def close(self) -> None:
        try:
            self._gz.close()
        finally:
            if self._close_raw:
                self._raw.close()
            super().close()


def _name_of(source: object) -> str:
    if isinstance(source, (str, Path)):
        return os.fspath(source)
    if isinstance(source, bytes):
        return "<bytes>"
    name = getattr(source, "name", None)
    return str(name) if isinstance(name, str) else "<stream>"


def _tell(stream: Any) -> int | None:
    """The position of a stream that can seek back to it, else None."""
    try:
        if stream.seekable():
            return int(stream.tell())
    except (AttributeError, OSError, ValueError):
        pass
    return None


def open_binary(source: Source) -> tuple[IO[bytes], str, bool]:
    """Open ``source`` as a binary stream, transparently gunzipping gzip data.

    Returns ``(stream, display_name, must_close)``.  A ``str`` that starts with
    ``<`` is taken as XML text, any other ``str`` as a path.  A seekable input is
    handed on as it is (after a peek and a seek back), so reading it adds no
    Python-level layer; a pipe is wrapped to replay the peeked bytes.
    """
    name = _name_of(source)
    must_close = False
    raw: IO[bytes]
    if isinstance(source, bytes):
        raw = io.BytesIO(source)
    elif isinstance(source, str) and source.lstrip("\ufeff \t\r\n").startswith("<"):
        raw = io.BytesIO(source.encode("utf-8"))
        name = "<string>"
    elif isinstance(source, (str, Path)):
        try:
            raw = open(source, "rb")  # noqa: SIM115 - closed by the caller via must_close
        except FileNotFoundError:
            raise InputFileError(f"{name}: no such file", hint="check the path") from None
        except IsADirectoryError:
            raise InputFileError(f"{name}: is a directory, not a file") from None
        except OSError as exc:
            raise InputFileError(f"{name}: cannot be read ({exc.strerror or exc})") from None
        must_close = True
    elif hasattr(source, "read"):
        raw = source
    else:
        raise InputFileError(f"unsupported input of type {type(source).__name__}")
    pos = _tell(raw)
    try:
        head = raw.read(2)
        if pos is not None:
            raw.seek(pos)
    except OSError as exc:
        if must_close:
            raw.close()
        raise InputFileError(f"{name}: cannot be read ({exc})") from None
    if isinstance(head, str):
        raise InputFileError(f"{name}: expected a binary stream (open the file with 'rb')")
    rest: IO[bytes] = raw if pos is not None else _Replay(head, raw)  # type: ignore[assignment]
    if head == _GZIP_MAGIC:
        return _Gunzip(rest, must_close), name, must_close  # type: ignore[return-value]
    return rest, name, must_close


def sniff_format(path: str | Path) -> str:
    """Return ``"xml"`` or ``"medline"`` for a file (gzip allowed) by its content.

    Raises :class:`InputFileError` for empty, binary or unrecognised files.
    """
    stream, name, _ = open_binary(path)
    try:
        return _sniff(_read_head(stream, name, 4096), name)
    finally:
        stream.close()


def peek_format(source: Source) -> tuple[str, IO[bytes], str]:
    """Open ``source`` (a path, bytes or a binary stream, pipes included; gzip allowed),
    tell its format from its first bytes and return ``(format, stream, name)``: the
    stream still starts at the beginning of the (decompressed) data, whether or not
    the input can seek.  Raises :class:`InputFileError` as :func:`sniff_format` does.
    """
    stream, name, must_close = open_binary(source)
    try:
        head, stream = _peek(stream, name, 4096)
        return _sniff(head, name), stream, name
    except BaseException:
        if must_close:
            stream.close()
        raise


def _peek(stream: IO[bytes], name: str, size: int) -> tuple[bytes, IO[bytes]]:
    """The first bytes of ``stream`` (up to ``size``) and a stream that still starts
    with them: the same stream sought back, or one that replays them (pipes, gzip)."""
    pos = _tell(stream)
    head = _read_head(stream, name, size)
    if pos is not None:
        stream.seek(pos)
        return head, stream
    return head, _Replay(head, stream)  # type: ignore[return-value]


def _read_head(stream: IO[bytes], name: str, size: int) -> bytes:
    """Up to ``size`` first bytes (fewer from a pipe or gzip data: what one read gives)."""
    try:
        return stream.read(size)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputFileError(f"{name}: cannot be read ({_one_line(exc)})") from None


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _sniff(head: bytes, name: str) -> str:
    if not head.strip():
        raise InputFileError(f"{name}: the file is empty", hint="export records from PubMed again")
    if head.startswith(_UTF16_BOMS):  # UTF-16 text, not binary: lxml reads UTF-16 XML
        text16 = head.decode("utf-16", errors="ignore").lstrip("\ufeff \t\r\n")
        if text16.startswith("<"):
            return "xml"
        raise InputFileError(
            f"{name}: UTF-16 text that is not PubMed XML",
            hint="save MEDLINE/.nbib text as UTF-8 and import it again",
        )
    if b"\x00" in head:
        raise InputFileError(
            f"{name}: binary data, not PubMed XML or MEDLINE text",
            hint="import .xml, .xml.gz, .nbib or MEDLINE .txt files",
        )
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"<"):
        return "xml"
    if re.match(rb"(?:PMID|PMC |[A-Z]{2,4} {0,3})- ", text):
        return "medline"
    raise InputFileError(
        f"{name}: neither PubMed XML nor MEDLINE (.nbib) text",
        hint="import .xml, .xml.gz, .nbib or MEDLINE .txt files",
    )


def _one_line(exc: BaseException) -> str:
    msg = str(exc).strip().splitlines()
    return msg[0] if msg else type(exc).__name__
