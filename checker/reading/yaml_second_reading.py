"""Constructs libyaml reads differently from YAML, that one pass over its events cannot see.

Each is rare in real files, so a quick scan of the text looks for candidates first, and
only a file with one is parsed a second time (events only, no data built):

- ``?`` glued to the node after it inside ``[ ]`` or ``{ }``: YAML reads ``[?x]`` as the
  text ``"?x"``, libyaml as the mapping ``{x: null}``;
- a block text (``|``, ``>``) whose last line, ending the file with no line break, holds
  only spaces: libyaml may drop that line's break, which YAML keeps (``- |+`` then three
  spaces is ``"\\n"``, libyaml reads ``""``); it reads the same text right once the line
  has its break, so a third reading of these rare files tells when it matters;
- a ``#`` right after a closing quote, bracket, comma or block-text header: YAML allows a
  comment only after a space, libyaml takes ``"x"#note`` as a comment anyway.

``find_misreading`` returns ``(message, line, column)`` of the first one found, or ``None``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

import yaml

# ``?`` before a non-blank; it starts an entry when the character before it is one of these.
_QUESTION_MARK_BEFORE_TEXT = re.compile(r"\?(?=\S)")
_BEFORE_AN_ENTRY = frozenset(" \t\r\n[{,")
# Characters that can end a token other than a plain scalar, which a ``#`` may be glued to.
_TOKEN_ENDS = frozenset("\"']},|>+-0123456789")

Misreading = tuple[str, int, int]


def find_misreading(text: str, loader: Any) -> Misreading | None:
    glued_keys = {match.end() for match in _QUESTION_MARK_BEFORE_TEXT.finditer(text)
                  if match.start() == 0 or text[match.start() - 1] in _BEFORE_AN_ENTRY}
    hashes = _hashes_after_token_ends(text)
    ends_in_spaces = _ends_in_a_line_of_spaces(text)
    if not glued_keys and not hashes and not ends_in_spaces:
        return None
    parser = loader(text)
    try:
        events = _events(parser)
    finally:
        parser.dispose()
    return (_glued_key(events, glued_keys)
            or _glued_comment(text, events, hashes)
            or (_block_text_ending_in_spaces(text, events, loader) if ends_in_spaces else None))


def _hashes_after_token_ends(text: str) -> list[int]:
    """Where a ``#`` follows a possible token end (a search for ``#`` costs a tenth of a
    regular expression that starts with a character class)."""
    found, index = [], text.find("#")
    while index >= 0:
        if index and text[index - 1] in _TOKEN_ENDS:
            found.append(index)
        index = text.find("#", index + 1)
    return found


def _events(parser: Any) -> list[yaml.Event]:
    events = []
    while True:
        event = parser.get_event()
        if event is None or type(event) is yaml.StreamEndEvent:
            return events
        events.append(event)


def _glued_key(events: list[yaml.Event], candidates: set[int]) -> Misreading | None:
    if not candidates:
        return None
    flow_depth = 0
    for event in events:
        kind = type(event)
        if flow_depth and event.start_mark.index in candidates:
            return _glued_key_message(event)
        if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if flow_depth or event.flow_style:
                flow_depth += 1
        elif (kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent) and flow_depth:
            flow_depth -= 1
    return None


def _glued_key_message(event: yaml.Event) -> Misreading:
    value = event.value if type(event) is yaml.ScalarEvent and len(event.value) <= 40 else "x"
    return (f"'?{value}' inside [ ] or {{ }}: YAML reads it as the text '?{value}', this parser as the key "
            f"'{value}'; quote the text (\"?{value}\"), or put a space after '?' to mark a key",
            event.start_mark.line + 1, event.start_mark.column)


def _glued_comment(text: str, events: list[yaml.Event], hashes: list[int]) -> Misreading | None:
    """A ``#`` outside every node, with no other ``#`` between the node before it and itself
    (that one would start a comment holding this one), is a comment glued to that node."""
    if not hashes:
        return None
    spans = sorted(_span(text, event) for event in events)
    starts, reach, furthest = [start for start, _ in spans], [], 0
    for _, end in spans:
        furthest = max(furthest, end)
        reach.append(furthest)
    for index in hashes:
        before = bisect_right(starts, index) - 1
        covered_to = reach[before] if before >= 0 else 0
        if index >= covered_to and "#" not in text[covered_to:index]:
            line, column = _position(text, index)
            return ("a comment needs a space before its '#': YAML allows none right after a quote, bracket, "
                    "comma or block-text header, though this parser would read past it; put a space before '#'",
                    line, column)
    return None


def _span(text: str, event: yaml.Event) -> tuple[int, int]:
    """Where an event's own text is. A block text's starts after its header line, and a
    document's start is its ``---`` alone: both leave out text that may hold a comment."""
    start, end = event.start_mark.index, event.end_mark.index
    kind = type(event)
    if kind is yaml.DocumentStartEvent and event.explicit:
        start = end - 3
    elif kind is yaml.ScalarEvent and event.style in ("|", ">"):
        header_end = text.find("\n", start, end)
        start = header_end if header_end >= 0 else end
    return start, end


def _block_text_ending_in_spaces(text: str, events: list[yaml.Event], loader: Any) -> Misreading | None:
    """libyaml reads the block text as YAML does once the last line has its line break;
    where adding that break changes the text, libyaml's reading is in doubt (a third
    reading, only for such a file), except with ``|+`` when the last line is no deeper
    than the text: the break then adds a line YAML does not count, and libyaml was right."""
    scalars = [event for event in events if type(event) is yaml.ScalarEvent]
    last = scalars[-1] if scalars else None
    if last is None or last.style not in ("|", ">") or text[last.end_mark.index:].strip():
        return None
    parser = loader(text + "\n")
    try:
        ended = [event for event in _events(parser) if type(event) is yaml.ScalarEvent][-1]
    except yaml.YAMLError:
        return None
    finally:
        parser.dispose()
    start = last.start_mark.index
    keeps_breaks = "+" in text[start + 1:start + 3]  # the header's chomping indicator
    if ended.value == last.value or keeps_breaks and last.value.endswith("\n"):
        return None
    return ("the file ends in a line of spaces with no line break, inside the block text that starts on "
            f"line {last.start_mark.line + 1}; YAML parsers disagree on what that line adds to the text: delete "
            "the spaces, or end the line with a line break", text.count("\n") + 1, 1)


def _ends_in_a_line_of_spaces(text: str) -> bool:
    last_line = text[max(text.rfind("\n"), text.rfind("\r")) + 1:]
    return bool(last_line) and not last_line.strip(" \t")


def _position(text: str, index: int) -> tuple[int, int]:
    return text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)
