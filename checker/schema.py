"""JSON Schemas shipped with the package, and schema errors turned into located messages."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any, Iterator

import jsonschema
from jsonschema.exceptions import ValidationError, best_match

from .loader import Document, escape_pointer_token

MANIFEST_SCHEMA = "manifest-v1.schema.json"
RULE_FILE_SCHEMA = "rule-file.schema.json"
MAX_MESSAGE = 200


@cache
def load_schema(name: str) -> dict[str, Any]:
    return json.loads(resources.files("checker.schemas").joinpath(name).read_text(encoding="utf-8"))


@cache
def validator(name: str) -> jsonschema.protocols.Validator:
    cls = jsonschema.validators.validator_for(load_schema(name))
    return cls(load_schema(name), format_checker=cls.FORMAT_CHECKER)


def manifest_sections() -> frozenset[str]:
    """The top-level names of a manifest: the roots a rule's paths may start from."""
    return frozenset(load_schema(MANIFEST_SCHEMA)["properties"])


def schema_problems(name: str, document: Document) -> Iterator[tuple[str, str]]:
    """(JSON Pointer, message) for every way ``document`` breaks schema ``name``."""
    for error in validator(name).iter_errors(document.data):
        yield from _explain(error)


def _explain(error: ValidationError) -> Iterator[tuple[str, str]]:
    pointer = "".join(f"/{escape_pointer_token(str(part))}" for part in error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = error.schema.get("properties", {})
        for key in error.instance:
            if key not in known and not key.startswith("x-"):
                yield f"{pointer}/{escape_pointer_token(key)}", f"unknown field {key!r}" + _suggestion(key, known)
        return
    if error.validator == "required":
        yield pointer, _shorten(error.message.replace("is a required property", "is required here"))
        return
    if error.validator in ("anyOf", "oneOf"):
        description = error.schema.get("description")
        if description:
            yield pointer, _shorten(f"{_repr(error.instance)} is not valid: expected {description[0].lower()}{description[1:]}")
            return
        if error.context:
            yield from _explain(best_match(error.context))
            return
    yield pointer, _shorten(error.message)


def _suggestion(key: str, known: dict[str, Any]) -> str:
    import difflib

    close = difflib.get_close_matches(key, list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _repr(value: Any) -> str:
    return _shorten(repr(value), 60)


def _shorten(message: str, limit: int = MAX_MESSAGE) -> str:
    return message if len(message) <= limit else message[: limit - 1] + "…"
