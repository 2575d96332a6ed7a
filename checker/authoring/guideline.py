"""Rules explained to people: a plain-words description of each check, and the whole rule
set as a guideline document (Markdown or a standalone HTML page).

The description is generated from the check as written (``Rule.spec``), by a small
recursive renderer over the forms of the rule language (``for_each``, ``where``,
``require``, lists, ``all`` / ``any`` / ``not``, ``exists`` / ``count`` and the
operators), in English or Traditional Chinese. It knows nothing about particular rules.

A description is a list of segments ``(text, is_code)``: paths and patterns are code,
everything else is prose, so that each output (terminal, Markdown, HTML) can mark code
its own way and escape the rest.
"""

from __future__ import annotations

import html
import re
from typing import Any, Iterable, Sequence

from ..text.values import pick
from ..report.model import PRINCIPLES
from ..packs.model import RuleSet
from ..report.safe_text import visible
from ..packs.rule import Rule
from ..reading.schema import manifest_sections
from .. import text
from ..text import say

Segments = list[tuple[str, bool]]  # (text, is_code)

MAX_LIST = 10  # longer literal lists are shortened in descriptions


# --- words -----------------------------------------------------------------------------

# section -> (en singular, en plural, en article, zh noun, zh measure word)
SECTION_NOUNS = {
    "ai_uses": ("AI use", "AI uses", "an", "人工智能應用", "項"),
    "people": ("person", "people", "a", "人員", "位"),
    "consents": ("consent", "consents", "a", "同意紀錄", "項"),
    "compensation": ("compensation record", "compensation records", "a", "報酬紀錄", "項"),
    "credits": ("credit", "credits", "a", "署名紀錄", "項"),
    "disclosures": ("disclosure", "disclosures", "a", "披露紀錄", "項"),
    "training_data": ("training data set", "training data sets", "a", "訓練資料", "項"),
    "waivers": ("waiver", "waivers", "a", "豁免", "項"),
}

# operator -> (indicative, modal); {x} is the operand
OPERATOR_WORDS = {
    "en": {
        "present": ("is present", "must be present"),
        "absent": ("is missing or empty", "must be missing or empty"),
        "equals": ("equals {x}", "must equal {x}"),
        "not_equals": ("does not equal {x}", "must not equal {x}"),
        "in": ("is one of {x}", "must be one of {x}"),
        "not_in": ("is none of {x}", "must not be any of {x}"),
        "contains": ("contains {x}", "must contain {x}"),
        "contains_any": ("contains any of {x}", "must contain at least one of {x}"),
        "contains_all": ("contains all of {x}", "must contain all of {x}"),
        "matches": ("matches the pattern {x}", "must match the pattern {x}"),
        "mentions": ("mentions {x}", "must mention {x}"),
        "min_words": ("has at least {x} words", "must have at least {x} words"),
        "min_length": ("is at least {x} characters long", "must be at least {x} characters long"),
        "max_length": ("is at most {x} characters long", "must be at most {x} characters long"),
        "at_least": ("is at least {x}", "must be at least {x}"),
        "at_most": ("is at most {x}", "must be at most {x}"),
        "greater_than": ("is greater than {x}", "must be greater than {x}"),
        "less_than": ("is less than {x}", "must be less than {x}"),
        "before": ("is before {x}", "must be before {x}"),
        "on_or_before": ("is on or before {x}", "must be on or before {x}"),
        "after": ("is after {x}", "must be after {x}"),
        "on_or_after": ("is on or after {x}", "must be on or after {x}"),
    },
    "zh": {
        "present": ("有填寫", "必須有填寫"),
        "absent": ("未填寫或為空", "必須未填寫或為空"),
        "equals": ("等於 {x}", "必須等於 {x}"),
        "not_equals": ("不等於 {x}", "不得等於 {x}"),
        "in": ("為 {x} 之一", "必須為 {x} 之一"),
        "not_in": ("不是 {x} 之一", "不得為 {x} 之一"),
        "contains": ("包含 {x}", "必須包含 {x}"),
        "contains_any": ("包含 {x} 其中任何一項", "必須包含 {x} 其中至少一項"),
        "contains_all": ("包含 {x} 全部", "必須包含 {x} 全部"),
        "matches": ("符合正規表達式 {x}", "必須符合正規表達式 {x}"),
        "mentions": ("提及 {x}", "必須提及 {x}"),
        "min_words": ("至少有 {x} 個字", "必須至少有 {x} 個字"),
        "min_length": ("至少有 {x} 個字元", "必須至少有 {x} 個字元"),
        "max_length": ("最多有 {x} 個字元", "最多只可有 {x} 個字元"),
        "at_least": ("不低於 {x}", "不得低於 {x}"),
        "at_most": ("不高於 {x}", "不得高於 {x}"),
        "greater_than": ("大於 {x}", "必須大於 {x}"),
        "less_than": ("小於 {x}", "必須小於 {x}"),
        "before": ("早於 {x}", "必須早於 {x}"),
        "on_or_before": ("不遲於 {x}", "不得遲於 {x}"),
        "after": ("遲於 {x}", "必須遲於 {x}"),
        "on_or_after": ("不早於 {x}", "不得早於 {x}"),
    },
}

