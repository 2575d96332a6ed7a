"""Manifests read fast: the data by yaml-rs, a node's position only when something asks for it.

The reference loader (``yaml_loader``) builds the data in Python from libyaml's events and
records the position of every node: most of the time of a big manifest goes there, though a
report needs the positions of a few dozen nodes. Here yaml-rs (a YAML 1.2 parser in Rust)
builds the data, and ``locate`` finds a node's position afterwards, in the text.

The fast path only answers for files it can vouch for; every other file, and every error, goes
to the reference loader, so what is accepted, how it reads and every message stay the
reference's. Vouching takes two looks:

- before parsing, a scan of the text for anything the two parsers may read differently or
  that the reference refuses or must check: tags, anchors, aliases, explicit keys,
  directives, document markers, merge keys, tabs, line breaks other than LF and CR LF,
  characters YAML does not allow, numbers in forms YAML 1.2's core schema reads as text
  (``0x``, ``0b``, ``1_000``), integers too long to use, and the candidates of libyaml's
  misreadings (``yaml_second_reading``). A false alarm only costs time;
- after parsing, a walk of the data: every key is text (the reference keeps keys as written),
  every text yaml-rs read is one the core schema reads as text too (``"12"`` may have been
  quoted or not: the reference is asked), no lone ``-``, and nesting and node count within
  the reference's limits.

Positions: ``locate`` walks the pointer down the text's block structure (entries of block
mappings and sequences found by their indentation, and counted against the data), to the
smallest block of lines holding the node, and reads only that block with the reference
loader. That block's data must equal the node's, or the whole file is read by the reference
loader for the answer: a position is always the reference's.

Only files of at least ``FAST_PATH_MIN_CHARACTERS`` take the fast path: importing yaml-rs
costs about 10 ms, more than it saves on a smaller file (a typical manifest is 5 to 30 KB).
Where yaml-rs has no wheel (ImportError), every file takes the reference loader.
``HKAI_YAML_FAST_PATH=off`` in the environment does the same, and ``always`` takes the fast
path whatever the size: both are for the tests that compare the two.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import Any

from .yaml_loader import (DEFAULT_MAX_BYTES, DEFAULT_MAX_NODES, MAX_DEPTH, MAX_INTEGER_DIGITS, Document, LoadError,
                          escape_pointer_token, load_text, read_text, unescape_pointer_token)
from .yaml_second_reading import might_be_misread

FAST_PATH_ENV = "HKAI_YAML_FAST_PATH"
FAST_PATH_MIN_CHARACTERS = 128_000  # about 160 AI uses

# What the scan looks for (each a plain search, so that it costs little beside the parse).
_UNVOUCHED_TEXTS = ("<<", "\t", "\r", "\n---", "\n...")  # merge keys, tabs, a CR alone, document markers
# Bytes of UTF-8 that YAML allows (line feed, printable ASCII, every non-ASCII byte; the
# non-ASCII characters YAML does not allow, or reads as line breaks, are searched for apart).
_ALLOWED_BYTES = b"\n" + bytes(range(0x20, 0x7F)) + bytes(range(0x80, 0x100))
_UNVOUCHED_SEQUENCES = tuple(character.encode() for character in "\u2028\u2029\ufeff\ufffe\uffff")
_C1_CONTROL = re.compile(rb"\xc2[\x80-\x9f]")  # U+0080 to U+009F, the NEL line break among them
# Where a node may start: the start of the text, or after a blank, a flow indicator, ``:``, ``?`` or ``-``.
_NODE_START = r"(?<![^\s\[\]{},:?-]%s)"
_UNVOUCHED_PATTERNS = (
    # tags, anchors, aliases, explicit keys, directives, reserved indicators; a ':' where a
    # node starts (``[:x]``, a line that starts with ':'), which libyaml refuses and yaml-rs not
    *(re.compile(re.escape(indicator) + _NODE_START % ".") for indicator in "!&*?%@`:"),
    # a ':' glued to a quoted key (``{"a":b}``) or to the ',' or bracket after it (``{a:, b}``),
    # both YAML, which libyaml refuses and yaml-rs reads
    re.compile(r":(?:(?<=[\"']:)(?=\S)|(?=[,\[\]{}]))"),
    re.compile(r"0[bBoOxX](?<![^\s\[\]{},:?+-]..)"),  # numbers in bases the core schema reads as text
    re.compile(r"_(?<![^\s\[\]{},:?+.0-9-]_)|_(?<=[0-9.][eE]_)"),  # numbers with underscores (1_000, _1)
    re.compile(r"0[0-9]{%d}" % MAX_INTEGER_DIGITS),  # integers too long, written with leading zeros
)
# yaml-rs reads an integer of more digits than the reference allows: the walk refuses it.
_TOO_LONG = 10 ** MAX_INTEGER_DIGITS


def _cannot_vouch(text: str) -> bool:
    """Whether the text holds anything the fast path leaves to the reference loader."""
    if text.startswith(("---", "...")) or any(mark in text for mark in _UNVOUCHED_TEXTS):
        return True
    encoded = text.encode("utf-8")
    if encoded.translate(None, _ALLOWED_BYTES) or any(sequence in encoded for sequence in _UNVOUCHED_SEQUENCES):
        return True
    return _C1_CONTROL.search(encoded) is not None or any(pattern.search(text) for pattern in _UNVOUCHED_PATTERNS)


def load_manifest(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES, max_nodes: int = DEFAULT_MAX_NODES) -> Document:
    """A manifest file as a Document: by the fast path when it can vouch for the file."""
    name = str(path)
    return load_manifest_text(read_text(path, max_bytes), name, max_nodes)


def load_manifest_text(text: str, name: str = "<string>", max_nodes: int = DEFAULT_MAX_NODES) -> Document:
    document = _fast_document(text, name, max_nodes) if _worth_it(text) else None
    return document if document is not None else load_text(text, name, max_nodes)


def _worth_it(text: str) -> bool:
    setting = os.environ.get(FAST_PATH_ENV)
    return setting != "off" and (setting == "always" or len(text) >= FAST_PATH_MIN_CHARACTERS)


@lru_cache(maxsize=1)
def fast_parser() -> Any:
    """yaml-rs, imported when a file first needs it; None where it cannot be imported."""
    try:
        import yaml_rs
    except ImportError:  # no wheel for this platform: the reference loader reads everything
        return None
    return yaml_rs


def _fast_document(text: str, name: str, max_nodes: int) -> Document | None:
    yaml_rs = fast_parser()
    if yaml_rs is None:
        return None
    written = text
    if "\r\n" in text:  # libyaml reads a CR LF as it reads an LF: every value, every position (tested)
        text = text.replace("\r\n", "\n")
    if _cannot_vouch(text) or might_be_misread(text):
        return None
    try:
        data = yaml_rs.loads(text, parse_datetime=False)
    except (yaml_rs.YAMLDecodeError, ValueError, RecursionError):
        return None  # the reference loader gives the located error
    if not isinstance(data, (dict, list)) or not _reads_as_reference(data, max_nodes):
        return None
    return LazyDocument(name, data, text, max_nodes, written)


def _reads_as_reference(data: dict | list, max_nodes: int) -> bool:
    """Whether the reference loader would build the same data (within its limits) from a
    text the scan let through: keys are text as written (yaml-rs types ``1:`` or ``true:``),
    no lone ``-`` (the reference refuses one inside ``[ ]`` or ``{ }``). A text yaml-rs
    read is text for the reference too: yaml-rs reads as numbers, booleans and nulls all
    the plain scalars YAML 1.2's core schema does (``"5.2"`` was quoted), and more, which
    the scan leaves out (measured: tests/test_yaml_fast_path.py)."""
    nodes = 0
    pending: list[tuple[Any, int]] = [(data, 1)]
    while pending:
        node, depth = pending.pop()
        if depth > MAX_DEPTH:
            return False
        if type(node) is dict:
            nodes += 1 + len(node)
            values = node.values()
            if "-" in node or not all(map(isinstance, node, repeat(str))):
                return False
        else:
            nodes += 1
            values = node
        for value in values:
            kind = type(value)
            if kind is str:
                nodes += 1
                if value == "-":
                    return False
            elif kind is dict or kind is list:
                pending.append((value, depth + 1))
            elif kind is int:
                nodes += 1
                if not -_TOO_LONG < value < _TOO_LONG:
                    return False
            elif kind is float or kind is bool or value is None:
                nodes += 1
            else:
                return False
        if nodes > max_nodes:
            return False
    return True


class LazyDocument(Document):
    """A Document whose positions are found on demand, in the text."""

    def __init__(self, path: str, data: Any, text: str, max_nodes: int, written: str):
        self.path = path
        self.data = data
        self.duplicate_keys = []  # a file with any is left to the reference loader
        self._text = text  # with LF line breaks
        self._written = written  # as in the file, for the reference loader
        self.text = written
        self._max_nodes = max_nodes
        self._locator: _Locator | None = None
        self._reference: Document | None = None

    def reference(self) -> Document:
        """The file as the reference loader reads it, with every position (read once, when needed)."""
        if self._reference is None:
            self._reference = load_text(self._written, self.path, self._max_nodes)
        return self._reference

    @property
    def spots(self) -> dict[int, dict]:  # type: ignore[override]
        return self.reference().spots

    @property
    def root_position(self) -> tuple[int, int]:  # type: ignore[override]
        return self.locate("")

    def locate(self, pointer: str) -> tuple[int, int]:
        if self._locator is None:
            self._locator = _Locator(self)
        return self._locator.locate(pointer)

    @property
    def positions(self) -> dict[str, tuple[int, int]]:
        return self.reference().positions

    def sub_document(self, pointer: str) -> Document:
        return self.reference().sub_document(pointer)


@dataclass(frozen=True)
class _Region:
    """Whole lines of the text that hold one node and read on their own as it does in the file:
    the whole file (``root``), one entry of a block mapping from its key on (``entry``: reads
    as ``{key: node}``), or one item of a block sequence from its ``-`` on (``item``: ``[node]``)."""
    start: int  # offset of the first line's start
    end: int  # offset just past the last line
    line: int  # number of the first line, from 1
    kind: str
    key: Any  # the entry's key or the item's index (None for the root)
    node: Any

    def as_read(self) -> Any:
        return {self.key: self.node} if self.kind == "entry" else [self.node] if self.kind == "item" else self.node

    def pointer_prefix(self) -> str:
        return f"/{escape_pointer_token(self.key)}" if self.kind == "entry" else "/0" if self.kind == "item" else ""


@dataclass(frozen=True)
class _Entries:
    """A block collection's entries: the offset of each one's first line, in order, and its
    position in that order by key (a mapping's key absent has no region of its own: one whose
    key is not plain, or the first key, on the line of the ``-``); a sequence's items by index."""
    starts: list[int]
    order: dict[str, int] | None  # None for a sequence


