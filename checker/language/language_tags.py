"""BCP 47 language tags as the language operators read them (``language_tag``,
``in_language``, ``contains_language``).

Tags are parsed by ``langcodes`` (the IANA subtag registry and CLDR's likely subtags), so
case and equivalent spellings do not matter: ``EN`` is ``en``, ``zh-hant-hk`` is
``zh-Hant-HK``, ``zh-yue`` is ``yue``. A tag's script is the one it writes, else the one
CLDR finds likely for it (``zh-HK`` is written in ``Hant``, ``zh-CN`` in ``Hans``), else the
one a rule says it implies (``implied: {zh: zh-Hant-HK}``: what the manifest format means by
a bare ``zh``). Which languages and scripts a rule asks for is the rule's data; this module
only reads tags. Each tag is parsed once per process, however many records carry it.

Loading langcodes takes longer than the rest of a small check's start-up (its registry
compiles one very large pattern), so the tags the built-in rules name and those manifests
usually carry are read from ``COMMON_TAGS`` instead: what langcodes reads them as, kept
equal to it by a test. A run loads langcodes only when it meets another tag.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Mapping, NamedTuple

_SCRIPT = re.compile(r"[A-Za-z]{4}")
# RFC 5646 (4.4.1) asks every implementation to read tags of up to 35 characters; the longest
# real ones, with extensions, stay well under this. Longer text is not read (langcodes parses
# subtags recursively: thousands of them would exhaust the stack).
MAX_TAG_LENGTH = 100
OPERAND_KEYS = ("language", "script", "implied")


class Tag(NamedTuple):
    """A valid tag, read: its normalised form, its language subtag and its script."""

    text: str
    language: str | None
    script: str | None


# Each written exactly as langcodes normalises it, with its language and script (the script
# written, else the likely one); any other spelling (``EN``, ``zh-hk``) goes to langcodes.
COMMON_TAGS = {tag.text: tag for tag in (
    Tag("en", "en", "Latn"), Tag("en-GB", "en", "Latn"), Tag("en-HK", "en", "Latn"), Tag("en-US", "en", "Latn"),
    Tag("zh", "zh", "Hans"), Tag("zh-Hant", "zh", "Hant"), Tag("zh-Hans", "zh", "Hans"),
    Tag("zh-HK", "zh", "Hant"), Tag("zh-MO", "zh", "Hant"), Tag("zh-TW", "zh", "Hant"),
    Tag("zh-CN", "zh", "Hans"), Tag("zh-SG", "zh", "Hans"),
    Tag("zh-Hant-HK", "zh", "Hant"), Tag("zh-Hant-MO", "zh", "Hant"), Tag("zh-Hant-TW", "zh", "Hant"),
    Tag("zh-Hans-CN", "zh", "Hans"),
    Tag("yue", "yue", "Hant"), Tag("yue-Hant", "yue", "Hant"), Tag("yue-HK", "yue", "Hant"),
    Tag("yue-Hant-HK", "yue", "Hant"), Tag("cmn", "cmn", "Hans"), Tag("cmn-Hant", "cmn", "Hant"),
    Tag("und-Hant", None, "Hant"), Tag("und-Hans", None, "Hans"), Tag("und-Latn", None, "Latn"),
)}


class LanguageSpec(NamedTuple):
    """A rule's operand, checked and normalised when the rule is compiled."""

    languages: frozenset[str]
    script: str | None
    implied: Mapping[str, Tag]


@lru_cache(maxsize=4096)
def read(tag: Any) -> Tag | None:
    """The tag, read, or None when it is not a valid BCP 47 tag: not text, ill-formed
    (``en_US``, ``en-``: subtags are separated by hyphens), or with a subtag the IANA
    registry does not know (``english``, ``xx``)."""
    if not isinstance(tag, str) or len(tag) > MAX_TAG_LENGTH or "_" in tag or tag != tag.strip():
        return None
    return COMMON_TAGS.get(tag) or read_by_langcodes(tag)


def read_by_langcodes(tag: str) -> Tag | None:
    """``read``, by langcodes: only runs that meet a tag outside ``COMMON_TAGS`` load it."""
    import langcodes

    if not langcodes.tag_is_valid(tag):
        return None
    parsed = langcodes.Language.get(tag)
    script = parsed.script or parsed.maximize().script
    return Tag(parsed.to_tag(), parsed.language, script)


def is_language_tag(value: Any) -> bool:
    return type(value) is str and read(value) is not None


def written_in(value: Any, spec: LanguageSpec) -> bool:
    """Whether ``value`` is a tag of one of the spec's languages, in its script if it names one."""
    if type(value) is not str:
        return False
    tag = read(value)
    if tag is None:
        return False
    tag = spec.implied.get(tag.text, tag)
    return tag.language in spec.languages and (spec.script is None or tag.script == spec.script)


def prepare(operand: Any) -> LanguageSpec:
    """A rule's operand, ``{language: zh | [zh, yue], script: Hant, implied: {zh: zh-Hant-HK}}``,
    checked; ValueError says what is wrong with it."""
    if not isinstance(operand, dict) or "language" not in operand:
        raise ValueError("the operand is a mapping with `language` (a code or a list of codes), and optionally "
                         "`script` (e.g. Hant) and `implied` (tags read as other tags, e.g. {zh: zh-Hant-HK})")
    unknown = sorted(set(operand) - set(OPERAND_KEYS))
    if unknown:
        raise ValueError(f"unknown key {unknown[0]!r} in the operand; expected: {', '.join(OPERAND_KEYS)}")
    codes = operand["language"] if isinstance(operand["language"], list) else [operand["language"]]
    languages = frozenset(_language(code) for code in codes)
    script = operand.get("script")
    if script is not None and not (isinstance(script, str) and _SCRIPT.fullmatch(script) and read(f"und-{script}")):
        raise ValueError(f"script {script!r} is not an ISO 15924 script code (such as Hant, Hans or Latn)")
    implied = operand.get("implied") or {}
    if not isinstance(implied, dict):
        raise ValueError("`implied` is a mapping of tags to the tags they are read as, e.g. {zh: zh-Hant-HK}")
    return LanguageSpec(languages, script.title() if script else None,
                        {_tag(key).text: _tag(value) for key, value in implied.items()})


def _language(code: Any) -> str:
    tag = _tag(code)
    if tag.language is None or tag.text != tag.language:
        raise ValueError(f"{code!r} is not a language code (such as en, zh or yue)")
    return tag.language


def _tag(text: Any) -> Tag:
    tag = read(text)
    if tag is None:
        raise ValueError(f"{text!r} is not a BCP 47 language tag")
    return tag