# the sentence forms; {name} parts are segments
PHRASES = {
    "en": {
        "for_each": "For {bindings}: {body}.",
        "for_each_if": "For {bindings}: if {where}, {body}.",
        "if": "If {where}, {body}.",
        "plain": "{body}.",
        "binding_join": ", and ",
        "each_record": "each {noun} {name}",
        "each_item": "each item {name} of {path}",
        "each_record_listed": "each {noun} {name} listed in {listed}",
        "each_item_listed": "each item {name} of {path} whose id is listed in {listed}",
        "some_record": "{article} {noun} {name}",
        "some_item": "an item {name} of {path}",
        "some_record_listed": "{article} {noun} {name} listed in {listed}",
        "some_item_listed": "an item {name} of {path} whose id is listed in {listed}",
        "records": "{plural} {name}",
        "items": "items {name} of {path}",
        "records_listed": "{plural} {name} listed in {listed}",
        "items_listed": "items {name} of {path} whose ids are listed in {listed}",
        "where": "{what} where {condition}",
        "exists_modal": "there must be {what}",
        "exists": "there is {what}",
        "count_modal": "the number of {what} must be {quantity}",
        "count": "the number of {what} is {quantity}",
        "at_least": "at least {n}", "at_most": "at most {n}", "between": "between {n} and {m}",
        "exactly": "exactly {n}", "any_number": "zero or more",
        "and": " and ", "or": " or ",
        "any_modal": "at least one of these must hold: {options}", "any_modal_join": "; or ",
        "any": "either {options}",
        "not_modal": "it must not be that {condition}",
        "not": "it is not the case that {condition}",
        "paren": "({x})",
        "listed_or": " or ",
        "list_sep": ", ", "list_more": ", … ({count} values in all)",
        "ops_join": " and ",
    },
    "zh": {
        "for_each": "對於{bindings}：{body}。",
        "for_each_if": "對於{bindings}：如{where}，則{body}。",
        "if": "如{where}，則{body}。",
        "plain": "{body}。",
        "binding_join": "，以及",
        "each_record": "每{measure}{noun} {name}",
        "each_item": " {path} 中的每一項 {name}",
        "each_record_listed": " {listed} 所列的每{measure}{noun} {name}",
        "each_item_listed": " {path} 中 id 列於 {listed} 的每一項 {name}",
        "some_record": "一{measure}{noun} {name}",
        "some_item": " {path} 中的一項 {name}",
        "some_record_listed": " {listed} 所列的一{measure}{noun} {name}",
        "some_item_listed": " {path} 中 id 列於 {listed} 的一項 {name}",
        "records": "{noun} {name}",
        "items": " {path} 中的項目 {name}",
        "records_listed": " {listed} 所列的{noun} {name}",
        "items_listed": " {path} 中 id 列於 {listed} 的項目 {name}",
        "where": "{what}（{condition}）",
        "exists_modal": "必須有{what}",
        "exists": "有{what}",
        "count_modal": "{what}的數目必須{quantity}",
        "count": "{what}的數目{quantity}",
        "at_least": "至少為 {n}", "at_most": "最多為 {n}", "between": "介乎 {n} 至 {m}",
        "exactly": "剛好為 {n}", "any_number": "不限",
        "and": "，且", "or": "，或",
        "any_modal": "以下至少一項必須成立：{options}", "any_modal_join": "；或",
        "any": "{options}",
        "not_modal": "不得出現以下情況：{condition}",
        "not": "並非「{condition}」",
        "paren": "（{x}）",
        "listed_or": " 或 ",
        "list_sep": "、", "list_more": " 等（共 {count} 個值）",
        "ops_join": "，且",
    },
}

