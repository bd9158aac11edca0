"""The one exception tree of litcli.

The core raises these; the CLI maps them to exit codes in exactly one place
(``litcli.cli.errors``).  Every message is one line that names the problem and,
where possible, the fix.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes (documented in the README)."""

    OK = 0
    ERROR = 1  # unexpected / generic failure
    USAGE = 2  # bad option, bad query, bad input value
    NOT_FOUND = 3  # some requested IDs are unknown, or nothing to show
    NETWORK = 4  # NCBI unreachable: DNS, connection refused, timeout, time budget spent
    NCBI = 5  # NCBI answered with an error (HTTP 4xx/5xx after retries, <ERROR>, bad body)
    INPUT = 6  # an input file cannot be read or parsed
    LIBRARY = 7  # the local library cannot be opened or written
    CHECK_FAILED = 8  # `--strict`: check (a claim contradicted / without evidence), refs (a bad reference)
    INCOMPLETE = 9  # `check` wrote its report, but NCBI failed for some claims ("not checked"); `search --all` short of PubMed's count
    INTERRUPTED = 130  # Ctrl-C
    TERMINATED = 143  # SIGTERM (128 + 15): stopped cleanly, as after Ctrl-C


class LitcliError(Exception):
    """Base class: an expected failure with a one-line, user-facing message."""

    exit_code: ExitCode = ExitCode.ERROR

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message


class InvalidInputError(LitcliError):
    """A value given by the user is invalid (query, option value, ID)."""

    exit_code = ExitCode.USAGE


class ConfigError(LitcliError):
    """The configuration file or a setting is invalid."""

    exit_code = ExitCode.USAGE


class NotFoundError(LitcliError):
    """Requested records or names do not exist."""

    exit_code = ExitCode.NOT_FOUND


class NetworkError(LitcliError):
    """NCBI could not be reached (connection refused, DNS, reset)."""

    exit_code = ExitCode.NETWORK


class RequestTimeoutError(NetworkError):
    """A connect or read timeout fired (after retries)."""


class NCBIError(LitcliError):
    """NCBI answered, but with an error (HTTP error status or an error body)."""

    exit_code = ExitCode.NCBI

    def __init__(self, message: str, *, hint: str | None = None, status: int | None = None) -> None:
        super().__init__(message, hint=hint)
        self.status = status


class RateLimitError(NCBIError):
    """HTTP 429 persisted after all retries."""


class NCBIResponseError(NCBIError):
    """An HTTP 200 response whose body is an error or unusable (ERROR element,
    JSON error, HTML page, empty body, XML that does not parse)."""


class InputFileError(LitcliError):
    """An input file (import, article) cannot be read or parsed."""

    exit_code = ExitCode.INPUT


class LibraryError(LitcliError):
    """The local SQLite library cannot be opened, migrated or written."""

    exit_code = ExitCode.LIBRARY
