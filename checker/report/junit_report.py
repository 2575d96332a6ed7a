"""JUnit XML, as Jenkins and GitLab read it: a test suite per manifest, a test case per rule.

A rule that does not apply to a manifest is skipped. A rule with findings that fail the run
(at ``--fail-on``) is a failing case with one ``<failure>`` that lists them all, so ``failures``
counts failing cases and a consumer shows pass or fail exactly as hkai's exit code does.
Findings that do not fail the run (below ``--fail-on``, waived, or known from a baseline) leave
the case passed and are listed in its ``<system-out>``: passed rather than skipped, because the
rule was checked and the run does not fail on them. A manifest that
cannot be read is a suite with one ``load`` case in error. Every piece of manifest text is
passed through ``clean`` so that the document stays well-formed XML 1.0.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TextIO

from .model import SEVERITY_RANK, DocumentResult, Finding, Report, counts_against
from .common import display_path, titled
from .safe_text import visible
from ..text import DEFAULT, say

def render(report: Report, stream: TextIO, color: bool = False) -> None:
    root = to_element(report)
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")


def to_element(report: Report) -> ET.Element:
    root = ET.Element("testsuites", name=titled("hkai", report))
    totals = dict.fromkeys(("tests", "failures", "errors", "skipped"), 0)
    for result in report.documents:
        suite = _suite(result, report)
        root.append(suite)
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
    for key, value in totals.items():
        root.set(key, str(value))
    return root


def _suite(result: DocumentResult, report: Report) -> ET.Element:
    path = visible(display_path(result.path))
    lang = report.lang
    suite = ET.Element("testsuite", name=titled(path, report))
    counts = dict.fromkeys(("tests", "failures", "errors", "skipped"), 0)
    cases: list[ET.Element] = []
    if result.error is not None:
        case = ET.Element("testcase", name=say("junit.load_case", lang), classname="integrity", file=path)
        error = ET.SubElement(case, "error", message=visible(result.error.message), type="load")
        error.text = f"{_where(path, result.error.line, result.error.column)}: {visible(result.error.message)}"
        cases.append(case)
        counts["errors"] += 1
    else:
        _properties(suite, result, report)
        by_rule: dict[str, list[Finding]] = {}
        for finding in result.findings:
            by_rule.setdefault(finding.rule, []).append(finding)
        pack_ids = set(report.rule_set.rule_ids)
        extra = sorted(rule for rule in by_rule if rule not in pack_ids)  # a rule no longer in the pack
        for rule_id in extra:
            principle = by_rule[rule_id][0].principle
            cases.append(_case(rule_id, "", principle, by_rule[rule_id], path, report, counts))
        evaluated = set(result.rules_evaluated)
        for rule in report.rule_set.rules:
            title = rule.title.get(lang) or rule.title.get(DEFAULT, "")
            if rule.id not in evaluated:
                case = _testcase(rule.id, title, rule.principle, path)
                reason = (say("junit.schema_skipped", lang) if not result.schema_valid
                          else say("junit.not_applicable", lang))
                ET.SubElement(case, "skipped", message=reason)
                counts["skipped"] += 1
                cases.append(case)
            else:
                cases.append(_case(rule.id, title, rule.principle, by_rule.get(rule.id, []), path, report, counts))
    counts["tests"] = len(cases)
    for key, value in counts.items():
        suite.set(key, str(value))
    suite.extend(cases)
    return suite


def _properties(suite: ET.Element, result: DocumentResult, report: Report) -> None:
    production = result.production or {}
    values = (("production", production.get("id")), ("declared_level", result.declared_level),
              ("derived_level", result.derived_level), ("status", result.status(report.fail_on)),
              ("draft", "true" if report.draft else None))
    properties = ET.SubElement(suite, "properties")
    for name, value in values:
        if value is not None:
            ET.SubElement(properties, "property", name=name, value=visible(value))


def _testcase(rule_id: str, title: str, principle: str, path: str) -> ET.Element:
    return ET.Element("testcase", name=visible(f"{rule_id} {title}".rstrip()), classname=visible(principle), file=path)


def _case(rule_id: str, title: str, principle: str, findings: list[Finding], path: str, report: Report,
          counts: dict[str, int]) -> ET.Element:
    case = _testcase(rule_id, title, principle, path)
    lang = report.lang
    failing = [finding for finding in findings if counts_against(finding, report.fail_on)]
    if failing:
        worst = max(failing, key=lambda finding: SEVERITY_RANK[finding.severity])
        failure = ET.SubElement(case, "failure", message=_failure_message(failing, lang), type=worst.severity)
        failure.text = "\n\n".join(_failure_text(finding, path, lang) for finding in failing)
        counts["failures"] += 1
    below = [finding for finding in findings if finding.counts and not counts_against(finding, report.fail_on)]
    waived = [finding for finding in findings if finding.waived]
    known = [finding for finding in findings if not finding.waived and finding.baselined]
    if below or waived or known:
        out = ET.SubElement(case, "system-out")
        out.text = "\n".join([_below_line(finding, path, report) for finding in below]
                             + [_waived_line(finding, path, lang) for finding in waived]
                             + [_baselined_line(finding, path, lang) for finding in known])
    return case


def _failure_message(failing: list[Finding], lang: str) -> str:
    """The first failing finding's message, and how many more there are."""
    message = visible(failing[0].message.get(lang, ""))
    if len(failing) > 1:
        message += say("junit.more", lang, count=len(failing) - 1)
    return message