_SIMPLE_KEY = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")
_SEQUENCE_ENTRY = re.compile(r"-(?:[ \n]|$)")
_FIRST_CONTENT = re.compile(r"^( *)[^ \n#]", re.MULTILINE)


@lru_cache(maxsize=None)
def _line_pattern(pattern: str) -> re.Pattern:
    return re.compile(pattern)


class _Locator:
    """Positions of a LazyDocument's nodes, found in its text (see the module's description)."""

    def __init__(self, document: LazyDocument):
        self.document = document
        self.text = document._text
        self.root = _Region(0, len(self.text), 1, "root", None, document.data)
        # by (start, end, kind): the root and its only item may span the same lines
        self.entries: dict[tuple[int, int, str], _Entries | None] = {}
        self.readings: dict[tuple[int, int, str], Document | None] = {}
        self.known_offsets, self.known_lines = [0], [1]  # line numbers counted so far, by offset

    def locate(self, pointer: str) -> tuple[int, int]:
        keys = self.existing_keys(pointer)
        if not keys:
            return self.root_position()
        region, depth = self.root, 0
        while depth < len(keys) and (child := self.child(region, keys[depth])) is not None:
            region, depth = child, depth + 1
        reading = self.read(region)
        if reading is None:
            return self.document.reference().locate(pointer)
        rest = "".join(f"/{escape_pointer_token(str(key))}" for key in keys[depth:])
        line, column = reading.locate(region.pointer_prefix() + rest)
        return line + region.line - 1, column

    def existing_keys(self, pointer: str) -> list[Any]:
        """The keys of the deepest node of the data on the way to ``pointer`` (the reference's
        ``locate`` answers for the nearest node that exists)."""
        keys: list[Any] = []
        node = self.document.data
        for token in pointer[1:].split("/") if pointer else ():
            if type(node) is dict:
                key: Any = unescape_pointer_token(token)
                if key not in node:
                    break
            elif type(node) is list and token.isdigit() and int(token) < len(node):
                key = int(token)
            else:
                break
            keys.append(key)
            node = node[key]
        return keys

    def root_position(self) -> tuple[int, int]:
        """Where the root starts: where its first entry or item, read on its own, starts."""
        node = self.root.node
        first = self.child(self.root, next(iter(node)) if type(node) is dict else 0) if node else None
        reading = self.read(first) if first is not None else None
        if first is None or reading is None:
            return self.document.reference().root_position
        return reading.root_position[0] + first.line - 1, reading.root_position[1]

    def read(self, region: _Region) -> Document | None:
        """The region read by the reference loader, if it reads as the node it should hold."""
        span = (region.start, region.end, region.kind)
        if span not in self.readings:
            reading = None
            if region.kind != "root":  # the whole file is the reference document itself
                try:
                    reading = load_text(self.text[region.start:region.end], self.document.path)
                except LoadError:
                    pass
                if reading is not None and reading.data != region.as_read():
                    reading = None
            self.readings[span] = reading
        return self.readings[span]

    def child(self, region: _Region, key: Any) -> _Region | None:
        """The region of an entry or item of the region's block collection, if it has one."""
        span = (region.start, region.end, region.kind)
        if span not in self.entries:
            self.entries[span] = self.find_entries(region)
        entries = self.entries[span]
        if entries is None:
            return None
        index = key if entries.order is None else entries.order.get(key)
        if index is None:
            return None
        start = entries.starts[index]
        end = entries.starts[index + 1] if index + 1 < len(entries.starts) else region.end
        kind = "item" if entries.order is None else "entry"
        return _Region(start, end, self.line_at(start), kind, key, region.node[key])

    def line_at(self, offset: int) -> int:
        """The number of the line at ``offset``, counted on from the nearest offset counted before."""
        nearest = bisect_right(self.known_offsets, offset) - 1
        line = self.known_lines[nearest] + self.text.count("\n", self.known_offsets[nearest], offset)
        self.known_offsets.insert(nearest + 1, offset)
        self.known_lines.insert(nearest + 1, line)
        return line

    def find_entries(self, region: _Region) -> _Entries | None:
        """A region's block collection's entries, or None when the region does not hold a
        block collection this reading can vouch for: the entries found in the text, by their
        indentation, must be as many as the data has."""
        node = region.node
        if type(node) is not dict and type(node) is not list or not node:
            return None
        layout = self.layout(region)
        if layout is None:
            return None
        indent, body, first_on_dash_line = layout
        if indent and self.line_starts(r" {0,%d}[^ \n#]" % (indent - 1), body, region.end, first_only=True):
            return None  # a line less indented than the entries: not a plain block collection
        if type(node) is list:
            starts = self.line_starts(r" {%d}-(?:[ \n]|\Z)" % indent, body, region.end)
            others = self.line_starts(r" {%d}(?:[^- \n#]|-[^ \n])" % indent, body, region.end, first_only=True)
            return _Entries(starts, None) if len(starts) == len(node) and not others else None
        starts = self.line_starts(r" {%d}(?:[^- \n#]|-[^ \n])" % indent, body, region.end)
        keys = list(node)[1:] if first_on_dash_line else list(node)
        if len(starts) != len(keys):
            return None
        return _Entries(starts, {key: index for index, (key, start) in enumerate(zip(keys, starts))
                                 if self.is_written_plain(key, start + indent)})

    def line_starts(self, pattern: str, start: int, end: int, first_only: bool = False) -> list[int]:
        """The offsets of the lines from ``start`` (a line's start) to ``end`` that begin as
        ``pattern`` says: found after their line break, which a plain search finds fast."""
        found = []
        if start == 0 and _line_pattern(pattern).match(self.text, 0, end):
            found.append(0)
        if found and first_only:
            return found
        after_breaks = _line_pattern("\n" + pattern)
        if first_only:
            match = after_breaks.search(self.text, max(start - 1, 0), end)
            return found + [match.start() + 1] if match else found
        return found + [match.start() + 1 for match in after_breaks.finditer(self.text, max(start - 1, 0), end)]

    def is_written_plain(self, key: str, at: int) -> bool:
        """Whether the text at ``at`` is ``key:`` written plain, then a blank or the line's end."""
        text, after = self.text, at + len(key)
        return (_SIMPLE_KEY.fullmatch(key) is not None and text.startswith(key, at) and text.startswith(":", after)
                and (after + 1 == len(text) or text[after + 1] in " \n"))

    def layout(self, region: _Region) -> tuple[int, int, bool] | None:
        """Where a region's block collection has its entries: their indentation, the offset its
        lines start from, and whether the first entry is on the line of the region's ``-``."""
        text = self.text
        if region.kind == "root":
            body = region.start
        else:
            line_end = text.find("\n", region.start, region.end)
            line_end = region.end if line_end < 0 else line_end
            if region.kind == "entry":
                value_at = text.find(":", region.start, line_end) + 1
            else:
                dash = text.find("-", region.start, line_end)
                value_at = dash + 1
            rest = text[value_at:line_end].lstrip(" ")
            body = line_end + 1
            if region.kind == "item" and type(region.node) is dict and rest and _SIMPLE_KEY.match(rest):
                first_key_at = line_end - len(rest)  # a mapping that starts on the line of its "-"
                return (first_key_at - region.start, body, True) if self.is_written_plain(
                    next(iter(region.node)), first_key_at) else None
            if rest and not rest.startswith("#"):
                return None  # the value is written on the key's or the "-"'s line (a flow collection)
        first = _FIRST_CONTENT.search(text, body, region.end)
        if first is None or text[first.end() - 1] in "[{":
            return None
        return len(first.group(1)), body, False
