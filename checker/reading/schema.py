"""JSON Schemas shipped with the package, and schema errors turned into located messages.

jsonschema-rs (compiled, about seven times faster than the Python validators it replaced)
checks every document. Where its wheel is missing, or where it cannot vouch for a document
(a floating-point infinity or NaN, which it takes for a value of no type at all; a value
it cannot read), jsonschema, the reference, checks it instead. Either way the errors
come out as the same ``SchemaError`` records, in the order jsonschema reports them, and
are put into words here, never by the validator: the words producers read do not depend
on which validator ran.
"""

from __future__ import annotations

import datetime
import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

from .yaml_loader import Document, escape_pointer_token

if TYPE_CHECKING:
    import jsonschema

MANIFEST_SCHEMA = "manifest-v1.schema.json"
RULE_FILE_SCHEMA = "rule-file.schema.json"
PACK_SCHEMA = "pack.schema.json"
WAIVERS_SCHEMA = "waivers.schema.json"
FIXTURE_SCHEMA = "fixture.schema.json"
MAX_MESSAGE = 200
SCHEMAS_DIR = Path(__file__).resolve().parent.parent / "schemas"


@cache
def load_schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMAS_DIR / name).read_text(encoding="utf-8"))


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)


def _is_date(value: str) -> bool:
    """The date format as jsonschema's format checker judges it."""
    try:
        return bool(_DATE.match(value)) and bool(datetime.date.fromisoformat(value))
    except ValueError:
        return False


# As jsonschema's format checker judges them, so that both validators agree.
FORMATS: dict[str, Callable[[str], bool]] = {"date": _is_date, "email": lambda value: "@" in value}


@dataclass(frozen=True)
class SchemaError:
    """One way a document breaks a schema, whichever validator found it."""

    keyword: str  # the schema keyword broken: "type", "required", "anyOf"...
    keyword_value: Any  # its value in the schema
    instance: Any  # the value that breaks it (for ``propertyNames``, the key)
    path: tuple[str | int, ...]  # where that value is in the document
    schema: dict[str, Any]  # the schema node holding the keyword (the loaded schema's own dict)
    context: tuple[SchemaError, ...] = ()  # for anyOf/oneOf: every alternative's errors
    branch: int | None = None  # inside an anyOf/oneOf: the index of the alternative
    name: str | None = None  # for ``required``: the missing field

    @property
    def message(self) -> str:
        return jsonschema_words(self)


def schema_errors(name: str, data: Any) -> list[SchemaError]:
    """Every way ``data`` breaks schema ``name``, in the order jsonschema reports them."""
    errors = compiled_errors(name, data)
    return reference_errors(name, data) if errors is None else errors


def is_valid(name: str, data: Any) -> bool:
    return not schema_errors(name, data)


def manifest_sections() -> frozenset[str]:
    """The top-level names of a manifest: the roots a rule's paths may start from."""
    return frozenset(load_schema(MANIFEST_SCHEMA)["properties"])


# --- jsonschema-rs ------------------------------------------------------------------------

@cache
def _compiled(name: str) -> Any:
    """jsonschema-rs's validator for schema ``name``; None where its wheel is missing."""
    try:
        import jsonschema_rs
    except ImportError:
        return None
    return jsonschema_rs.validator_for(load_schema(name), validate_formats=True, formats=FORMATS)


def compiled_errors(name: str, data: Any) -> list[SchemaError] | None:
    """jsonschema-rs's errors, or None where it cannot vouch for them."""
    validator = _compiled(name)
    if validator is None:
        return None
    try:
        if validator.is_valid(data):
            return []
        return list(_in_order([_from_compiled(error, load_schema(name), data)
                               for error in validator.iter_errors(data)]))
    except (ValueError, _Unvouched):  # ValueError: a value jsonschema-rs cannot read
        return None


class _Unvouched(Exception):
    """An error jsonschema-rs may have judged differently from jsonschema."""


def _from_compiled(error: Any, root: dict[str, Any], data: Any,
                   branch: int | None = None) -> tuple[list[int], SchemaError]:
    """A jsonschema-rs error as jsonschema would have reported it, with its place in
    jsonschema's order."""
    kind = error.kind
    if kind.name not in _WORDS and kind.name != "propertyNames":  # one the equality tests have not proven
        raise _Unvouched(kind.name)
    *node_path, keyword = error.schema_path
    schema = _node(root, node_path)
    path = tuple(error.instance_path)
    # jsonschema reports a key's error at the mapping, with the key as the value
    instance = kind.error.instance if kind.name == "propertyNames" else _value(data, path)
    if isinstance(instance, float) and not math.isfinite(instance):
        raise _Unvouched("a floating-point infinity or NaN")  # jsonschema-rs takes it for no type at all
    context = ()
    if keyword == "anyOf":
        context = _in_order([_from_compiled(inner, root, data, index)
                             for index, alternative in enumerate(kind.context) for inner in alternative])
    name = kind.property if keyword == "required" else None
    found = SchemaError(keyword, schema[keyword], instance, path, schema, context, branch, name)
    return _position(root, error.evaluation_path, found, data), found


