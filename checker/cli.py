"""The ``hkai`` command: parse arguments and hand them to the subcommand's handler.

Each module of ``checker.commands`` is a subcommand: ``register(subparsers)`` adds its
parser and sets ``handler``, a function of the parsed arguments returning the exit code.
Only the module of the command asked for is imported (all of them for ``--help``), so
that ``hkai check`` does not pay for loading the others.
"""

from __future__ import annotations

import argparse
import sys
from importlib import import_module

from . import __version__, commands

COMMANDS = ("check", "init", "rules", "schema")  # the modules of checker.commands (a test keeps this true)


def build_parser(names: list[str] | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hkai", description="Check film and TV production manifests against the Hong Kong AI code of conduct.")
    parser.add_argument("--version", action="version", version=f"hkai {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in names or COMMANDS:
        import_module(f"{commands.__name__}.{name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    first = next((argument for argument in argv if not argument.startswith("-")), None)
    names = [first] if first in COMMANDS and "-h" not in argv and "--help" not in argv else None
    args = build_parser(names).parse_args(argv)
    return args.handler(args)
