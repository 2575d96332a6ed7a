"""The comments of a starter put in place: each ``#@key`` marker of the rendered template
becomes the comment ``key``. A marker alone on its line is a block comment at the line's
indent; a marker after a value puts the comment beside the value from ``COMMENT_COLUMN``,
or above the value when the line would be longer than ``MAX_LINE``. Long comment lines are
wrapped; Chinese characters take two columns.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata

COMMENT_COLUMN = 34  # where comments beside values start
MAX_LINE = 100
MARKER = re.compile(r"#@([\w.]+)$")


def place_comments(text: str, comments: dict[str, str]) -> str:
    """``text`` with its markers replaced by ``comments`` and trailing blanks removed."""
    lines = []
    for line in text.splitlines():
        marker = MARKER.search(line)
        if not marker:
            lines.append(line.rstrip())
            continue
        code, comment = line[: marker.start()].rstrip(), comments[marker.group(1)]
        beside = f"{code.ljust(max(COMMENT_COLUMN, len(code) + 2))}# {comment}"
        if code and _width(beside) <= MAX_LINE:
            lines.append(beside.rstrip())
        else:  # alone on its line, or too long to sit beside the value: above it
            lines.extend(_comment_lines(line[: len(line) - len(line.lstrip())], comment))
            if code:
                lines.append(code)
    return "\n".join(lines) + "\n"


def _comment_lines(indent: str, text: str) -> list[str]:
    """``text`` as comment lines at ``indent``, long lines wrapped (lists of values after a ``|``)."""
    width = MAX_LINE - len(indent) - 2
    lines = []
    for part in text.splitlines():
        if _width(part) <= width:
            pieces = [part]
        elif " | " in part:
            pieces = [""]
            for token in part.split(" | "):
                joined = f"{pieces[-1]} | {token}" if pieces[-1] else token
                if pieces[-1] and _width(joined) > width - 2:
                    pieces[-1] += " |"
                    pieces.append(token)
                else:
                    pieces[-1] = joined
        else:
            pieces = textwrap.wrap(part, width=width, break_on_hyphens=False, break_long_words=False,
                                   subsequent_indent="  " if part.startswith("- ") else "")
        lines.extend(f"{indent}# {piece}".rstrip() for piece in pieces)
    return lines


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
