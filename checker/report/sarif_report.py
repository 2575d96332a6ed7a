"""SARIF 2.1.0, for code-scanning services (GitHub code scanning, Azure DevOps, IDE viewers).

One run; the rules are those evaluated in at least one manifest, each finding is a result
(waived ones carry an accepted suppression) and unreadable manifests are tool execution
notifications. No timestamps and no machine-specific paths, so the same run gives the same bytes.

Locations are relative to the repository root, the base ``%SRCROOT%``, as code-scanning
services resolve them: ``--root``, else the nearest folder above the current one that holds
``.git`` (found by looking, without running git), else the current folder. The base's own
absolute path is left out (it would differ from machine to machine); a file outside the root
gets an absolute ``file:`` URI. The run's ``automationDetails.id`` names its category (``hkai/``),
so GitHub keeps hkai's results apart from other tools'. Each rule's ``helpUri`` is the rule's
own ``help_uri``, else for the built-in rules their rule file in the project's repository.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from .. import PROJECT_URL, __version__
from . import strict_json
from .model import DocumentResult, Finding, Report
from ..packs.model import builtin_pack_dir
from ..packs.rule import Rule
from .common import display_path, packs, root_relative, source_root
from .safe_text import visible
from ..text import DEFAULT, say

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SRCROOT = "%SRCROOT%"
FINGERPRINT = "hkaiFinding/v1"
CATEGORY = "hkai/"  # a run category: what comes before the last slash of automationDetails.id
RULES_URL = f"{PROJECT_URL}/blob/main/rules/"  # the built-in rule files in the repository


def render(report: Report, stream: TextIO, color: bool = False) -> None:
    strict_json.dump(to_dict(report), stream)


def to_dict(report: Report) -> dict[str, Any]:
    descriptors, index = _rules(report)
    with_baseline = getattr(report, "baseline", None) is not None
    root = source_root(report.source_root)
    results = [_result(finding, result, report.lang, index, with_baseline, root)
               for result in report.documents for finding in result.findings]
    notifications = [_notification(result, root) for result in report.documents if result.error is not None]
    invocation: dict[str, Any] = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "hkai", "fullName": f"hkai {__version__}",
                                "version": __version__, "semanticVersion": __version__,
                                "informationUri": PROJECT_URL, "rules": descriptors}},
            "automationDetails": {"id": CATEGORY},
            "originalUriBaseIds": {SRCROOT: {"description": {"text": "The repository root."}}},
            "invocations": [invocation],
            "language": say("language.sarif", report.lang),
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": {"rulePacks": [{"name": name, "version": version} for name, version in packs(report)],
                           "today": report.today, "failOn": report.fail_on,
                           **({"draft": True} if report.draft else {})},
        }],
    }


# --- rules ---------------------------------------------------------------------------------------

def _rules(report: Report) -> tuple[list[dict[str, Any]], dict[str, int]]:
    evaluated = {rule_id for result in report.documents for rule_id in result.rules_evaluated}
    rules = sorted((rule for rule in report.rule_set.rules if rule.id in evaluated), key=lambda rule: rule.id)
    descriptors = [_descriptor(rule, report.lang) for rule in rules]
    return descriptors, {descriptor["id"]: i for i, descriptor in enumerate(descriptors)}


def _descriptor(rule: Rule, lang: str) -> dict[str, Any]:
    title, rationale, fix = (visible(_text(rule.title, lang)), visible(_text(rule.rationale, lang)),
                             visible(_text(rule.fix, lang)))
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": _name(_text(rule.title, DEFAULT), rule.id),
        "shortDescription": {"text": title},
        "fullDescription": {"text": rationale},
        "help": {"text": fix, "markdown": f"{rationale}\n\n**Fix:** {fix}\n\nSource: {visible(rule.source)}"},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {
            "tags": [rule.principle],
            "principle": rule.principle,
            "source": visible(rule.source),
            "levels": list(rule.levels) if rule.levels is not None else "all",
        },
    }
    help_uri = _help_uri(rule)
    if help_uri:
        descriptor["helpUri"] = help_uri
    return descriptor


def _help_uri(rule: Rule) -> str | None:
    """The rule's own ``help_uri``; for a built-in rule without one, its rule file in the repository."""
    help_uri = rule.spec.get("help_uri")
    if isinstance(help_uri, str) and help_uri:
        return help_uri
    file = Path(rule.file).resolve()
    if file.parent == builtin_pack_dir().resolve():
        return RULES_URL + quote(file.name)
    return None


