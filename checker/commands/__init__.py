"""The subcommands of ``hkai``: each module registers its parser and its handler."""

from __future__ import annotations

import argparse
import datetime
import os
import sys

from ..report.model import EXIT_ERROR

LANG_ENV = "HKAI_LANG"
LANGS = ("en", "zh")


def fail(message: str) -> int:
    """Report a problem that stops the command, the way every command does: exit 2."""
    print(f"hkai: error: {message}", file=sys.stderr)
    return EXIT_ERROR


def language(flag: str | None) -> str:
    """The report language: ``--lang``, else $HKAI_LANG, else English. ValueError for a
    $HKAI_LANG that is neither en nor zh (every command treats it the same way)."""
    value = flag or os.environ.get(LANG_ENV) or "en"
    if value not in LANGS:
        raise ValueError(f"${LANG_ENV} must be en or zh, not {value!r}")
    return value


def iso_date(value: str) -> str:
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return int(value)