_FIELD = re.compile(r"\{(\w+)\}")
_IDEOGRAPH = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_END = re.compile(f"[{_IDEOGRAPH}]$")
_CJK_START = re.compile(f"[{_IDEOGRAPH}]")
# no space next to full-width punctuation: after （，：；、「） and before ），。；、」
_AROUND_PUNCTUATION = re.compile("(?<=[\uff08\uff09\uff0c\uff1a\uff1b\u3001\u300c]) +"
                                 "| +(?=[\uff09\uff0c\u3002\uff1b\u3001\u300d])")


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


def plain_text(segments: Segments) -> str:
    """The description as plain text, code in backticks."""
    return "".join(f"`{t}`" if is_code else t for t, is_code in segments)


def markdown_text(segments: Segments) -> str:
    return "".join(_md_code(t) if is_code else _md_escape(t) for t, is_code in segments)


def html_text(segments: Segments) -> str:
    return "".join(f"<code>{html.escape(t)}</code>" if is_code else html.escape(t) for t, is_code in segments)


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


# --- describing a check ----------------------------------------------------------------


def describe_rule(rule: Rule, lang: str) -> list[Segments]:
    """One sentence per check of the rule."""
    checks = rule.spec.get("check") if isinstance(rule.spec, dict) else None
    checks = checks if isinstance(checks, list) else [checks]
    return [describe_check(check, lang) for check in checks if isinstance(check, dict)]


def describe_check(check: dict[str, Any], lang: str) -> Segments:
    words = PHRASES[lang]
    body = _condition(check.get("require"), lang, modal=True)
    bindings = [_selection(name, source, lang, "each") for name, source in (check.get("for_each") or {}).items()]
    where = _condition(check["where"], lang, modal=False) if "where" in check else None
    if bindings:
        form = "for_each_if" if where is not None else "for_each"
        sentence = fill(words[form], bindings=join(bindings, words["binding_join"]), where=where or [], body=body)
    elif where is not None:
        sentence = fill(words["if"], where=where, body=body)
    else:
        sentence = fill(words["plain"], body=body)
    return _capitalise(_tidy(sentence))


def _is_section(path: str) -> bool:
    return "." not in path and path in manifest_sections()


def _selection(name: str, source: Any, lang: str, kind: str) -> Segments:
    """How a selection reads: ``kind`` is each (for_each), some (exists) or many (count)."""
    words = PHRASES[lang]
    spec = {"from": source} if isinstance(source, str) else source if isinstance(source, dict) else {}
    origin = str(spec.get("from", "?"))
    listed = spec.get("listed_in")
    listed_paths = [listed] if isinstance(listed, str) else [p for p in listed or [] if isinstance(p, str)]
    section = _is_section(origin)
    noun = SECTION_NOUNS.get(origin)
    shape = {"each": ("each_record", "each_item"), "some": ("some_record", "some_item"),
             "many": ("records", "items")}[kind]
    key = shape[0] if section else shape[1]
    if listed_paths:
        key += "_listed"
    if section and noun is None:  # a section without a noun of its own: name it
        noun = (f"record of {origin}", f"records of {origin}", "a", f"{origin} 紀錄", "項")
    parts: dict[str, Segments | str] = {
        "name": code(name), "path": code(origin),
        "listed": join([code(p) for p in listed_paths], words["listed_or"]),
    }
    if noun is not None:
        parts.update(noun=noun[0] if lang == "en" else noun[3], plural=noun[1] if lang == "en" else noun[3],
                     article=noun[2], measure=noun[4])
    what = fill(words[key], **parts)
    if "where" in spec:
        what = fill(words["where"], what=what, condition=_condition(spec["where"], lang, modal=False))
    return what


def _condition(spec: Any, lang: str, modal: bool) -> Segments:
    words = PHRASES[lang]
    if isinstance(spec, list):
        return _all(spec, lang, modal)
    if not isinstance(spec, dict) or len(spec) != 1:
        return code(repr(spec))
    (key, body), = spec.items()
    if key == "all" and isinstance(body, list):
        return _all(body, lang, modal)
    if key == "any" and isinstance(body, list):
        if len(body) == 1:
            return _condition(body[0], lang, modal)
        options = [_nested(item, lang, inside="any") for item in body]
        if modal:
            return fill(words["any_modal"], options=join(options, words["any_modal_join"]))
        return fill(words["any"], options=join(options, words["or"]))
    if key == "not":
        return fill(words["not_modal" if modal else "not"], condition=_condition(body, lang, modal=False))
    if key in ("exists", "count") and isinstance(body, dict):
        return _quantifier(key, body, lang, modal)
    if isinstance(body, dict):
        return _comparison(key, body, lang, modal)
    return code(repr(spec))


