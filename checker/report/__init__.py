"""The report: its model (findings, each document's result, the report) and one module per output format,
each only rendering a finished ``Report``."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Callable, TextIO

if TYPE_CHECKING:
    from .model import Report

FORMATS = ("rich", "json", "sarif", "junit", "github", "gitlab", "markdown", "html")
BOTH_LANGUAGES = "both"  # --lang both: English and Chinese side by side
BILINGUAL_FORMATS = ("html",)  # the formats that can show both
# The formats that quote the manifest's lines: how many lines before and after a finding's.
QUOTED_CONTEXT = {"rich": 0, "html": 2}


def renderer(name: str) -> Callable[[Report, TextIO, bool], None]:
    """The ``render(report, stream, color)`` function of a format, imported only when used."""
    return import_module(f"{__name__}.{name}_report").render
