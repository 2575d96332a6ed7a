"""The rule language, declared once: its operators and its forms.

Everything else about the language is read from here: the compiler accepts exactly these
operators and forms, ``scripts/generate_rule_schema.py`` writes the language's part of
``rule-file.schema.json`` from them, the plain-words phrasing of each has a key in the
program's text table (``rule_language:`` in ``checker/text/*.yaml``), and the tests hold
the operator table of ``docs/rule-language.md`` to them.

An operator tests the value at a path against an operand: ``{use.kind: {equals:
voice_clone}}``. Each test is total: a missing or ill-typed value fails it, nothing raises.
A form is a key of the language (``for_each``, ``exists``, ``from``...), found in one place
of a rule file: a check, a condition, a selection (a ``for_each`` source, ``exists`` or
``count``), a named selection, or a table of checks.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable, NamedTuple

from ..evaluation.levels import RANK
from ..text import values as text_values
from . import language_tags
from .runtime import MISSING

MAX_MATCH_LENGTH = 10_000  # regexes only ever see this much of a value
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

NAME_PATTERN = "^[a-z_][a-z0-9_]*(?!\\n)$"
PATH_PATTERN = "^[a-z_][a-z0-9_]*(\\.[a-z0-9_]+)*(?!\\n)$"


# --- operands ----------------------------------------------------------------------------


class Operand(NamedTuple):
    """A kind of operand, and the JSON Schema a rule file's operand of that kind meets."""

    kind: str
    schema: dict[str, Any]


VALUE = Operand("value", {"description": "A literal value, or $path to read a value of the record being checked."})
VALUES = Operand("values", {"anyOf": [{"type": "array"}, {"type": "string", "pattern": "^\\$"}]})
FLAG = Operand("flag", {"type": "boolean"})
PATTERN = Operand("pattern", {"type": "string", "description": "A regular expression, searched in the value."})
COUNT = Operand("count", {"type": "integer", "minimum": 0})
LANGUAGE = Operand("language", {
    "anyOf": [{"type": "object", "properties": {
        "language": {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}, "minItems": 1}]},
        "script": {"type": "string"},
        "implied": {"type": "object", "additionalProperties": {"type": "string"}},
    }, "required": ["language"], "additionalProperties": False}, {"type": "string", "pattern": "^\\$"}],
    "description": ("Languages (BCP 47 language subtags), optionally a script (ISO 15924) and tags read as "
                    "other tags: {language: [zh, yue], script: Hant, implied: {zh: zh-Hant-HK}}, or $values.NAME.")})


# --- the operators' tests ----------------------------------------------------------------


def _is_present(value: Any) -> bool:
    return value is not MISSING and value is not None and value != "" and value != [] and value != {}


def _same(a: Any, b: Any) -> bool:
    return a is not MISSING and (type(a) is bool) == (type(b) is bool) and a == b


def _rank(value: Any) -> float | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return RANK.get(value) if isinstance(value, str) else None


def _ordered(test: Callable[[float, float], bool]) -> Callable[[Any, Any], bool]:
    def compare(value: Any, limit: Any) -> bool:
        a, b = _rank(value), _rank(limit)
        return a is not None and b is not None and test(a, b)
    return compare


def _dated(test: Callable[[str, str], bool]) -> Callable[[Any, Any], bool]:
    def compare(value: Any, other: Any) -> bool:
        return (isinstance(value, str) and isinstance(other, str)
                and bool(_DATE.fullmatch(value)) and bool(_DATE.fullmatch(other)) and test(value, other))
    return compare


def _list_test(test: Callable[[list, Any], bool]) -> Callable[[Any, Any], bool]:
    return lambda value, operand: isinstance(value, list) and test(value, operand)


def _text_test(test: Callable[[str, Any], bool]) -> Callable[[Any, Any], bool]:
    """A test of text holds when any language version of the value passes it."""
    def holds(value: Any, operand: Any) -> bool:
        if type(value) is str:  # the common case: one version
            return test(value, operand)
        return any(test(version, operand) for version in text_values.variants(value))
    return holds


