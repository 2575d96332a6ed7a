"""The ``hkai`` command: parse arguments, wire loader, pack, checker and reporter together."""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from pathlib import Path

from . import __version__
from .check import FAIL_ON, ManifestResult, check_file
from .discover import discover
from .loader import DEFAULT_MAX_BYTES, LoadError
from .pack import load_pack
from .reporters import FORMATS, renderer
from .run import EXIT_ERROR, Run

LANG_ENV = "HKAI_LANG"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hkai", description="Check film and TV production manifests against the Hong Kong AI code of conduct.")
    parser.add_argument("--version", action="version", version=f"hkai {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser("check", help="check manifests and report every finding",
                                description="Check manifests (files, or folders searched for manifest.yaml).")
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                       help="manifest files or folders (default: the current folder)")
    check.add_argument("--format", choices=FORMATS, default="rich", help="output format (default: rich)")
    check.add_argument("--lang", choices=("en", "zh"), default=None,
                       help=f"language of the report: en or zh (default: ${LANG_ENV}, else en)")
    check.add_argument("--fail-on", choices=FAIL_ON, default="error",
                       help="lowest unwaived severity that fails the run (default: error)")
    check.add_argument("--no-color", action="store_true", help="plain text without colours")
    check.add_argument("--today", type=_date, default=None, metavar="YYYY-MM-DD",
                       help="the date to check expiry against (default: today)")
    check.add_argument("--rules", type=Path, default=None, metavar="DIR",
                       help="use the rule pack in this folder instead of the built-in guideline pack")
    check.add_argument("--max-file-size", type=int, default=DEFAULT_MAX_BYTES, metavar="BYTES",
                       help=f"refuse manifests larger than this (default: {DEFAULT_MAX_BYTES})")
    return parser


def _date(value: str) -> str:
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    lang = args.lang or os.environ.get(LANG_ENV) or "en"
    if lang not in ("en", "zh"):
        parser.error(f"{LANG_ENV} must be en or zh, not {lang!r}")
    return run_check(args, lang)


def run_check(args: argparse.Namespace, lang: str) -> int:
    try:
        pack = load_pack(args.rules)
    except LoadError as error:
        print(f"hkai: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    today = args.today or datetime.date.today().isoformat()
    paths, problems = discover(args.paths)
    results = [check_file(path, pack, today, args.max_file_size) for path in paths]
    results += [ManifestResult(path=path, error=LoadError(path, problem)) for path, problem in problems]
    for result in results:
        if result.error is not None:
            print(f"hkai: error: {result.error}", file=sys.stderr)
    run = Run(results=results, pack=pack, fail_on=args.fail_on, lang=lang, today=today)
    color = not args.no_color and "NO_COLOR" not in os.environ
    renderer(args.format)(run, sys.stdout, color)
    return run.exit_code()