def _name(title: str, rule_id: str) -> str:
    """``A minor's consent is given by a guardian`` -> ``AMinorsConsentIsGivenByAGuardian``."""
    words = re.findall(r"[A-Za-z0-9]+", re.sub(r"['’]", "", title))
    return "".join(word[0].upper() + word[1:] for word in words) or re.sub(r"[^A-Za-z0-9]", "", rule_id) or "Rule"


def _text(texts: dict[str, str], lang: str) -> str:
    return texts.get(lang) or texts.get(DEFAULT) or next(iter(texts.values()), "")


# --- results -------------------------------------------------------------------------------------

def _result(finding: Finding, result: DocumentResult, lang: str, index: dict[str, int],
            with_baseline: bool, root: str) -> dict[str, Any]:
    entry: dict[str, Any] = {"ruleId": finding.rule}
    if finding.rule in index:
        entry["ruleIndex"] = index[finding.rule]
    entry["level"] = LEVEL[finding.severity]
    entry["message"] = {"text": _message(_text(finding.message, lang))}
    entry["locations"] = [{"physicalLocation": _physical(result.path, finding.line, finding.column, root)}]
    if finding.pointer:
        entry["locations"][0]["logicalLocations"] = [{"fullyQualifiedName": visible(finding.pointer)}]
    entry["partialFingerprints"] = {FINGERPRINT: _fingerprint(finding, result)}
    if finding.waiver is not None:
        # a manifest's own waiver is written in the source; a reviewer's is kept apart
        kind = "external" if finding.waiver.source == "reviewer" else "inSource"
        suppression: dict[str, Any] = {"kind": kind, "status": "accepted",
                                       "justification": visible(_text(finding.waiver.reason, lang))}
        details = {key: visible(value) for key, value in (("approvedBy", finding.waiver.approved_by),
                                                          ("expiresOn", finding.waiver.expires_on)) if value}
        if details:
            suppression["properties"] = details
        entry["suppressions"] = [suppression]
    if with_baseline:
        entry["baselineState"] = "unchanged" if finding.baselined else "new"
    properties: dict[str, Any] = {"principle": finding.principle, "severity": finding.severity}
    if finding.target is not None:
        properties["target"] = visible(finding.target)
    entry["properties"] = properties
    return entry


def _message(text: str) -> str:
    """Plain-text SARIF messages may embed links written ``[text](target)``: literal brackets are escaped."""
    return re.sub(r"([\[\]])", r"\\\1", visible(text))


def _fingerprint(finding: Finding, result: DocumentResult) -> str:
    production = (result.production or {}).get("id")
    owner = production if isinstance(production, str) else display_path(result.path)
    key = "\0".join((owner, finding.rule, finding.target or "", finding.pointer, finding.message.get("en", "")))
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _notification(result: DocumentResult, root: str) -> dict[str, Any]:
    error = result.error
    assert error is not None
    return {
        "level": "error",
        "message": {"text": _message(error.message)},
        "locations": [{"physicalLocation": _physical(result.path, error.line, error.column, root)}],
    }


def _physical(path: str, line: int | None, column: int | None, root: str) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": _artifact(path, root)}
    region = {key: value for key, value in (("startLine", line), ("startColumn", column))
              if isinstance(value, int) and value >= 1}
    if "startLine" in region:
        location["region"] = region
    return location


def _artifact(path: str, root: str) -> dict[str, str]:
    relative = root_relative(path, root)
    if relative is None:
        return {"uri": Path(os.path.abspath(path)).as_uri()}  # outside the root: an absolute file URI
    return {"uri": quote(relative, safe="/", errors="surrogateescape"), "uriBaseId": SRCROOT}