def _mentions(version: str, needle: Any) -> bool:
    lowered = text_values.folded(version)
    return any(_mentioned(lowered, text_values.folded(n)) for n in text_values.variants(needle) if n)


def _mentioned(text: str, term: str) -> bool:
    """Whether ``term`` is in ``text`` as a term of its own: not run on from a letter or
    digit on either side (id ``ia`` is not in "media"); Chinese needs no spaces around it."""
    start = text.find(term)
    while start >= 0:
        end = start + len(term)
        if not (_glued(text[start - 1:start], term[0]) or _glued(text[end:end + 1], term[-1])):
            return True
        start = text.find(term, start + 1)
    return False


def _glued(neighbour: str, edge: str) -> bool:
    return bool(neighbour) and text_values.is_word_character(neighbour) and text_values.is_word_character(edge)


@lru_cache(maxsize=1024)
def _found(pattern: Any, version: str) -> bool:
    """Whether a rule's pattern is found in a text (its first MAX_MATCH_LENGTH characters),
    once per pattern and text, however many records reach that text."""
    return pattern.search(version[:MAX_MATCH_LENGTH]) is not None


def _as_list(value: Any) -> list:
    return value if isinstance(value, list) else []


class Operator(NamedTuple):
    name: str
    operand: Operand
    test: Callable[[Any, Any], bool]  # test(value, operand); a `matches` operand is a compiled regex
    # the operand, checked and made ready once, when the rule is compiled (ValueError: what is wrong);
    # an operator with one takes no $path read when the check runs
    prepare: Callable[[Any], Any] | None = None


OPERATORS: dict[str, Operator] = {operator.name: operator for operator in (
    Operator("present", FLAG, lambda value, expected: _is_present(value) == bool(expected)),
    Operator("equals", VALUE, _same),
    Operator("not_equals", VALUE, lambda value, other: not _same(value, other)),
    Operator("in", VALUES, lambda value, options: any(_same(value, option) for option in _as_list(options))),
    Operator("not_in", VALUES, lambda value, options: not any(_same(value, option) for option in _as_list(options))),
    Operator("contains", VALUE, _list_test(lambda items, item: item in items if type(item) is str  # the common case
                                           else any(_same(x, item) for x in items))),
    Operator("contains_any", VALUES,
             _list_test(lambda items, wanted: any(_same(x, w) for w in _as_list(wanted) for x in items))),
    Operator("contains_all", VALUES,
             _list_test(lambda items, wanted: all(any(_same(x, w) for x in items) for w in _as_list(wanted)))),
    Operator("matches", PATTERN,
             _text_test(lambda version, pattern: _found(pattern, version))),
    Operator("mentions", VALUE, _text_test(_mentions)),
    Operator("min_words", COUNT, _text_test(lambda version, n: text_values.word_count(version) >= n)),
    Operator("min_length", COUNT, _text_test(lambda version, n: len(version) >= n)),
    Operator("max_length", COUNT, _text_test(lambda version, n: len(version) <= n)),
    Operator("at_least", VALUE, _ordered(lambda a, b: a >= b)),
    Operator("at_most", VALUE, _ordered(lambda a, b: a <= b)),
    Operator("greater_than", VALUE, _ordered(lambda a, b: a > b)),
    Operator("less_than", VALUE, _ordered(lambda a, b: a < b)),
    Operator("before", VALUE, _dated(lambda a, b: a < b)),
    Operator("on_or_before", VALUE, _dated(lambda a, b: a <= b)),
    Operator("after", VALUE, _dated(lambda a, b: a > b)),
    Operator("on_or_after", VALUE, _dated(lambda a, b: a >= b)),
    Operator("language_tag", FLAG, lambda value, expected: language_tags.is_language_tag(value) == bool(expected)),
    Operator("in_language", LANGUAGE, language_tags.written_in, language_tags.prepare),
    Operator("contains_language", LANGUAGE,
             _list_test(lambda items, spec: any(language_tags.written_in(item, spec) for item in items)),
             language_tags.prepare),
)}


