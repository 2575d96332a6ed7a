"""jsonschema-rs checks every document; jsonschema is the reference. Both must find the same
errors, in the same order, put into the same words, on every document the project has: the
corpus, the examples, every fixture case, the rule files and fixture files, and broken
variants of each of those kinds of file."""

import copy
import json
import math
import re
import subprocess
import sys

import jsonschema
import jsonschema_rs
import pytest
from hypothesis import given, settings, strategies as st

from conftest import EXAMPLES, MINIMAL, ROOT, TODAY, hkai
from test_review import WAIVERS

from checker.reading import schema
from checker.reading.manifest_problems import manifest_problems
from checker.reading.schema import (FIXTURE_SCHEMA, MANIFEST_SCHEMA, PACK_SCHEMA, RULE_FILE_SCHEMA,
                                    WAIVERS_SCHEMA, compiled_errors, jsonschema_words, load_schema,
                                    reference_errors, schema_problems)
from checker.reading.yaml_loader import Document, LoadError, load_file, load_text

MINIMAL_DATA = load_text(MINIMAL).data
PACKS = ROOT / "tests" / "corpus" / "rule-packs"
SCHEMA_FILES = sorted(path.name for path in schema.SCHEMAS_DIR.glob("*.schema.json"))


def _loaded(paths):
    for path in paths:
        try:
            yield str(path.relative_to(ROOT)), load_file(path).data
        except LoadError:
            continue  # unreadable files never reach validation


def _documents():
    """(schema, name, data) for every document the project has."""
    for name, data in _loaded(sorted((ROOT / "tests" / "corpus" / "manifests").glob("*.yaml"))
                              + sorted(EXAMPLES.glob("*/manifest.yaml"))):
        yield MANIFEST_SCHEMA, name, data
    for name, data in _loaded(sorted((ROOT / "rules" / "fixtures").glob("*.yaml"))):
        yield FIXTURE_SCHEMA, name, data
        for index, case in enumerate(data["cases"]):
            for twin in ("manifest", "fixed"):
                if twin in case:
                    yield MANIFEST_SCHEMA, f"{name} case {index} {twin}", case[twin]
    rule_files = sorted((ROOT / "rules").glob("*.yaml")) + sorted(PACKS.rglob("*.yaml"))
    for name, data in _loaded(rule_files):
        yield PACK_SCHEMA if name.endswith("pack.yaml") else RULE_FILE_SCHEMA, name, data
    yield WAIVERS_SCHEMA, "test_review.WAIVERS", load_text(WAIVERS).data


def _targeted():
    """Documents breaking the keywords the broken variants seldom reach."""
    rule = load_file(ROOT / "rules" / "consent.yaml").data["rules"][0]
    yield RULE_FILE_SCHEMA, "levels repeated", {"rules": [{**rule, "levels": ["low", "low"]}]}
    yield RULE_FILE_SCHEMA, "negative count", {"rules": [{**rule, "check": {"count": {"of": "people",
                                                                                    "at_least": -1}}}]}
    yield MANIFEST_SCHEMA, "negative amount", {**MINIMAL_DATA, "compensation": [
        {"id": "c", "person": "p", "basis": "buyout", "amount": {"value": -1, "currency": "HKD"}}]}


DOCUMENTS = list(_documents()) + list(_targeted())
WRONG_VALUES = (None, 12, -1, 2.5, True, "", "Not An Id!", "2027/04/12", "2026-02-30", "x" * 201, [], ["x", "x"],
                {}, {"x-": 1}, {"all": [], "any": []}, {"not": {}, "Bad Name": 1})


def _broken(data, limit):
    """Broken variants of a document: each node (the first ``limit``) given wrong values,
    emptied or stripped of a key, each mapping given an unknown key."""
    spots = []

    def walk(node, path):
        spots.append(path)
        children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, child in children:
            walk(child, (*path, key))

    walk(data, ())
    for number, path in enumerate(spots[:limit]):
        for wrong in WRONG_VALUES[number % 3::3]:
            yield _replaced(data, path, wrong)
        node = _at(data, path)
        if isinstance(node, dict) and node:
            yield _replaced(data, path, {**node, "unknwon": 1})
            yield _replaced(data, path, dict(list(node.items())[1:]))


