"""JUnit XML, as Jenkins and GitLab read it: a test suite per manifest, a test case per rule.

A rule that does not apply to a manifest is skipped; a rule with unwaived findings gets one
``<failure>`` per finding (so a suite's ``failures`` is its number of unwaived findings);
waived findings and those a baseline already knows do not fail and are listed in the
case's ``<system-out>``. A manifest that
cannot be read is a suite with one ``load`` case in error. Every piece of manifest text is
passed through ``clean`` so that the document stays well-formed XML 1.0.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TextIO

from .model import DocumentResult, Finding, Report
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
    for finding in findings:
        if not finding.counts:
            continue
        message = visible(finding.message.get(lang, ""))
        failure = ET.SubElement(case, "failure", message=message, type=finding.severity)
        failure.text = "\n".join((
            f"{_where(path, finding.line, finding.column)}: {say(f'severity.{finding.severity}', lang)} "
            f"{finding.rule}: {message}",
            f"{_label(say('junit.pointer', lang), lang)}{visible(finding.pointer) or '/'}"
            + (f"  {_label(say('junit.target', lang), lang)}{visible(finding.target)}"
               if finding.target is not None else ""),
            f"{_label(say('report.fix', lang), lang)}{visible(finding.fix.get(lang, ''))}",
        ))
        counts["failures"] += 1
    waived = [finding for finding in findings if finding.waived]
    known = [finding for finding in findings if not finding.waived and finding.baselined]
    if waived or known:
        out = ET.SubElement(case, "system-out")
        out.text = "\n".join([_waived_line(finding, path, lang) for finding in waived]
                             + [_baselined_line(finding, path, lang) for finding in known])
    return case


def _label(word: str, lang: str) -> str:
    """A label and its colon, as the language writes them (「修正方法：」)."""
    return word + say("punctuation.colon", lang)


def _then(word: str, value: str, lang: str) -> str:
    """A further labelled detail of a line, after the language's semicolon."""
    return say("punctuation.semicolon", lang) + _label(word, lang) + value


def _baselined_line(finding: Finding, path: str, lang: str) -> str:
    return (f"{_label(say('junit.baselined', lang), lang)}{_where(path, finding.line, finding.column)}: "
            f"{say(f'severity.{finding.severity}', lang)} {finding.rule}: {visible(finding.message.get(lang, ''))}")


def _waived_line(finding: Finding, path: str, lang: str) -> str:
    waiver = finding.waiver
    assert waiver is not None
    line = (f"{_label(say('junit.waived', lang), lang)}{_where(path, finding.line, finding.column)}: "
            f"{say(f'severity.{finding.severity}', lang)} {finding.rule}: {visible(finding.message.get(lang, ''))}"
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
