"""The ``hkai`` command: parse arguments and hand them to the subcommand's handler.

Each module of ``checker.commands`` is a subcommand: ``register(subparsers)`` adds its
parser and sets ``handler``, a function of the parsed arguments returning the exit code.
Only the module of the command asked for is imported (all of them for ``--help``, none for
``--version``), so that ``hkai check`` does not pay for loading the others.
"""

from __future__ import annotations

import argparse
import os
import sys
from importlib import import_module
from typing import Any, NoReturn

from . import __version__

# Only the standard library is loaded before ``main`` can catch Ctrl-C: the program's own
# modules are imported inside it, so an interrupt while they load is one line too.
INTERRUPTED = 130  # the shell's status for a command ended by Ctrl-C (128 + SIGINT)
PIPE_CLOSED = 141  # the shell's status for a command ended by a closed pipe (128 + SIGPIPE), as `yes | head -1`

COMMANDS = ("check", "init", "rules", "schema")  # the modules of checker.commands (a test keeps this true)


class _Parser(argparse.ArgumentParser):
    """argparse, whose usage errors quote the command line visibly: an argument it does
    not know is shown as written, and may hold control characters. Abbreviated long options
    are refused (``--fail`` for ``--fail-on``), so a flag added later never changes what a
    script's abbreviation meant; subcommands' parsers are of this class too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, allow_abbrev=False, **kwargs)

    def error(self, message: str) -> NoReturn:
        from .report.safe_text import visible

        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {visible(message)}\n")


def build_parser(names: list[str] | None = None) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="hkai", description="Check film and TV production manifests against the Hong Kong AI code of conduct.")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS if names is None else names:
        import_module(f"{__package__}.commands.{name}").register(subparsers)
    _add_version(parser)
    return parser


def _add_version(parser: argparse.ArgumentParser) -> None:
    """``--version`` on the command and on every subcommand (``hkai check --version``)."""
    parser.add_argument("--version", action="version", version=f"hkai {__version__}")
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for subparser in dict.fromkeys(action.choices.values()):  # an alias maps to its parser again
                _add_version(subparser)


def main(argv: list[str] | None = None) -> int:
    """Run the command; a full disk on standard output and Ctrl-C end it with one line on
    standard error, never a traceback. A pipe closed by its reader (``| head -1``) ends it
    quietly with status 141, as it ends other Unix tools."""
    try:
        return _run(argv)
    except KeyboardInterrupt:
        print("hkai: interrupted", file=sys.stderr)
        return INTERRUPTED
    except _PipeClosed:
        return PIPE_CLOSED


def _run(argv: list[str] | None) -> int:
    stdout = sys.stdout
    sys.stdout = _StandardOutput(stdout)
    try:
        code = _command(argv)
        sys.stdout.flush()  # a full disk shows here, while it can still be reported, not at exit
        return code
    except Exception as error:
        if not _is_output_error(error):
            raise
        from .commands import fail

        return fail(str(error))
    finally:
        sys.stdout = stdout


def _is_output_error(error: Exception) -> bool:
    """Whether ``error`` is an ``OutputError``, without importing its module for commands
    that never loaded it (``--version``): an error of a class not yet loaded is not one."""
    module = sys.modules.get(f"{__package__}.report.output_file")
    return module is not None and isinstance(error, module.OutputError)


def _command(argv: list[str] | None) -> Any:
    argv = sys.argv[1:] if argv is None else argv
    if not argv:  # a bare `hkai`: what it can do, on standard error since the call is a usage error
        build_parser().print_help(sys.stderr)
        return 2
    first = next((argument for argument in argv if not argument.startswith("-")), None)
    asks_help = "-h" in argv or "--help" in argv
    names = [first] if first in COMMANDS and not asks_help else None
    if first is None and "--version" in argv and not asks_help:
        names = []  # the version needs no command
    try:
        args = build_parser(names).parse_args(argv)
    except SystemExit as stop:  # --help, --version, or a usage error already printed
        return stop.code
    return args.handler(args)


class _PipeClosed(Exception):
    """Standard output is a pipe whose reader has gone: nothing more is wanted."""


class _StandardOutput:
    """Standard output whose write failures are an ``OutputError`` naming it, or, for a
    pipe whose reader has gone, ``_PipeClosed`` (not an ``OutputError``: no command reports it)."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as error:
            raise self._failed(error) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as error:
            raise self._failed(error) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

    def _failed(self, error: OSError) -> Exception:
        """Point standard output at the null device, so the text it could not write is not
        tried again, and reported again, later or when Python exits."""
        try:
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, self._stream.fileno())
            os.close(null)
        except (OSError, ValueError):
            pass  # not a real file (a test's capture): nothing is retried
        if isinstance(error, BrokenPipeError):
            return _PipeClosed()
        from .report.output_file import OutputError

        return OutputError(f"cannot write standard output: {error.strerror or error}")
