"""The patterns a table repeats over its rows, checked together and compiled when needed.

A table may repeat a pattern with a column in a group of its own, one row per wording::

    matches: '(?i)(^|[^\\pL\\pN]|\\p{Han})(<wording>)($|[^\\pL\\pN]|\\p{Han})'

On RE2, each row's pattern costs a few milliseconds to compile, nearly all of it for the
character classes every row repeats, and a pack is compiled on every run. So the rows are
compiled together, once, as the *union* pattern: the same text with the group holding every
row's value as alternatives, ``(?:any role)|(?:whatsoever)|...``. This is exact:

- Checked when the pack loads: the union compiles only if the text around the group does,
  and each value is a pattern of its own (``(?:value)`` compiles alone), so every row
  compiles; RE2 confirms that the group is a real one (not escaped, quoted or in a class)
  by finding it by name. Otherwise each row is compiled, and refused, on its own as before.
- The same matches: a regular expression only grows when a group admits more, so a text the
  union does not match matches no row. Only when the union matches is a row's own pattern
  compiled (once) and run: a manifest whose texts have none of the wordings never pays for it.
"""

from __future__ import annotations

import re
from typing import Any

_SLOT = re.compile(r"\(<([a-z_][a-z0-9_]*)>\)")  # a column alone in a group: (<wording>)
_PARAMETER = re.compile(r"<[a-z_][a-z0-9_]*>")
_GROUP_NAME = "hkai_rows"  # the union's groups are named this and a number, to be found again
_NOT_YET = object()


def re2_options() -> Any:
    import re2  # only packs with patterns pay for loading it

    options = re2.Options()
    options.log_errors = False  # the error is reported by the caller, located, not logged by the engine
    return options


class PatternRows:
    """A pattern a table repeats: its ``template`` (with ``<column>`` slots) and the
    values of every row (a mapping of column to text; None for a value that is no text)."""

    def __init__(self, template: str, rows: list[dict[str, str | None]]):
        self.template, self.rows = template, rows
        self._union: Any = _NOT_YET
        self._last: tuple[str, bool] | None = None

    def union(self) -> Any:
        """The compiled union of the rows, or None when the rows must be compiled one by one."""
        if self._union is _NOT_YET:
            self._union = self._compile_union()
        return self._union

    def found(self, text: str) -> bool:
        """Whether the union matches ``text`` (each row asks in turn: the last answer is kept)."""
        if self._last is None or self._last[0] != text:
            self._last = (text, self._union.search(text) is not None)
        return self._last[1]

    def _compile_union(self) -> Any:
        import re2

        names: list[str] = []

        def alternatives(slot: re.Match) -> str:
            names.append(f"{_GROUP_NAME}{len(names)}")
            return f"(?P<{names[-1]}>{'|'.join(f'(?:{row[slot.group(1)]})' for row in self.rows)})"

        if _PARAMETER.search(_SLOT.sub("", self.template)) or _GROUP_NAME in self.template or any(
                value is None or _GROUP_NAME in value or not _compiles(f"(?:{value})")
                for row in self.rows for value in row.values()):
            return None
        try:
            union = re2.compile(_SLOT.sub(alternatives, self.template), re2_options())
        except re2.error:
            return None
        return union if set(names) <= set(union.groupindex) else None


class RowPattern(str):
    """One row's pattern (its text, ``<column>`` replaced), knowing the others (``rows``)."""

    rows: PatternRows

    def __new__(cls, text: str, rows: PatternRows) -> RowPattern:
        pattern = super().__new__(cls, text)
        pattern.rows = rows
        return pattern


class RowMatcher:
    """A row's pattern, vouched for by its table's union: compiled the first time the union
    matches a text, and run only then."""

    def __init__(self, pattern: RowPattern):
        self.pattern, self._rows, self._compiled = str(pattern), pattern.rows, None

    def search(self, text: str) -> Any:
        if not self._rows.found(text):
            return None
        if self._compiled is None:
            import re2

            self._compiled = re2.compile(self.pattern, re2_options())
        return self._compiled.search(text)


def _compiles(pattern: str) -> bool:
    import re2

    try:
        re2.compile(pattern, re2_options())
    except re2.error:
        return False
    return True