def _all(items: list, lang: str, modal: bool) -> Segments:
    if len(items) == 1:
        return _condition(items[0], lang, modal)
    return join([_nested(item, lang, inside="all", modal=modal) for item in items], PHRASES[lang]["and"])


def _nested(item: Any, lang: str, inside: str, modal: bool = False) -> Segments:
    """A part of an ``all`` or ``any``, in brackets when it is itself a combination that
    would otherwise read ambiguously."""
    described = _condition(item, lang, modal)
    if inside == "any":
        composite = (isinstance(item, list) and len(item) > 1) or (
            isinstance(item, dict) and isinstance(item.get("all"), list) and len(item["all"]) > 1)
    else:
        composite = not modal and isinstance(item, dict) and isinstance(item.get("any"), list) and len(item["any"]) > 1
    return fill(PHRASES[lang]["paren"], x=described) if composite else described


def _quantifier(kind: str, spec: dict[str, Any], lang: str, modal: bool) -> Segments:
    words = PHRASES[lang]
    name = str(spec.get("as", "item"))
    at_least = spec.get("at_least", 1 if kind == "exists" else 0)
    at_most = spec.get("at_most")
    if kind == "exists" and at_least == 1 and at_most is None:
        return fill(words["exists_modal" if modal else "exists"], what=_selection(name, spec, lang, "some"))
    if at_most is None:
        quantity = fill(words["at_least" if at_least else "any_number"], n=str(at_least))
    elif at_least == at_most:
        quantity = fill(words["exactly"], n=str(at_most))
    elif not at_least:
        quantity = fill(words["at_most"], n=str(at_most))
    else:
        quantity = fill(words["between"], n=str(at_least), m=str(at_most))
    return fill(words["count_modal" if modal else "count"], what=_selection(name, spec, lang, "many"),
                quantity=quantity)


def _comparison(path: str, tests: dict[str, Any], lang: str, modal: bool) -> Segments:
    words = PHRASES[lang]
    operators = OPERATOR_WORDS[lang]
    phrases = []
    for operator, operand in tests.items():
        if operator == "present":
            operator = "present" if operand else "absent"
        pattern = operators.get(operator)
        if pattern is None:  # not an operator of the language; show it as written
            phrases.append(fill("{op} {x}", op=code(str(operator)), x=_operand(operand, lang)))
            continue
        phrases.append(fill(pattern[1 if modal else 0], x=_operand(operand, lang, regex=operator == "matches")))
    return fill("{path} {tests}", path=code(path), tests=join(phrases, words["ops_join"]))


def _operand(value: Any, lang: str, regex: bool = False) -> Segments:
    words = PHRASES[lang]
    if regex:
        return code(str(value))
    if isinstance(value, str) and value.startswith("$"):
        return code(value[1:])
    if isinstance(value, list):
        shown = [_operand(item, lang) for item in value[:MAX_LIST]]
        listed = join(shown, words["list_sep"])
        if len(value) > MAX_LIST:
            listed += fill(words["list_more"], count=str(len(value)))
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


# --- facts about a rule ----------------------------------------------------------------


def levels_text(levels: tuple[str, ...] | None, lang: str) -> str:
    """A rule's levels for people: all, or the levels in the report's language."""
    if levels is None:
        return say("guideline.all_levels", lang)
    named = text.words("level", lang)
    return say("guideline.level_separator", lang).join(named.get(level, visible(level)) for level in levels)


def levels_short(levels: tuple[str, ...] | None) -> str:
    """A rule's levels as written in rules: ``all`` or ``low, medium``."""
    return "all" if levels is None else ", ".join(levels)


def severity_meaning(severity: str, lang: str) -> str:
    """What a severity means for a production: blocks release, must be justified, advice."""
    return text.words("guideline.severity_meaning", lang).get(severity, "")


def severity_text(severity: str, lang: str) -> str:
    """``error (blocks release)``, in the report's language."""
    label = text.words("severity", lang).get(severity, visible(severity))
    meaning = severity_meaning(severity, lang)
    if not meaning:
        return label
    return say("guideline.severity_with_meaning", lang, severity=label, meaning=meaning)


def rule_text(value: Any, lang: str) -> str:
    """A text of a rule (title, rationale, fix) in ``lang``, on one line, made visible."""
    picked = pick(value, lang)
    return visible(" ".join((picked or "").split()))


