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

from ..evaluation.manifest import SCHEMA_RULE, SCHEMA_TITLE, ManifestResult
from .model import Finding, Report
from .common import display_path
from .safe_text import visible
from .labels import LABELS

WORDS = {
    "en": {"not_applicable": "not applicable at this AI-use level",
           "schema_skipped": "manifest does not match the format",
           "load": "load", "cannot_read": "the manifest could not be read",
           "waived": "waived", "baselined": "known from the baseline", "pointer": "pointer", "target": "target"},
    "zh": {"not_applicable": "不適用於此人工智能應用程度",
           "schema_skipped": "清單不符合格式",
           "load": "load", "cannot_read": "無法讀取清單",
           "waived": "已豁免", "baselined": "基線已包含", "pointer": "位置", "target": "對象"},
}


def render(run: Report, stream: TextIO, color: bool = False) -> None:
    root = to_element(run)
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")


def to_element(run: Report) -> ET.Element:
    root = ET.Element("testsuites", name="hkai")
    totals = dict.fromkeys(("tests", "failures", "errors", "skipped"), 0)
    for result in run.results:
        suite = _suite(result, run)
        root.append(suite)
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
    for key, value in totals.items():
        root.set(key, str(value))
    return root


def _suite(result: ManifestResult, run: Report) -> ET.Element:
    path = visible(display_path(result.path))
    words = WORDS[run.lang]
    suite = ET.Element("testsuite", name=path)
    counts = dict.fromkeys(("tests", "failures", "errors", "skipped"), 0)
    cases: list[ET.Element] = []
    if result.error is not None:
        case = ET.Element("testcase", name=words["load"], classname="integrity", file=path)
        error = ET.SubElement(case, "error", message=visible(result.error.message), type="load")
        error.text = f"{_where(path, result.error.line, result.error.column)}: {visible(result.error.message)}"
        cases.append(case)
        counts["errors"] += 1
    else:
        _properties(suite, result, run)
        by_rule: dict[str, list[Finding]] = {}
        for finding in result.findings:
            by_rule.setdefault(finding.rule, []).append(finding)
        pack_ids = set(run.rule_set.rule_ids)
        extra = sorted(rule for rule in by_rule if rule not in pack_ids)  # SCHEMA, or a rule no longer in the pack
        for rule_id in extra:
            principle = by_rule[rule_id][0].principle
            title = SCHEMA_TITLE[run.lang] if rule_id == SCHEMA_RULE else ""
            cases.append(_case(rule_id, title, principle, by_rule[rule_id], path, run, counts))
        evaluated = set(result.rules_evaluated)
        for rule in run.rule_set.rules:
            title = rule.title.get(run.lang) or rule.title.get("en", "")
            if not result.schema_valid or rule.id not in evaluated:
                case = _testcase(rule.id, title, rule.principle, path)
                reason = words["schema_skipped"] if not result.schema_valid else words["not_applicable"]
                ET.SubElement(case, "skipped", message=reason)
                counts["skipped"] += 1
                cases.append(case)
            else:
                cases.append(_case(rule.id, title, rule.principle, by_rule.get(rule.id, []), path, run, counts))
    counts["tests"] = len(cases)
    for key, value in counts.items():
        suite.set(key, str(value))
    suite.extend(cases)
    return suite


def _properties(suite: ET.Element, result: ManifestResult, run: Report) -> None:
    production = result.production or {}
    values = (("production", production.get("id")), ("declared_level", result.declared_level),
              ("derived_level", result.derived_level), ("status", result.status(run.fail_on)))
    properties = ET.SubElement(suite, "properties")
    for name, value in values:
        if value is not None:
            ET.SubElement(properties, "property", name=name, value=visible(value))


def _testcase(rule_id: str, title: str, principle: str, path: str) -> ET.Element:
    return ET.Element("testcase", name=visible(f"{rule_id} {title}".rstrip()), classname=visible(principle), file=path)


def _case(rule_id: str, title: str, principle: str, findings: list[Finding], path: str, run: Report,
          counts: dict[str, int]) -> ET.Element:
    case = _testcase(rule_id, title, principle, path)
    words = WORDS[run.lang]
    for finding in findings:
        if not finding.counts:
            continue
        message = visible(finding.message.get(run.lang, ""))
        failure = ET.SubElement(case, "failure", message=message, type=finding.severity)
        failure.text = "\n".join((
            f"{_where(path, finding.line, finding.column)}: {LABELS[run.lang][finding.severity]} {finding.rule}: "
            f"{message}",
            f"{words['pointer']}: {visible(finding.pointer) or '/'}"
            + (f"  {words['target']}: {visible(finding.target)}" if finding.target is not None else ""),
            f"{LABELS[run.lang]['fix']}: {visible(finding.fix.get(run.lang, ''))}",
        ))
        counts["failures"] += 1
    waived = [finding for finding in findings if finding.waived]
    known = [finding for finding in findings if not finding.waived and finding.baselined]
    if waived or known:
        out = ET.SubElement(case, "system-out")
        out.text = "\n".join([_waived_line(finding, path, run.lang) for finding in waived]
                             + [_baselined_line(finding, path, run.lang) for finding in known])
    return case


def _baselined_line(finding: Finding, path: str, lang: str) -> str:
    return (f"{WORDS[lang]['baselined']}: {_where(path, finding.line, finding.column)}: "
            f"{LABELS[lang][finding.severity]} {finding.rule}: {visible(finding.message.get(lang, ''))}")


def _waived_line(finding: Finding, path: str, lang: str) -> str:
    waiver = finding.waiver
    assert waiver is not None
    words, labels = WORDS[lang], LABELS[lang]
    line = (f"{words['waived']}: {_where(path, finding.line, finding.column)}: {labels[finding.severity]} "
            f"{finding.rule}: {visible(finding.message.get(lang, ''))}; "
            f"{labels['reason']}: {visible(waiver.reason.get(lang, ''))}")
    if waiver.approved_by:
        line += f"; {labels['approved_by']}: {visible(waiver.approved_by)}"
    if waiver.expires_on:
        line += f"; {labels['expires']}: {visible(waiver.expires_on)}"
    return line


def _where(path: str, line: int | None, column: int | None) -> str:
    where = path
    if line is not None:
        where += f":{line}"
        if column is not None:
            where += f":{column}"
    return where
