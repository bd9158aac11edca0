"""Helpers shared by the command modules (kept import-light: click and litcli.tables only)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from litcli.tables import FORMAT_NAMES, TYPE_NAMES

F = TypeVar("F", bound=Callable[..., Any])

# Record output formats of `search`, `library search/list`: the terminal table, then every
# export format (litcli.tables.FORMATS, the one list; `export` and `show` take them too).
RECORD_FORMATS = ["table", *FORMAT_NAMES]
EXPORT_FORMATS = list(FORMAT_NAMES)


def color_allowed(stream: Any = None) -> bool:
    """Colour only on a TTY, never with NO_COLOR set to a non-empty value
    (no-color.org: an empty NO_COLOR does not count)."""
    if os.environ.get("NO_COLOR", ""):
        return False
    stream = stream or sys.stdout
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def stdout_is_tty() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def make_console(*, stderr: bool = False) -> Any:
    """A rich Console for stdout (data) or stderr (progress, warnings).

    Plain (no colour, no box styling) when the stream is not a terminal or
    NO_COLOR is set (non-empty).
    """
    stream = sys.stderr if stderr else sys.stdout
    colour = color_allowed(stream)
    # NO_COLOR takes the colour away, not the terminal layout (tables stay tables).
    return _console_class()(
        file=stream,
        stderr=stderr,
        no_color=not colour,
        color_system="auto" if colour else None,
        highlight=False,
        emoji=False,
        markup=False,
        force_terminal=None if _isatty(stream) else False,
        soft_wrap=not _isatty(stream),
    )


class LazyConsole:
    """``make_console(stderr=...)`` built on first use: a command that may print to the
    console (progress, notes) does not import rich until it does.  ``is_terminal`` is
    answered without rich when the stream is not a terminal (rich's own answer then:
    ``make_console`` sets ``force_terminal=False``)."""

    def __init__(self, *, stderr: bool = False) -> None:
        self._stderr = stderr
        self._console: Any = None

    def real(self) -> Any:
        """The rich Console itself (built now if not yet): what rich's own classes
        (``Progress(console=...)``) must be given."""
        if self._console is None:
            self._console = make_console(stderr=self._stderr)
        return self._console

    @property
    def is_terminal(self) -> bool:
        if self._console is None and not _isatty(sys.stderr if self._stderr else sys.stdout):
            return False
        return bool(self.real().is_terminal)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real(), name)


_CONSOLE_CLASS: Any = None


def _console_class() -> Any:
    """rich's Console, except that a closed pipe is left to litcli.

    rich's ``Console.on_broken_pipe`` raises ``SystemExit(1)``, which would skip
    run_main's rule (`litcli show ... | head -1` exits 0 quietly, like every
    command); re-raising BrokenPipeError lets the group turn it into exit 0.
    """
    global _CONSOLE_CLASS
    if _CONSOLE_CLASS is None:
        from rich.console import Console

        class _Console(Console):
            def on_broken_pipe(self) -> None:
                self.quiet = True  # nothing more from this console
                raise BrokenPipeError(32, "Broken pipe")

        _CONSOLE_CLASS = _Console
    return _CONSOLE_CLASS


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def warn(message: str) -> None:
    """A one-line warning on stderr."""
    click.echo(f"Warning: {message}", err=True)


def read_id_args(ids: tuple[str, ...]) -> list[str]:
    """Expand '-' into identifiers read from stdin (one per line or whitespace-separated)."""
    out: list[str] = []
    for item in ids:
        if item == "-":
            for line in sys.stdin.read().splitlines():
                line = line.split("#", 1)[0]  # '# comment' lines and trailing comments
                out.extend(line.replace(",", " ").split())
        else:
            out.append(item)
    return out


def parse_id_args(texts: list[str]) -> tuple[list[Any], list[tuple[str, Any]]]:
    """Identifiers that parse (in order) and (text, InvalidInputError) for those that do not.

    `show` and `export` both go on with the valid ones and name each invalid one
    (``report_ids``); only when none is valid is the first error raised.
    """
    from litcli.errors import InvalidInputError
    from litcli.ids import parse_id

    parsed: list[Any] = []
    malformed: list[tuple[str, Any]] = []
    for text in texts:
        try:
            parsed.append(parse_id(text))
        except InvalidInputError as exc:
            malformed.append((text, exc))
    if malformed and not parsed:  # nothing valid: one error line
        first = malformed[0][1]
        if len(malformed) > 1:
            first.message += f" (and {len(malformed) - 1} more invalid)"
        raise first
    return parsed, malformed


def ids_from_args(identifiers: tuple[str, ...]) -> tuple[list[Any], list[tuple[str, Any]]]:
    """The identifiers of a command line ('-' reads stdin): (parsed, malformed); a usage error
    when there are none at all."""
    texts = read_id_args(identifiers)
    if not texts:
        raise click.UsageError("no identifiers given (stdin was empty)")
    return parse_id_args(texts)


class looking_up:  # noqa: N801 - used as a context manager: `with looking_up(offline):`
    """'Offline: ...' or a 'Looking up records…' spinner on a terminal's stderr while records are fetched."""

    def __init__(self, offline: bool) -> None:
        self.offline = offline
        self.status: Any = None

    def __enter__(self) -> looking_up:
        if self.offline:
            click.echo("Offline: answering from the local library only.", err=True)
            return self
        err = make_console(stderr=True)
        if err.is_terminal:
            self.status = err.status("Looking up records…")
            self.status.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.status is not None:
            self.status.stop()


