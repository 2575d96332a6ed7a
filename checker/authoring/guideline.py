"""Rules explained to people: the whole rule set as a guideline document (Markdown or a
standalone HTML page), each rule with what it requires in plain words.

The plain words are ``checker.language.describe``'s: one sentence per compiled check, as
segments ``(text, is_code)`` that each output marks and escapes its own way.
"""

from __future__ import annotations

import html
import re
from typing import Any, Iterable

from ..language.describe import Segments, describe_check
from ..text.values import pick
from ..report.model import PRINCIPLES
from ..packs.model import RuleSet
from ..report.labels import LABELS
from ..report.safe_text import visible
from ..packs.rule import Rule

# fixed words of rule documentation
DOC_WORDS = {
    "en": {
        "doc_title": "AI in screen production: the rules",
        "packs": "Rule packs", "rules_count": "{count} rules", "contents": "Contents",
        "severity": "Severity", "levels": "Applies at AI-use levels", "source": "Source",
        "requires": "What it requires", "why": "Why", "comply": "How to comply", "more": "More",
        "principle": "Principle", "pack": "Pack", "id": "ID", "title": "Title",
        "what_it_checks": "What it checks", "fix": "How to fix",
        "all_levels": "all (even a production without AI use)",
        "meaning_error": "blocks release", "meaning_warning": "must be justified", "meaning_info": "advice",
    },
    "zh": {
        "doc_title": "影視製作中的人工智能：規則一覽",
        "packs": "規則集", "rules_count": "{count} 條規則", "contents": "目錄",
        "severity": "嚴重程度", "levels": "適用的人工智能應用程度", "source": "出處",
        "requires": "要求", "why": "原因", "comply": "如何符合", "more": "詳情",
        "principle": "原則", "pack": "規則集", "id": "編號", "title": "標題",
        "what_it_checks": "檢查內容", "fix": "修正方法",
        "all_levels": "全部（包括沒有使用人工智能的作品）",
        "meaning_error": "不得發行", "meaning_warning": "須提出理由", "meaning_info": "建議",
    },
}

# --- segments, marked up ------------------------------------------------------------------


def markdown_text(segments: Segments) -> str:
    return "".join(_md_code(t) if is_code else _md_escape(t) for t, is_code in segments)


def html_text(segments: Segments) -> str:
    return "".join(f"<code>{html.escape(t)}</code>" if is_code else html.escape(t) for t, is_code in segments)


# --- describing a rule -----------------------------------------------------------------


def describe_rule(rule: Rule, lang: str) -> list[Segments]:
    """One sentence per check of the rule."""
    return [describe_check(check, lang) for check in rule.checks]


# --- facts about a rule ----------------------------------------------------------------


def levels_text(levels: tuple[str, ...] | None, lang: str) -> str:
    """A rule's levels for people: all, or the levels in the report's language."""
    if levels is None:
        return DOC_WORDS[lang]["all_levels"]
    return ("、" if lang == "zh" else ", ").join(LABELS[lang].get(level, visible(level)) for level in levels)


def levels_short(levels: tuple[str, ...] | None) -> str:
    """A rule's levels as written in rules: ``all`` or ``low, medium``."""
    return "all" if levels is None else ", ".join(levels)


def severity_meaning(severity: str, lang: str) -> str:
    """What a severity means for a production: blocks release, must be justified, advice."""
    return DOC_WORDS[lang].get(f"meaning_{severity}", "")


def severity_text(severity: str, lang: str) -> str:
    """``error (blocks release)``, in the report's language."""
    label = LABELS[lang].get(severity, visible(severity))
    meaning = severity_meaning(severity, lang)
    if not meaning:
        return label
    return f"{label}（{meaning}）" if lang == "zh" else f"{label} ({meaning})"


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
    words, labels = DOC_WORDS[lang], LABELS[lang]
    rules = sorted_rules(rule_set.rules)
    lines = [f"# {words['doc_title']}", ""]
    lines.append(f"{words['packs']}{labels['colon']}" + labels["comma"].join(
        f"{_md_escape(visible(pack.name))} {_md_escape(visible(pack.version))}" for pack in rule_set.packs)
        + " · " + words["rules_count"].format(count=len(rules)))
    lines.append("")
    for pack in rule_set.packs:
        if pack.description:
            lines += [f"> {_md_rule_text(rule_text(pack.description, lang))}", ""]
    groups = [(p, [r for r in rules if r.principle == p]) for p in _principles(rules)]
    lines += [f"## {words['contents']}", ""]
    for principle, group in groups:
        lines.append(f"- [{_md_escape(_principle_label(principle, lang))}](#{_anchor(principle)})"
                     + _bracketed(words["rules_count"].format(count=len(group)), lang))
    lines.append("")
    for principle, group in groups:
        lines += [f'<a id="{_anchor(principle)}"></a>', "", f"## {_md_escape(_principle_label(principle, lang))}", ""]
        for rule in group:
            lines += _markdown_rule(rule, lang)
    return "\n".join(lines).rstrip("\n") + "\n"


