"""The starter manifests `hkai init` writes, byte for byte.

The expected files in golden/starters/ were rendered before the starters became template
files, so these tests prove the templates reproduce the old output exactly, and catch any
later drift. After an intended change to a starter, render the files anew with ``render``
and review the difference.
"""

import datetime
import re
import shlex
import string
from pathlib import Path

import pytest
import yaml

from checker.starters import LEVELS, TEMPLATES, render, slug_for
from checker.text import LANGUAGES

GOLDEN = Path(__file__).resolve().parent / "golden" / "starters"

@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("level", LEVELS)
def test_each_starter_is_the_expected_text(level, lang):
    text = render(level, lang, "my-production", datetime.date(2026, 11, 30), ".")
    assert text.encode("utf-8") == (GOLDEN / f"{level}-{lang}.yaml").read_bytes()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_long_names_move_the_comment_above_and_wrap_the_command(lang):
    """A long production id pushes its comment above the line; a long folder wraps in the
    header; a leap day is written as the date of the header."""
    folder = Path("productions/2027/The Extraordinary Adventures of the Harbour Lights Ensemble (Director's Cut)")
    text = render("high", lang, slug_for(folder), datetime.date(2028, 2, 29), shlex.quote(str(folder)))
    assert text.encode("utf-8") == (GOLDEN / f"long-names-{lang}.yaml").read_bytes()


def _words(lang):
    return yaml.safe_load((TEMPLATES / f"{lang}.yaml").read_text(encoding="utf-8"))


def _fields(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_language_has_the_same_starter_words():
    """Adding a language is adding its file of words, with English's keys and {placeholders}."""
    english = _words("en")
    for lang in LANGUAGES[1:]:
        words = _words(lang)
        for section in ("placeholders", "comments"):
            assert list(words[section]) == list(english[section]), f"{lang}: {section} differ from en"
            for key, text in english[section].items():
                assert _fields(words[section][key]) == _fields(text), f"{lang}: {section}.{key}"


def test_every_comment_has_its_place_in_the_template():
    markers = set(re.findall(r"#@([\w.]+)$", (TEMPLATES / "manifest.yaml.j2").read_text(encoding="utf-8"), re.M))
    assert markers == set(_words("en")["comments"])
