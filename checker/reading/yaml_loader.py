"""Turn a YAML file into plain data plus the line and column of every node.

PyYAML's composer (the C one when available) builds the node graph; this module then
builds the data itself so that it can:

- record a 1-based (line, column) for every JSON Pointer in the document;
- notice duplicate mapping keys, which PyYAML would silently collapse;
- refuse every tag outside YAML's core schema, so nothing is ever constructed from a
  ``!!python/...`` or application tag;
- bound the work an alias bomb, absurd nesting or a file of millions of tiny nodes
  could cause;
- refuse integers longer than ``MAX_INTEGER_DIGITS`` and ``!!float`` values beyond the
  floating-point range, which Python could read but not print or convert;
- refuse the constructs libyaml reads differently from YAML (measured against the
  official YAML test suite): here an anchor or alias name followed by a character YAML
  takes as part of the name (``&id:1``) and a lone ``-`` inside ``[ ]`` or ``{ }``; the
  rest, which need a second reading, in ``yaml_second_reading``.

Scalars follow YAML 1.2's core schema where PyYAML follows 1.1: only ``true``/``false``
are booleans (so a country code ``NO`` stays a string), ``010`` is ten and ``1:30`` is
text, and timestamps stay the text the author wrote, so ``2025-03-01`` is the string
``"2025-03-01"`` whether quoted or not. A value with the non-specific tag ``!`` is text
(``! 12`` is ``"12"``).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Callable

import yaml

from .positions import byte_position
from .regular_file import NotRegularFile, read_regular_file
from .yaml_second_reading import find_misreading

try:  # the C composer is several times faster; the pure-Python one behaves the same
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 100
MAX_ALIAS_EXPANSION = 100_000
# Scalars (keys included), mappings, sequences and aliases built from one file, counted as
# they are built. A generated 20,000-use manifest (benchmarks/generate.py) has 1.37 million;
# a 9.8 MB flow list of one-character items has 5 million and took 17 s and 900 MB.
DEFAULT_MAX_NODES = 2_000_000
# Far below Python's 4,300-digit limit on turning an integer into text (and back), which
# every report and message would otherwise hit long after the file was read.
MAX_INTEGER_DIGITS = 1000

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp")}
# YAML 1.2 core schema: every other plain scalar is text. A plain scalar that starts with
# none of these characters cannot be anything else, and skips the patterns.
_TYPED_FIRST_CHARACTERS = frozenset("~nNtTfF-+0123456789.")
_NULL = frozenset(("", "~", "null", "Null", "NULL"))
_BOOLEANS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
# What may follow an anchor or alias name: libyaml also ends a name at ``?:%@` ``, which
# YAML reads as part of it (``&a:b`` is the anchor ``a:b``, not ``a`` before ``:b``).
_NAME_ENDS = frozenset(" \t\r\n,]}")
_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)")


class _UnusableScalar(ValueError):
    """A scalar YAML allows but hkai cannot use; the builder adds where it is."""


def _plain_scalar(value: str) -> Any:
    """A plain (unquoted, untagged) scalar as YAML 1.2's core schema reads it."""
    if value and value[0] not in _TYPED_FIRST_CHARACTERS:
        return value
    if value in _NULL:
        return None
    if value in _BOOLEANS:
        return _BOOLEANS[value]
    if _INT.fullmatch(value):
        return _integer(value)
    if _FLOAT.fullmatch(value):
        return float(value.replace(".inf", "inf").replace(".Inf", "inf").replace(".INF", "inf")
                     .replace(".nan", "nan").replace(".NaN", "nan").replace(".NAN", "nan"))
    return value


def integer_too_long(digits: int) -> str | None:
    """Why an integer of ``digits`` digits is refused (past Python's own limit it would end
    in a traceback), or None when it is short enough."""
    if digits <= MAX_INTEGER_DIGITS:
        return None
    return f"an integer of {digits:,} digits is longer than the limit of {MAX_INTEGER_DIGITS:,}"


def _integer(value: str) -> int:
    too_long = integer_too_long(len(value.lstrip("+-")) - (2 if value.startswith(("0o", "0x")) else 0))
    if too_long:
        raise _UnusableScalar(f"{too_long}; quote it if it is text")
    if value.startswith(("0o", "0x")):
        return int(value[2:], 8 if value[1] == "o" else 16)
    return int(value)


def _to_float(number: int | float) -> float:
    try:
        return float(number)
    except OverflowError:
        raise _UnusableScalar("the integer is too large for a floating-point number (!!float)") from None


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


