"""The fields of a manifest as its JSON Schema declares them: each field's name in the
field reference (``production.release_date``), and its description in every language.

The schema is the one source of the field reference (``hkai schema --doc``) and of the
words a format problem uses to say what a field expects: English in ``description``, each
other language of the text table in ``x-description-<lang>`` beside it. It is also the one
source of the words for the format's enumerated values (``x-enum-<lang>`` beside each
``enum``), which rule messages show (``{use.kind:term}``) and the field reference lists.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Iterable, Iterator, NamedTuple

from .schema import MANIFEST_SCHEMA, load_schema
from ..text import DEFAULT

TOP_LEVEL = "manifest"  # the field reference's name for the manifest as a whole


def resolve(node: Any) -> dict[str, Any]:
    """A schema node with its ``$ref`` (always to ``#/$defs/...`` here) followed."""
    while isinstance(node, dict) and "$ref" in node:
        node = load_schema(MANIFEST_SCHEMA)["$defs"][node["$ref"].rsplit("/", 1)[1]]
    return node if isinstance(node, dict) else {}


def description_key(lang: str) -> str:
    return "description" if lang == DEFAULT else f"x-description-{lang}"


def described(node: Any, lang: str) -> str | None:
    """The node's own description in ``lang`` (English if that language has none)."""
    if not isinstance(node, dict):
        return None
    return node.get(description_key(lang)) or node.get("description")


def term_key(lang: str) -> str:
    return f"x-enum-{lang}"


def term_tables(lang: str) -> Iterator[tuple[list[Any], dict[str, str]]]:
    """Every ``enum`` of the manifest schema with its words in ``lang`` (empty when the
    schema gives none: English values are shown as written)."""
    def visit(node: Any) -> Iterator[tuple[list[Any], dict[str, str]]]:
        if isinstance(node, dict):
            if isinstance(node.get("enum"), list):
                yield node["enum"], node.get(term_key(lang), {})
            for value in node.values():
                yield from visit(value)
        elif isinstance(node, list):
            for value in node:
                yield from visit(value)
    yield from visit(load_schema(MANIFEST_SCHEMA))


@cache
def terms(lang: str) -> dict[str, str]:
    """The word in ``lang`` for each enumerated value of the manifest format. A value has
    one word wherever the format allows it (``none`` is the same word as a level and as a
    basis of payment; the tests hold the schema to it), so a message can say it from the
    value once the message says that the value is one (``{use.kind:term}``)."""
    words: dict[str, str] = {}
    for _, table in term_tables(lang):
        for value, word in table.items():
            words.setdefault(value, word)
    return words


def field_name(tokens: Iterable[str | int]) -> str:
    """The field reference's name of the field at these JSON Pointer tokens: the names of
    the properties on the way, list items adding nothing (``/ai_uses/3/kind`` is
    ``ai_uses.kind``). It stops at a field the schema does not describe further (an unknown
    field, a text's ``en``, the free-form ``scope``)."""
    node, names = resolve(load_schema(MANIFEST_SCHEMA)), []
    for token in tokens:
        if isinstance(token, int) and "items" in node:
            node = resolve(node["items"])
        elif isinstance(token, str) and token in node.get("properties", {}):
            names.append(token)
            node = resolve(node["properties"][token])
        else:
            break
    return ".".join(names) or TOP_LEVEL


class Field(NamedTuple):
    """One entry of the field reference: the field's name, the node declaring it (its
    meaning, examples) and the node its value must match (``$ref`` and list items followed)."""

    name: str
    declared: dict[str, Any]
    value: dict[str, Any]
    required: bool


def fields() -> Iterator[Field]:
    """Every field of the manifest, depth first in the schema's order, the manifest first."""
    root = load_schema(MANIFEST_SCHEMA)
    yield Field(TOP_LEVEL, root, root, True)
    yield from _fields_of(root, "")


def _fields_of(node: dict[str, Any], prefix: str) -> Iterator[Field]:
    required = set(node.get("required", ()))
    for name, declared in node.get("properties", {}).items():
        value = resolve(declared)
        yield Field(prefix + name, declared, value, name in required)
        record = resolve(value["items"]) if "items" in value else value
        yield from _fields_of(record, f"{prefix}{name}.")

