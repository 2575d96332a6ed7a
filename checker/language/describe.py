"""A compiled check in plain words, in any language of the program's text table.

The description is generated from the check's nodes (``nodes.py``): selections, ``where``,
``require``, combinations, quantifiers and operators each become a phrase of the table's
``rule_language`` section; a named selection reads as the selection it names. It knows
nothing about particular rules.

A description is a list of segments ``(text, is_code)``: paths and patterns are code,
everything else is prose, so that each output (terminal, Markdown, HTML) can mark code
its own way and escape the rest.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from ..reading.schema import manifest_sections
from ..report.safe_text import visible
from ..text import words
from ..text.values import pick
from .language_tags import LanguageSpec
from .nodes import AllOf, AnyOf, Check, Comparison, Condition, Not, Quantifier, Selection, Test

Segments = list[tuple[str, bool]]  # (text, is_code)

MAX_LIST = 10  # longer literal lists are shortened in descriptions

_FIELD = re.compile(r"\{(\w+)\}")
_IDEOGRAPH = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_END = re.compile(f"[{_IDEOGRAPH}]$")
_CJK_START = re.compile(f"[{_IDEOGRAPH}]")
# no space next to full-width punctuation: after （，：；、「） and before ），。；、」
_AROUND_PUNCTUATION = re.compile("(?<=[\uff08\uff09\uff0c\uff1a\uff1b\u3001\u300c]) +"
                                 "| +(?=[\uff09\uff0c\u3002\uff1b\u3001\u300d])")


def _phrases(lang: str) -> dict[str, Any]:
    return words("rule_language", lang)


# --- segments --------------------------------------------------------------------------


def prose(value: str) -> Segments:
    return [(value, False)]


def code(value: str) -> Segments:
    return [(value, True)]


def fill(template: str, **parts: Segments | str) -> Segments:
    """A phrase with its ``{name}`` parts replaced by segments."""
    result: Segments = []
    for index, piece in enumerate(_FIELD.split(template)):
        if index % 2 == 0:
            if piece:
                result.append((piece, False))
        else:
            part = parts[piece]
            result.extend(prose(part) if isinstance(part, str) else part)
    return result


def join(items: Sequence[Segments], separator: str) -> Segments:
    result: Segments = []
    for index, item in enumerate(items):
        if index:
            result.append((separator, False))
        result.extend(item)
    return result


def _tidy(segments: Segments) -> Segments:
    """Merge neighbouring prose, drop the spaces the Chinese phrases put around code at the
    edges of a sentence, and make everything visible (no control characters)."""
    merged: Segments = []
    for value, is_code in segments:
        value = visible(value)
        if merged and not is_code and not merged[-1][1]:
            merged[-1] = (merged[-1][0] + value, False)
        elif value:
            merged.append((value, is_code))
    merged = [(re.sub(r" {2,}", " ", v) if not c else v, c) for v, c in merged]
    for i, (value, is_code) in enumerate(merged):
        if not is_code:
            value = _AROUND_PUNCTUATION.sub("", value)
            if i + 1 < len(merged) and _CJK_END.search(value):  # 如 `path` rather than 如`path`
                value += " "
            if i > 0 and _CJK_START.match(value):
                value = " " + value
            merged[i] = (value, False)
    if merged and not merged[0][1]:
        merged[0] = (merged[0][0].lstrip(), False)
    return [(v, c) for v, c in merged if v]


def _capitalise(segments: Segments) -> Segments:
    if segments and not segments[0][1] and segments[0][0]:
        first = segments[0][0]
        return [(first[0].upper() + first[1:], False), *segments[1:]]
    return segments


# --- a check -----------------------------------------------------------------------------


def describe_check(check: Check, lang: str) -> Segments:
    """One sentence: for each binding, if ``where``, what ``require`` demands."""
    sentences = _phrases(lang)["check"]
    body = _condition(check.require, lang, modal=True)
    bindings = [_selection(selection, lang, "each") for selection in check.bindings]
    where = _condition(check.where, lang, modal=False) if check.where is not None else None
    if bindings:
        form = "for_each_if" if where is not None else "for_each"
        sentence = fill(sentences[form], bindings=join(bindings, sentences["binding_join"]), where=where or [],
                        body=body)
    elif where is not None:
        sentence = fill(sentences["if"], where=where, body=body)
    else:
        sentence = fill(sentences["plain"], body=body)
    return _capitalise(_tidy(sentence))


def _selection(selection: Selection, lang: str, kind: str) -> Segments:
    """How a selection reads: ``kind`` is each (for_each), some (exists) or many (count)."""
    phrases = _phrases(lang)
    origin = selection.source.source
    section = "." not in origin and origin in manifest_sections()
    key = {"each": "each", "some": "some", "many": "many"}[kind] + ("_record" if section else "_item")
    if selection.every_text:
        key, section = f"{kind}_text", False
    elif selection.listed:
        key += "_listed"
    parts: dict[str, Segments | str] = {
        "name": code(selection.name), "path": code(origin),
        "listed": join([code(path.source) for path in selection.listed], phrases["selection"]["listed_or"]),
    }
    if section:
        nouns = phrases["sections"].get(origin)
        if nouns is None:  # a section without nouns of its own: name it
            nouns = {form: phrase.format(section=origin) for form, phrase in phrases["other_section"].items()}
        parts.update(nouns)
    what = fill(phrases["selection"][key], **parts)
    if selection.where is not None:
        what = fill(phrases["selection"]["where"], what=what,
                    condition=_condition(selection.where, lang, modal=False))
    return what


# --- conditions --------------------------------------------------------------------------


def _condition(condition: Condition, lang: str, modal: bool) -> Segments:
    phrases = _phrases(lang)["condition"]
    if isinstance(condition, AllOf):
        return join([_nested(part, lang, inside="all", modal=modal) for part in condition.parts], phrases["and"])
    if isinstance(condition, AnyOf):
        options = [_nested(part, lang, inside="any") for part in condition.parts]
        if modal:
            return fill(phrases["any_modal"], options=join(options, phrases["any_modal_join"]))
        return fill(phrases["any"], options=join(options, phrases["or"]))
    if isinstance(condition, Not):
        return fill(phrases["not_modal" if modal else "not"], condition=_condition(condition.part, lang, modal=False))
    if isinstance(condition, Quantifier):
        return _quantifier(condition, lang, modal)
    assert isinstance(condition, Comparison)
    return _comparison(condition, lang, modal)


def _nested(part: Condition, lang: str, inside: str, modal: bool = False) -> Segments:
    """A part of an ``all`` or ``any``, in brackets when it is itself a combination that
    would otherwise read ambiguously."""
    described = _condition(part, lang, modal)
    composite = isinstance(part, AllOf) if inside == "any" else not modal and isinstance(part, AnyOf)
    return fill(_phrases(lang)["condition"]["paren"], x=described) if composite else described


def _quantifier(quantifier: Quantifier, lang: str, modal: bool) -> Segments:
    phrases = _phrases(lang)["condition"]
    at_least, at_most = quantifier.at_least, quantifier.at_most
    if quantifier.kind == "exists" and at_least == 1 and at_most is None:
        return fill(phrases["exists_modal" if modal else "exists"], what=_selection(quantifier.selection, lang, "some"))
    if at_most is None:
        quantity = fill(phrases["at_least" if at_least else "any_number"], n=str(at_least))
    elif at_least == at_most:
        quantity = fill(phrases["exactly"], n=str(at_most))
    elif not at_least:
        quantity = fill(phrases["at_most"], n=str(at_most))
    else:
        quantity = fill(phrases["between"], n=str(at_least), m=str(at_most))
    return fill(phrases["count_modal" if modal else "count"], what=_selection(quantifier.selection, lang, "many"),
                quantity=quantity)


def _comparison(comparison: Comparison, lang: str, modal: bool) -> Segments:
    phrases = _phrases(lang)
    tests = [fill(phrases["operators"][_phrasing(test)]["must" if modal else "is"], x=_operand(test, lang))
             for test in comparison.tests]
    return fill("{path} {tests}", path=code(comparison.path.source), tests=join(tests, phrases["condition"]["and"]))


def _phrasing(test: Test) -> str:
    """The operator a test reads as: ``present: false`` is absent, ``language_tag: false``
    is not a language tag, and being one of a single option (``$rule.levels`` of a rule of
    one level) is equalling it."""
    if test.operator == "present":
        return "present" if test.operand else "absent"
    if test.operator == "language_tag":
        return "language_tag" if test.operand else "not_language_tag"
    return "equals" if _one_option(test) else test.operator


def _one_option(test: Test) -> bool:
    return test.operator == "in" and test.reads is None and isinstance(test.operand, list) and len(test.operand) == 1


def _operand(test: Test, lang: str) -> Segments:
    if test.operator == "matches":
        return code(str(test.operand))
    if test.reads is not None:
        return code(test.reads.source)
    if isinstance(test.argument, LanguageSpec):
        described = _language_spec(test.argument, lang)
    else:
        described = _value(test.operand[0] if _one_option(test) else test.operand, lang)
    if test.named is None:
        return described
    return fill(_phrases(lang)["operand"]["named_value"], values=described, name=code(test.named))


def _language_spec(spec: LanguageSpec, lang: str) -> Segments:
    """zh or yue written in the Hant script (reading zh as zh-Hant-HK)."""
    phrases = _phrases(lang)["operand"]
    languages = join([prose(language) for language in sorted(spec.languages)], phrases["language_or"])
    described = fill(phrases["language_script" if spec.script else "language"], languages=languages,
                     script=spec.script or "")
    for tag, means in spec.implied.items():
        described += fill(phrases["language_implied"], tag=tag, means=means.text)
    return described


def _value(value: Any, lang: str) -> Segments:
    phrases = _phrases(lang)["operand"]
    if isinstance(value, list):
        listed = join([_value(item, lang) for item in value[:MAX_LIST]], phrases["list_sep"])
        if len(value) > MAX_LIST:
            listed += fill(phrases["list_more"], count=str(len(value)))
        return listed
    if isinstance(value, bool):
        return prose("true" if value else "false")
    if value is None:
        return prose("null")
    if isinstance(value, dict):
        picked = pick(value, lang)
        return prose(picked if picked is not None else str(value))
    if value == "":
        return prose('""')
    return prose(str(value))
