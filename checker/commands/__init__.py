"""The subcommands of ``hkai``: each module registers its parser and its handler."""

from __future__ import annotations

import argparse
import datetime
import os
import sys

from ..report.run import EXIT_ERROR
from ..text import DEFAULT, LANGUAGES

LANG_ENV = "HKAI_LANG"
LANGS = LANGUAGES  # the name commands/init.py still imports


def fail(message: str) -> int:
    """Report a problem that stops the command, the way every command does: exit 2."""
    print(f"hkai: error: {message}", file=sys.stderr)
    return EXIT_ERROR


def language(flag: str | None) -> str:
    """The report language: ``--lang``, else $HKAI_LANG, else the default (English)."""
    return flag or env_language() or DEFAULT


def env_language() -> str | None:
    """$HKAI_LANG when it is set. ValueError when it names no language of the table
    (every command treats it the same way)."""
    value = os.environ.get(LANG_ENV)
    if value and value not in LANGUAGES:
        raise ValueError(f"${LANG_ENV} must be {' or '.join(LANGUAGES)}, not {value!r}")
    return value or None


def iso_date(value: str) -> str:
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return int(value)