# --- forms -------------------------------------------------------------------------------

# The places of a rule file where forms are written. A source is what a ``for_each`` name
# ranges over; a quantifier is the body of ``exists`` or ``count``.
FILE, CHECK, CONDITION, SOURCE, QUANTIFIER, NAMED, TABLE = (
    "file", "check", "condition", "source", "quantifier", "named selection", "table")


def _ref(definition: str) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{definition}"}


_PATH = {"type": "string", "pattern": PATH_PATTERN}
_NAME = {"type": "string", "pattern": NAME_PATTERN}
_CONDITIONS = {"type": "array", "items": _ref("condition"), "minItems": 1}
_BOUND = {"type": "integer", "minimum": 0}


# The documents a check can judge: manifests, and the waivers files reviewers pass with --waivers.
MANIFEST, WAIVERS_FILE = "manifest", "waivers_file"
DOCUMENTS = (MANIFEST, WAIVERS_FILE)


class Form(NamedTuple):
    """A key of the language: the places it is written in, and what it accepts there."""

    name: str
    places: tuple[str, ...]
    schema: dict[str, Any]


FORMS: tuple[Form, ...] = (
    Form("selections", (FILE,), {
        "type": "object", "propertyNames": {"pattern": NAME_PATTERN}, "additionalProperties": _ref("named_selection"),
        "description": "Selections named once for the whole pack (and the packs that extend it)."}),
    Form("values", (FILE,), {
        "type": "object", "propertyNames": {"pattern": NAME_PATTERN},
        "additionalProperties": {
            "type": "object",
            "properties": {"source": {"type": "string", "minLength": 1}, "value": {}},
            "required": ["source", "value"], "additionalProperties": False},
        "description": ("Values named once for the whole pack (and the packs that extend it), each with its "
                        "source, such as a table of country codes; an operand reads one as $values.NAME.")}),
    Form("for_each", (CHECK,), {
        "type": "object", "propertyNames": {"pattern": NAME_PATTERN},
        "additionalProperties": {"anyOf": [_PATH, _ref("source")]}}),
    Form("where", (CHECK, SOURCE, QUANTIFIER, NAMED), _ref("condition")),
    Form("require", (CHECK,), _ref("condition")),
    Form("target", (CHECK,), _PATH),
    Form("at", (CHECK,), _PATH),
    Form("at_pointer", (CHECK,), {**_PATH, "description": (
        "A path whose value is a JSON Pointer: the finding points at that node of the document (for facts "
        "about a node, such as a format problem, that are not the node itself).")}),
    Form("document", (CHECK,), {"enum": list(DOCUMENTS), "description": (
        "What the check judges: a manifest (the default) or a reviewer's waivers file (its `waivers`, "
        "each with the facts `used`, `production_checked` and `production_records`).")}),
    Form("message", (CHECK,), _ref("bilingual")),
    Form("fix", (CHECK,), {**_ref("bilingual"), "description": (
        "A fix for this check's findings, with {placeholders} filled in as in messages (a rule's own `fix` "
        "has none): e.g. the entry of the field reference a format problem names.")}),
    Form("all", (CONDITION,), _CONDITIONS),
    Form("any", (CONDITION,), _CONDITIONS),
    Form("not", (CONDITION,), _ref("condition")),
    Form("exists", (CONDITION,), _ref("quantifier")),
    Form("count", (CONDITION,), _ref("quantifier")),
    Form("from", (SOURCE, QUANTIFIER, NAMED), {**_PATH, "description": "A manifest section or a path to a list."}),
    Form("listed_in", (SOURCE, QUANTIFIER, NAMED), {
        "anyOf": [_PATH, {"type": "array", "items": _PATH, "minItems": 1}],
        "description": "Keep only the records whose id is listed at this path (or these paths)."}),
    Form("every_text", (SOURCE, QUANTIFIER, NAMED), {**FLAG.schema, "description": (
        "Instead of the records of a list: every text value anywhere inside the value at `from` (in mappings "
        "and lists, at any depth), each with the JSON Pointer of its own node. `from: document` is the whole "
        "document.")}),
    Form("selection", (SOURCE, QUANTIFIER), {**_NAME, "description": "A named selection, used by its name."}),
    Form("as", (QUANTIFIER, NAMED), _NAME),
    Form("at_least", (QUANTIFIER,), _BOUND),
    Form("at_most", (QUANTIFIER,), _BOUND),
    Form("table", (TABLE,), {
        "type": "object",
        "properties": {
            "columns": {"type": "array", "items": _NAME, "minItems": 1, "uniqueItems": True},
            "rows": {"type": "array", "minItems": 1, "items": {"type": "array", "minItems": 1, "items": {
                "anyOf": [{"type": ["string", "number", "boolean"]}, _ref("bilingual")]}}},
        },
        "required": ["columns", "rows"], "additionalProperties": False,
        "description": "Rows of parameters: the check is repeated for each row, <column> replaced by its value."}),
    Form("check", (TABLE,), {"type": "object", "description": "The check repeated for each row of the table."}),
)
CONDITION_FORMS = tuple(form.name for form in FORMS if CONDITION in form.places)


