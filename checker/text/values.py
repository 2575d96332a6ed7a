"""Text values of manifests and rules: a plain string or ``{en: ..., zh: ...}``."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from . import LANGUAGES

# Chinese ideographs (CJK Unified Ideographs, Extension A, Compatibility Ideographs).
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Compiled on first use: it takes about 2 ms, and most runs never count words.
_IDEOGRAPH = f"[{_CJK}]"
_WORD = f"[^\\W_{_CJK}]+"  # a run of letters or digits that are not ideographs


def variants(value: Any) -> list[str]:
    """Every language version of a text value (none for values that are not text)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [value[lang] for lang in LANGUAGES if isinstance(value.get(lang), str)]
    return []


def pick(value: Any, lang: str) -> str | None:
    """The version of a text value in ``lang``, else the other language's."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        for key in (lang, *LANGUAGES):
            if isinstance(value.get(key), str) and value[key]:
                return value[key]
    return None


@lru_cache(maxsize=1024)
def word_count(text: str) -> float:
    """The length of a text in words, fair to English, Chinese and both mixed: a run of
    letters or digits is one word, and two Chinese characters are one word.

    Chinese is written without spaces, and most of its words are two characters long; an
    English text put into Chinese takes about 1.5 to 1.8 characters a word. Counting every
    character as a word would let a Chinese text pass a length test with about half what an
    English one must say; counting two as one keeps "12 words" about as much to say in
    either language, and a mixed text adds both counts. Counted once per text: one long
    text may be reached through hundreds of records, and counting is linear."""
    return len(re.findall(_WORD, text)) + len(re.findall(_IDEOGRAPH, text)) / 2  # re caches the patterns


def is_word_character(character: str) -> bool:
    """A letter or digit that is not a Chinese character (words of such characters are
    separated by spaces or punctuation; Chinese ones are not)."""
    return bool(re.fullmatch(_WORD, character))


@lru_cache(maxsize=1024)
def folded(text: str) -> str:
    """A text case-folded for comparison, once per text (as ``word_count``)."""
    return text.casefold()
