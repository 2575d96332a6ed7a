"""The lines of a document its findings point at, kept with its result for the reports that
quote them (the terminal report's ``--show-source``, the HTML report's quotes with a few
lines around): only those lines, and of a very long line only the part around the findings'
columns (or its start), so a result stays small however big its document."""

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


def source_lines(text: str | None, findings: Iterable[Finding], context: int = 0) -> dict[int, SourceLine]:
    """The lines of ``text`` that ``findings`` are located on, and ``context`` lines before
    and after each, by line number."""
    columns: dict[int, list[int]] = {}
    for finding in findings:
        if finding.line > 0:
            columns.setdefault(finding.line, []).append(max(finding.column, 1))
    if text is None or not columns:
        return {}
    wanted = sorted({number for line in columns for number in range(max(line - context, 1), line + context + 1)})
    lines = _split(text, wanted[-1])
    return {number: _kept(lines[number - 1], columns.get(number, [1])) for number in wanted if number <= len(lines)}


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
