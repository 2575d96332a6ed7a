"""The lines of a document its findings point at, kept with its result for the terminal
report to quote (``--show-source``): only those lines, and of a very long line only the part
around the findings' columns, so a result stays small however big its document."""

from __future__ import annotations

import re
from typing import Iterable

from ..report.model import Finding, SourceLine

# What the YAML loader counts as a line break (PyYAML reads NEL, LS and PS as ones too), so
# that line N here is the loader's line N.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_RARE_BREAKS = "\r\x85\u2028\u2029"
# Characters kept on each side of a finding's column in a longer line: far more than a
# terminal shows, and a megabyte-long line is not carried to the report.
KEPT_AROUND_COLUMN = 500


def source_lines(text: str | None, findings: Iterable[Finding]) -> dict[int, SourceLine]:
    """The lines of ``text`` that ``findings`` are located on, by line number."""
    columns: dict[int, list[int]] = {}
    for finding in findings:
        if finding.line > 0:
            columns.setdefault(finding.line, []).append(max(finding.column, 1))
    if text is None or not columns:
        return {}
    last = max(columns)
    lines = _split(text, last)
    return {number: _kept(lines[number - 1], columns[number]) for number in sorted(columns)
            if number <= len(lines) and lines[number - 1].strip()}


def _split(text: str, count: int) -> list[str]:
    """The first ``count`` lines of ``text`` (splitting at LF alone, when that is the only
    break it has, is five times faster)."""
    if any(character in text for character in _RARE_BREAKS):
        return _LINE_BREAK.split(text, maxsplit=count)[:count]
    return text.split("\n", count)[:count]


def _kept(line: str, columns: list[int]) -> SourceLine:
    if len(line) <= 2 * KEPT_AROUND_COLUMN:
        return SourceLine(line)
    start = max(min(columns) - 1 - KEPT_AROUND_COLUMN, 0)
    end = min(max(columns) - 1 + KEPT_AROUND_COLUMN, len(line))
    return SourceLine(line[start:end], start, len(line))