def _at(data, path):
    for key in path:
        data = data[key]
    return data


def _replaced(data, path, value):
    if not path:
        return value
    copied = copy.deepcopy(data)
    _at(copied, path[:-1])[path[-1]] = value
    return copied


BROKEN = [(kind, f"{name} broken {number}", variant)
          for kind, name, data in DOCUMENTS if kind != MANIFEST_SCHEMA or "case 0 manifest" in name
          for number, variant in enumerate(_broken(data, 25))]


def _agree(kind, data):
    found = compiled_errors(kind, data)
    reference = reference_errors(kind, data)
    assert found is not None, "jsonschema-rs could not vouch for a plain document"
    assert found == reference
    assert [error.message for error in found] == [error.message for error in reference]


@pytest.mark.parametrize(("kind", "name", "data"), DOCUMENTS, ids=[name for _, name, _ in DOCUMENTS])
def test_jsonschema_rs_finds_what_jsonschema_finds(kind, name, data):
    if _has_unjudgeable_value(data):
        assert compiled_errors(kind, data) is None  # left to jsonschema
        return
    _agree(kind, data)


def test_jsonschema_rs_finds_what_jsonschema_finds_in_broken_files():
    assert len(BROKEN) > 2000
    for kind, name, data in BROKEN:
        try:
            _agree(kind, data)
        except AssertionError as error:
            raise AssertionError(name) from error


def _has_unjudgeable_value(data):
    if isinstance(data, float):
        return not math.isfinite(data)
    if isinstance(data, dict):
        return any(_has_unjudgeable_value(value) for value in data.values())
    return isinstance(data, list) and any(_has_unjudgeable_value(item) for item in data)


def _words_either_way(monkeypatch, explain):
    """What ``explain`` says with jsonschema-rs, and with jsonschema alone."""
    fast = explain()
    monkeypatch.setattr(schema, "compiled_errors", lambda name, data: None)
    return fast, explain()


@pytest.mark.parametrize(("kind", "name", "data"), DOCUMENTS + BROKEN[::7], ids=lambda value: value
                         if isinstance(value, str) and not value.endswith(".json") else "")
def test_producers_and_authors_read_the_same_words_either_way(monkeypatch, kind, name, data):
    document = Document("file.yaml", data)
    if kind == MANIFEST_SCHEMA:
        fast, reference = _words_either_way(monkeypatch, lambda: manifest_problems(document))
    else:
        fast, reference = _words_either_way(monkeypatch, lambda: list(schema_problems(kind, document)))
    assert fast == reference


def test_the_words_are_jsonschemas_own():
    """The messages rule and pack authors read are jsonschema's, word for word."""
    compared = set()
    for kind, name, data in DOCUMENTS + BROKEN[::5]:
        checker = jsonschema.Draft202012Validator(load_schema(kind), format_checker=REFERENCE_FORMATS)
        own = sorted(_all_messages(checker.iter_errors(data), lambda error: error.context))
        ours = sorted(_all_messages(reference_errors(kind, data), lambda error: error.context, jsonschema_words))
        assert ours == own, name
        compared.update(error.keyword for error in _all_errors(reference_errors(kind, data)))
    assert compared >= {"additionalProperties", "anyOf", "const", "enum", "format", "maxLength", "maxProperties",
                        "minItems", "minLength", "minProperties", "minimum", "not", "pattern", "required", "type",
                        "uniqueItems"}


def _all_errors(errors):
    for error in errors:
        yield error
        yield from _all_errors(error.context)


REFERENCE_FORMATS = jsonschema.Draft202012Validator.FORMAT_CHECKER


def _all_messages(errors, inner, words=lambda error: error.message):
    for error in errors:
        yield words(error)
        yield from _all_messages(inner(error), inner, words)


# Keywords that only lead to others (their errors are their subschemas' errors).
STRUCTURE = {"$schema", "$id", "$ref", "$defs", "title", "description", "examples", "properties", "patternProperties",
             "items", "propertyNames", "if", "then", "else"}