class Document:
    """Loaded data, and where each node of it is written.

    Positions are kept per container (``id`` of a dict or list -> key or index -> (line,
    column)), which is cheaper to record than a JSON Pointer string for every node;
    ``locate`` walks a pointer down the data to find them.
    """

    def __init__(self, path: str, data: Any = None, spots: dict[int, dict] | None = None,
                 root_position: tuple[int, int] = (1, 1), duplicate_keys: list[DuplicateKey] | None = None):
        self.path = path
        self.data = data
        self.spots = spots if spots is not None else {}
        self.root_position = root_position
        self.duplicate_keys = duplicate_keys if duplicate_keys is not None else []
        self.text: str | None = None  # as read, when it was read from text: reports quote its lines

    def locate(self, pointer: str) -> tuple[int, int]:
        """Line and column of the node at ``pointer``, or of its nearest located ancestor."""
        node, found = self.data, self.root_position
        if not pointer:
            return found
        for token in pointer[1:].split("/"):
            if type(node) is dict:
                key: Any = unescape_pointer_token(token)
                child = node.get(key)
            elif type(node) is list and token.isdigit() and int(token) < len(node):
                key = int(token)
                child = node[key]
            else:
                break
            spot = self.spots.get(id(node), {}).get(key)
            if spot is None:
                break
            found, node = spot, child
        return found

    @property
    def positions(self) -> dict[str, tuple[int, int]]:
        """Every located node by its JSON Pointer (built on demand: tools and tests use it)."""
        flat = {"": self.root_position}
        pending = [("", self.data)]
        while pending:
            pointer, node = pending.pop()
            for key, spot in self.spots.get(id(node), {}).items():
                child = f"{pointer}/{escape_pointer_token(str(key))}"
                flat[child] = spot
                if isinstance(node, dict) and key in node or isinstance(node, list) and key < len(node):
                    pending.append((child, node[key]))
        return flat

    def sub_document(self, pointer: str) -> Document:
        """The node at ``pointer`` as a document of its own, keeping its real positions."""
        node: Any = self.data
        for token in pointer[1:].split("/") if pointer else ():
            node = node[int(token)] if isinstance(node, list) else node[unescape_pointer_token(token)]
        duplicates = [d for d in self.duplicate_keys if d.pointer.startswith(pointer + "/")]
        return Document(self.path, node, self.spots, self.locate(pointer),
                        [DuplicateKey(d.pointer[len(pointer):], d.key, d.line, d.column, d.first_line)
                         for d in duplicates])


def escape_pointer_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def unescape_pointer_token(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def load_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES, max_nodes: int = DEFAULT_MAX_NODES) -> Document:
    return load_text(read_text(path, max_bytes), str(path), max_nodes)


