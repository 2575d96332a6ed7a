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
from ..report.safe_text import visible
from ..packs.rule import Rule
from .. import text
from ..text import say


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
        return say("guideline.all_levels", lang)
    named = text.words("level", lang)
    return say("guideline.level_separator", lang).join(named.get(level, visible(level)) for level in levels)


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
