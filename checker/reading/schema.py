"""JSON Schemas shipped with the package, and schema errors turned into located messages."""

from __future__ import annotations

import datetime
import json
import re
from functools import cache
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

from .yaml_loader import Document, escape_pointer_token
from ..schemas._fast_support import JsonSchemaValueException

if TYPE_CHECKING:
    import jsonschema
    from jsonschema.exceptions import ValidationError

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


@cache
def validator(name: str) -> jsonschema.protocols.Validator:
    """jsonschema's validator: slow on big documents, but it explains every error."""
    import jsonschema

    cls = jsonschema.validators.validator_for(load_schema(name))
    return cls(load_schema(name), format_checker=cls.FORMAT_CHECKER)


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)


def _is_date(value: str) -> bool:
    """The date format as jsonschema's format checker judges it."""
    try:
        return bool(_DATE.match(value)) and bool(datetime.date.fromisoformat(value))
    except ValueError:
        return False


# As jsonschema's format checker judges them, so that both validators agree.
FORMATS: dict[str, Callable[[str], bool]] = {"date": _is_date, "email": lambda value: "@" in value}


def fast_module_name(name: str) -> str:
    """The module scripts/generate_validators.py writes for schema file ``name``."""
    return "_fast_" + name.removesuffix(".schema.json").replace("-", "_").replace(".", "_")


@cache
def _fast_validator(name: str) -> Callable[..., Any]:
    """The validator generated from the schema by scripts/generate_validators.py."""
    return import_module(f"checker.schemas.{fast_module_name(name)}").validate


def is_valid(name: str, data: Any) -> bool:
    try:
        _fast_validator(name)(data, custom_formats=FORMATS)
    except JsonSchemaValueException:
        return False
    return True


def manifest_sections() -> frozenset[str]:
    """The top-level names of a manifest: the roots a rule's paths may start from."""
    return frozenset(load_schema(MANIFEST_SCHEMA)["properties"])


def schema_problems(name: str, document: Document) -> Iterator[tuple[str, str]]:
    """(JSON Pointer, message) for every way ``document`` breaks schema ``name``.

    The generated validator answers first; only a document it rejects is walked again by
    jsonschema, which explains every error.
    """
    if is_valid(name, document.data):
        return
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
    if error.validator == "type":
        expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        yield pointer, f"expected {' or '.join(_TYPE_NAMES.get(t, t) for t in expected)}, found {_describe(error.instance)}"
        return
    if error.validator == "enum" and isinstance(error.instance, str):
        options = [str(option) for option in error.validator_value]
        yield pointer, _shorten(f"{error.instance!r} is not an allowed value{_suggestion(error.instance, options)}; "
                                f"expected one of: {', '.join(options)}")
        return
    if error.validator == "const":
        yield pointer, f"must be {error.validator_value!r}, found {_describe(error.instance)}"
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


def _furthest(error: ValidationError) -> ValidationError:
    """Of the alternatives an instance failed, the error from the one it got furthest in:
    a rule whose operator is misspelt should hear about the operator, not that it is not
    a list."""
    from jsonschema.exceptions import best_match

    candidates = [e for e in error.context if not (e.validator == "type" and not e.path)]
    if not candidates:
        return best_match(error.context)
    return max(candidates, key=lambda e: (len(e.absolute_path), _SPECIFICITY.get(e.validator, 2)))


def _suggestion(key: str, known: Any) -> str:
    import difflib  # only an invalid manifest pays for it

    close = difflib.get_close_matches(key, list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _repr(value: Any) -> str:
    return _shorten(repr(value), 60)


def _shorten(message: str, limit: int = MAX_MESSAGE) -> str:
    return message if len(message) <= limit else message[: limit - 1] + "…"