def _markdown_rule(rule: Rule, lang: str) -> list[str]:
    words, labels = DOC_WORDS[lang], LABELS[lang]
    colon = labels["colon"]
    lines = [f"### {_md_escape(visible(rule.id))}{colon}{_md_rule_text(rule_text(rule.title, lang))}", ""]
    lines.append(f"- **{words['severity']}**{colon}{severity_text(rule.severity, lang)}")
    lines.append(f"- **{words['levels']}**{colon}{levels_text(rule.levels, lang)}")
    lines.append(f"- **{words['source']}**{colon}{_md_rule_text(rule_text(rule.source, lang))}")
    help_uri = rule.spec.get("help_uri") if isinstance(rule.spec, dict) else None
    if isinstance(help_uri, str):
        lines.append(f"- **{words['more']}**{colon}<{_md_escape(visible(help_uri))}>")
    lines += ["", f"**{words['requires']}**", ""]
    described = describe_rule(rule, lang)
    if len(described) == 1:
        lines.append(markdown_text(described[0]))
    else:
        lines += [f"{index}. {markdown_text(sentence)}" for index, sentence in enumerate(described, 1)]
    lines += ["", f"**{words['why']}**{colon}{_md_rule_text(rule_text(rule.rationale, lang))}", ""]
    lines += [f"**{words['comply']}**{colon}{_md_rule_text(rule_text(rule.fix, lang))}", ""]
    return lines


def _bracketed(value: str, lang: str) -> str:
    return f"（{value}）" if lang == "zh" else f" ({value})"


def _principles(rules: list[Rule]) -> list[str]:
    present = {rule.principle for rule in rules}
    return [p for p in PRINCIPLES if p in present] + sorted(present - set(PRINCIPLES))


def _principle_label(principle: str, lang: str) -> str:
    return LABELS[lang].get(principle, visible(principle))


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
    words, labels = DOC_WORDS[lang], LABELS[lang]
    esc = html.escape
    rules = sorted_rules(rule_set.rules)
    packs = labels["comma"].join(f"{esc(visible(p.name))} {esc(visible(p.version))}" for p in rule_set.packs)
    out = ["<!DOCTYPE html>", f'<html lang="{"zh-Hant" if lang == "zh" else "en"}">', "<head>",
           '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{esc(words['doc_title'])}</title>", f"<style>{_CSS}</style>", "</head>", "<body>",
           "<header>", f"<h1>{esc(words['doc_title'])}</h1>",
           f'<p class="packs">{esc(words["packs"])}{esc(labels["colon"])}{packs} · '
           f'{esc(words["rules_count"].format(count=len(rules)))}</p>']
    for pack in rule_set.packs:
        if pack.description:
            out.append(f"<p>{_html_rule_text(rule_text(pack.description, lang))}</p>")
    out.append("</header>")
    groups = [(p, [r for r in rules if r.principle == p]) for p in _principles(rules)]
    out += ["<nav>", f"<h2>{esc(words['contents'])}</h2>", "<ul>"]
    for principle, group in groups:
        out.append(f'<li><a href="#{_anchor(principle)}">{esc(_principle_label(principle, lang))}</a>'
                   f"{esc(_bracketed(words['rules_count'].format(count=len(group)), lang))}</li>")
    out += ["</ul>", "</nav>", "<main>"]
    for principle, group in groups:
        out += [f'<section id="{_anchor(principle)}">', f"<h2>{esc(_principle_label(principle, lang))}</h2>"]
        for rule in group:
            out += _html_rule(rule, lang)
        out.append("</section>")
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def _html_rule(rule: Rule, lang: str) -> list[str]:
    words = DOC_WORDS[lang]
    esc = html.escape
    severity = rule.severity if rule.severity in ("error", "warning", "info") else "info"
    out = [f'<article id="{esc(visible(rule.id), quote=True)}" class="{severity}">',
           f'<h3><span class="id">{esc(visible(rule.id))}</span>{_html_rule_text(rule_text(rule.title, lang))}</h3>',
           "<dl>",
           f"<dt>{esc(words['severity'])}</dt><dd>{esc(severity_text(rule.severity, lang))}</dd>",
           f"<dt>{esc(words['levels'])}</dt><dd>{esc(levels_text(rule.levels, lang))}</dd>",
           f"<dt>{esc(words['source'])}</dt><dd>{_html_rule_text(rule_text(rule.source, lang))}</dd>"]
    help_uri = rule.spec.get("help_uri") if isinstance(rule.spec, dict) else None
    if isinstance(help_uri, str) and help_uri.lower().startswith(("https://", "http://")):
        uri = esc(visible(help_uri), quote=True)
        out.append(f'<dt>{esc(words["more"])}</dt><dd><a href="{uri}">{uri}</a></dd>')
    out.append("</dl>")
    out.append(f"<h4>{esc(words['requires'])}</h4>")
    described = describe_rule(rule, lang)
    if len(described) == 1:
        out.append(f"<p>{html_text(described[0])}</p>")
    else:
        out += ["<ol>", *(f"<li>{html_text(sentence)}</li>" for sentence in described), "</ol>"]
    out += [f"<h4>{esc(words['why'])}</h4>", f"<p>{_html_rule_text(rule_text(rule.rationale, lang))}</p>",
            f"<h4>{esc(words['comply'])}</h4>", f"<p>{_html_rule_text(rule_text(rule.fix, lang))}</p>",
            "</article>"]
    return out
