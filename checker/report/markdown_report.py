"""A Markdown report for a pull-request comment: summary, principle scorecard, then per manifest
a table of the findings that count (waived ones in a table of their own, those a baseline
already knows only counted).

Untrusted text is shown on one line, its controls made visible and every character Markdown
or HTML could act on escaped, so it can neither end a table cell nor add links, markup or rows.
"""

from __future__ import annotations

import re
from typing import TextIO
from urllib.parse import quote

from ..text.values import variants
from .model import EXIT_ERROR, EXIT_FINDINGS, PRINCIPLES, SEVERITIES, DocumentResult, Finding, Report
from .common import display_path, packs, shown_per_rule, titled
from .safe_text import visible
from ..text import say, words

STATUS_MARK = {"pass": "✅", "fail": "❌", "error": "⚠️"}

_NEWLINES = re.compile("\r\n|[\r\n\x0b\x0c\x85\u2028\u2029]")
_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~#!$])")


def escape(value: object) -> str:
    """Untrusted text as inert Markdown on a single line."""
    return _SPECIAL.sub(r"\\\1", visible(_NEWLINES.sub(" ", str(value))))


def render(report: Report, stream: TextIO, color: bool = False) -> None:
    stream.write("\n".join(lines(report)) + "\n")


def lines(report: Report) -> list[str]:
    lang, summary = report.lang, report.summary()
    overall = {EXIT_ERROR: "error", EXIT_FINDINGS: "fail"}.get(report.exit_code(), "pass")
    out = [f"## {titled(say('markdown.heading', lang), report)}", ""]
    if report.draft:
        out += [f"**{escape(say('summary.draft', lang))}**", ""]
    out.append(f"{STATUS_MARK[overall]} **{say(f'status.{overall}', lang)}** · "
               + say("summary.manifests", lang, manifests=summary.manifests, passed=summary.passed,
                     failed=summary.failed, errors=summary.errors)
               + " · " + say("summary.findings", lang, **summary.findings)
               + " · " + say("summary.waived", lang, waived=summary.waived))
    out.append("")
    names = ", ".join(f"{name} {version}" for name, version in packs(report))
    out.append(escape(say("markdown.rule_packs", lang, packs=names, count=len(report.rule_set.rules))))
    out.append("")
    out.extend(_scorecard(report))
    unreadable = [result for result in report.documents if result.error is not None]
    if unreadable:
        out += ["", f"**{say('markdown.unreadable', lang)}**", ""]
        out += [f"- {_link(display_path(r.path), r.error.line)}: {escape(r.error.message)}"  # type: ignore[union-attr]
                for r in unreadable]
    for result in report.documents:
        out.append("")
        out.extend(_manifest(result, report))
    return out


def _scorecard(report: Report) -> list[str]:
    lang = report.lang
    rows = [f"| {say('report.principle', lang)} | " + " | ".join(say(f"severity.{s}", lang) for s in SEVERITIES) + " |",
            "|---|" + "---:|" * len(SEVERITIES)]
    findings = [f for result in report.documents for f in result.findings if f.counts]
    for principle in PRINCIPLES:
        counts = [sum(1 for f in findings if f.principle == principle and f.severity == s) for s in SEVERITIES]
        rows.append(f"| {say(f'principle.{principle}', lang)} | " + " | ".join(str(n) for n in counts) + " |")
    return rows


def _manifest(result: DocumentResult, report: Report) -> list[str]:
    lang = report.lang
    column = words("markdown.column", lang)
    path = display_path(result.path)
    status = result.status(report.fail_on)
    status_word = say(f"status.{status}", lang)
    out = [f"### {STATUS_MARK[status]} {escape(path)}", ""]
    if result.error is not None:
        out.append(f"**{status_word}** · {say('markdown.cannot_read', lang)}{say('punctuation.colon', lang)}{_link(path, result.error.line)} "
                   f"{escape(result.error.message)}")
        return out
    out.append(f"**{status_word}** · {_heading(result, lang)}")
    out.append("")
    if not result.schema_valid:
        out += [f"_{say('report.schema_skipped', lang)}_", ""]
    active = [f for f in result.findings if f.counts]
    waived = [f for f in result.findings if f.waived]
    known = sum(1 for f in result.findings if not f.waived and f.baselined)
    if active:
        out.append(f"| {column['severity']} | {column['rule']} | {column['message']} | {column['location']} |")
        out.append("|---|---|---|---|")
        shown, left_out = shown_per_rule(active)
        for finding in shown:
            out.append(f"| {say(f'severity.{finding.severity}', lang)} | {escape(finding.rule)} | "
                       f"{escape(finding.message.get(lang, ''))} | {_link(path, finding.line)} |")
        out += _left_out(left_out, lang)
    elif not waived and not known:
        out.append(say("report.no_findings", lang))
    if known:
        out += ([""] if active else []) + [say("report.baselined", lang, count=known)]
    if waived:
        if active or known:
            out.append("")
        out += [f"<details><summary>{escape(say('report.waived_findings', lang))}{say('punctuation.colon', lang)}{len(waived)}</summary>", ""]
        out.append(f"| {column['severity']} | {column['rule']} | {column['message']} | {column['location']} "
                   f"| {column['reason']} | {column['approved_by']} | {column['expires']} |")
        out.append("|---|---|---|---|---|---|---|")
        shown, left_out = shown_per_rule(waived)
        for finding in shown:
            out.append(_waived_row(finding, path, report.lang))
        out += _left_out(left_out, lang)
        out += ["", "</details>"]
    return out


def _left_out(left_out: dict[str, int], lang: str) -> list[str]:
    """After a table, one line per rule whose findings were not all shown, with how many were not."""
    return [line for rule, count in left_out.items()
            for line in ("", say("report.more_findings", lang, count=f"{count:,}", rule=escape(rule)))]


def _heading(result: DocumentResult, lang: str) -> str:
    production = result.production or {}
    names = [escape(t) for t in dict.fromkeys(variants(production.get("title")))]
    heading = " · ".join(names)
    if production.get("id") is not None:
        heading += f" ({escape(production['id'])})"
    declared = _level(result.declared_level, lang, say("report.level_not_declared", lang))
    derived = _level(result.derived_level, lang, say("report.level_not_derived", lang))
    space = say("punctuation.space", lang)
    levels = (f"{say('report.ai_use_level', lang)}{say('punctuation.colon', lang)}{say('report.declared', lang)}"
              f"{space}{declared}{say('punctuation.comma', lang)}{say('report.derived', lang)}{space}{derived}")
    return f"{heading} · {levels}" if heading else levels


def _level(level: object, lang: str, missing: str) -> str:
    named = words("level", lang)
    if isinstance(level, str) and level in named:
        return named[level]
    return escape(level) if level is not None else missing


def _waived_row(finding: Finding, path: str, lang: str) -> str:
    waiver = finding.waiver
    assert waiver is not None
    cells = [say(f"severity.{finding.severity}", lang), escape(finding.rule), escape(finding.message.get(lang, "")),
             _link(path, finding.line), escape(waiver.reason.get(lang, "")),
             escape(waiver.approved_by or ""), escape(waiver.expires_on or "")]
    return "| " + " | ".join(cells) + " |"


def _link(path: str, line: int | None) -> str:
    """``[path:line](path#Lline)``: the text escaped, the target percent-encoded."""
    target = quote(path.replace("\\", "/"), safe="/", errors="surrogateescape")
    if line is None:
        return f"[{escape(path)}]({target})"
    return f"[{escape(path)}:{line}]({target}#L{line})"
