"""Turn a YAML file into plain data plus the line and column of every node.

PyYAML's composer (the C one when available) builds the node graph; this module then
builds the data itself so that it can:

- record a 1-based (line, column) for every JSON Pointer in the document;
- notice duplicate mapping keys, which PyYAML would silently collapse;
- refuse every tag outside YAML's core schema, so nothing is ever constructed from a
  ``!!python/...`` or application tag;
- bound the work an alias bomb or absurd nesting could cause.

Scalars follow YAML 1.2's core schema where PyYAML follows 1.1: only ``true``/``false``
are booleans (so a country code ``NO`` stays a string), and timestamps stay the text the
author wrote, so ``2025-03-01`` is the string ``"2025-03-01"`` whether quoted or not.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import yaml

try:  # the C composer is several times faster; the pure-Python one behaves the same
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 100
MAX_ALIAS_EXPANSION = 100_000

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp")}
_number_constructor = yaml.constructor.SafeConstructor()


class LoadError(Exception):
    """A file that cannot be read or parsed; carries where the problem is."""

    def __init__(self, path: str, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.path = path
        self.message = message
        self.line = line
        self.column = column

    def __reduce__(self):  # keep every field when a result crosses a process boundary
        return (type(self), (self.path, self.message, self.line, self.column))

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class DuplicateKey:
    pointer: str  # where the later, kept, value is
    key: str
    line: int
    column: int
    first_line: int


@dataclass
class Document:
    path: str
    data: Any
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)
    duplicate_keys: list[DuplicateKey] = field(default_factory=list)

    def locate(self, pointer: str) -> tuple[int, int]:
        """Line and column of the node at ``pointer``, or of its nearest located ancestor."""
        while True:
            position = self.positions.get(pointer)
            if position is not None:
                return position
            if not pointer:
                return (1, 1)
            pointer = pointer.rsplit("/", 1)[0]


def escape_pointer_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def load_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    name = str(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except IsADirectoryError:
        raise LoadError(name, "is a directory, not a file") from None
    except OSError as error:
        raise LoadError(name, f"cannot read file: {error.strerror or error}") from None
    if len(raw) > max_bytes:
        raise LoadError(name, f"file is larger than the limit of {max_bytes:,} bytes")
    return load_text(_decode(name, raw), name)


def _decode(name: str, raw: bytes) -> str:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise LoadError(name, "file is UTF-16 or UTF-32 encoded; save it as UTF-8", 1, 1)
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    nul = raw.find(b"\x00")
    if nul >= 0 and raw[:200].count(b"\x00") * 4 >= len(raw[:200]):
        raise LoadError(name, "file looks UTF-16 or UTF-32 encoded (many NUL bytes); save it as UTF-8", 1, 1)
    if nul >= 0:
        line, column = _byte_position(raw, nul)
        raise LoadError(name, "file contains a NUL byte; it is not a text file", line, column)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _byte_position(raw, error.start)
        raise LoadError(name, f"invalid UTF-8 byte 0x{raw[error.start]:02x}; save the file as UTF-8", line, column) from None


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, offset - line_start + 1


def load_text(text: str, name: str = "<string>") -> Document:
    document = Document(path=name, data=None)
    try:
        document.data = _Builder(name, document).build(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        if error.context and error.problem:
            problem = f"{problem} ({error.context})"
        raise LoadError(name, problem, *_mark_position(mark)) from None
    except yaml.YAMLError as error:
        raise LoadError(name, f"invalid YAML: {error}") from None
    return document


def _mark_position(mark: Any) -> tuple[int | None, int | None]:
    if mark is None:
        return None, None
    return mark.line + 1, mark.column + 1


@dataclass
class _Frame:
    """A mapping or sequence being filled, on the builder's stack."""

    value: dict | list
    pointer: str
    anchor: str | None
    size: int = 1  # nodes in this subtree so far, for alias budgets
    key: str | None = None  # a mapping's key waiting for its value
    key_position: tuple[int, int] = (0, 0)
    key_lines: dict[str, int] = field(default_factory=dict)