def read_text(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """A file's text, read within ``max_bytes`` and decoded by the encoding rules of manifests."""
    name = str(path)
    try:
        raw = read_regular_file(path, max_bytes)
    except NotRegularFile as error:
        raise LoadError(name, str(error)) from None
    except OSError as error:
        raise LoadError(name, f"cannot read file: {error.strerror or error}") from None
    return _decode_within(name, raw, max_bytes)


def read_stream(stream: BinaryIO, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """A stream's text (standard input), read within ``max_bytes`` like a file: at most one
    byte past the limit is read, then the same encoding rules apply."""
    try:
        raw = stream.read(max_bytes + 1)
    except OSError as error:
        raise LoadError(name, f"cannot read standard input: {error.strerror or error}") from None
    return _decode_within(name, raw, max_bytes)


def _decode_within(name: str, raw: bytes, max_bytes: int) -> str:
    if len(raw) > max_bytes:
        raise LoadError(name, f"file is larger than the limit of {max_bytes:,} bytes")
    return _decode(name, raw)


def _decode(name: str, raw: bytes) -> str:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise LoadError(name, "file is UTF-16 or UTF-32 encoded; save it as UTF-8", 1, 1)
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    nul = raw.find(b"\x00")
    if nul >= 0 and raw[:200].count(b"\x00") * 4 >= len(raw[:200]):
        raise LoadError(name, "file looks UTF-16 or UTF-32 encoded (many NUL bytes); save it as UTF-8", 1, 1)
    if nul >= 0:
        line, column = byte_position(raw, nul)
        raise LoadError(name, "file contains a NUL byte; it is not a text file", line, column)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = byte_position(raw, error.start)
        raise LoadError(name, f"invalid UTF-8 byte 0x{raw[error.start]:02x}; save the file as UTF-8", line, column) from None


def load_text(text: str, name: str = "<string>", max_nodes: int = DEFAULT_MAX_NODES) -> Document:
    document = Document(path=name)
    document.text = text
    try:
        document.data = _Builder(name, document, max_nodes).build(text)
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


class _Frame:
    """A mapping or sequence being filled, on the builder's stack."""

    __slots__ = ("value", "is_list", "anchor", "size", "key", "spots")

    def __init__(self, value: dict | list, anchor: str | None, spots: dict):
        self.value = value
        self.is_list = type(value) is list
        self.anchor = anchor
        self.size = 1  # nodes in this subtree so far, for alias budgets
        self.key: str | None = None  # a mapping's key waiting for its value
        self.spots = spots  # key or index -> (line, column) of the children


class _Builder:
    """Builds plain data straight from the parser's events, recording positions as it goes.

    Working from events (not PyYAML's recursive composer) keeps absurd nesting from
    overflowing the C stack: depth is checked before anything deep is built. The loop
    handles the commonest events (a plain scalar, a key, a list item) in line: it runs
    once per node of files with hundreds of thousands of them.
    """

    def __init__(self, name: str, document: Document, max_nodes: int = DEFAULT_MAX_NODES):
        self.name = name
        self.document = document
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.alias_budget = MAX_ALIAS_EXPANSION
        self.max_nodes = max_nodes

    def too_many_nodes(self, event: yaml.Event) -> LoadError:
        return self.error(event, f"more than {self.max_nodes:,} nodes (values, lists and mappings); "
                                 "split the file or raise --max-nodes")

    def error(self, event: yaml.Event, message: str) -> LoadError:
        return LoadError(self.name, message, *_mark_position(event.start_mark))

    def build(self, text: str) -> Any:
        self.text = text
        parser = _Loader(text)
        try:
            root = self._build(parser.get_event)
        finally:
            parser.dispose()
        misreading = find_misreading(text, _Loader)
        if misreading is not None:
            raise LoadError(self.name, *misreading)
        return root

    def _build(self, next_event: Callable[[], yaml.Event]) -> Any:
        stack: list[_Frame] = []
        spots = self.document.spots
        self.root: Any = None
        documents = 0
        scalar_event, plain_text_start = yaml.ScalarEvent, _TYPED_FIRST_CHARACTERS
        nodes_left = self.max_nodes
        while True:
            event = next_event()
            kind = type(event)
            if kind is scalar_event:
                nodes_left -= 1
                if nodes_left < 0:
                    raise self.too_many_nodes(event)
                text = event.value
                if event.tag is not None:
                    value: Any = self.scalar(event)
                elif not event.implicit[0]:
                    value = text  # quoted or block text
                elif text and text[0] not in plain_text_start and text != "<<":
                    value = text  # plain text, the commonest scalar
                else:
                    value = self.scalar(event)
                if event.anchor:
                    self.check_name_end(event, "&")
                    self.anchors[event.anchor] = (value, 1)
                if not stack:
                    self.complete(stack, value, 1, event, False)
                    continue
                parent = stack[-1]
                parent.size += 1
                mark = event.start_mark
                if parent.is_list:
                    parent.spots[len(parent.value)] = (mark.line + 1, mark.column + 1)
                    parent.value.append(value)
                elif parent.key is None:  # a key: mapping keys are kept as written
                    line = mark.line + 1
                    if text in parent.spots:
                        self.document.duplicate_keys.append(
                            DuplicateKey(_pointer(stack, text), text, line, mark.column + 1, parent.spots[text][0]))
                    parent.key = text
                    parent.spots[text] = (line, mark.column + 1)
                else:
                    parent.value[parent.key] = value
                    parent.key = None
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                nodes_left -= 1
                if nodes_left < 0:
                    raise self.too_many_nodes(event)
                if stack and stack[-1].key is None and not stack[-1].is_list:
                    raise self.error(event, "a mapping key must be a plain value, not a list or mapping")
                if len(stack) >= MAX_DEPTH:
                    raise self.error(event, f"nesting is deeper than {MAX_DEPTH} levels")
                is_mapping = kind is yaml.MappingStartEvent
                if event.tag is not None:
                    self.check_tag(event, "map" if is_mapping else "seq")
                if stack and stack[-1].is_list:  # a list item is placed at its start (a value, at its key)
                    mark = event.start_mark
                    stack[-1].spots[len(stack[-1].value)] = (mark.line + 1, mark.column + 1)
                elif not stack:
                    self.place_root(event)
                if event.anchor:
                    self.check_name_end(event, "&")
                container: dict | list = {} if is_mapping else []
                frame_spots: dict = {}
                spots[id(container)] = frame_spots
                stack.append(_Frame(container, event.anchor, frame_spots))
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = stack.pop()
                if frame.anchor:
                    self.anchors[frame.anchor] = (frame.value, frame.size)
                self.complete(stack, frame.value, frame.size, event, True)
            elif kind is yaml.AliasEvent:
                nodes_left -= 1
                if nodes_left < 0:
                    raise self.too_many_nodes(event)
                self.check_name_end(event, "*")
                if event.anchor not in self.anchors:
                    raise self.error(event, f"alias *{event.anchor} refers to no anchor defined before it")
                value, size = self.anchors[event.anchor]
                self.alias_budget -= size
                if self.alias_budget < 0:
                    raise self.error(event, f"aliases expand to more than {MAX_ALIAS_EXPANSION:,} nodes")
                if stack and stack[-1].key is None and not stack[-1].is_list:
                    raise self.error(event, "an alias cannot be a mapping key; write the key out")
                self.complete(stack, value, size, event, False)
            elif kind is yaml.StreamEndEvent or event is None:
                return self.root
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise self.error(event, "a manifest is a single YAML document; remove the second '---'")

    def check_name_end(self, event: yaml.Event, sigil: str) -> None:
        """Refuse an anchor (``&``) or alias (``*``) name that libyaml ended early: YAML
        reads ``&id:1 x`` as the anchor ``id:1``, libyaml as ``id`` before the text ``:1 x``."""
        text, name = self.text, event.anchor
        start = text.find(sigil + name, event.start_mark.index)  # an anchor may follow a tag
        end = start + 1 + len(name)
        if start < 0 or end >= len(text) or text[end] in _NAME_ENDS:
            return
        what = "anchor" if sigil == "&" else "alias"
        line, column = _position_after(event.start_mark, text, end)
        raise LoadError(self.name, f"the {what} name {sigil}{name} is followed by {text[end]!r}, which YAML reads "
                                   f"as part of the name but this parser does not; use only letters, digits, "
                                   f"'-' and '_' in {what} names, or put a space after {sigil}{name}", line, column)

    def place_root(self, event: yaml.Event) -> None:
        self.document.root_position = (event.start_mark.line + 1, event.start_mark.column + 1)

    def complete(self, stack: list[_Frame], value: Any, size: int, event: yaml.Event, started: bool) -> None:
        """Put a finished collection or alias (or the root scalar) where it belongs; a
        collection is never a key (refused at its start), nor is an alias."""
        if not stack:
            if not started:
                self.place_root(event)
            self.root = value
            return
        parent = stack[-1]
        parent.size += size
        if parent.is_list:
            if not started:
                mark = event.start_mark
                parent.spots[len(parent.value)] = (mark.line + 1, mark.column + 1)
            parent.value.append(value)
        else:
            parent.value[parent.key] = value
            parent.key = None

    def check_tag(self, event: yaml.Event, kind: str) -> None:
        if event.tag not in (None, "!", _TAG + kind):
            raise self.error(event, _tag_message(event.tag))

    def scalar(self, event: yaml.ScalarEvent) -> Any:
        try:
            return self._scalar(event)
        except _UnusableScalar as problem:
            raise self.error(event, str(problem)) from None

    def _scalar(self, event: yaml.ScalarEvent) -> Any:
        value, tag = event.value, event.tag
        if tag == "!":
            return value  # the non-specific tag: text, whatever it looks like (YAML 1.2, 6.9.1)
        if tag is None:
            if not event.implicit[0]:
                return value  # quoted or block text
            if value == "<<":
                raise self.error(event, "merge keys (<<) are not supported; write the fields out in full")
            if value == "-" and self.text[event.end_mark.index:event.end_mark.index + 1] != ":":
                raise self.error(event, "a lone '-' inside [ ] or { } is not valid YAML (this parser would read "
                                        "it as the text '-'); quote it: '-'")
            return _plain_scalar(value)
        if tag not in _SCALAR_TAGS:
            raise self.error(event, _tag_message(tag))
        if tag in (_TAG + "int", _TAG + "float"):  # an explicit !!int or !!float
            resolved = _plain_scalar(value)
            if isinstance(resolved, str) or isinstance(resolved, bool) or resolved is None:
                raise self.error(event, f"{value!r} is not a valid number")
            return _to_float(resolved) if tag == _TAG + "float" else resolved
        if tag == _TAG + "null":
            return None
        if tag == _TAG + "bool":
            resolved = _plain_scalar(value)
            return resolved if isinstance(resolved, bool) else value
        return value  # str, and timestamps kept as written


def _position_after(mark: Any, text: str, index: int) -> tuple[int, int]:
    """1-based line and column of ``index``, counted on from a parser mark before it."""
    breaks = text.count("\n", mark.index, index)
    if not breaks:
        return mark.line + 1, mark.column + 1 + index - mark.index
    return mark.line + 1 + breaks, index - text.rfind("\n", 0, index)


def _tag_message(tag: str) -> str:
    return f"tag {tag!r} is not allowed; manifests use plain YAML values only"


def _pointer(stack: list[_Frame], key: str) -> str:
    """The JSON Pointer of ``key`` in the innermost mapping being built (only needed for
    the rare duplicate key, so it is not kept for every node)."""
    tokens = [str(frame.key) if type(frame.value) is dict else str(len(frame.value)) for frame in stack[:-1]]
    return "".join(f"/{escape_pointer_token(token)}" for token in (*tokens, key))