# --- jsonschema, the reference ------------------------------------------------------------

@cache
def validator(name: str) -> jsonschema.protocols.Validator:
    """jsonschema's validator: the reference, and the fallback where jsonschema-rs is missing."""
    import jsonschema

    cls = jsonschema.validators.validator_for(load_schema(name))
    return cls(load_schema(name), format_checker=cls.FORMAT_CHECKER)


def reference_errors(name: str, data: Any) -> list[SchemaError]:
    root = load_schema(name)
    return list(_in_order(_from_reference(validator(name).iter_errors(data), root, data)))


def _from_reference(errors: Any, root: dict[str, Any], data: Any) -> list[tuple[list[int], SchemaError]]:
    found: list[tuple[list[int], SchemaError]] = []
    missing: dict[tuple, list[str]] = {}  # jsonschema reports each missing field without its name
    for error in errors:
        name = None
        if error.validator == "required":
            spot = (id(error.schema), tuple(error.absolute_path))
            if spot not in missing:
                missing[spot] = [key for key in error.validator_value if key not in error.instance]
            name = missing[spot].pop(0)
        context = _in_order(_from_reference(error.context, root, data)) if error.context else ()
        branch = error.relative_schema_path[0] if error.parent is not None else None
        record = SchemaError(error.validator, error.validator_value, error.instance, tuple(error.absolute_path),
                             error.schema, context, branch, name)
        found.append((_position(root, error.absolute_schema_path, record, data), record))
    return found


# --- jsonschema's order ---------------------------------------------------------------------

def _in_order(errors: list[tuple[list[int], SchemaError]]) -> tuple[SchemaError, ...]:
    return tuple(error for _, error in sorted(errors, key=lambda pair: pair[0]))


def _position(root: dict[str, Any], schema_path: Any, error: SchemaError, data: Any) -> list[int]:
    """Where jsonschema's walk reports ``error``: it takes a node's keywords in the order
    they are written, ``properties`` in the schema's order, a mapping's other keys and a
    list's items in the document's order, and the fields ``required`` lists in its order.
    ``schema_path`` is the error's path through the schema, with or without ``$ref`` steps
    (jsonschema leaves them out, as it leaves out the ``if`` before ``then``/``else``)."""
    node, value, position = root, data, []
    segments, members = list(schema_path), iter(error.path)
    while segments:
        segment = segments.pop(0)
        if segment != "$ref" and segment not in node and "$ref" in node:
            segments.insert(0, segment)
            segment = "$ref"
        position.append(_rank(node, "if" if segment in ("then", "else") else segment))
        if segment == "$ref":
            node = _resolve(root, node["$ref"])
        elif not segments:  # the keyword itself
            if segment == "required":
                position.append(node["required"].index(error.name))
        elif segment in ("properties", "patternProperties", "anyOf", "oneOf", "allOf"):
            choice = segments.pop(0)
            position.append(list(node[segment]).index(choice) if isinstance(node[segment], dict) else choice)
            node = node[segment][choice]
            if segment.endswith("roperties"):
                member = next(members)
                position.append(list(value).index(member))
                value = value[member]
        elif segment in ("additionalProperties", "items"):
            member = next(members)
            position.append(list(value).index(member) if isinstance(value, dict) else member)
            node, value = node[segment], value[member]
        else:  # not, then, else, propertyNames: the same value, one schema further
            node = node[segment]
            if segment == "propertyNames":
                position.append(list(value).index(error.instance))
    return position


def _rank(node: dict[str, Any], keyword: str) -> int:
    return list(node).index(keyword)


def _resolve(root: dict[str, Any], reference: str) -> dict[str, Any]:
    """A ``$ref`` (these schemas only point inside themselves: ``#/$defs/Date``)."""
    tokens = reference.removeprefix("#/").split("/")
    return _node(root, [token.replace("~1", "/").replace("~0", "~") for token in tokens])


def _node(root: Any, tokens: Any) -> Any:
    node = root
    for token in tokens:
        node = node[int(token) if isinstance(node, list) else token]
    return node


def _value(data: Any, path: tuple[str | int, ...]) -> Any:
    for member in path:
        data = data[member]
    return data


# --- words ----------------------------------------------------------------------------------

def schema_problems(name: str, document: Document) -> Iterator[tuple[str, str]]:
    """(JSON Pointer, message) for every way ``document`` breaks schema ``name``."""
    for error in schema_errors(name, document.data):
        yield from _explain(error)


