"""Constructs libyaml reads differently from YAML, that one pass over its events cannot see.

Each is rare in real files, so a quick scan of the text looks for candidates first, and
only a file with one is parsed a second time (events only, no data built, constant memory):

- ``?`` glued to the node after it inside ``[ ]`` or ``{ }``: YAML reads ``[?x]`` as the
  text ``"?x"``, libyaml as the mapping ``{x: null}``;
- a ``#`` right after a closing quote, bracket, comma or block-text header: YAML allows a
  comment only after a space, libyaml takes ``"x"#note`` as a comment anyway;
- a block text (``|``, ``>``) whose last line, ending the file with no line break, holds
  only spaces: libyaml may drop that line's break, which YAML keeps (``- |+`` then three
  spaces is ``"\\n"``, libyaml reads ``""``); it reads the same text right once the line
  has its break, so a third reading of these rare files tells when it matters.

``find_misreading`` returns ``(message, line, column)`` of the first one found, or ``None``.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

import yaml

from .positions import text_position

# A ``?`` at the start of an entry, before a non-blank. Each pattern starts with its literal
# character so that the scan runs at the speed of a plain search (about 10 ms for 16 MB).
_GLUED_QUESTION_MARK = re.compile(r"\?(?<=[\s\[{,]\?)(?=\S)")
_BEFORE_AN_ENTRY = frozenset(" \t\r\n[{,")
# A ``#`` after a character that can end a token other than a plain scalar: a bracket, a
# comma, a block-text header, or a quote that closes a text (one after a blank, ``[``, ``{``,
# ``,`` or ``:`` opens one, as in the common ``- '#tag'``, and is no candidate).
_HASH_AFTER_TOKEN_END = re.compile(r"#(?:(?<=[\]},|>+\-0-9]#)|(?<=[^\s\[{,:][\"']#))")

Misreading = tuple[str, int, int]


def might_be_misread(text: str) -> bool:
    """Whether ``text`` holds a candidate for any misreading (a plain search; most files hold none)."""
    return (_GLUED_QUESTION_MARK.search(text) is not None or _HASH_AFTER_TOKEN_END.search(text) is not None
            or _ends_in_a_line_of_spaces(text))


def find_misreading(text: str, loader: Any) -> Misreading | None:
    glued_keys = _GLUED_QUESTION_MARK.search(text) is not None
    glued_comments = _HASH_AFTER_TOKEN_END.search(text) is not None
    ends_in_spaces = _ends_in_a_line_of_spaces(text)
    if not (glued_keys or glued_comments or ends_in_spaces):
        return None
    parser = loader(text)
    try:
        comments = _GluedComments(text) if glued_comments else None
        flow_depth, last_scalar = 0, None
        for event in _events(parser):
            kind = type(event)
            if flow_depth and glued_keys and _glued_to_a_question_mark(text, event.start_mark.index):
                return _glued_key_message(event)
            if comments is not None and (found := comments.after(_span(text, event))):
                return found
            if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if flow_depth or event.flow_style:
                    flow_depth += 1
            elif (kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent) and flow_depth:
                flow_depth -= 1
            elif kind is yaml.ScalarEvent:
                last_scalar = event
    finally:
        parser.dispose()
    if comments is not None and (found := comments.after((len(text) + 1, len(text)))):
        return found
    if ends_in_spaces and last_scalar is not None:
        return _block_text_ending_in_spaces(text, last_scalar, loader)
    return None


def _events(parser: Any) -> Iterator[yaml.Event]:
    while True:
        event = parser.get_event()
        if event is None or type(event) is yaml.StreamEndEvent:
            return
        yield event


def _glued_to_a_question_mark(text: str, index: int) -> bool:
    return index > 0 and text[index - 1] == "?" and (index == 1 or text[index - 2] in _BEFORE_AN_ENTRY)


def _glued_key_message(event: yaml.Event) -> Misreading:
    value = event.value if type(event) is yaml.ScalarEvent and len(event.value) <= 40 else "x"
    return (f"'?{value}' inside [ ] or {{ }}: YAML reads it as the text '?{value}', this parser as the key "
            f"'{value}'; quote the text (\"?{value}\"), or put a space after '?' to mark a key",
            event.start_mark.line + 1, event.start_mark.column)


class _GluedComments:
    """Walks the candidate ``#`` characters along the events, in the order of the text.

    A candidate inside a node's text is part of it. One outside every node is a comment
    glued to the token before it, unless a ``#`` earlier on its line (and after the last
    node) already started a comment that holds it. Every step moves past a node or a line,
    so the walk is linear however many candidates the text holds.
    """

    def __init__(self, text: str):
        self.text = text
        self.covered_to = 0  # the end of the furthest node seen so far
        self.candidate = self.next_candidate(0)

    def next_candidate(self, start: int) -> int | None:
        match = _HASH_AFTER_TOKEN_END.search(self.text, start)
        return match.start() if match else None

    def after(self, span: tuple[int, int]) -> Misreading | None:
        """Judge the candidates before the node at ``span``, then count the node as seen."""
        start, end = span
        text = self.text
        while self.candidate is not None and self.candidate < start:
            index, covered_to = self.candidate, self.covered_to
            if index < covered_to:
                self.candidate = self.next_candidate(covered_to)
                continue
            line_start = max(covered_to, text.rfind("\n", covered_to, index) + 1)
            if text.find("#", line_start, index) < 0:
                return ("a comment needs a space before its '#': YAML allows none right after a quote, bracket, "
                        "comma or block-text header, though this parser would read past it; put a space before "
                        "'#'", *text_position(text, index))
            line_end = text.find("\n", index)
            self.candidate = self.next_candidate(line_end) if line_end >= 0 else None
        self.covered_to = max(self.covered_to, end)
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


def _block_text_ending_in_spaces(text: str, last: yaml.ScalarEvent, loader: Any) -> Misreading | None:
    """libyaml reads the block text as YAML does once the last line has its line break;
    where adding that break changes the text, libyaml's reading is in doubt (a third
    reading, only for such a file), except with ``|+`` when the last line is no deeper
    than the text: the break then adds a line YAML does not count, and libyaml was right."""
    if last.style not in ("|", ">") or text[last.end_mark.index:].strip():
        return None
    parser = loader(text + "\n")
    try:
        ended = None
        for event in _events(parser):
            if type(event) is yaml.ScalarEvent:
                ended = event
    except yaml.YAMLError:
        return None
    finally:
        parser.dispose()
    if ended is None:
        return None
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