def sorted_rules(rules: Iterable[Rule]) -> list[Rule]:
    """Principle order, then id."""
    order = {principle: index for index, principle in enumerate(PRINCIPLES)}
    return sorted(rules, key=lambda rule: (order.get(rule.principle, len(order)), rule.id))


def pack_names(rule_set: RuleSet) -> str:
    return ", ".join(f"{pack.name} {pack.version}" for pack in rule_set.packs)


# --- Markdown --------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\*<>\[\]&])")
_BACKTICKS = re.compile(r"(`[^`]*`)")


def _md_escape(value: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", value)


def _md_code(value: str) -> str:
    fence = "``" if "`" in value else "`"
    padding = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{padding}{value}{padding}{fence}"


def _md_rule_text(value: str) -> str:
    """Rule text keeps its `code` spans; everything else is escaped."""
    return "".join(part if _BACKTICKS.fullmatch(part) else _md_escape(part) for part in _BACKTICKS.split(value))


def render_markdown(rule_set: RuleSet, lang: str) -> str:
    rules = sorted_rules(rule_set.rules)
    lines = [f"# {say('guideline.title', lang)}", ""]
    packs = say("punctuation.comma", lang).join(
        f"{_md_escape(visible(pack.name))} {_md_escape(visible(pack.version))}" for pack in rule_set.packs)
    lines.append(f"{say('guideline.rule_packs', lang)}{say('punctuation.colon', lang)}{packs} · "
                 + say("guideline.rule_count", lang, count=len(rules)))
    lines.append("")
    for pack in rule_set.packs:
        if pack.description:
            lines += [f"> {_md_rule_text(rule_text(pack.description, lang))}", ""]
    groups = [(p, [r for r in rules if r.principle == p]) for p in _principles(rules)]
    lines += [f"## {say('guideline.contents', lang)}", ""]
    for principle, group in groups:
        lines.append(f"- [{_md_escape(_principle_label(principle, lang))}](#{_anchor(principle)})"
                     + say("guideline.contents_count", lang, count=len(group)))
    lines.append("")
    for principle, group in groups:
        lines += [f'<a id="{_anchor(principle)}"></a>', "", f"## {_md_escape(_principle_label(principle, lang))}", ""]
        for rule in group:
            lines += _markdown_rule(rule, lang)
    return "\n".join(lines).rstrip("\n") + "\n"


def _markdown_rule(rule: Rule, lang: str) -> list[str]:
    colon = say("punctuation.colon", lang)
    lines = [f"### {_md_escape(visible(rule.id))}{colon}{_md_rule_text(rule_text(rule.title, lang))}", ""]
    lines.append(f"- **{say('guideline.severity', lang)}**{colon}{severity_text(rule.severity, lang)}")
    lines.append(f"- **{say('guideline.levels', lang)}**{colon}{levels_text(rule.levels, lang)}")
    lines.append(f"- **{say('guideline.source', lang)}**{colon}{_md_rule_text(rule_text(rule.source, lang))}")
    help_uri = rule.spec.get("help_uri") if isinstance(rule.spec, dict) else None
    if isinstance(help_uri, str):
        lines.append(f"- **{say('guideline.more', lang)}**{colon}<{_md_escape(visible(help_uri))}>")
    lines += ["", f"**{say('guideline.requires', lang)}**", ""]
    described = describe_rule(rule, lang)
    if len(described) == 1:
        lines.append(markdown_text(described[0]))
    else:
        lines += [f"{index}. {markdown_text(sentence)}" for index, sentence in enumerate(described, 1)]
    lines += ["", f"**{say('guideline.why', lang)}**{colon}{_md_rule_text(rule_text(rule.rationale, lang))}", ""]
    lines += [f"**{say('guideline.how_to_comply', lang)}**{colon}{_md_rule_text(rule_text(rule.fix, lang))}", ""]
    return lines


def _principles(rules: list[Rule]) -> list[str]:
    present = {rule.principle for rule in rules}
    return [p for p in PRINCIPLES if p in present] + sorted(present - set(PRINCIPLES))


def _principle_label(principle: str, lang: str) -> str:
    return text.words("principle", lang).get(principle, visible(principle))


def _anchor(principle: str) -> str:
    return "principle-" + re.sub(r"[^a-z0-9]+", "-", principle.lower())


# --- HTML ------------------------------------------------------------------------------

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans TC","PingFang TC",sans-serif;
 max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.55;color:#1d1d1f}
h1{font-size:1.8rem}h2{border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2.5rem}
article{border-left:4px solid #ccc;padding:.2rem 1rem;margin:1.5rem 0}
article.error{border-color:#c62828}article.warning{border-color:#ef8f00}article.info{border-color:#0277bd}
h3{margin:.4rem 0}.id{font-family:ui-monospace,monospace;color:#555;margin-right:.5rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:.5rem 0}dt{font-weight:600}dd{margin:0}
code{font-family:ui-monospace,monospace;background:#f3f3f3;padding:0 .2rem;border-radius:3px}
h4{margin:.8rem 0 .2rem}p{margin:.2rem 0}.packs{color:#555}
"""


def _html_rule_text(value: str) -> str:
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(value))


def render_html(rule_set: RuleSet, lang: str) -> str:
    esc = html.escape
    rules = sorted_rules(rule_set.rules)
    title = esc(say("guideline.title", lang))
    packs = say("punctuation.comma", lang).join(f"{esc(visible(p.name))} {esc(visible(p.version))}"
                                                for p in rule_set.packs)
    out = ["<!DOCTYPE html>", f'<html lang="{say("language.html", lang)}">', "<head>",
           '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{title}</title>", f"<style>{_CSS}</style>", "</head>", "<body>",
           "<header>", f"<h1>{title}</h1>",
           f'<p class="packs">{esc(say("guideline.rule_packs", lang))}{esc(say("punctuation.colon", lang))}'
           f'{packs} · {esc(say("guideline.rule_count", lang, count=len(rules)))}</p>']
    for pack in rule_set.packs:
        if pack.description:
            out.append(f"<p>{_html_rule_text(rule_text(pack.description, lang))}</p>")
    out.append("</header>")
    groups = [(p, [r for r in rules if r.principle == p]) for p in _principles(rules)]
    out += ["<nav>", f"<h2>{esc(say('guideline.contents', lang))}</h2>", "<ul>"]
    for principle, group in groups:
        out.append(f'<li><a href="#{_anchor(principle)}">{esc(_principle_label(principle, lang))}</a>'
                   f"{esc(say('guideline.contents_count', lang, count=len(group)))}</li>")
    out += ["</ul>", "</nav>", "<main>"]
    for principle, group in groups:
        out += [f'<section id="{_anchor(principle)}">', f"<h2>{esc(_principle_label(principle, lang))}</h2>"]
        for rule in group:
            out += _html_rule(rule, lang)
        out.append("</section>")
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def _html_rule(rule: Rule, lang: str) -> list[str]:
    esc = html.escape
    severity = rule.severity if rule.severity in ("error", "warning", "info") else "info"
    out = [f'<article id="{esc(visible(rule.id), quote=True)}" class="{severity}">',
           f'<h3><span class="id">{esc(visible(rule.id))}</span>{_html_rule_text(rule_text(rule.title, lang))}</h3>',
           "<dl>",
           f"<dt>{esc(say('guideline.severity', lang))}</dt><dd>{esc(severity_text(rule.severity, lang))}</dd>",
           f"<dt>{esc(say('guideline.levels', lang))}</dt><dd>{esc(levels_text(rule.levels, lang))}</dd>",
           f"<dt>{esc(say('guideline.source', lang))}</dt><dd>{_html_rule_text(rule_text(rule.source, lang))}</dd>"]
    help_uri = rule.spec.get("help_uri") if isinstance(rule.spec, dict) else None
    if isinstance(help_uri, str) and help_uri.lower().startswith(("https://", "http://")):
        uri = esc(visible(help_uri), quote=True)
        out.append(f'<dt>{esc(say("guideline.more", lang))}</dt><dd><a href="{uri}">{uri}</a></dd>')
    out.append("</dl>")
    out.append(f"<h4>{esc(say('guideline.requires', lang))}</h4>")
    described = describe_rule(rule, lang)
    if len(described) == 1:
        out.append(f"<p>{html_text(described[0])}</p>")
    else:
        out += ["<ol>", *(f"<li>{html_text(sentence)}</li>" for sentence in described), "</ol>"]
    out += [f"<h4>{esc(say('guideline.why', lang))}</h4>",
            f"<p>{_html_rule_text(rule_text(rule.rationale, lang))}</p>",
            f"<h4>{esc(say('guideline.how_to_comply', lang))}</h4>",
            f"<p>{_html_rule_text(rule_text(rule.fix, lang))}</p>",
            "</article>"]
    return out