def forms(place: str) -> dict[str, dict[str, Any]]:
    """The forms written in ``place``, by name, with the schema of what each accepts there."""
    return {form.name: form.schema for form in FORMS if place in form.places}


def language_schema() -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The parts of ``rule-file.schema.json`` that describe the language: the top-level
    keys it adds to a rule file, and its definitions. (The rest of the schema, a rule's
    texts and facts, is written by hand.)"""
    definitions = {
        "checks": {"anyOf": [_ref("check"), _ref("table"), {
            "type": "array", "items": {"anyOf": [_ref("check"), _ref("table")]}, "minItems": 1}]},
        "check": _object(forms(CHECK), required=["require"]),
        "table": _object(forms(TABLE), required=["table", "check"]),
        # records `from` a section or path, or of a named `selection`, which takes only a further `where`
        "source": _object(forms(SOURCE), either=(["from"], "selection", ["where"])),
        "quantifier": _object(forms(QUANTIFIER), either=(["from", "as"], "selection", ["where", "at_least", "at_most"])),
        "named_selection": _object(forms(NAMED), required=["from", "as"]),
        "condition": {"anyOf": [_CONDITIONS, *(_object({name: schema}, required=[name])
                                               for name, schema in forms(CONDITION).items()), _ref("comparison")]},
        "comparison": {
            "type": "object", "minProperties": 1, "maxProperties": 1,
            "propertyNames": {"pattern": PATH_PATTERN, "not": {"enum": list(CONDITION_FORMS)}},
            "additionalProperties": _object({name: op.operand.schema for name, op in OPERATORS.items()},
                                            min_properties=1),
        },
    }
    return forms(FILE), definitions


def _object(properties: dict[str, Any], required: list[str] | None = None, min_properties: int | None = None,
            either: tuple[list[str], str, list[str]] | None = None) -> dict[str, Any]:
    """An object with these properties and no others. ``either``: the keys it requires,
    unless it has the key that stands for them, which goes with only the keys listed."""
    schema: dict[str, Any] = {"type": "object"}
    if min_properties is not None:
        schema["minProperties"] = min_properties
    schema["properties"] = properties
    if required:
        schema["required"] = required
    if either:
        keys, instead, companions = either
        schema["if"] = {"required": [instead]}
        schema["then"] = {"propertyNames": {"enum": [instead, *companions]}}
        schema["else"] = {"required": keys}
    schema["additionalProperties"] = False
    return schema
