"""Where a manifest does not match its format, in a producer's words, in every language.

A validator explains an error by the schema keyword it breaks (``'2027/04/12' does not
match '^\\d{4}-...'``, and again ``is not a 'date'``). A producer needs to hear what the
field expects. So each node gets one problem whatever number of keywords its value
breaks (the most telling one is explained), a missing field and an unknown field one
each, and every message is built from the text table and from the schema's own
descriptions (``x-description-<lang>`` beside ``description``), never from a validator's
words. Each problem names the field's entry in the field reference (``hkai schema --doc``).
"""

from __future__ import annotations

import difflib
import re
from typing import Any, Iterator

from .manifest_fields import described, field_name, resolve, terms, TOP_LEVEL
from .schema import MANIFEST_SCHEMA, SchemaError, load_schema, schema_errors
from .yaml_loader import Document, escape_pointer_token, unescape_pointer_token
from ..text import LANGUAGES, say

Problem = dict[str, Any]  # {"pointer": str, "message": {lang: str}, "field": str}

MAX_SHOWN = 60  # characters of a value quoted in a message
# Of the errors one value raises, the one explained: the first in this order (a value of
# the wrong type breaks nothing else; a date's shape says more than its calendar).
PRECEDENCE = ("type", "anyOf", "oneOf", "const", "enum", "format", "pattern")
_DATE_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def manifest_problems(document: Document) -> list[Problem]:
    """Every way the manifest breaks its schema, one problem per node and field."""
    problems: dict[tuple, Problem | SchemaError] = {}
    for error in schema_errors(MANIFEST_SCHEMA, document.data):
        for leaf in _leaves(error):
            if leaf.keyword == "additionalProperties":
                for key, problem in _unknown_fields(leaf):
                    problems.setdefault(("unknown", _pointer(leaf.path), key), problem)
            elif leaf.keyword == "required":
                for key, problem in _missing_fields(leaf):
                    problems.setdefault(("missing", _pointer(leaf.path), key), problem)
            else:
                spot = ("value", _pointer(leaf.path))
                if spot not in problems or _rank(leaf) < _rank(problems[spot]):
                    problems[spot] = leaf
    return [problem if isinstance(problem, dict) else _wrong_value(problem) for problem in problems.values()]


def duplicate_key_problem(pointer: str, key: str, first_line: int) -> Problem:
    tokens = [unescape_pointer_token(token) for token in pointer.split("/")[1:]]
    return _problem(pointer, field_name(tokens), "duplicate_key", name=key, line=first_line)


def empty_manifest_problem() -> Problem:
    return _problem("", TOP_LEVEL, "empty_manifest")


def _problem(pointer: str, field: str, phrase: str, **values: Any) -> Problem:
    message = {}
    for lang in LANGUAGES:
        filled = {name: value(lang) if callable(value) else value for name, value in values.items()}
        text = say(f"manifest_format.{phrase}", lang, **filled)
        message[lang] = text[:1].upper() + text[1:]
    return {"pointer": pointer, "message": message, "field": field}


def _pointer(path: Any) -> str:
    return "".join(f"/{escape_pointer_token(str(token))}" for token in path)


def _rank(error: SchemaError) -> int:
    return PRECEDENCE.index(error.keyword) if error.keyword in PRECEDENCE else len(PRECEDENCE)


def _leaves(error: SchemaError) -> Iterator[SchemaError]:
    """The errors to explain: an ``anyOf`` a value failed is explained by the alternative
    of the value's type (a text given as ``{en, fr}`` hears about ``fr``), or as a whole
    when no alternative has the value's type."""
    if error.keyword not in ("anyOf", "oneOf") or not error.context:
        yield error
        return
    depth = len(error.path)
    branches: dict[int, list[SchemaError]] = {}
    for inner in error.context:
        branches.setdefault(inner.branch, []).append(inner)
    fitting = [errors for errors in branches.values()
               if not any(e.keyword == "type" and len(e.path) == depth for e in errors)]
    if not fitting:
        yield error
        return
    for inner in fitting[0]:
        yield from _leaves(inner)


# --- the three kinds of problem -----------------------------------------------------------

def _unknown_fields(error: SchemaError) -> Iterator[tuple[str, Problem]]:
    known = list(error.schema.get("properties", {}))
    where = _place(error, "where")
    for key in error.instance:
        key = str(key)
        if key in known or key.startswith("x-"):
            continue
        close = difflib.get_close_matches(key, known, n=1)
        suggestion = (lambda lang, close=close[0]: say("manifest_format.suggestion", lang, close=close)) if close else ""
        pointer = f"{_pointer(error.path)}/{escape_pointer_token(key)}"
        yield key, _problem(pointer, field_name(error.path), "unknown_field",
                            name=key, where=where, suggestion=suggestion)


def _missing_fields(error: SchemaError) -> Iterator[tuple[str, Problem]]:
    where = _place(error, "where")
    for key in error.keyword_value:
        if isinstance(error.instance, dict) and key not in error.instance:
            yield key, _problem(_pointer(error.path), field_name([*error.path, key]),
                                "missing_field", name=key, where=where)