def _failure_text(finding: Finding, path: str, lang: str) -> str:
    message = visible(finding.message.get(lang, ""))
    return "\n".join((
        f"{_where(path, finding.line, finding.column)}: {say(f'severity.{finding.severity}', lang)} "
        f"{finding.rule}: {message}",
        f"{_label(say('junit.pointer', lang), lang)}{visible(finding.pointer) or '/'}"
        + (f"  {_label(say('junit.target', lang), lang)}{visible(finding.target)}"
           if finding.target is not None else ""),
        f"{_label(say('report.fix', lang), lang)}{visible(finding.fix.get(lang, ''))}",
    ))


def _label(word: str, lang: str) -> str:
    """A label and its colon, as the language writes them (「修正方法：」)."""
    return word + say("punctuation.colon", lang)


def _then(word: str, value: str, lang: str) -> str:
    """A further labelled detail of a line, after the language's semicolon."""
    return say("punctuation.semicolon", lang) + _label(word, lang) + value


def _noted(label: str, finding: Finding, path: str, lang: str) -> str:
    """A finding that leaves its case passed, as a line of its ``<system-out>``, after ``label``."""
    return (f"{_label(label, lang)}{_where(path, finding.line, finding.column)}: "
            f"{say(f'severity.{finding.severity}', lang)} {finding.rule}: {visible(finding.message.get(lang, ''))}")


def _below_line(finding: Finding, path: str, report: Report) -> str:
    return _noted(say("junit.below_fail_on", report.lang, fail_on=report.fail_on), finding, path, report.lang)


def _baselined_line(finding: Finding, path: str, lang: str) -> str:
    return _noted(say("junit.baselined", lang), finding, path, lang)


def _waived_line(finding: Finding, path: str, lang: str) -> str:
    waiver = finding.waiver
    assert waiver is not None
    line = (_noted(say("junit.waived", lang), finding, path, lang)
            + _then(say("report.reason", lang), visible(waiver.reason.get(lang, "")), lang))
    if waiver.approved_by:
        line += _then(say("report.approved_by", lang), visible(waiver.approved_by), lang)
    if waiver.expires_on:
        line += _then(say("report.expires", lang), visible(waiver.expires_on), lang)
    return line


def _where(path: str, line: int | None, column: int | None) -> str:
    where = path
    if line is not None:
        where += f":{line}"
        if column is not None:
            where += f":{column}"
    return where
