"""One grammar: the schema, the compiler, the docs and the plain words all know exactly the
operators and forms that checker/language/grammar.py declares."""

import re

import pytest
from conftest import ROOT

from checker import text
from checker.language import grammar
from checker.language.compiler import Names, RuleCompileError, compile_condition
from checker.reading.schema import RULE_FILE_SCHEMA, is_valid, load_schema

SCHEMA = load_schema(RULE_FILE_SCHEMA)
DEFS = SCHEMA["$defs"]
OPERAND = {"value": "x", "values": ["x"], "flag": True, "pattern": "x", "count": 1, "language": {"language": "en"}}
NAMES = Names(frozenset({"production", "people"}))


def _rule_file(condition) -> dict:
    texts = {"en": "t", "zh": "t"}
    return {"rules": [{"id": "TST-001", "principle": "consent", "severity": "error", "levels": "all",
                       "title": texts, "rationale": texts, "message": texts, "fix": texts, "source": "s",
                       "check": {"require": condition}}]}


def test_the_schema_accepts_exactly_the_grammars_operators():
    assert set(DEFS["comparison"]["additionalProperties"]["properties"]) == set(grammar.OPERATORS)
    for name, operator in grammar.OPERATORS.items():
        condition = {"production.id": {name: OPERAND[operator.operand.kind]}}
        assert is_valid(RULE_FILE_SCHEMA, _rule_file(condition)), name
        compile_condition(condition, NAMES, "")
    misspelt = {"production.id": {"equal": "x"}}
    assert not is_valid(RULE_FILE_SCHEMA, _rule_file(misspelt))
    with pytest.raises(RuleCompileError, match="unknown operator 'equal'"):
        compile_condition(misspelt, NAMES, "")


@pytest.mark.parametrize("definition, place", [
    ("check", grammar.CHECK), ("source", grammar.SOURCE), ("quantifier", grammar.QUANTIFIER),
    ("named_selection", grammar.NAMED), ("table", grammar.TABLE),
])
def test_the_schema_accepts_exactly_the_grammars_forms(definition, place):
    assert set(DEFS[definition]["properties"]) == set(grammar.forms(place))


def test_the_schema_knows_the_logical_forms_and_the_rule_files_keys():
    logical = {key for alternative in DEFS["condition"]["anyOf"] for key in alternative.get("properties", {})}
    assert logical == set(grammar.forms(grammar.CONDITION)) == set(grammar.CONDITION_FORMS)
    assert DEFS["comparison"]["propertyNames"]["not"]["enum"] == list(grammar.CONDITION_FORMS)
    assert set(SCHEMA["properties"]) == {"rules", *grammar.forms(grammar.FILE)}


def _table(markdown: str, heading: str) -> list[str]:
    section = markdown.split(f"\n{heading}\n", 1)[1].strip()
    rows = re.findall(r"^\|(.+?)\|", section.split("\n\n", 1)[0], re.MULTILINE)
    return rows[2:]  # past the header and its rule


def test_the_docs_list_exactly_the_grammars_operators_and_check_keys():
    docs = (ROOT / "docs" / "rule-language.md").read_text(encoding="utf-8")
    operators = {name for row in _table(docs, "### Operators") for name in re.findall(r"`(\w+)", row)}
    assert operators == set(grammar.OPERATORS)
    keys = {name for row in _table(docs, "## A check") for name in re.findall(r"`(\w+)`", row)}
    assert keys == set(grammar.forms(grammar.CHECK))


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_every_operator_has_plain_words_in_every_language(lang):
    phrasing = text.words("rule_language", lang)["operators"]
    assert set(phrasing) == {*grammar.OPERATORS, "absent", "not_language_tag"}  # `present: false`, `language_tag: false`
    assert all(set(words) == {"is", "must"} for words in phrasing.values())