def test_every_keyword_the_schemas_use_has_jsonschemas_words():
    used = {keyword for name in SCHEMA_FILES for node, parent in _nodes(load_schema(name)) if parent != "properties"
            for keyword in node if not keyword.startswith("x-")}
    assert used - STRUCTURE <= set(schema._WORDS), "add jsonschema's words for it, and a document breaking it above"


def test_the_reference_is_draft_2020_12():
    for name in SCHEMA_FILES:
        assert schema.validator(name).__class__ is jsonschema.Draft202012Validator


# --- values jsonschema-rs cannot judge as jsonschema does ----------------------------------



@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_an_infinity_or_nan_is_judged_by_jsonschema(value):
    # jsonschema-rs takes them for values of no type; jsonschema for numbers
    amount = {**MINIMAL_DATA, "compensation": [{"id": "c", "person": "p", "basis": "buyout",
                                                "amount": {"value": value, "currency": "HKD"}}]}
    consent = {**MINIMAL_DATA, "consents": [{"id": "c", "person": "p", "given_by": "self", "signed_on": "2025-01-01",
                                             "covers": [], "expires_on": value}]}
    for data in (amount, consent):
        assert compiled_errors(MANIFEST_SCHEMA, data) is None
        assert schema.schema_errors(MANIFEST_SCHEMA, data) == reference_errors(MANIFEST_SCHEMA, data)


@pytest.mark.parametrize("value", [b"bytes", "lone-surrogate-\ud800"])
def test_a_value_jsonschema_rs_cannot_read_is_judged_by_jsonschema(value):
    data = {**MINIMAL_DATA, "production": {**MINIMAL_DATA["production"], "id": value}}
    assert compiled_errors(MANIFEST_SCHEMA, data) is None
    assert schema.schema_errors(MANIFEST_SCHEMA, data) == reference_errors(MANIFEST_SCHEMA, data)


