"""Waivers: exceptions that stop matching findings from counting.

A manifest's own ``waivers:`` are the producer's claim. A reviewing body issues waivers in
a separate file (``--waivers``); with ``--trusted-waivers-only`` only those waive, and a
manifest's waivers are shown as claimed, not accepted.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..text import LANGUAGES
from ..text.values import pick
from ..report.model import Finding, Waiver
from ..reading.yaml_loader import Document, LoadError, load_file
from ..reading.schema import WAIVERS_SCHEMA, schema_problems

EVERYTHING = "*"


@dataclass(frozen=True)
class ReviewWaiver:
    """One entry of a reviewer's waivers file, and where it is written."""

    rule: str
    production: str
    target: str
    reason: Any
    approved_by: str
    approved_on: str
    expires_on: str | None
    file: str
    pointer: str
    line: int
    column: int

    def as_waiver(self) -> Waiver:
        return _waiver(self.__dict__, source="reviewer", key=f"{self.file}#{self.pointer}")


def is_expired(waiver: dict[str, Any] | ReviewWaiver, today: str) -> bool:
    expires_on = waiver.expires_on if isinstance(waiver, ReviewWaiver) else waiver.get("expires_on")
    return isinstance(expires_on, str) and expires_on < today


def load_review_waivers(path: Path) -> list[ReviewWaiver]:
    return read_review_waivers(load_file(path))


def read_review_waivers(document: Document) -> list[ReviewWaiver]:
    """The waivers of a reviewer's waivers file; a LoadError for its first problem (a
    waiver that silently went missing would make findings count again unnoticed)."""
    for duplicate in document.duplicate_keys:
        raise LoadError(document.path, f"duplicate key {duplicate.key!r}: also on line {duplicate.first_line}",
                        duplicate.line, duplicate.column)
    for pointer, message in schema_problems(WAIVERS_SCHEMA, document):
        raise LoadError(document.path, f"invalid waivers file: {message} (at {pointer or '/'})",
                        *document.locate(pointer))
    return [ReviewWaiver(**{key: entry.get(key) for key in (
        "rule", "production", "target", "reason", "approved_by", "approved_on", "expires_on")},
        file=document.path, pointer=f"/waivers/{index}", line=document.locate(f"/waivers/{index}")[0],
        column=document.locate(f"/waivers/{index}")[1])
        for index, entry in enumerate(document.data["waivers"])]


def apply_waivers(findings: list[Finding], production: str | None, manifest_waivers: list[dict[str, Any]],
                  review_waivers: tuple[ReviewWaiver, ...], today: str, trusted_only: bool) -> list[Finding]:
    """Waive findings matched (same rule; same target or ``*``) by an unexpired waiver:
    a reviewer's first, then the manifest's own unless only trusted waivers count."""
    reviewed = [w for w in review_waivers if w.production in (production, EVERYTHING) and not is_expired(w, today)]
    claimed = [w for w in manifest_waivers if not is_expired(w, today)]
    if not reviewed and not claimed:
        return findings
    result = []
    for finding in findings:
        review = next((w for w in reviewed if _matches(w.rule, w.target, finding)), None)
        claim = next((w for w in claimed if _matches(w["rule"], w["target"], finding)), None)
        if review is not None:
            finding = replace(finding, waiver=review.as_waiver())
        elif claim is not None and trusted_only:
            finding = replace(finding, claim=_waiver(claim, source="manifest"))
        elif claim is not None:
            finding = replace(finding, waiver=_waiver(claim, source="manifest"))
        result.append(finding)
    return result


def _matches(rule: str, target: str, finding: Finding) -> bool:
    return rule == finding.rule and target in (finding.target, EVERYTHING)


def _waiver(entry: dict[str, Any], source: str, key: str | None = None) -> Waiver:
    return Waiver(reason={lang: pick(entry.get("reason"), lang) or "" for lang in LANGUAGES},
                  approved_by=entry.get("approved_by"), expires_on=entry.get("expires_on"), source=source, key=key)


_PROBLEMS = {
    "INT-004": ("reviewer waiver for {rule} on {production}/{target} expired on {expires_on}; it waives nothing",
                "審閱者就 {production}/{target} 的 {rule} 所批豁免已於 {expires_on} 屆滿，不再豁免任何結果"),
    "INT-003": ("reviewer waiver names {what} {name}, which {problem}",
                "審閱者豁免所指的{what_zh} {name} {problem_zh}"),
    "INT-008": ("reviewer waiver for {rule} on {production}/{target} matched no finding in this run",
                "審閱者就 {production}/{target} 的 {rule} 所批豁免在本次檢查中沒有對應任何結果"),
}


def review_findings(waivers: list[ReviewWaiver], results: list, rule_set: Any, today: str) -> dict[str, list[Finding]]:
    """Findings about a reviewer's waivers files, by file: expired (INT-004), naming an
    unknown rule or record (INT-003), or matching nothing (INT-008). A kind of problem is
    only reported while its rule is part of the run."""
    used = {f.waiver.key for result in results for f in result.findings if f.waiver and f.waiver.key}
    records = {result.production["id"]: set(result.record_ids) for result in results
               if result.schema_valid and result.production}
    rules = {rule.id: rule for rule in rule_set.rules}
    found: dict[str, list[Finding]] = {waiver.file: [] for waiver in waivers}
    for waiver in waivers:
        fields = {"rule": waiver.rule, "production": waiver.production, "target": waiver.target,
                  "expires_on": waiver.expires_on}
        if is_expired(waiver, today):
            problem = "INT-004", fields
        elif waiver.rule not in rule_set.known_ids:
            problem = "INT-003", {**fields, "what": "rule", "what_zh": "規則", "name": waiver.rule,
                                  "problem": "is not loaded", "problem_zh": "並未載入"}
        elif waiver.production in records and waiver.target not in records[waiver.production] | {EVERYTHING}:
            problem = "INT-003", {**fields, "what": "record", "what_zh": "紀錄", "name": waiver.target,
                                  "problem": f"is not in production {waiver.production}",
                                  "problem_zh": f"不在作品 {waiver.production} 之內"}
        elif f"{waiver.file}#{waiver.pointer}" not in used:
            problem = "INT-008", fields
        else:
            continue
        rule_id, values = problem
        if rule_id in rules:
            rule = rules[rule_id]
            english, chinese = _PROBLEMS[rule_id]
            found[waiver.file].append(Finding(
                rule=rule_id, principle=rule.principle, severity=rule.severity,
                message={"en": english.format(**values), "zh": chinese.format(**values)}, fix=rule.fix,
                pointer=waiver.pointer, line=waiver.line, column=waiver.column))
    return found
