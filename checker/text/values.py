"""Text values of manifests and rules: a plain string or ``{en: ..., zh: ...}``."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from . import LANGUAGES

# A word is a run of letters or digits, or a single CJK ideograph (Chinese has no spaces).
# Compiled on first use: it takes about 2 ms, and most runs never count words.
_WORD = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W_\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+"


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
def word_count(text: str) -> int:
    """Words of a text, counted once per text: one long text may be reached through
    hundreds of records (a consent shared by every use), and counting is linear."""
    return len(re.findall(_WORD, text))  # re caches the compiled pattern


@lru_cache(maxsize=1024)
def folded(text: str) -> str:
    """A text case-folded for comparison, once per text (as ``word_count``)."""
    return text.casefold()
