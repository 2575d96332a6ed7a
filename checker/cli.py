"""The ``hkai`` command: parse arguments and hand them to the subcommand's handler.

Each module of ``checker.commands`` is a subcommand: ``register(subparsers)`` adds its
parser and sets ``handler``, a function of the parsed arguments returning the exit code.
"""

from __future__ import annotations

import argparse
import pkgutil
from importlib import import_module

from . import __version__, commands


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hkai", description="Check film and TV production manifests against the Hong Kong AI code of conduct.")
    parser.add_argument("--version", action="version", version=f"hkai {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in sorted(info.name for info in pkgutil.iter_modules(commands.__path__)):
        import_module(f"{commands.__name__}.{module}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.handler(args)