def _wrong_value(error: SchemaError) -> Problem:
    """One value's problem: what the field expects, said from its schema."""
    pointer, value, node = _pointer(error.path), error.instance, error.schema
    field = field_name(error.path)
    subject = _place(error, "subject")

    def problem(phrase: str, **values: Any) -> Problem:
        return _problem(pointer, field, phrase, subject=subject, found=lambda lang: _found(value, lang), **values)

    form = _form(node)
    keyword = error.keyword
    if value is None and keyword in ("type", "anyOf", "oneOf", "enum", "const"):
        if form:
            return problem("no_value_form", expects=form)
        return problem("no_value", expected=lambda lang: expected_type(node, lang))
    if keyword in ("type", "anyOf", "oneOf", "pattern", "format") and form:
        if keyword == "format" and node.get("format") == "date" and _has_date_shape(value):
            return problem("no_such_day", expects=form)
        return problem("wrong_form", expects=form)
    if keyword in ("type", "anyOf", "oneOf"):
        return problem("wrong_type", expected=lambda lang: expected_type(node, lang))
    if keyword == "enum":
        close = difflib.get_close_matches(str(value), [str(option) for option in error.keyword_value], n=1)
        suggestion = (lambda lang: say("manifest_format.suggestion", lang, close=close[0])) if close else ""
        return problem("not_allowed", values=lambda lang: _listed(error.keyword_value, lang), suggestion=suggestion)
    if keyword == "const":
        return problem("must_be", value=_plain(error.keyword_value))
    limits = {"minLength": "too_short", "maxLength": "too_long", "minItems": "too_few", "maxItems": "too_many",
              "minimum": "too_small", "maximum": "too_large", "exclusiveMinimum": "not_above",
              "exclusiveMaximum": "not_below", "minProperties": "too_few_fields"}
    if keyword in ("minLength", "minItems", "minProperties") and error.keyword_value == 1:
        return problem("empty")
    if keyword in limits:
        return problem(limits[keyword], limit=_plain(error.keyword_value))
    if keyword == "uniqueItems":
        return problem("repeated")
    return problem("not_accepted", expects=lambda lang: _meaning(error, lang))


# --- words ---------------------------------------------------------------------------------

def _place(error: SchemaError, section: str) -> Any:
    """The node an error is at, in each language: the manifest, a field, a list's entry;
    as the mapping a field is missing from or unknown in (``where``), or as the value a
    problem is about (``subject``)."""
    path = list(error.path)
    if not path:
        return lambda lang: say(f"manifest_format.{section}.manifest", lang)
    if isinstance(path[-1], int):
        name = next((str(token) for token in reversed(path) if not isinstance(token, int)), TOP_LEVEL)
        return lambda lang: say(f"manifest_format.{section}.entry", lang, field=name)
    return lambda lang: say(f"manifest_format.{section}.field", lang, field=path[-1])


def _form(node: dict[str, Any]) -> Any:
    """For a value with a written form (a date, an id, an email, a text), or a choice of
    forms, what the form is, in each language: the schema's description of it."""
    source = _form_node(node)
    if source is None:
        return None
    return lambda lang: _clause(described(source, lang) or "", lang)


def _form_node(node: dict[str, Any]) -> dict[str, Any] | None:
    """The node describing a written form: one with a pattern or format, a definition
    (``$defs``: a date, an id, a text), or the first alternative that is either. A field's
    own description says what it means, not how it is written."""
    definition = any(node is d for d in load_schema(MANIFEST_SCHEMA)["$defs"].values())
    if node.get("description") and ("pattern" in node or "format" in node or definition):
        return node
    for branch in node.get("anyOf", node.get("oneOf", ())):
        found = _form_node(resolve(branch))
        if found is not None:
            return found
    return None


def _clause(sentence: str, lang: str) -> str:
    """A description as the clause after a colon: no final full stop, English lower-cased."""
    sentence = sentence.strip().rstrip(".。")
    first = sentence.split(" ", 1)[0]
    if lang == "en" and not (len(first) > 1 and first.isupper()):  # "Dates are ..." but not "SHA-256 ..."
        return sentence[:1].lower() + sentence[1:]
    return sentence


def _meaning(error: SchemaError, lang: str) -> str:
    declared = described(error.schema, lang)
    return _clause(declared, lang) if declared else say("manifest_format.see_reference", lang)


def expected_type(node: dict[str, Any], lang: str) -> str:
    """What a node's type allows, in words: ``a list``, ``text or empty``."""
    types: list[str] = []
    for candidate in [node, *(resolve(branch) for branch in node.get("anyOf", node.get("oneOf", ())))]:
        declared = candidate.get("type")
        if "enum" in candidate:
            types.append(say("manifest_format.one_of", lang, values=_listed(candidate["enum"], lang)))
        for name in declared if isinstance(declared, list) else [declared] if declared else []:
            types.append(say(f"manifest_format.types.{name}", lang))
    return say("manifest_format.or", lang).join(dict.fromkeys(types))


def _found(value: Any, lang: str) -> str:
    """A value as the producer wrote it."""
    if isinstance(value, dict):
        return say("manifest_format.found.mapping", lang)
    if isinstance(value, list):
        return say("manifest_format.found.list", lang)
    shown = _plain(value)
    if len(shown) > MAX_SHOWN:
        shown = shown[:MAX_SHOWN - 1] + "…"
    return say(f"manifest_format.found.{'text' if isinstance(value, str) else 'other'}", lang, value=shown)


def _plain(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    return str(value)


def _listed(values: list[Any], lang: str) -> str:
    return say("manifest_format.list_separator", lang).join(allowed_value(value, lang) for value in values)


def allowed_value(value: Any, lang: str) -> str:
    """An allowed value as written in a manifest, with its word where the language has one
    (「`estate`（遺產管理人）」)."""
    return say("manifest_format.allowed_value", lang, value=_plain(value)) + term_note(value, lang)


def term_note(value: Any, lang: str) -> str:
    """After an enumerated value, its word in ``lang`` (the format's own words in English: none)."""
    word = terms(lang).get(value) if isinstance(value, str) else None
    return say("manifest_format.term", lang, word=word) if word else ""


def _has_date_shape(value: Any) -> bool:
    """Written YYYY-MM-DD, whether or not the calendar has that day."""
    return isinstance(value, str) and _DATE_SHAPE.fullmatch(value) is not None
