"""A self-contained HTML report for people who read, print and file it: per production its
facts, a ten-second summary, the principle scorecard and the findings grouped by principle,
each with its location, the quoted manifest lines, the fix, the rule's rationale and source.

The page loads nothing (a Content-Security-Policy forbids every load and every script) and
needs no JavaScript. ``lang`` may be ``both``: every text of the report is then given in
English and Chinese side by side. All values reach the page through a Jinja2 template that
escapes everything (``autoescape=True``), after ``visible`` has made controls and bidi
characters visible; nothing here builds markup from strings.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import cache, partial
from pathlib import Path
from typing import Any, TextIO

from .. import __version__
from ..text import LANGUAGES, say, table, words
from ..text import say as phrase  # for keys given to _labels and the template's L(): tests/test_texts.py reads those
from ..text.values import pick
from . import BOTH_LANGUAGES, QUOTED_CONTEXT
from .common import declared_below, display_path, findings_line, packs, shown_per_rule, skipped_lines, waivers_file_line
from .model import PRINCIPLES, SEVERITIES, SEVERITY_RANK, DocumentResult, Finding, Report, SourceLine, Summary
from .safe_text import visible

TEMPLATES = Path(__file__).resolve().parent / "templates"
MOST_SERIOUS = 3  # findings in a production's summary
LONGEST_QUOTED_LINE = 300  # characters of one quoted manifest line; the rest is counted, not shown
SEVERITY_MARK = {"error": "✖", "warning": "▲", "info": "●"}  # severity is never told by colour alone
STATUS_MARK = {"pass": "✔", "fail": "✖", "error": "⚠"}


def render(report: Report, stream: TextIO, color: bool = False) -> None:
    stream.write(html(report))


def html(report: Report) -> str:
    """The whole page: the same report gives the same bytes."""
    langs = list(LANGUAGES) if report.lang == BOTH_LANGUAGES else [report.lang]
    documents = [_document(index, result, report, langs) for index, result in enumerate(report.documents, 1)]
    return _template().render(
        langs=[_language(lang) for lang in langs], page_lang=_tag(langs[0]), css=_css(), css_hash=_css_hash(),
        title=_labels("markdown.heading", langs), overall=_overall(report, langs), documents=documents,
        cover=_cover(documents) if len(documents) > 1 else [], meta=_meta(report, langs),
        L=partial(_labels, langs=langs), T={lang: table(lang) for lang in langs}, draft=report.draft)


@cache
def _template():
    import jinja2  # here, not at the top: only an HTML report pays for it

    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                                     undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                                     keep_trailing_newline=True)
    environment.filters["code_spans"] = _code_spans
    return environment.get_template("report.html.j2")


_CODE_SPAN = re.compile(r"`([^`\n]+)`")


def _code_spans(text: str) -> Any:
    """A rule's fix or rationale, whose backticks mark field names and values, with those
    shown as code. The text is escaped first, so a span can only wrap escaped text."""
    from markupsafe import Markup, escape

    return Markup(_CODE_SPAN.sub(r"<code>\1</code>", str(escape(text))))


@cache
def _css() -> str:
    return (TEMPLATES / "report.css").read_text(encoding="utf-8")


@cache
def _css_hash() -> str:
    """The CSP hash of the page's one stylesheet: no other style, injected or not, applies."""
    return "sha256-" + base64.b64encode(hashlib.sha256(_css().encode("utf-8")).digest()).decode("ascii")


def _tag(lang: str) -> str:
    return say("html.lang_tag", lang)


def _language(lang: str) -> dict[str, str]:
    return {"code": lang, "tag": _tag(lang)}


def _labels(key: str, langs: list[str], **values: Any) -> list[dict[str, str]]:
    """One program phrase in each language of the report, each with its language tag (the
    template's ``L(key)``)."""
    return [{"tag": _tag(lang), "text": phrase(key, lang, **values)} for lang in langs]


def _in_langs(langs: list[str], text_of) -> list[dict[str, str]]:
    """A text given per language by ``text_of(lang)``, made visible: one entry per language
    of the report, in its order (empty where there is none), for the template's columns."""
    return [{"tag": _tag(lang), "text": visible(text_of(lang) or "")} for lang in langs]


# ----------------------------------------------------------------------------- the whole run

def _overall(report: Report, langs: list[str]) -> dict[str, Any]:
    summary = report.summary()
    status = {0: "pass", 1: "fail"}.get(report.exit_code(), "error")
    return {"status": status, "mark": STATUS_MARK[status], "status_text": _labels(f"status.{status}", langs),
            "manifests": _labels("summary.manifests", langs, count=summary.manifests, passed=summary.passed,
                                 failed=summary.failed, errors=summary.errors),
            "findings": _in_langs(langs, partial(findings_line, summary.findings)),
            "counts": summary.findings, "waived": _labels("summary.waived", langs, waived=summary.waived),
            "notes": _summary_notes(summary, langs)}