class _Builder:
    """Builds plain data straight from the parser's events, recording positions as it goes.

    Working from events (not PyYAML's recursive composer) keeps absurd nesting from
    overflowing the C stack: depth is checked before anything deep is built.
    """

    def __init__(self, name: str, document: Document):
        self.name = name
        self.document = document
        self.positions = document.positions
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.alias_budget = MAX_ALIAS_EXPANSION
        self.resolver = yaml.resolver.Resolver()

    def error(self, event: yaml.Event, message: str) -> LoadError:
        return LoadError(self.name, message, *_mark_position(event.start_mark))

    def build(self, events: Iterator[yaml.Event]) -> Any:
        stack: list[_Frame] = []
        self.root: Any = None
        documents = 0
        for event in events:
            if isinstance(event, yaml.ScalarEvent):
                value = self.scalar(event)
                if event.anchor:
                    self.anchors[event.anchor] = (value, 1)
                self.complete(stack, value, 1, event)
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if self.expects_key(stack):
                    raise self.error(event, "a mapping key must be a plain value, not a list or mapping")
                if len(stack) >= MAX_DEPTH:
                    raise self.error(event, f"nesting is deeper than {MAX_DEPTH} levels")
                is_mapping = isinstance(event, yaml.MappingStartEvent)
                self.check_tag(event, "map" if is_mapping else "seq")
                stack.append(_Frame({} if is_mapping else [], self.start_child(stack, event), event.anchor))
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                frame = stack.pop()
                if frame.anchor:
                    self.anchors[frame.anchor] = (frame.value, frame.size)
                self.complete(stack, frame.value, frame.size, event)
            elif isinstance(event, yaml.AliasEvent):
                if event.anchor not in self.anchors:
                    raise self.error(event, f"alias *{event.anchor} refers to no anchor defined before it")
                value, size = self.anchors[event.anchor]
                self.alias_budget -= size
                if self.alias_budget < 0:
                    raise self.error(event, f"aliases expand to more than {MAX_ALIAS_EXPANSION:,} nodes")
                if self.expects_key(stack) and isinstance(value, (dict, list)):
                    raise self.error(event, "a mapping key must be a plain value, not a list or mapping")
                self.complete(stack, value, size, event)
            elif isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise self.error(event, "a manifest is a single YAML document; remove the second '---'")
        return self.root

    @staticmethod
    def expects_key(stack: list[_Frame]) -> bool:
        return bool(stack) and isinstance(stack[-1].value, dict) and stack[-1].key is None

    def start_child(self, stack: list[_Frame], event: yaml.Event) -> str:
        """The pointer of a value starting at ``event``; records its position."""
        if not stack:
            self.positions[""] = _mark_position(event.start_mark)
            return ""
        parent = stack[-1]
        if isinstance(parent.value, list):
            pointer = f"{parent.pointer}/{len(parent.value)}"
            self.positions[pointer] = _mark_position(event.start_mark)
            return pointer
        return f"{parent.pointer}/{escape_pointer_token(parent.key)}"  # positioned at its key

    def complete(self, stack: list[_Frame], value: Any, size: int, event: yaml.Event) -> None:
        """Put a finished value (scalar, alias or collection) where it belongs."""
        if not stack:
            if not isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                self.start_child(stack, event)
            self.root = value
            return
        parent = stack[-1]
        parent.size += size
        if isinstance(parent.value, list):
            if not isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                self.start_child(stack, event)
            parent.value.append(value)
        elif parent.key is None:
            self.take_key(parent, value, event)
        else:
            parent.value[parent.key] = value
            parent.key = None

    def take_key(self, parent: _Frame, key: Any, event: yaml.Event) -> None:
        key = event.value if isinstance(event, yaml.ScalarEvent) else str(key)
        line, column = _mark_position(event.start_mark)
        pointer = f"{parent.pointer}/{escape_pointer_token(key)}"
        if key in parent.key_lines:
            self.document.duplicate_keys.append(DuplicateKey(pointer, key, line, column, parent.key_lines[key]))
        parent.key_lines[key] = line
        parent.key = key
        self.positions[pointer] = (line, column)

    def check_tag(self, event: yaml.Event, kind: str) -> None:
        if event.tag not in (None, "!", _TAG + kind):
            raise self.error(event, _tag_message(event.tag))

    def scalar(self, event: yaml.ScalarEvent) -> Any:
        value = event.value
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.resolver.resolve(yaml.ScalarNode, value, event.implicit)
        if tag == _TAG + "merge":
            raise self.error(event, "merge keys (<<) are not supported; write the fields out in full")
        if tag not in _SCALAR_TAGS:
            raise self.error(event, _tag_message(tag))
        if tag == _TAG + "null":
            return None
        if tag == _TAG + "bool":
            lowered = value.lower()
            return lowered == "true" if lowered in ("true", "false") else value
        node = yaml.ScalarNode(tag, value)
        try:
            if tag == _TAG + "int":
                return _number_constructor.construct_yaml_int(node)
            if tag == _TAG + "float":
                return _number_constructor.construct_yaml_float(node)
        except ValueError:
            raise self.error(event, f"{value!r} is not a valid number") from None
        return value  # str, and timestamps kept as written


def _tag_message(tag: str) -> str:
    return f"tag {tag!r} is not allowed; manifests use plain YAML values only"
