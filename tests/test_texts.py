"""The program's own words: every language has the same keys and the same placeholders."""

import re
import string

from checker import text

PLACEHOLDER = string.Formatter()


def _leaves(node, prefix=""):
    if isinstance(node, dict):
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
            assert isinstance(phrase, str) and isinstance(other[key], str), key
            assert _placeholders(other[key]) == _placeholders(phrase), f"{lang}: {key} has other placeholders"
            assert other[key].strip() or not phrase.strip(), f"{lang}: {key} is empty"


def test_no_program_words_outside_the_table():
    """No other module declares the languages again."""
    root = text.FOLDER.parent
    for module in root.rglob("*.py"):
        if "schemas" in module.parts:
            continue
        assert not re.search(r"\(\s*\"en\",\s*\"zh\"\s*\)", module.read_text(encoding="utf-8")), module
