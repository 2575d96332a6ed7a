"""Tables of checks: one check written once and repeated over rows of parameters.

A rule's ``check`` list may hold, besides checks, a table::

    - table:
        columns: [records, field, refers_to, message]
        rows:
          - [ai_uses, subjects, people, {en: "...", zh: "..."}]
          - [consents, person, people, {en: "...", zh: "..."}]
      check:
        for_each: {record: <records>, ref: record.<field>}
        require: {exists: {from: <refers_to>, as: target, where: {target.id: {equals: $ref}}}}
        message: <message>

Each row gives the check one value per column: in the check's keys and texts, ``<column>``
is replaced by the row's value. A text that is ``<column>`` alone becomes the value itself
(so a column can hold a whole message in both languages). This is substitution in data,
done when the pack loads: each row's check is then validated and compiled like any other,
except that a ``matches`` pattern with a column in a group of its own is checked for all
rows at once (``language.patterns``).
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from .compiler import RuleCompileError
from .patterns import PatternRows, RowPattern

_PARAMETER = re.compile(r"<([a-z_][a-z0-9_]*)>")


def written_checks(check: Any, where: str) -> Iterator[tuple[dict[str, Any], str]]:
    """Each check of a rule's ``check`` (one, or a list) with the JSON Pointer it is
    written at: a check as it is, and a table as one check per row (at that row)."""
    items = [(check, where)] if isinstance(check, dict) else [(item, f"{where}/{i}") for i, item in enumerate(check)]
    for item, item_where in items:
        if "table" in item:
            yield from expand(item, item_where)
        else:
            yield item, item_where


def expand(table: dict[str, Any], where: str) -> Iterator[tuple[dict[str, Any], str]]:
    columns, rows = table["table"]["columns"], table["table"]["rows"]
    patterns = _repeated_patterns(table["check"], columns, rows)
    for index, row in enumerate(rows):
        row_where = f"{where}/table/rows/{index}"
        if len(row) != len(columns):
            raise RuleCompileError(f"row {index + 1} of the table has {len(row)} values for its "
                                   f"{len(columns)} columns ({', '.join(columns)})", row_where)
        yield _substitute(table["check"], dict(zip(columns, row)), f"{where}/check", patterns), row_where


def _repeated_patterns(check: Any, columns: list[str], rows: list[list[Any]]) -> dict[str, PatternRows]:
    """Each ``matches`` pattern of the check that names a column, over every row."""
    texts = [{column: _text_or_none(value) for column, value in zip(columns, row)} for row in rows]
    return {template: PatternRows(template, texts) for template in _patterns(check)
            if _PARAMETER.search(template)}


def _patterns(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "matches" and isinstance(value, str):
                yield value
            else:
                yield from _patterns(value)
    elif isinstance(node, list):
        for item in node:
            yield from _patterns(item)


def _substitute(node: Any, values: dict[str, Any], where: str, patterns: dict[str, PatternRows]) -> Any:
    if isinstance(node, dict):
        return {_substitute(key, values, where, patterns): _row_value(key, value, values, f"{where}/{key}", patterns)
                for key, value in node.items()}
    if isinstance(node, list):
        return [_substitute(item, values, f"{where}/{i}", patterns) for i, item in enumerate(node)]
    if not isinstance(node, str):
        return node
    for name in _PARAMETER.findall(node):
        if name not in values:
            raise RuleCompileError(f"<{name}> is not a column of the table; its columns: {', '.join(values)}", where)
    whole = _PARAMETER.fullmatch(node)
    if whole:
        return values[whole.group(1)]
    return _PARAMETER.sub(lambda match: _text(values[match.group(1)], match.group(1), where), node)


def _row_value(key: Any, value: Any, values: dict[str, Any], where: str, patterns: dict[str, PatternRows]) -> Any:
    """The row's value of ``key: value``: a repeated pattern knows its other rows."""
    substituted = _substitute(value, values, where, patterns)
    if key == "matches" and isinstance(value, str) and value in patterns and isinstance(substituted, str):
        return RowPattern(substituted, patterns[value])
    return substituted


def _text_or_none(value: Any) -> str | None:
    return None if isinstance(value, bool) or not isinstance(value, (str, int, float)) else str(value)


def _text(value: Any, column: str, where: str) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise RuleCompileError(f"<{column}> is inside a text, but a row gives it {value!r}: only a word or a "
                               f"number fits in a text (a whole value, such as a message, stands alone)", where)
    return str(value)
