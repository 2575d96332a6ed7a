"""The program's own words: every language has the same keys and the same placeholders,
every phrase the code asks for is in the table, and every phrase of the table is asked for."""

import argparse
import ast
import re
import string
from functools import cache

import pytest

from checker import text
from checker.cli import build_parser
from checker.evaluation.levels import LEVELS
from checker.report import BOTH_LANGUAGES
from checker.report.model import PRINCIPLES, SEVERITIES

PLACEHOLDER = string.Formatter()


def _plural(node) -> bool:
    """A phrase that depends on grammatical number: ``one`` and ``other`` forms."""
    return isinstance(node, dict) and set(node) == {"one", "other"}


def _forms(phrase) -> list[str]:
    return [phrase["one"], phrase["other"]] if _plural(phrase) else [phrase]


def _leaves(node, prefix=""):
    if isinstance(node, dict) and not _plural(node):
        for key, value in node.items():
            yield from _leaves(value, f"{prefix}{key}.")
    else:
        yield prefix.rstrip("."), node


def _placeholders(phrase: str) -> set[str]:
    return {name for _, name, _, _ in PLACEHOLDER.parse(phrase) if name is not None}


def test_languages_are_the_files_with_english_first():
    assert text.LANGUAGES[0] == "en" and "zh" in text.LANGUAGES
    assert set(text.LANGUAGES) == {path.stem for path in text.FOLDER.glob("*.yaml")}


def test_every_language_has_the_same_keys_and_placeholders():
    english = dict(_leaves(text.table("en")))
    assert english, "the English table is empty"
    for lang in text.LANGUAGES[1:]:
        other = dict(_leaves(text.table(lang)))
        assert sorted(other) == sorted(english), f"{lang}: keys differ from en"
        for key, phrase in english.items():
            for english_form in _forms(phrase):
                for form in _forms(other[key]):
                    assert isinstance(english_form, str) and isinstance(form, str), key
                    assert _placeholders(form) == _placeholders(english_form), f"{lang}: {key} has other placeholders"
                    assert form.strip() or not english_form.strip(), f"{lang}: {key} is empty"


def test_no_program_words_outside_the_table():
    """No other module declares the languages again."""
    root = text.FOLDER.parent
    for module in root.rglob("*.py"):
        if "schemas" in module.parts:
            continue
        source = module.read_text(encoding="utf-8")
        assert not re.search(r"[(\[{]\s*[\"']en[\"']\s*,\s*[\"']zh[\"']\s*[)\]}]", source), module


def test_every_principle_severity_and_level_has_its_words():
    """The sections looked up by a value hold a word for every value (the other languages
    have the same keys)."""
    def keys(section):
        return set(text.words(section, text.DEFAULT))

    assert keys("principle") == keys("principle_short") == set(PRINCIPLES)
    assert keys("severity") == keys("guideline.severity_meaning") == set(SEVERITIES)
    assert keys("level") == set(LEVELS)


def _parsers(parser):
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _parsers(sub)


def test_every_lang_option_offers_the_languages_of_the_table():
    options = [action for parser in _parsers(build_parser()) for action in parser._actions
               if "--lang" in action.option_strings]
    assert len(options) >= 7  # check, init and the five rules actions
    # check's also offers both languages side by side (for its HTML report)
    assert all(option.choices in (text.LANGUAGES, (*text.LANGUAGES, BOTH_LANGUAGES)) for option in options)
    assert sum(option.choices == (*text.LANGUAGES, BOTH_LANGUAGES) for option in options) == 1


# --- the code and the table agree ---------------------------------------------------------

@cache
def _nodes() -> list[tuple[str, ast.AST]]:
    """Every node of the package's code, with its module's name."""
    return [(module.name, node) for module in sorted(text.FOLDER.parent.rglob("*.py"))
            for node in ast.walk(ast.parse(module.read_text(encoding="utf-8")))]


def _calls():
    """Every ``say(...)`` and ``words(...)`` of the package: (module, function name, first argument).
    The HTML report's ``_labels(...)`` and its template's phrases are phrases said too."""
    for module, node in _nodes():
        if isinstance(node, ast.Call) and node.args:
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name in ("say", "words", "_labels"):
                yield module, "words" if name == "words" else "say", node.args[0]
    yield from _template_calls()


def _template_calls():
    """The keys the HTML report's template says: ``say("key")``, ``L('key')``, ``say("key." ~ name)``
    (a computed key) and ``words.section.key`` (a phrase of one language's table)."""
    template = text.FOLDER.parent / "report" / "templates" / "report.html.j2"
    source = template.read_text(encoding="utf-8")
    for quoted, computed in re.findall(r"""\b(?:say|L)\(\s*["']([a-z_.]+)["'](\s*~)?""", source):
        key = ast.JoinedStr([ast.Constant(quoted), ast.FormattedValue(ast.Name("name"), -1)]) if computed \
            else ast.Constant(quoted)
        yield "report.html.j2", "say", key
    for dotted in re.findall(r"\bwords\.([a-z_.]+)(?![a-z_.\[])", source):
        yield "report.html.j2", "say", ast.Constant(dotted)
    for section in re.findall(r"\bwords\.([a-z_.]+)\[", source):
        yield "report.html.j2", "words", ast.Constant(section)


def _fixed(key: ast.expr) -> tuple[str, bool]:
    """A key as written: its text up to the first ``{value}``, and whether it stops there."""
    if isinstance(key, ast.Constant) and isinstance(key.value, str):
        return key.value, False
    assert isinstance(key, ast.JoinedStr), f"a key is written out, not {ast.unparse(key)}"
    fixed = ""
    for part in key.values:
        if isinstance(part, ast.FormattedValue):
            return fixed, True
        fixed += part.value
    return fixed, False


def _node(tree, key: str):
    """The phrase or section at a dotted key; None when there is none."""
    for part in key.split("."):
        tree = tree.get(part) if isinstance(tree, dict) else None
    return tree


@pytest.mark.parametrize("lang", text.LANGUAGES)
def test_every_phrase_the_code_asks_for_is_in_the_table(lang):
    table = text.table(lang)
    for module, function, key in _calls():
        fixed, computed = _fixed(key)
        where = f"{module}: {function}({ast.unparse(key)})"
        if computed:  # f"severity.{name}": the part before the value names a section
            assert fixed.endswith(".") and isinstance(_node(table, fixed[:-1]), dict), where
        else:
            found = _node(table, fixed)
            assert isinstance(found, str) or _plural(found) if function == "say" else isinstance(found, dict), where


def test_every_phrase_of_the_table_is_used():
    """A phrase is used when the code says it by its key, or says one of a section by a
    computed key (``f"severity.{name}"``), or takes its section with ``words(...)`` and
    names it somewhere (``column["rule"]``)."""
    said, prefixes, sections = set(), [], []
    for _, function, key in _calls():
        fixed, computed = _fixed(key)
        if computed:
            prefixes.append(fixed)
        elif function == "say":
            said.add(fixed)
        else:
            sections.append(fixed + ".")
    strings = {node.value for _, node in _nodes() if isinstance(node, ast.Constant) and isinstance(node.value, str)}
    unused = [key for key, _ in _leaves(text.table(text.DEFAULT))
              if key not in said and not any(key.startswith(prefix) for prefix in prefixes)
              and not any(key.startswith(section) and key[len(section):].split(".")[0] in strings
                          for section in sections)]
    assert not unused, f"phrases no code uses: {unused}"
