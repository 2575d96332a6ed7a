"""Machine-readable output: stable keys, stable order, no timestamps."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any, TextIO

from .. import __version__
from . import strict_json
from .model import DocumentResult, Finding, Report


def render(report: Report, stream: TextIO, color: bool = False) -> None:
    strict_json.dump(to_dict(report), stream)


def to_dict(report: Report) -> dict[str, Any]:
    document: dict[str, Any] = {"draft": True} if report.draft else {}  # a draft run says so first
    document |= {
        "tool": {"name": "hkai", "version": __version__},
        "rulepack": {"name": report.rule_set.name, "version": report.rule_set.version, "rules": report.rule_set.rule_ids},
        "packs": [{"name": pack.name, "version": pack.version} for pack in report.rule_set.packs],
        "today": report.today,
        "fail_on": report.fail_on,
        "manifests": [_manifest(result, report) for result in report.results],
        "waivers_files": [_manifest(result, report) for result in report.waiver_files],
        "summary": asdict(report.summary()),
    }
    if report.baseline is not None:
        document["baseline"] = asdict(report.baseline)
    if report.redaction is not None:
        document["redacted"] = True
    return document


def _manifest(result: DocumentResult, report: Report) -> dict[str, Any]:
    production = result.production or {}
    entry: dict[str, Any] = {
        "path": result.path,
        "kind": result.kind,
        "production": production.get("id"),
        "title": production.get("title"),
        "declared_level": result.declared_level,
        "derived_level": result.derived_level,
        "status": result.status(report.fail_on),
        "schema_valid": result.schema_valid,
        "rules_evaluated": result.rules_evaluated,
        "findings": [_finding(finding, report.lang) for finding in result.findings],
    }
    if result.error is not None:
        entry["error"] = {"message": result.error.message, "line": result.error.line, "column": result.error.column}
    return entry


def _finding(finding: Finding, lang: str) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "rule": finding.rule,
        "principle": finding.principle,
        "severity": finding.severity,
        "message": finding.message[lang],
        "path": finding.pointer,
        "line": finding.line,
        "column": finding.column,
        "target": finding.target,
        "waived": finding.waived,
        "baselined": finding.baselined,
        "fix": finding.fix[lang],
    }
    for key, waiver in (("waiver", finding.waiver), ("claimed_waiver", finding.claim)):
        if waiver is not None:
            entry[key] = {"reason": waiver.reason[lang], "approved_by": waiver.approved_by,
                          "expires_on": waiver.expires_on, "source": waiver.source}
    return entry
