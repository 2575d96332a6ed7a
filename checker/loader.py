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
from typing import Any

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
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        if error.context and error.problem:
            problem = f"{problem} ({error.context})"
        raise LoadError(name, problem, *_mark_position(mark)) from None
    except yaml.YAMLError as error:
        raise LoadError(name, f"invalid YAML: {error}") from None
    except RecursionError:
        raise LoadError(name, f"nesting is too deep (limit {MAX_DEPTH} levels)") from None
    document = Document(path=name, data=None)
    if root is not None:
        document.data = _Builder(name, document).build(root)
    return document


def _mark_position(mark: Any) -> tuple[int | None, int | None]:
    if mark is None:
        return None, None
    return mark.line + 1, mark.column + 1


class _Builder:
    """Builds plain data from a node graph, recording positions as it goes."""

    def __init__(self, name: str, document: Document):
        self.name = name
        self.document = document
        self.alias_budget = MAX_ALIAS_EXPANSION
        self.seen: set[int] = set()

    def error(self, node: yaml.Node, message: str) -> LoadError:
        return LoadError(self.name, message, *_mark_position(node.start_mark))

    def build(self, root: yaml.Node) -> Any:
        self.document.positions[""] = _mark_position(root.start_mark)
        return self.node(root, "", 0)

    def node(self, node: yaml.Node, pointer: str, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise self.error(node, f"nesting is deeper than {MAX_DEPTH} levels")
        if id(node) in self.seen:  # an alias: its subtree is built again, within a budget
            self.alias_budget -= 1
            if self.alias_budget < 0:
                raise self.error(node, f"aliases expand to more than {MAX_ALIAS_EXPANSION:,} nodes")
        else:
            self.seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if isinstance(node, yaml.SequenceNode):
            self.check_tag(node, "seq")
            items = []
            for index, child in enumerate(node.value):
                child_pointer = f"{pointer}/{index}"
                self.document.positions[child_pointer] = _mark_position(child.start_mark)
                items.append(self.node(child, child_pointer, depth + 1))
            return items
        self.check_tag(node, "map")
        return self.mapping(node, pointer, depth)

    def mapping(self, node: yaml.MappingNode, pointer: str, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.error(key_node, "a mapping key must be a plain value, not a list or mapping")
            self.check_tag(key_node, *("str", "int", "float", "bool", "null", "timestamp"))
            key = key_node.value
            child_pointer = f"{pointer}/{escape_pointer_token(key)}"
            line, column = _mark_position(key_node.start_mark)
            if key in first_lines:
                self.document.duplicate_keys.append(
                    DuplicateKey(child_pointer, key, line, column, first_lines[key])
                )
            first_lines[key] = line
            self.document.positions[child_pointer] = (line, column)
            result[key] = self.node(value_node, child_pointer, depth + 1)
        return result

    def check_tag(self, node: yaml.Node, *allowed: str) -> None:
        if node.tag not in {_TAG + name for name in allowed}:
            raise self.error(node, f"tag {node.tag!r} is not allowed; manifests use plain YAML values only")

    def scalar(self, node: yaml.ScalarNode) -> Any:
        tag, value = node.tag, node.value
        if tag not in _SCALAR_TAGS:
            raise self.error(node, f"tag {tag!r} is not allowed; manifests use plain YAML values only")
        if tag == _TAG + "null":
            return None
        if tag == _TAG + "bool":
            lowered = value.lower()
            return lowered == "true" if lowered in ("true", "false") else value
        try:
            if tag == _TAG + "int":
                return _number_constructor.construct_yaml_int(node)
            if tag == _TAG + "float":
                return _number_constructor.construct_yaml_float(node)
        except ValueError:
            raise self.error(node, f"{value!r} is not a valid number") from None
        return value  # str, and timestamps kept as written
