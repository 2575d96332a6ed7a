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
from .model import EXIT_ERROR, EXIT_FINDINGS, PRINCIPLES, SEVERITIES, Finding, ManifestResult, Report
from .common import display_path, packs
from .safe_text import visible
from .labels import LABELS

WORDS = {
    "en": {"heading": "hkai compliance report", "severity": "Severity", "rule": "Rule", "message": "Message",
           "location": "Location", "waived": "Waived findings (they do not fail the run)",
           "reason": "Reason", "approved_by": "Approved by", "expires": "Expires",
           "cannot_read": "The manifest could not be read", "unreadable": "Manifests that could not be read",
           "packs": "Rule packs: {packs}; {count} rules", "baselined": "{count} known findings carried by the baseline."},
    "zh": {"heading": "hkai 合規檢查報告", "severity": "嚴重程度", "rule": "規則", "message": "訊息",
           "location": "位置", "waived": "已豁免的結果（不影響檢查結果）",
           "reason": "理由", "approved_by": "批准者", "expires": "屆滿",
           "cannot_read": "無法讀取此清單", "unreadable": "無法讀取的清單",
           "packs": "規則集：{packs}；共 {count} 條規則", "baselined": "基線已包含 {count} 項已知結果。"},
}
STATUS_MARK = {"pass": "✅", "fail": "❌", "error": "⚠️"}

_NEWLINES = re.compile("\r\n|[\r\n\x0b\x0c\x85\u2028\u2029]")
_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~#!$])")


def escape(value: object) -> str:
    """Untrusted text as inert Markdown on a single line."""
    return _SPECIAL.sub(r"\\\1", visible(_NEWLINES.sub(" ", str(value))))


def render(run: Report, stream: TextIO, color: bool = False) -> None:
    stream.write("\n".join(lines(run)) + "\n")


def lines(run: Report) -> list[str]:
    labels, words = LABELS[run.lang], WORDS[run.lang]
    summary = run.summary()
    overall = {EXIT_ERROR: "error", EXIT_FINDINGS: "fail"}.get(run.exit_code(), "pass")
    status_word = labels["error_status" if overall == "error" else overall]
    out = [f"## {words['heading']}", ""]
    out.append(f"{STATUS_MARK[overall]} **{status_word}** · "
               + labels["summary"].format(manifests=summary.manifests, passed=summary.passed,
                                          failed=summary.failed, errors=summary.errors)
               + " · " + labels["tally"].format(**summary.findings)
               + " · " + labels["waived_tally"].format(waived=summary.waived))
    out.append("")
    names = ", ".join(f"{name} {version}" for name, version in packs(run))
    out.append(escape(words["packs"].format(packs=names, count=len(run.rule_set.rules))))
    out.append("")
    out.extend(_scorecard(run))
    unreadable = [result for result in run.results if result.error is not None]
    if unreadable:
        out += ["", f"**{words['unreadable']}**", ""]
        out += [f"- {_link(display_path(r.path), r.error.line)}: {escape(r.error.message)}"  # type: ignore[union-attr]
                for r in unreadable]
    for result in run.results:
        out.append("")
        out.extend(_manifest(result, run))
    return out


def _scorecard(run: Report) -> list[str]:
    labels = LABELS[run.lang]
    rows = [f"| {labels['principle']} | " + " | ".join(labels[s] for s in SEVERITIES) + " |",
            "|---|" + "---:|" * len(SEVERITIES)]
    findings = [f for result in run.results for f in result.findings if f.counts]
    for principle in PRINCIPLES:
        counts = [sum(1 for f in findings if f.principle == principle and f.severity == s) for s in SEVERITIES]
        rows.append(f"| {labels[principle]} | " + " | ".join(str(n) for n in counts) + " |")
    return rows


def _manifest(result: ManifestResult, run: Report) -> list[str]:
    labels, words = LABELS[run.lang], WORDS[run.lang]
    path = display_path(result.path)
    status = result.status(run.fail_on)
    status_word = labels["error_status" if status == "error" else status]
    out = [f"### {STATUS_MARK[status]} {escape(path)}", ""]
    if result.error is not None:
        out.append(f"**{status_word}** · {words['cannot_read']}: {_link(path, result.error.line)} "
                   f"{escape(result.error.message)}")
        return out
    out.append(f"**{status_word}** · {_heading(result, labels)}")
    out.append("")
    if not result.schema_valid:
        out += [f"_{labels['schema_skipped']}_", ""]
    active = [f for f in result.findings if f.counts]
    waived = [f for f in result.findings if f.waived]
    known = sum(1 for f in result.findings if not f.waived and f.baselined)
    if active:
        out.append(f"| {words['severity']} | {words['rule']} | {words['message']} | {words['location']} |")
        out.append("|---|---|---|---|")
        for finding in active:
            out.append(f"| {labels[finding.severity]} | {escape(finding.rule)} | "
                       f"{escape(finding.message.get(run.lang, ''))} | {_link(path, finding.line)} |")
    elif not waived and not known:
        out.append(labels["no_findings"])
    if known:
        out += ([""] if active else []) + [words["baselined"].format(count=known)]
    if waived:
        if active or known:
            out.append("")
        out += [f"<details><summary>{escape(words['waived'])}: {len(waived)}</summary>", ""]
        out.append(f"| {words['severity']} | {words['rule']} | {words['message']} | {words['location']} "
                   f"| {words['reason']} | {words['approved_by']} | {words['expires']} |")
        out.append("|---|---|---|---|---|---|---|")
        for finding in waived:
            out.append(_waived_row(finding, path, run.lang))
        out += ["", "</details>"]
    return out


def _heading(result: ManifestResult, labels: dict[str, str]) -> str:
    production = result.production or {}
    names = [escape(t) for t in dict.fromkeys(variants(production.get("title")))]
    heading = " · ".join(names)
    if production.get("id") is not None:
        heading += f" ({escape(production['id'])})"
    levels = (f"{labels['level']}: {labels['declared']} {_level(result.declared_level, labels)}, "
              f"{labels['derived']} {_level(result.derived_level, labels)}")
    return f"{heading} · {levels}" if heading else levels


def _level(level: object, labels: dict[str, str]) -> str:
    if level in ("none", "low", "medium", "high"):
        return labels.get(str(level), str(level))
    return escape(level) if level is not None else "?"


def _waived_row(finding: Finding, path: str, lang: str) -> str:
    waiver = finding.waiver
    assert waiver is not None
    cells = [LABELS[lang][finding.severity], escape(finding.rule), escape(finding.message.get(lang, "")),
             _link(path, finding.line), escape(waiver.reason.get(lang, "")),
             escape(waiver.approved_by or ""), escape(waiver.expires_on or "")]
    return "| " + " | ".join(cells) + " |"


def _link(path: str, line: int | None) -> str:
    """``[path:line](path#Lline)``: the text escaped, the target percent-encoded."""
    target = quote(path.replace("\\", "/"), safe="/", errors="surrogateescape")
    if line is None:
        return f"[{escape(path)}]({target})"
    return f"[{escape(path)}:{line}]({target}#L{line})"