def _summary_notes(summary: Summary, langs: list[str]) -> list[list[dict[str, str]]]:
    """The summary's other lines, each in every language: reviewers' waivers files, and what
    a folder search skipped (the first few paths; the JSON report names them all)."""
    notes = [_in_langs(langs, lambda lang, file=file: waivers_file_line(file, lang, path=display_path(file.path)))
             for file in summary.waivers_files]
    skipped = {lang: skipped_lines(summary, lang) for lang in langs}  # the same lines in every language
    notes += [_in_langs(langs, lambda lang, index=index: skipped[lang][index])
              for index in range(len(skipped[langs[0]]))]
    return notes


def _cover(documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every production, worst first: unreadable ones, then most errors, warnings, info."""
    def rank(document: dict[str, Any]) -> tuple:
        counts = document["counts"]
        return (document["status"] != "error", -counts["error"], -counts["warning"], -counts["info"],
                document["path"])
    return sorted(documents, key=rank)


def _meta(report: Report, langs: list[str]) -> dict[str, Any]:
    rule_set = report.rule_set
    return {"version": __version__, "today": visible(report.today), "rules": len(rule_set.rules),
            "packs": [{"name": name, "version": version} for name, version in packs(report)],
            "digest": _digest(report), "redacted": report.redaction is not None}


def _digest(report: Report) -> str:
    """SHA-256 of the rules the run evaluated, as their packs wrote them: two reports with the
    same digest were checked against the same rules."""
    rules = [[pack.name, pack.version, [rule.spec for rule in pack.rules]] for pack in report.rule_set.packs]
    rules.append([rule.id for rule in report.rule_set.rules])
    canonical = json.dumps(rules, sort_keys=True, ensure_ascii=True, default=str, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


# ----------------------------------------------------------------------------- one document

def _document(index: int, result: DocumentResult, report: Report, langs: list[str]) -> dict[str, Any]:
    path = visible(display_path(result.path))
    status = result.status(report.fail_on)
    counting = [f for f in result.findings if f.counts]
    counts = result.counted()
    document = {"anchor": f"doc-{index}", "path": path, "kind": result.kind, "status": status,
                "mark": STATUS_MARK[status], "status_text": _labels(f"status.{status}", langs), "counts": counts,
                "findings_text": _in_langs(langs, partial(findings_line, counts)),
                "total": len(result.findings), "error": None, "production": _production(result, langs),
                "schema_valid": result.schema_valid}
    if result.error is not None:
        document["error"] = {"message": visible(result.error.message), "line": result.error.line,
                             "column": result.error.column}
        return document
    rules = {rule.id: rule for rule in report.rule_set.rules}
    anchors = {id(f): f"{document['anchor']}-f{n}" for n, f in enumerate(result.findings, 1)}

    def show(finding: Finding) -> dict[str, Any]:
        return _finding(finding, path, result.source, rules.get(finding.rule), langs, anchors[id(finding)])

    most_serious = sorted(counting, key=lambda f: (-SEVERITY_RANK[f.severity], f.sort_key()))[:MOST_SERIOUS]
    document.update(
        scorecard=_scorecard(counting),
        most_serious=[{"severity": f.severity, "mark": SEVERITY_MARK[f.severity], "rule": visible(f.rule),
                       "message": _in_langs(langs, lambda lang, f=f: f.message.get(lang)),
                       "anchor": anchors[id(f)]} for f in most_serious],
        principles=[{"principle": principle, **_capped(group, show)}
                    for principle in PRINCIPLES if (group := [f for f in counting if f.principle == principle])],
        waived=_capped([f for f in result.findings if f.waived], show),
        evidence=_evidence(result.evidence, langs),
        baselined=sum(1 for f in result.findings if f.baselined and not f.waived))
    return document


def _evidence(found: list[dict[str, Any]] | None, langs: list[str]) -> list[dict[str, Any]] | None:
    """What --verify-evidence found for each consent document (None: it did not run)."""
    if found is None:
        return None
    match = {True: "yes", False: "no", None: "unknown"}
    return [{"consent": visible(item["consent"]), "ref": visible(item["ref"]), "status": item["status"],
             "found": _labels(f"html.evidence_status.{item['status']}", langs),
             "digest": _labels(f"html.evidence_match.{match[item['sha256_matches']]}", langs)}
            for item in found]


def _production(result: DocumentResult, langs: list[str]) -> dict[str, Any]:
    production = result.production or {}
    title = production.get("title")
    titles = [{"tag": _tag(lang), "text": visible(title[lang])} for lang in LANGUAGES
              if isinstance(title, dict) and isinstance(title.get(lang), str)]
    if isinstance(title, str):
        titles = [{"tag": None, "text": visible(title)}]
    jurisdictions = production.get("jurisdictions")
    levels = {lang: words("level", lang) for lang in langs}
    return {"id": _shown(production.get("id")), "titles": titles, "company": _shown(production.get("company")),
            "release_date": _shown(production.get("release_date")),
            "jurisdictions": ", ".join(visible(j) for j in jurisdictions) if isinstance(jurisdictions, list) else
            _shown(jurisdictions),
            "declared": _level(result.declared_level, levels, langs),
            "derived": _level(result.derived_level, levels, langs),
            "below": declared_below(result.declared_level, result.derived_level)}


def _shown(value: Any) -> str | None:
    return None if value is None else visible(value)


def _level(level: Any, levels: dict[str, dict[str, str]], langs: list[str]) -> list[dict[str, str]]:
    if level is None:
        return [{"tag": _tag(lang), "text": "?"} for lang in langs]
    return [{"tag": _tag(lang), "text": levels[lang].get(level, visible(level)) if isinstance(level, str)
             else visible(level)} for lang in langs]


def _scorecard(counting: list[Finding]) -> list[dict[str, Any]]:
    rows = []
    for principle in PRINCIPLES:
        counts = [sum(1 for f in counting if f.principle == principle and f.severity == s) for s in SEVERITIES]
        worst = next((s for s, n in zip(SEVERITIES, counts) if n), None)
        rows.append({"principle": principle, "counts": counts, "worst": worst,
                     "mark": SEVERITY_MARK[worst] if worst else "✔"})
    return rows


def _capped(findings: list[Finding], show) -> dict[str, Any]:
    """At most ``SHOWN_PER_RULE`` findings of each rule, and how many of each are not shown."""
    shown, left_out = shown_per_rule(findings)
    return {"findings": [show(f) for f in shown], "total": len(findings),
            "left_out": [{"rule": visible(rule), "count": count} for rule, count in sorted(left_out.items())]}


def _finding(finding: Finding, path: str, lines: dict[int, SourceLine], rule: Any, langs: list[str],
             anchor: str) -> dict[str, Any]:
    shown = {"anchor": anchor, "severity": finding.severity, "mark": SEVERITY_MARK[finding.severity],
             "rule": visible(finding.rule),
             "location": f"{path}:{finding.line}:{finding.column}", "pointer": visible(finding.pointer),
             "message": _in_langs(langs, lambda lang: finding.message.get(lang)),
             "fix": _in_langs(langs, lambda lang: finding.fix.get(lang)),
             "rationale": _in_langs(langs, lambda lang: pick(rule.rationale, lang)) if rule else [],
             "source": visible(rule.source) if rule and rule.source else None,
             "quote": _quote(lines, finding.line), "waiver": None, "claim": None}
    for key, waiver in (("waiver", finding.waiver), ("claim", finding.claim)):
        if waiver is not None:
            shown[key] = {"source": waiver.source, "reason": _in_langs(langs, lambda lang: pick(waiver.reason, lang)),
                          "approved_by": _shown(waiver.approved_by), "expires_on": _shown(waiver.expires_on)}
    return shown


# ----------------------------------------------------------------------------- quoted lines

def _quote(lines: dict[int, SourceLine], line: int) -> list[dict[str, Any]]:
    """The finding's line with the lines around it the result kept (``QUOTED_CONTEXT``), each
    numbered, the finding's marked. (A redacted result keeps none: nothing is quoted.)"""
    if line not in lines:
        return []
    context = QUOTED_CONTEXT["html"]
    numbers = [n for n in range(max(1, line - context), line + context + 1) if n in lines]
    return [{"number": n, "text": _quoted_text(lines[n]), "marked": n == line} for n in numbers]


def _quoted_text(line: SourceLine) -> str:
    """At most ``LONGEST_QUOTED_LINE`` characters of the line, from where its kept part
    starts; how many are left out on either side is counted."""
    shown = line.text[:LONGEST_QUOTED_LINE]
    left_out_after = (line.length or len(line.text)) - line.start - len(shown)
    return ((f"(+{line.start:,}) … " if line.start else "") + visible(shown)
            + (f" … (+{left_out_after:,})" if left_out_after else ""))

