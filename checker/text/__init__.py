"""The program's own words, one table per language (``en.yaml``, ``zh.yaml`` beside this
file), and the list of languages, which is the list of those files.

Rules carry their own texts in each language and manifests bring theirs; this table
holds everything else a person reads: report headings, summaries, CLI messages and the
plain-words phrasing of the rule language. Adding a language is adding one file.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, Mapping

import yaml

FOLDER = Path(__file__).resolve().parent
LANG_ENV = "HKAI_LANG"  # the environment variable choosing the language
DEFAULT = "en"  # first: the language others fall back to, in rules' texts as in this table
LANGUAGES: tuple[str, ...] = (DEFAULT, *sorted(p.stem for p in FOLDER.glob("*.yaml") if p.stem != DEFAULT))


@cache
def table(lang: str) -> dict[str, Any]:
    """The words of one language: nested mappings of keys to strings (a trusted file of
    the package, read once)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(FOLDER / f"{lang}.yaml", encoding="utf-8") as handle:
        return yaml.load(handle, Loader=loader) or {}


def words(section: str, lang: str) -> dict[str, Any]:
    """One section (dotted when nested) of a language's table, e.g. ``words("severity", "zh")``:
    for words looked up by a value (a severity, a level), or used together (a table's heads)."""
    return _at(section, lang)


def say(key: str, lang: str, **values: Any) -> str:
    """The phrase at dotted ``key`` in ``lang``, its ``{placeholders}`` filled in.

    A phrase that depends on grammatical number is a mapping of ``one`` and ``other``,
    chosen by the ``count`` value (Chinese phrases, which have no plural, are one string).
    """
    phrase = _at(key, lang)
    if isinstance(phrase, dict) and "other" in phrase:
        phrase = phrase["one"] if values.get("count") == 1 else phrase["other"]
    return phrase.format(**values) if values else phrase


def counted(noun: str, count: int, lang: str) -> str:
    """A number of things, in the form its number takes: ``1 error``, ``3 errors``, ``3 項錯誤``."""
    return say(f"count.{noun}", lang, count=count)


def _at(key: str, lang: str) -> Any:
    node: Any = table(lang)
    for part in key.split("."):
        node = node[part]
    return node


def environment_language(environ: Mapping[str, str]) -> str | None:
    """The language $HKAI_LANG names, if set; ValueError when it names no language here."""
    value = environ.get(LANG_ENV)
    if value and value not in LANGUAGES:
        raise ValueError(f"${LANG_ENV} must be {' or '.join(LANGUAGES)}, not {value!r}")
    return value or None
