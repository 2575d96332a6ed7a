"""The field reference: every field of the manifest schema described in English and
Chinese with an example, generated as Markdown (`hkai schema --doc`, and
docs/manifest-reference*.md, kept up to date)."""

import json

import jsonschema
import pytest

from checker.reading.field_reference import reference_file_name
from checker.text import LANGUAGES
from conftest import ROOT, hkai

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


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_reference_in_the_repository_is_up_to_date(lang):
    result = hkai("schema", "--doc", "--lang", lang)
    assert result.returncode == 0 and result.stderr == ""
    shipped = (ROOT / "docs" / reference_file_name(lang)).read_text(encoding="utf-8")
    assert result.stdout == shipped, f"regenerate it: hkai schema --doc --lang {lang} > docs/{reference_file_name(lang)}"


def test_the_reference_has_every_field_with_type_allowed_values_and_example():
    english = hkai("schema", "--doc").stdout
    chinese = hkai("schema", "--doc", "--lang", "zh").stdout
    for field in ("production.release_date", "ai_uses.kind", "consents.document.sha256",
                  "compensation.amount.currency", "production.funding.amount.value", "writers_room"):
        assert f"`{field}`" in english and f"`{field}`" in chinese
    entry = english.split("### `ai_uses.kind`")[1].split("###")[0]
    assert "**Type**: one of the allowed values, required" in entry
    assert "`de_ageing`" in entry and "kind: de_ageing" in entry
    entry = chinese.split("### `production.release_date`")[1].split("###")[0]
    assert "**寫法**：日期須寫成 YYYY-MM-DD，例如 2027-04-12。" in entry and "必填" in entry
    assert hkai("schema", "--doc", env={"HKAI_LANG": "zh"}).stdout == chinese


def test_the_readme_links_the_reference():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/manifest-reference.md" in readme and "hkai schema --doc" in readme


def test_the_reference_can_be_written_to_a_file_and_a_bad_language_is_refused(tmp_path):
    target = tmp_path / "reference.md"
    assert hkai("schema", "--doc", "--lang", "zh", "--output", str(target)).returncode == 0
    assert target.read_text(encoding="utf-8") == (ROOT / "docs" / reference_file_name("zh")).read_text(encoding="utf-8")
    refused = hkai("schema", "--doc", env={"HKAI_LANG": "fr"})
    assert refused.returncode == 2 and "HKAI_LANG" in refused.stderr and "Traceback" not in refused.stderr