def exit_for_ids(malformed: list[tuple[str, Any]], failures: list[tuple[Any, str]]) -> None:
    """Name malformed and unknown identifiers, then exit 2 or 3 when there were any."""
    from litcli.cli.errors import exit_with
    from litcli.errors import ExitCode

    report_ids(malformed, failures)
    if malformed:
        exit_with(ExitCode.USAGE)
    if failures:
        exit_with(ExitCode.NOT_FOUND)


def report_ids(malformed: list[tuple[str, Any]], failures: list[tuple[Any, str]]) -> None:
    """'Invalid: <reason>' and 'Not found: <ID> — <reason>' lines on stderr (show, export)."""
    from litcli.textsafe import one_line

    for _text, exc in malformed:
        click.echo(f"Invalid: {one_line(exc.message)}", err=True)
    for ident, reason in failures:
        click.echo(f"Not found: {one_line(str(ident))} — {one_line(reason)}", err=True)


def format_option(
    choices: list[str] = RECORD_FORMATS,
    *,
    default: str = "table",
    help: str = "Output format.",  # noqa: A002 - mirrors click's own keyword
) -> Callable[[F], F]:
    """The one `-f/--format` option of every record-printing command."""
    return click.option(
        "-f",
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        help=help,
    )


def mark_retracted_option(f: F) -> F:
    """`--mark-retracted/--no-mark-retracted` of `export` and `library export`: the
    retraction notice in the title; None (not given) is each format's default, from
    litcli.tables.FORMATS (the help text is built from it)."""
    from litcli.tables import FORMATS

    on = ", ".join(x.name for x in FORMATS if x.mark_retracted)
    off = ", ".join(x.name for x in FORMATS if x.mark_retracted is False)
    untitled = ", ".join(x.name for x in FORMATS if x.mark_retracted is None)
    return click.option(
        "--mark-retracted/--no-mark-retracted",
        "mark_retracted",
        default=None,
        help=(
            "Put the retraction notice into the title of retracted records "
            f"('[Retracted] Title', 'Title [Retraction in: ...]'). Default: on for {on}; "
            f"off for {off}; {untitled} keep their flags field only."
        ),
    )(f)


def warn_unmarkable(fmt: str, mark_retracted: bool | None) -> None:
    """`--mark-retracted` asked for a format without a title to mark: one warning."""
    from litcli import formats

    if mark_retracted and not formats.marks_retracted(fmt, mark_retracted):
        warn(f"--mark-retracted: {fmt} has no title to mark; its flags field says it")


# Formats that take iCite's metrics as columns / a ``metrics`` key (litcli.citetable,
# kept here so --help needs no import of it; tests/test_cli_metrics.py checks they agree).
METRIC_EXPORT_FORMATS = ("csv", "tsv", "json", "jsonl")


def metrics_option(f: F) -> F:
    """`--metrics` of `export` and `library export` (search, related and show have their own
    wording of the same option)."""
    return click.option(
        "--metrics",
        is_flag=True,
        help="Add NIH iCite citation metrics beside the flags (csv, tsv: columns after "
        "'flags'; json, jsonl: a 'metrics' object after 'flags').",
    )(f)


def check_metrics_format(fmt: str, allowed: tuple[str, ...] = METRIC_EXPORT_FORMATS) -> None:
    """--metrics with a format that has no place for them: a usage error (exit 2), before
    anything is fetched."""
    if fmt not in allowed:
        raise click.UsageError(
            f"--metrics adds columns to {', '.join(sorted(allowed))}; not to --format {fmt}"
        )


def timeout_option(f: F) -> F:
    """`--timeout SECONDS`: the overall time budget of each request to NCBI (retries and
    waits included) for this command; above LITCLI_TIMEOUT and the config file."""

    def _apply(ctx: click.Context, _param: click.Parameter, value: float | None) -> None:
        if value is not None:
            from litcli.config import reset_overrides, set_override

            token = set_override("timeout", value)
            ctx.call_on_close(lambda: reset_overrides(token))

    return click.option(
        "--timeout",
        type=click.FloatRange(0, 86_400, min_open=True),
        metavar="SECONDS",
        expose_value=False,
        callback=_apply,
        help="Give up on a request to NCBI after SECONDS in all, retries included "
        "(default 90 for a search, 300 for a fetch; then exit 4).",
    )(f)


def year_and_type_options(f: F) -> F:
    """`--since`, `--until` and `--type`, shared by `search` and `library search`."""
    f = click.option(
        "--type",
        "types",
        multiple=True,
        metavar="TYPE",
        help=f"Publication type (repeatable): {', '.join(TYPE_NAMES)}.",
    )(f)
    f = click.option("--until", type=int, metavar="YEAR", help="Published in or before YEAR.")(f)
    return click.option("--since", type=int, metavar="YEAR", help="Published in or after YEAR.")(f)
