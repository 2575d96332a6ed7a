"""The subcommands of ``hkai``: each module registers its parser and its handler."""

from __future__ import annotations

import argparse
import datetime
import os
import sys

from ..report.model import EXIT_ERROR
from ..report.safe_text import visible
from ..text import DEFAULT, environment_language


def fail(message: str) -> int:
    """Report a problem that stops the command, the way every command does: exit 2."""
    print_error(message)
    return EXIT_ERROR


def print_error(message: object) -> None:
    """One line on standard error. The message may quote file names, keys or texts from
    outside: no control or invisible character in them reaches the terminal as itself."""
    print(f"hkai: error: {visible(message)}", file=sys.stderr)


def language(flag: str | None) -> str:
    """The report language: ``--lang``, else $HKAI_LANG, else the default (English)."""
    return flag or environment_language(os.environ) or DEFAULT


def iso_date(value: str) -> str:
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return int(value)