def test_where_jsonschema_rs_takes_no_number_jsonschema_takes_none_either():
    """jsonschema-rs fails an infinity or NaN on every ``type``, so it reports an error (and
    jsonschema takes over) wherever a type is declared. A schema node that could accept one
    without declaring a type would let it pass unseen: numeric limits always come with a
    type, ``not`` only judges keys, ``if`` only asks for fields or constants."""
    numeric = {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"}
    for name in SCHEMA_FILES:
        for node, parent_keyword in _nodes(load_schema(name)):
            if numeric & node.keys():
                assert "type" in node, (name, node)
            if "not" in node and parent_keyword != "properties":
                assert parent_keyword == "propertyNames", (name, node)
            if "if" in node:
                assert _only_asks_for_fields(node["if"]), (name, node["if"])


def _nodes(node, parent_keyword=None):
    if isinstance(node, dict):
        yield node, parent_keyword
        for keyword, child in node.items():
            if keyword in ("properties", "patternProperties", "$defs"):
                for member in child.values():
                    yield from _nodes(member, keyword)
            elif keyword not in ("enum", "const", "examples", "default") and not keyword.startswith("x-"):
                yield from _nodes(child, keyword)
    elif isinstance(node, list):
        for item in node:
            yield from _nodes(item, parent_keyword)


def _only_asks_for_fields(condition):
    allowed = {"required", "properties"}
    members = condition.get("properties", {}).values()
    return set(condition) <= allowed and all(set(member) <= {"const"} for member in members)


def test_huge_integers_are_judged_alike():
    for value in (10**400, -10**400, 2**64, -(2**63) - 1):
        data = {**MINIMAL_DATA, "compensation": [{"id": "c", "person": "p", "basis": "buyout",
                                                  "amount": {"value": value, "currency": "HKD"}}]}
        _agree(MANIFEST_SCHEMA, data)


# --- formats and patterns ---------------------------------------------------------------------

@pytest.mark.parametrize("text", ["2024-02-29", "2023-02-29", "0000-01-01", "0001-01-01", "9999-12-31", "2024-13-01",
                                  "2024-01-01\n", "2024-1-01", "２０２４-01-01", "١٢٣٤-٠١-٠١", "20240101",
                                  "2024-W01-1"])
def test_dates_are_judged_as_jsonschema_judges_them(text):
    data = {**MINIMAL_DATA, "production": {**MINIMAL_DATA["production"], "release_date": text}}
    _agree(MANIFEST_SCHEMA, data)
    assert schema.FORMATS["date"](text) == jsonschema.FormatChecker(["date"]).conforms(text, "date")


def _patterns():
    found = set()
    for name in SCHEMA_FILES:
        for node, _ in _nodes(load_schema(name)):
            if isinstance(node.get("pattern"), str):
                found.add(node["pattern"])
            found.update(node.get("patternProperties", {}))
    return sorted(found)


PATTERNS = _patterns()
DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"
TEXT = st.text(st.sampled_from("az_09AZ-./:$@\n\r é٣２Kİ") | st.characters(exclude_categories=("Cs",)), max_size=12)


@pytest.mark.parametrize("pattern", PATTERNS)
@settings(max_examples=300, deadline=None)
@given(text=TEXT | st.from_regex(re.compile("|".join(PATTERNS)), fullmatch=False).map(lambda text: text[:70]))
def test_every_pattern_means_the_same_to_both_regex_engines(pattern, text):
    compiled = jsonschema_rs.validator_for({"$schema": DRAFT_2020_12, "pattern": pattern})
    assert compiled.is_valid(text) == (re.search(pattern, text) is not None)
    keys = jsonschema_rs.validator_for({"$schema": DRAFT_2020_12, "patternProperties": {pattern: False}})
    assert keys.is_valid({text: 1}) == (re.search(pattern, text) is None)


# --- without jsonschema-rs ------------------------------------------------------------------

BROKEN_MANIFEST = ROOT / "tests" / "corpus" / "manifests" / "date-as-number.yaml"


def test_without_jsonschema_rs_every_check_reads_the_same(tmp_path):
    """Where jsonschema-rs's wheel is missing, jsonschema checks, and reports the same."""
    (tmp_path / "waivers.yaml").write_text(WAIVERS.replace("rule: DIS-003\n", "rule: DIS-003\n    extra: 1\n", 1))
    runs = [("check", str(EXAMPLES), str(BROKEN_MANIFEST), "--format", "json", "--today", TODAY),
            ("check", str(BROKEN_MANIFEST), "--waivers", str(tmp_path / "waivers.yaml")),
            ("check", str(BROKEN_MANIFEST), "--rules", str(PACKS / "unknown-operator")),
            ("rules", "test")]
    for args in runs:
        with_rs = hkai(*args)
        program = ("import sys; sys.modules['jsonschema_rs'] = None; from checker.cli import main; "
                   f"sys.exit(main({list(args)!r}))")
        without = subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, timeout=300,
                                 env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin"})
        expected = (with_rs.returncode, with_rs.stdout, with_rs.stderr)
        assert (without.returncode, without.stdout, without.stderr) == expected
        assert with_rs.stdout or with_rs.stderr
    assert "invalid waivers file" in hkai(*runs[1]).stderr
    assert json.loads(hkai(*runs[0]).stdout)["manifests"][-1]["schema_valid"] is False


def test_without_jsonschema_rs_the_reference_checks(monkeypatch):
    monkeypatch.setitem(sys.modules, "jsonschema_rs", None)
    schema._compiled.cache_clear()
    try:
        data = {**MINIMAL_DATA, "people": 5}
        assert compiled_errors(MANIFEST_SCHEMA, data) is None
        assert [error.keyword for error in schema.schema_errors(MANIFEST_SCHEMA, data)] == ["type"]
    finally:
        schema._compiled.cache_clear()


# --- the rule file schema ---------------------------------------------------------------------

def test_the_rule_file_schema_follows_the_grammar():
    result = subprocess.run([sys.executable, "scripts/generate_rule_schema.py", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + "run: python scripts/generate_rule_schema.py"
