"""Every field of the manifest schema is described in English and Chinese, with an
example that matches it."""

import json

import jsonschema
from conftest import ROOT

SCHEMA = json.loads((ROOT / "checker" / "schemas" / "manifest-v1.schema.json").read_text(encoding="utf-8"))


def _properties(node, where="#"):
    """Every field the schema declares, anywhere (not the conditions of an ``if``): (where, name, node)."""
    if isinstance(node, dict):
        for name, child in node.get("properties", {}).items():
            yield f"{where}/properties/{name}", name, child
        for key, child in node.items():
            if key != "if":
                yield from _properties(child, f"{where}/{key}")
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _properties(child, f"{where}/{index}")


def _shaped(node, where="#"):
    """Every node of the schema with a written form (a pattern or a format)."""
    if isinstance(node, dict):
        if "pattern" in node or "format" in node:
            yield where, node
        for key, child in node.items():
            if key != "properties" or isinstance(child, dict):
                yield from _shaped(child, f"{where}/{key}")
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _shaped(child, f"{where}/{index}")


def test_every_field_has_a_meaning_in_every_language_and_a_valid_example():
    properties = list(_properties(SCHEMA))
    assert len(properties) > 100
    for where, name, node in properties:
        if where.startswith("#/properties/") and name.startswith("x-"):
            continue
        assert node.get("description") and node.get("x-description-zh"), f"{where} lacks a language"
        assert node.get("examples"), f"{where} has no example"
        checked = {**node, "$defs": SCHEMA["$defs"]}
        for example in node["examples"]:
            jsonschema.Draft202012Validator(checked, format_checker=jsonschema.FormatChecker()).validate(example)


def test_every_written_form_is_described_in_every_language():
    """A value's problem says its form with these descriptions (`2027/04/12` → YYYY-MM-DD)."""
    for where, node in _shaped(SCHEMA):
        if where.endswith("patternProperties/^x-"):
            continue
        assert node.get("description") and node.get("x-description-zh"), where


def test_a_property_without_chinese_fails_the_check():
    """The check above can fail."""
    broken = json.loads(json.dumps(SCHEMA))
    del broken["$defs"]["Consent"]["properties"]["informed"]["x-description-zh"]
    lacking = [where for where, _, node in _properties(broken) if not node.get("x-description-zh")]
    assert lacking == ["#/$defs/Consent/properties/informed"]
