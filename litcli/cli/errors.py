"""The one place where exceptions become messages and exit codes."""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Any, NoReturn

import click

from litcli.errors import ExitCode, LitcliError


def debug_enabled() -> bool:
    return os.environ.get("LITCLI_DEBUG", "").strip() not in ("", "0", "false", "no")


def _clean(text: str) -> str:
    """One line, no control characters (messages may quote untrusted text)."""
    text = " ".join(str(text).split())
    return "".join(ch for ch in text if ch.isprintable())


def error_message(exc: LitcliError) -> str:
    """'Error: <problem>. <fix>' on one line."""
    msg = _clean(exc.message)
    if exc.hint:
        hint = _clean(exc.hint)
        msg = f"{msg.rstrip('.')}. {hint[:1].upper()}{hint[1:]}"
    return f"Error: {msg}"


# click >= 8.2 shows a group's help through this UsageError subclass (8.1: ctx.exit()).
_HELP_ERRORS: tuple[type[click.ClickException], ...] = tuple(
    e for e in [getattr(click.exceptions, "NoArgsIsHelpError", None)] if e is not None
)


def usage_message(exc: click.UsageError) -> str:
    """Click's usage error as one line: 'Error: <problem>. See: litcli CMD --help'."""
    msg = _clean(exc.format_message())
    if exc.ctx is not None:
        msg = f"{msg.rstrip('.')}. See: {exc.ctx.command_path} --help"
    return f"Error: {msg}"


class MappedError(click.ClickException):
    """A LitcliError carried through Click, so that Click's own standalone mode
    (and CliRunner in tests) prints the same one-line message and exit code."""

    def __init__(self, exc: LitcliError) -> None:
        super().__init__(exc.message)
        self.original = exc
        self.exit_code = int(exc.exit_code)  # type: ignore[misc]

    def show(self, file: object = None) -> None:
        click.echo(error_message(self.original), err=True)


class _Terminated(BaseException):
    """Raised in the main thread on SIGTERM, so that every `with` and `finally` runs
    (library transactions roll back, temporary output files are removed)."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise _Terminated


def _utf8_streams() -> None:
    """Data is UTF-8 whatever the locale says (docs/FORMATS.md): a stdout set up as ASCII or
    cp1252 would otherwise fail half-way through an export on the first accented name.
    Messages on stderr never fail on a character either."""
    out = sys.stdout
    encoding = (getattr(out, "encoding", None) or "").lower().replace("-", "")
    if encoding not in ("utf8", "utf_8") and hasattr(out, "reconfigure"):
        with contextlib.suppress(Exception):
            out.reconfigure(encoding="utf-8")
    if hasattr(sys.stderr, "reconfigure"):
        with contextlib.suppress(Exception):
            sys.stderr.reconfigure(errors="backslashreplace")


# A command's large results kept alive until the process ends (``keep_until_exit``), when
# it ends through ``litcli.cli.main`` (``os._exit``, no teardown): freeing 2,500 records one
# by one as the command returns costs ~0.015 s for nothing.  None: the command runs in a
# process that goes on (``run_main`` in tests, embedding): nothing is kept.
_KEPT: list[Any] | None = None


def start_keeping() -> None:
    """The process ends when the command is done (``litcli.cli.main``)."""
    global _KEPT
    _KEPT = []


def keep_until_exit(obj: Any) -> None:
    """Keep ``obj`` alive until the process ends, when it ends through ``litcli.cli.main``
    (which never frees it); otherwise do nothing."""
    if _KEPT is not None:
        _KEPT.append(obj)


def run_main(group: click.Group, argv: list[str] | None = None) -> NoReturn:
    """Run the Click group and map every expected failure to an exit code."""
    import signal
    import threading

    _utf8_streams()
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        code = _run(group, argv)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    sys.exit(code)


def _run(group: click.Group, argv: list[str] | None) -> int:
    try:
        rv = group.main(args=argv, prog_name="litcli", standalone_mode=False)
        code = rv if isinstance(rv, int) else 0
    except _Terminated:
        click.echo("Terminated; nothing half-written was left behind.", err=True)
        code = ExitCode.TERMINATED
    except click.exceptions.Abort as exc:
        # Click turns Ctrl-C into Abort (after printing a newline)
        interrupted = isinstance(exc.__context__, KeyboardInterrupt)
        click.echo("Interrupted." if interrupted else "Aborted.", err=True)
        code = ExitCode.INTERRUPTED
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        code = ExitCode.INTERRUPTED
    except _HELP_ERRORS as exc:  # bare `litcli library`: the help
        exc.show()
        code = exc.exit_code
    except click.UsageError as exc:  # bad option or argument: one line, like every error
        click.echo(usage_message(exc), err=True)
        code = exc.exit_code
    except click.ClickException as exc:
        exc.show()
        code = exc.exit_code
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except LitcliError as exc:
        _debug_traceback()
        click.echo(error_message(exc), err=True)
        code = exc.exit_code
    except BrokenPipeError:
        # `litcli search ... | head`: the reader went away; not an error.
        _silence_stdout()
        code = ExitCode.OK
    except OSError as exc:  # e.g. writing to a full disk or a closed device
        _debug_traceback()
        what = _clean(exc.strerror or str(exc))
        where = f": {_clean(str(exc.filename))}" if exc.filename else ""
        click.echo(f"Error: operating system error: {what}{where}", err=True)
        code = ExitCode.ERROR
    except Exception as exc:  # a bug: one line (after the traceback when debugging)
        _debug_traceback()
        click.echo(
            f"Error: unexpected {type(exc).__name__}: {_clean(str(exc))} "
            "(a bug in litcli; run again with LITCLI_DEBUG=1 for a traceback)",
            err=True,
        )
        code = ExitCode.ERROR
    return int(code)


def _debug_traceback() -> None:
    """With LITCLI_DEBUG=1: the traceback of the exception being handled, on stderr.  The
    one-line error and the documented exit code follow as without it (a traceback must
    not turn exit 5 into the interpreter's exit 1)."""
    if debug_enabled():
        import traceback

        traceback.print_exc(file=sys.stderr)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def reader_gone() -> NoReturn:
    """stdout's reader closed the pipe (`litcli ... | head`): stop quietly with exit 0.

    Raised from inside Click, which would otherwise turn EPIPE into exit 1.
    """
    _silence_stdout()
    raise click.exceptions.Exit(int(ExitCode.OK))


def exit_with(code: int) -> NoReturn:
    """Leave a command with a specific exit code (used after partial success)."""
    raise click.exceptions.Exit(int(code))