def _explain(error: SchemaError) -> Iterator[tuple[str, str]]:
    pointer = "".join(f"/{escape_pointer_token(str(part))}" for part in error.path)
    if error.keyword == "additionalProperties" and isinstance(error.instance, dict):
        known = error.schema.get("properties", {})
        for key in error.instance:
            if key not in known and not key.startswith("x-"):
                yield f"{pointer}/{escape_pointer_token(key)}", f"unknown field {key!r}" + _suggestion(key, known)
        return
    if error.keyword == "type":
        expected = error.keyword_value if isinstance(error.keyword_value, list) else [error.keyword_value]
        yield pointer, f"expected {' or '.join(_TYPE_NAMES.get(t, t) for t in expected)}, found {_describe(error.instance)}"
        return
    if error.keyword == "enum" and isinstance(error.instance, str):
        options = [str(option) for option in error.keyword_value]
        yield pointer, _shorten(f"{error.instance!r} is not an allowed value{_suggestion(error.instance, options)}; "
                                f"expected one of: {', '.join(options)}")
        return
    if error.keyword == "const":
        yield pointer, f"must be {error.keyword_value!r}, found {_describe(error.instance)}"
        return
    if error.keyword == "required":
        yield pointer, _shorten(f"{error.name!r} is required here")
        return
    if error.keyword in ("anyOf", "oneOf"):
        description = error.schema.get("description")
        if description:
            yield pointer, _shorten(f"{_repr(error.instance)} is not valid: expected {description[0].lower()}{description[1:]}")
            return
        if error.context:
            yield from _explain(_furthest(error))
            return
    yield pointer, _shorten(error.message)


_TYPE_NAMES = {"object": "a mapping", "array": "a list", "string": "text", "number": "a number",
               "integer": "a whole number", "boolean": "true or false", "null": "null"}


def _describe(value: Any) -> str:
    """A value as a producer would recognise it from YAML."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the text {_repr(value)}"
    return f"the number {value!r}"


_SPECIFICITY = {"required": 0, "additionalProperties": 1}  # anything else says more


def _furthest(error: SchemaError) -> SchemaError:
    """Of the alternatives an instance failed, the error from the one it got furthest in:
    a rule whose operator is misspelt should hear about the operator, not that it is not
    a list. When every alternative only wants another type, the first one's error (what
    jsonschema's ``best_match`` picks among equals)."""
    candidates = [e for e in error.context if not (e.keyword == "type" and len(e.path) == len(error.path))]
    if not candidates:
        return error.context[0]
    return max(candidates, key=lambda e: (len(e.path), _SPECIFICITY.get(e.keyword, 2)))


def jsonschema_words(error: SchemaError) -> str:
    """The message jsonschema (4.21 and later) gives for ``error``: rule and pack authors
    read these words, so they stay the same whichever validator found the error."""
    return _WORDS[error.keyword](error, error.keyword_value, error.instance)


# The keywords these schemas use, each with jsonschema's words for breaking it. A keyword
# jsonschema-rs reports that is not here is left to jsonschema (it has not been proven).
_WORDS: dict[str, Callable[[SchemaError, Any, Any], str]] = {
    "required": lambda error, value, instance: f"{error.name!r} is a required property",
    "type": lambda error, value, instance: f"{instance!r} is not of type {', '.join(repr(t) for t in _listed(value))}",
    "enum": lambda error, value, instance: f"{instance!r} is not one of {value!r}",
    "const": lambda error, value, instance: f"{value!r} was expected",
    "pattern": lambda error, value, instance: f"{instance!r} does not match {value!r}",
    "format": lambda error, value, instance: f"{instance!r} is not a {value!r}",
    "minLength": lambda error, value, instance:
        f"{instance!r} {'should be non-empty' if value == 1 else 'is too short'}",
    "maxLength": lambda error, value, instance:
        f"{instance!r} {'is expected to be empty' if value == 0 else 'is too long'}",
    "minItems": lambda error, value, instance:
        f"{instance!r} {'should be non-empty' if value == 1 else 'is too short'}",
    "minProperties": lambda error, value, instance:
        f"{instance!r} {'should be non-empty' if value == 1 else 'does not have enough properties'}",
    "maxProperties": lambda error, value, instance:
        f"{instance!r} {'is expected to be empty' if value == 0 else 'has too many properties'}",
    "minimum": lambda error, value, instance: f"{instance!r} is less than the minimum of {value!r}",
    "uniqueItems": lambda error, value, instance: f"{instance!r} has non-unique elements",
    "not": lambda error, value, instance: f"{instance!r} should not be valid under {value!r}",
    "anyOf": lambda error, value, instance: f"{instance!r} is not valid under any of the given schemas",
    "additionalProperties": lambda error, value, instance: _additional_words(error),
}


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _additional_words(error: SchemaError) -> str:
    patterns = error.schema.get("patternProperties", {})
    extras = sorted({key for key in error.instance if key not in error.schema.get("properties", {})
                     and not any(re.search(pattern, key) for pattern in patterns)}, key=str)
    if patterns:
        return (f"{', '.join(repr(key) for key in extras)} {'does' if len(extras) == 1 else 'do'} not match any "
                f"of the regexes: {', '.join(repr(pattern) for pattern in sorted(patterns))}")
    return (f"Additional properties are not allowed ({', '.join(repr(key) for key in extras)} "
            f"{'was' if len(extras) == 1 else 'were'} unexpected)")


def _suggestion(key: str, known: Any) -> str:
    import difflib  # only an invalid manifest pays for it

    close = difflib.get_close_matches(key, list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _repr(value: Any) -> str:
    return _shorten(repr(value), 60)


def _shorten(message: str, limit: int = MAX_MESSAGE) -> str:
    return message if len(message) <= limit else message[: limit - 1] + "…"
